package org.pipelineaudit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.PipelineAuditApplication;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.support.Fixtures;
import org.pipelineaudit.support.TestOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** `serve` takes files as they arrive in the inbox and stops cleanly. */
@SpringBootTest(classes = {PipelineAuditApplication.class, ServeIntegrationTests.Options.class})
class ServeIntegrationTests {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestOptions.database(registry, work);
        registry.add("audit.inbox.poll-seconds", () -> "1");
        registry.add("audit.inbox.stable-seconds", () -> "1");
    }

    @TestConfiguration
    static class Options {
        @Bean
        AuditOptions auditOptions() {
            return TestOptions.of(work, "serve");
        }
    }

    @Autowired
    ServeCommand serve;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ingestsFilesAsTheyArriveAndStopsWhenAsked() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int[] exit = {-1};
        Thread server = new Thread(() -> {
            try {
                exit[0] = serve.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Fixtures.csv(inbox.resolve("arrived later.csv"), "商机编号,负责人,商机阶段,创建时间", "S1,张伟,识别,2026-11-01");
        Path archived = inbox.resolve("archive").resolve(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()).resolve("arrived later.csv");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(archived) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        serve.stop();
        server.join(30_000);

        assertThat(archived).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'", Integer.class)).isEqualTo(1);
        assertThat(exit[0]).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("watching").contains("arrived later.csv LOADED");
    }
}
