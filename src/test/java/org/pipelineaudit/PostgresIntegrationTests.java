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

    /**
     * Text that CSV and COPY treat specially (quotes, commas, line breaks, backslashes, the word NULL, a
     * lone quote, CJK) is stored on PostgreSQL — loaded with COPY — exactly as on H2, and an empty
     * optional cell stays NULL on both.
     */
    @Test
    void awkwardTextIsStoredOnPostgresExactlyAsOnH2() throws Exception {
        Path input = work.resolve("in");
        Files.createDirectories(input);
        String[] names = {"He said \"yes\", then \"no\"", "line one\nline two", "C:\\temp\\new", "NULL", "\\N", "\"", "  ", "客户,有限公司"};
        StringBuilder csv = new StringBuilder("opportunity_id,name,customer,stage,created_date\n");
        for (int i = 0; i < names.length; i++) {
            csv.append("O").append(i).append(',').append(quoted(names[i])).append(',')
                    .append(i % 2 == 0 ? quoted(names[i]) : "").append(",TRACKING,2026-11-0").append(i + 1).append('\n');
        }
        Files.writeString(input.resolve("opportunities.csv"), csv.toString());
        String[] audit = {"audit", "--input", input.toString(), "--as-of", "2026-11-30"};
        CliRun h2 = CliRun.run(work.resolve("h2"), audit);
        String db = freshSchema();
        CliRun pg = CliRun.run(work.resolve("pg"), concat(audit, "--db", db, "--spring.datasource.username=" + user()));
        assertThat(h2.exitCode).as(h2.stderr).isZero();
        assertThat(pg.exitCode).as(pg.stderr).isZero();

        String select = "SELECT opportunity_id, name, customer FROM opportunity ORDER BY opportunity_id";
        var onH2 = h2.query(select);
        var onPg = new java.util.ArrayList<java.util.Map<String, Object>>();
        try (Connection c = DriverManager.getConnection(db, user(), ""); var rs = c.createStatement().executeQuery(select)) {
            while (rs.next()) {
                var row = new java.util.LinkedHashMap<String, Object>();
                row.put("opportunity_id", rs.getString(1));
                row.put("name", rs.getString(2));
                row.put("customer", rs.getString(3));
                onPg.add(row);
            }
        }
        assertThat(onH2).hasSize(names.length);
        assertThat(onPg).isEqualTo(onH2);
        assertThat(onH2.get(1).get("customer")).isNull();
        assertThat(onH2.get(0).get("name")).isEqualTo(names[0]);
        assertThat(Files.readAllBytes(pg.outDir.resolve("findings.csv"))).isEqualTo(Files.readAllBytes(h2.outDir.resolve("findings.csv")));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
