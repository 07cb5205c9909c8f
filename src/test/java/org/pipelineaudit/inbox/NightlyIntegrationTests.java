package org.pipelineaudit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;

/** `nightly` on real folders, with GreenMail as a real SMTP server. */
class NightlyIntegrationTests {

    static final String AS_OF = "2026-11-30";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path work;

    Path inbox() {
        return work.resolve("inbox");
    }

    void dropExports() throws Exception {
        Fixtures.csv(inbox().resolve("商机 导出 (11月).csv"), "商机编号,负责人,商机阶段,赢率,创建时间,预计成交日期",
                "N1,张伟,需求确认,30,2026-11-01,2026-12-31", "N2,王强,需求确认,30,2026-11-01,2026-11-15");
        Fixtures.csv(inbox().resolve("roster.csv"), "销售,团队,经理,经理邮箱", "张伟,华东大区,陈静,chen@example.com",
                "王强,华北大区,郑华,zheng@example.com");
    }

    CliRun nightly(String... extra) {
        List<String> args = new ArrayList<>(List.of("nightly", "--inbox", inbox().toString(), "--as-of", AS_OF,
                "--audit.inbox.stable-seconds=0", "--audit.mail.auditors=auditor@example.com"));
        args.addAll(Arrays.asList(extra));
        return CliRun.run(work, args.toArray(String[]::new));
    }

    static String[] smtpAt(int port) {
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port};
    }

    @Test
    void managersGetTheirTeamPackAndAuditorsTheCompliancePdf() throws Exception {
        dropExports();

        CliRun run = nightly(smtpAt(ServerSetupTest.SMTP.getPort()));

        assertThat(run.exitCode).as(run.stderr).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("chen@example.com", "zheng@example.com", "auditor@example.com");
        MimeMessage east = Arrays.stream(received).filter(m -> recipient(m).equals("chen@example.com")).findFirst().orElseThrow();
        assertThat(east.getSubject()).startsWith("【销售管道审计】华东大区 2026-11-30");
        List<Part> parts = parts(east);
        String html = parts.stream().filter(p -> type(p).startsWith("text/html")).map(NightlyIntegrationTests::text).findFirst().orElseThrow();
        assertThat(html).contains("华东大区").contains("cid:chart").contains("N1");
        assertThat(parts).anySatisfy(p -> assertThat(type(p)).startsWith("image/png"));
        Part workbook = parts.stream().filter(p -> name(p).endsWith(".xlsx")).findFirst().orElseThrow();
        try (InputStream in = workbook.getInputStream(); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("问题清单").getRow(1).getCell(4).getStringCellValue()).isEqualTo("华东大区");
        }
        Part pdf = parts.stream().filter(p -> name(p).endsWith(".pdf")).findFirst().orElseThrow();
        try (InputStream in = pdf.getInputStream(); var doc = Loader.loadPDF(in.readAllBytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("华东大区").doesNotContain("华北大区");
        }
        MimeMessage audit = Arrays.stream(received).filter(m -> recipient(m).equals("auditor@example.com")).findFirst().orElseThrow();
        assertThat(parts(audit)).anySatisfy(p -> assertThat(name(p)).isEqualTo("compliance-2026-11-30.pdf"));
        // the inbox is emptied into archive/<today>/
        assertThat(inbox().resolve("archive").resolve(LocalDate.now().toString()).resolve("商机 导出 (11月).csv")).exists();
        try (Stream<Path> left = Files.list(inbox())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void whenSmtpIsDownTheRunSucceedsAndTheEmailsAreSentOnceOnALaterRun() throws Exception {
        dropExports();
        CliRun down = nightly(concat(smtpAt(3999), "--audit.mail.backoff-seconds=0"));
        assertThat(down.exitCode).as(down.stderr).isZero();
        assertThat(down.stdout).contains("3 waiting to be retried");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        CliRun up = nightly(concat(smtpAt(ServerSetupTest.SMTP.getPort()), "--audit.mail.backoff-seconds=0"));
        assertThat(up.exitCode).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(6); // the first run's three, retried, and the second run's three

        CliRun again = nightly(concat(smtpAt(ServerSetupTest.SMTP.getPort()), "--audit.mail.backoff-seconds=0"));
        assertThat(again.exitCode).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(9); // only the third run's own: nothing sent twice
        assertThat(again.query("SELECT COUNT(*) AS n FROM mail_outbox WHERE status = 'SENT'").get(0).get("n")).isEqualTo(9L);
    }

    @Test
    void withoutAnSmtpHostEachEmailIsWrittenAsAnEmlFile() throws Exception {
        dropExports();
        CliRun run = nightly();
        assertThat(run.exitCode).as(run.stderr).isZero();
        Path mailDir = run.outDir.resolve("mail");
        List<Path> emls;
        try (Stream<Path> files = Files.list(mailDir)) {
            emls = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(emls).hasSize(3);
        try (InputStream in = Files.newInputStream(emls.get(0))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(m.getSubject()).startsWith("【销售管道审计】");
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCorruptFileFailsAloneAndADuplicateIsArchivedWithoutLoading() throws Exception {
        dropExports();
        Files.write(inbox().resolve("broken.xlsx"), "garbage".getBytes());
        Files.writeString(inbox().resolve("notes.txt"), "hello");
        CliRun first = nightly();
        assertThat(first.exitCode).isZero();
        Path failed = inbox().resolve("failed");
        assertThat(failed.resolve("broken.xlsx")).exists();
        assertThat(Files.readString(failed.resolve("broken.xlsx.error.txt"), StandardCharsets.UTF_8)).contains("broken.xlsx")
                .contains("not an Excel workbook");
        assertThat(failed.resolve("notes.txt.error.txt")).exists();

        // the same export dropped again under another name: archived as a duplicate, nothing loaded twice
        Fixtures.csv(inbox().resolve("again.csv"), "商机编号,负责人,商机阶段,赢率,创建时间,预计成交日期",
                "N1,张伟,需求确认,30,2026-11-01,2026-12-31", "N2,王强,需求确认,30,2026-11-01,2026-11-15");
        CliRun second = nightly();
        assertThat(second.stdout).contains("again.csv").contains("DUPLICATE");
        assertThat(inbox().resolve("archive").resolve(LocalDate.now().toString()).resolve("again.csv")).exists();
        assertThat(second.single("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'")).isEqualTo(2L);
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItIsStable() throws Exception {
        Files.createDirectories(inbox());
        Path growing = inbox().resolve("growing.csv");
        Files.writeString(growing, "商机编号,负责人,商机阶段,创建时间\n");
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 12; i++) {
                    Files.writeString(growing, "G" + i + ",张伟,识别,2026-11-01\n", java.nio.file.StandardOpenOption.APPEND);
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        CliRun during = CliRun.run(work, "nightly", "--inbox", inbox().toString(), "--as-of", AS_OF,
                "--audit.inbox.stable-seconds=1", "--audit.inbox.max-wait-seconds=1");
        assertThat(during.exitCode).isZero();
        assertThat(growing).exists(); // still being written: left in the inbox
        writer.join();
        CliRun after = CliRun.run(work, "nightly", "--inbox", inbox().toString(), "--as-of", AS_OF,
                "--audit.inbox.stable-seconds=1", "--audit.inbox.max-wait-seconds=10");
        assertThat(after.stdout).contains("growing.csv").contains("LOADED");
        assertThat(after.single("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'")).isEqualTo(12L);
    }

    @Test
    void statusListsTheRunsWithTheirEmails() throws Exception {
        dropExports();
        nightly();
        CliRun status = CliRun.run(work, "status");
        assertThat(status.exitCode).isZero();
        assertThat(status.stdout).contains("nightly").contains("inbox").contains(AS_OF).contains("COMPLETED");
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Part> parts(Part part) throws Exception {
        List<Part> out = new ArrayList<>();
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                out.add(bp);
                out.addAll(parts(bp));
            }
        }
        return out;
    }

    static String type(Part p) {
        try {
            return p.getContentType().toLowerCase();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(Part p) {
        try {
            return p.getFileName() == null ? "" : jakarta.mail.internet.MimeUtility.decodeText(p.getFileName());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Part p) {
        try {
            return (String) p.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
