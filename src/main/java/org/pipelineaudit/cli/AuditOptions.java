package org.pipelineaudit.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The command and options of one invocation (SPEC §1), after validation. */
public record AuditOptions(String command, Path input, LocalDate asOf, ZoneId zone, Path out, Path dataDir, String db,
                           List<Path> mappings, Path rules, Path inbox, String schedule, String lang,
                           Bench bench) {

    /** Options of the bench command: the size and format of the generated export, or only the rules on what is loaded. */
    public record Bench(int opportunities, int activities, String format, boolean rulesOnly) {
    }

    /** Where this run's outputs go: {@code <out>/<as-of>/}. */
    public Path runOutDir() {
        return out.resolve(asOf.toString());
    }

    public String jdbcUrl() {
        if (db != null) {
            return db;
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("pipeline-audit") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
