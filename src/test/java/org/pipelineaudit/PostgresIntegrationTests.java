package org.pipelineaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;

/**
 * The whole audit on PostgreSQL (same Flyway migrations, the job repository there too) gives the same
 * findings.csv and data-issues.csv as on H2, byte for byte. .ci/run starts a PostgreSQL server and sets
 * PIPELINE_AUDIT_PG_URL; without it (a developer machine without PostgreSQL) this class is skipped.
 */
@EnabledIfEnvironmentVariable(named = "PIPELINE_AUDIT_PG_URL", matches = ".+")
class PostgresIntegrationTests {

    @TempDir
    Path work;

    String freshSchema() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(System.getenv("PIPELINE_AUDIT_PG_URL"), user(), "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return System.getenv("PIPELINE_AUDIT_PG_URL") + "?currentSchema=" + schema;
    }

    static String user() {
        String u = System.getenv("PIPELINE_AUDIT_PG_USER");
        return u == null ? "postgres" : u;
    }

    @Test
    void theSampleAuditGivesIdenticalOutputsOnPostgresAndH2() throws Exception {
        String[] audit = {"audit", "--input", "sample-data", "--as-of", "2026-11-30", "--mapping", "sample-data/hubspot-mapping.yml"};
        CliRun h2 = CliRun.run(work.resolve("h2"), audit);
        CliRun pg = CliRun.run(work.resolve("pg"), concat(audit, "--db", freshSchema(), "--spring.datasource.username=" + user()));

        assertThat(pg.exitCode).as(pg.stderr).isZero();
        assertThat(Files.readAllBytes(pg.outDir.resolve("findings.csv"))).isEqualTo(Files.readAllBytes(h2.outDir.resolve("findings.csv")));
        assertThat(Files.readAllBytes(pg.outDir.resolve("data-issues.csv")))
                .isEqualTo(Files.readAllBytes(h2.outDir.resolve("data-issues.csv")));
        assertThat(pg.summary().get("counts")).isEqualTo(h2.summary().get("counts"));
        assertThat(pg.summary().get("findings_by_rule")).isEqualTo(h2.summary().get("findings_by_rule"));
        assertThat(pg.outDir.resolve("compliance-2026-11-30.pdf")).exists();
        assertThat(pg.outDir.resolve("pipeline-audit-2026-11-30.xlsx")).exists();
    }

    @Test
    void theInboxDatasetRecognisesAFileAlreadyIngestedOnPostgres() throws Exception {
        String db = freshSchema();
        String[] ingest = {"ingest", "--input", "sample-data", "--mapping", "sample-data/hubspot-mapping.yml", "--db", db,
                "--spring.datasource.username=" + user()};
        CliRun first = CliRun.run(work.resolve("one"), ingest);
        CliRun second = CliRun.run(work.resolve("two"), ingest);
        assertThat(first.exitCode).as(first.stderr).isZero();
        assertThat(first.stdout).doesNotContain("DUPLICATE");
        assertThat(second.stdout).contains("DUPLICATE");
        assertThat(second.stdout).contains("opportunities=360");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
