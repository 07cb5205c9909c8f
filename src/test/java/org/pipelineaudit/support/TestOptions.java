package org.pipelineaudit.support;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.pipelineaudit.cli.AuditOptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Options and database settings for tests that start the Spring context directly (not through the CLI). */
public final class TestOptions {

    private TestOptions() {
    }

    public static AuditOptions of(Path work, String command) {
        return new AuditOptions(command, work, LocalDate.of(2026, 11, 30), ZoneId.of("Asia/Shanghai"), work.resolve("out"),
                work.resolve("data"), null, List.of(), null, work.resolve("inbox"), "0 0 2 * * *", "zh",
                new AuditOptions.Bench(0, 0, "csv", false));
    }

    /** A private H2 file database under {@code work} and the run log beside it. */
    public static void database(DynamicPropertyRegistry registry, Path work) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + work.resolve("db").toAbsolutePath());
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("logging.file.name", () -> work.resolve("test.log").toString());
    }
}
