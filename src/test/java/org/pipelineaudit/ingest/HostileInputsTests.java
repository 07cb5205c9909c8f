package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;
import org.pipelineaudit.support.Fixtures;

/**
 * A corpus of broken and hostile files, generated here (no binaries in the repository). Each bad file
 * fails alone with a reason in plain words; the good file beside it is always loaded.
 */
class HostileInputsTests {

    @TempDir
    Path work;

    Path in;

    @BeforeEach
    void goodFileBesideEveryBadOne() throws Exception {
        in = work.resolve("in");
        Fixtures.csv(in.resolve("good.csv"), "商机编号,商机阶段,创建时间", "G1,识别,2026-11-01");
    }

    CliRun audit(String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--input", in.toString(), "--as-of", "2026-11-30"));
        args.addAll(Arrays.asList(extra));
        CliRun run = CliRun.run(work, args.toArray(String[]::new));
        assertThat(run.exitCode).as(run.stderr).isZero();
        try {
            assertThat(run.single("SELECT COUNT(*) FROM opportunity WHERE opportunity_id = 'G1'")).isEqualTo(1L);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return run;
    }

    String errorOf(CliRun run, String file) throws Exception {
        var input = run.input(file, null);
        assertThat(input.get("status").asText()).as(input.toString()).isEqualTo("FAILED");
        return input.get("error").asText();
    }

    Path validXlsx(Path file, int rows) throws Exception {
        return Fixtures.xlsx(file, Fixtures.sheet("商机", rowsOf(rows)));
    }

    /** Writes the three required opportunity columns into a row of a hand-built sheet. */
    static org.apache.poi.ss.usermodel.Row opportunityRow(org.apache.poi.ss.usermodel.Sheet sheet, int r, String id, String stage, String created) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue(id);
        row.createCell(1).setCellValue(stage);
        row.createCell(2).setCellValue(created);
        return row;
    }

    static List<List<Object>> rowsOf(int n) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("商机编号", "商机阶段", "创建时间"));
        for (int i = 0; i < n; i++) {
            rows.add(List.of("X" + i, "识别", "2026-11-01"));
        }
        return rows;
    }

    /** Rewrites one entry of a zip package. */
    static void replaceEntry(Path zip, String entry, byte[] content) throws Exception {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (ZipFile source = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (var e : java.util.Collections.list(source.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    out.write(content);
                } else {
                    try (InputStream is = source.getInputStream(e)) {
                        is.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aZipBombIsRefusedWithoutInflatingIt() throws Exception {
        Path bomb = validXlsx(in.resolve("bomb.xlsx"), 1);
        String sheet;
        try (ZipFile z = new ZipFile(bomb.toFile())) {
            sheet = new String(z.getInputStream(z.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        String padded = sheet.replace("</sheetData>", "</sheetData>" + " ".repeat(60_000_000)); // 60 MB of spaces, ~60 KB zipped
        replaceEntry(bomb, "xl/worksheets/sheet1.xml", padded.getBytes(StandardCharsets.UTF_8));

        assertThat(errorOf(audit(), "bomb.xlsx")).contains("expands too much when decompressed");
    }

    @Test
    void anExternalEntityIsNeverResolved() throws Exception {
        Path xxe = validXlsx(in.resolve("xxe.xlsx"), 0);
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>商机编号</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>商机阶段</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>创建时间</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&secret;</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>识别</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>2026-11-01</t></is></c></row></sheetData></worksheet>";
        replaceEntry(xxe, "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));

        CliRun run = audit();
        assertThat(errorOf(run, "xxe.xlsx")).contains("not allowed");
        assertThat(run.query("SELECT opportunity_id FROM opportunity")).noneMatch(r -> String.valueOf(r.get("opportunity_id")).contains("root:"));
    }

    @Test
    void anEncryptedWorkbookIsReportedAsPasswordProtected() throws Exception {
        Path plain = validXlsx(work.resolve("plain.xlsx"), 2);
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("secret");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE); OutputStream os = encryptor.getDataStream(fs)) {
                opc.save(os);
            }
            try (OutputStream out = Files.newOutputStream(in.resolve("locked.xlsx"))) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(errorOf(audit(), "locked.xlsx")).contains("password-protected");
    }

    @Test
    void truncatedRenamedAndEmptyFilesFailAlone() throws Exception {
        byte[] whole = Files.readAllBytes(validXlsx(work.resolve("whole.xlsx"), 50));
        Files.write(in.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        Files.write(in.resolve("picture.xlsx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Files.write(in.resolve("report.xls"), "%PDF-1.7 not a workbook".getBytes());
        Files.write(in.resolve("empty.xlsx"), new byte[0]);
        Files.write(in.resolve("empty.csv"), new byte[0]);

        CliRun run = audit();

        assertThat(errorOf(run, "truncated.xlsx")).containsAnyOf("damaged", "not an Excel workbook");
        assertThat(errorOf(run, "picture.xlsx")).contains("not an Excel workbook");
        assertThat(errorOf(run, "report.xls")).contains("not an Excel .xls workbook");
        assertThat(errorOf(run, "empty.xlsx")).isEqualTo("the file is empty (0 bytes)");
        assertThat(run.input("empty.csv", null).get("reason").asText()).contains("empty sheet");
    }

    @Test
    void aHeaderOnlyFileAWideSheetAndAHiddenSheetAreRead() throws Exception {
        Fixtures.csv(in.resolve("header-only.csv"), "商机编号,商机阶段,创建时间");
        List<Object> wideHeader = new ArrayList<>(List.of("商机编号", "商机阶段", "创建时间"));
        List<Object> wideRow = new ArrayList<>(List.of("W1", "识别", "2026-11-01"));
        while (wideHeader.size() < 16_384) {
            wideHeader.add("extra" + wideHeader.size());
            wideRow.add("v");
        }
        Path wide = Fixtures.xlsx(in.resolve("wide.xlsx"), Fixtures.sheet("wide", List.of(wideHeader, wideRow)));
        Path hidden = in.resolve("hidden.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("visible");
            var s = wb.createSheet("secret");
            opportunityRow(s, 0, "商机编号", "商机阶段", "创建时间");
            opportunityRow(s, 1, "H1", "识别", "2026-11-01");
            wb.setSheetHidden(1, true);
            try (OutputStream out = Files.newOutputStream(hidden)) {
                wb.write(out);
            }
        }

        CliRun run = audit();

        assertThat(run.input("header-only.csv", null).get("rows_read").asInt()).isZero();
        assertThat(run.input("wide.xlsx", "wide").get("rows_loaded").asInt()).isEqualTo(1);
        assertThat(run.input("hidden.xlsx", "secret").get("rows_loaded").asInt()).isEqualTo(1);
        assertThat(wide).exists();
    }

    @Test
    void formulasGiveTheirCachedValueAndAreNeverEvaluated() throws Exception {
        Path file = in.resolve("formulas.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var s = wb.createSheet("商机");
            opportunityRow(s, 0, "商机编号", "商机阶段", "创建时间").createCell(3).setCellValue("赢率");
            var r = opportunityRow(s, 1, "F1", "识别", "2026-11-01");
            r.createCell(3).setCellFormula("10*2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(r.getCell(3)); // Excel stores the cached 20
            opportunityRow(s, 2, "F2", "识别", "2026-11-01").createCell(3).setCellFormula("NOW()"); // no cached value: nothing is computed, the value is empty
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        CliRun run = audit();
        assertThat(run.single("SELECT probability FROM opportunity WHERE opportunity_id = 'F1'").toString()).startsWith("20");
        assertThat(run.single("SELECT probability FROM opportunity WHERE opportunity_id = 'F2'")).isNull();
    }

    @Test
    void controlCharactersMixedLineEndingsAndUnbalancedQuotes() throws Exception {
        Files.write(in.resolve("mixed.csv"), "商机编号,商机阶段,创建时间,客户名称\r\nM1,识别,2026-11-01,A\u0001B\nM2,识别,2026-11-01,C\u0000D\rM3,识别,2026-11-01,E\r\n"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("quotes.csv"), "商机编号,商机阶段,创建时间\nQ1,识别,2026-11-01\n\"Q2,识别,2026-11-01\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = audit();

        assertThat(run.input("mixed.csv", null).get("rows_loaded").asInt()).isEqualTo(3);
        assertThat(run.single("SELECT customer FROM opportunity WHERE opportunity_id = 'M2'")).isEqualTo("CD");
        assertThat(errorOf(run, "quotes.csv")).contains("malformed");
        assertThat(run.single("SELECT COUNT(*) FROM opportunity WHERE opportunity_id LIKE 'Q%'")).isEqualTo(0L); // nothing of it
    }

    @Test
    void mergedHeaderCellsAWrongEncodingAndAOneMegabyteCell() throws Exception {
        Path merged = in.resolve("merged.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var s = wb.createSheet("商机");
            s.createRow(0).createCell(0).setCellValue("商机导出（合并标题）");
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 3));
            var h = s.createRow(1);
            h.createCell(0).setCellValue("商机编号");
            h.createCell(1).setCellValue("商机阶段");
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 1, 2));
            h.createCell(3).setCellValue("创建时间");
            var r = s.createRow(2);
            r.createCell(0).setCellValue("MG1");
            r.createCell(1).setCellValue("识别");
            r.createCell(3).setCellValue("2026-11-01");
            try (OutputStream out = Files.newOutputStream(merged)) {
                wb.write(out);
            }
        }
        // ISO-8859-1 bytes are neither UTF-8 nor meant as GB18030: the rows still load, the text is what it decodes to
        Files.write(in.resolve("latin1.csv"), "opportunity_id,stage,created_date,customer\nLA1,TRACKING,2026-11-01,Caf\u00e9 M\u00fcller\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Fixtures.csv(in.resolve("acts.csv"), "跟进记录编号,商机编号,跟进时间,跟进内容", "A1,G1,2026-11-02," + "长".repeat(1_000_000));

        CliRun run = audit();

        assertThat(run.input("merged.xlsx", "商机").get("rows_loaded").asInt()).isEqualTo(1);
        assertThat(run.input("latin1.csv", null).get("rows_loaded").asInt()).isEqualTo(1);
        assertThat(run.csv("data-issues.csv")).anySatisfy(r -> {
            assertThat(r.get("file")).isEqualTo("acts.csv");
            assertThat(r.get("reason")).isEqualTo("longer than 32000 characters (1000000)");
            assertThat(r.get("action")).isEqualTo("VALUE_IGNORED");
        });
        assertThat(run.single("SELECT COUNT(*) FROM activity WHERE activity_id = 'A1'")).isEqualTo(1L);
    }

    @Test
    void hostileFileAndTeamNamesStayInsideTheirFolders() throws Exception {
        Fixtures.csv(in.resolve("=HYPERLINK(1)..csv"), "商机编号,商机阶段,创建时间,负责人", "T1,识别,2026-11-01,攻击者");
        Fixtures.csv(in.resolve("back\\slash 名字.csv"), "商机编号,商机阶段,创建时间", "T2,识别,2026-11-01");
        Fixtures.csv(in.resolve("roster.csv"), "销售,团队", "攻击者,../../escaped");
        CliRun run = audit();
        assertThat(run.outDir.resolve("managers")).isDirectoryContaining(p -> p.getFileName().toString().equals(".._.._escaped"));
        assertThat(work.resolve("escaped")).doesNotExist();
        assertThat(run.outDir.getParent().resolve("escaped")).doesNotExist();
        assertThat(Files.readString(run.outDir.resolve("findings.csv"))).doesNotContain(",=HYPERLINK");
        assertThat(run.input("back\\slash 名字.csv", null).get("rows_loaded").asInt()).isEqualTo(1);
    }

    @Test
    void limitsAreSettingsAndEachExceededOneIsAClearReason() throws Exception {
        Fixtures.csv(in.resolve("many.csv"), rowsOf(30).stream().map(r -> String.join(",", r.stream().map(String::valueOf).toList()))
                .toArray(String[]::new));
        validXlsx(in.resolve("many.xlsx"), 30);
        Files.write(in.resolve("big.csv"), new byte[2 * 1024 * 1024]);
        Fixtures.csv(in.resolve("wordy.csv"), "跟进记录编号,商机编号,跟进时间,跟进内容", "W1,G1,2026-11-02," + "字".repeat(200));

        CliRun run = audit("--audit.ingest.max-rows=20", "--audit.ingest.max-file-mb=1", "--audit.ingest.max-cell-chars=100");

        assertThat(errorOf(run, "many.csv")).contains("more than 20 data rows").contains("audit.ingest.max-rows");
        assertThat(errorOf(run, "many.xlsx")).contains("more than 20 data rows");
        assertThat(errorOf(run, "big.csv")).contains("more than the 1 MB allowed").contains("audit.ingest.max-file-mb");
        assertThat(run.csv("data-issues.csv")).anySatisfy(r -> assertThat(r.get("reason"))
                .isEqualTo("longer than 100 characters (200), the limit of audit.ingest.max-cell-chars"));
    }

}
