package org.pipelineaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Each run's findings in one primary-key range of a real H2 file database, before and after the migration that made it so. */
class FindingRunsIntegrationTests {

    @TempDir
    Path work;

    DriverManagerDataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:h2:file:" + work.resolve("db").toAbsolutePath(), "sa", "");
        jdbc = new JdbcTemplate(dataSource);
    }

    Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2");
        return (target == null ? config : config.target(target)).load();
    }

    FindingStore store() {
        var transactions = new DataSourceTransactionManager(dataSource);
        return new FindingStore(jdbc, new FindingRuns(jdbc, transactions), new SqlDialect(dataSource), transactions);
    }

    static Finding finding(String rule, String entity) {
        return new Finding(rule, Severity.WARN, "OPPORTUNITY", entity, "华东", "张伟", BigDecimal.ONE, "3", rule + " on " + entity);
    }

    static List<String> read(FindingStore store, String runId) {
        List<String> out = new ArrayList<>();
        store.forEach(runId, f -> out.add(f.ruleId() + " " + f.entityId()));
        return out;
    }

    void write(FindingStore store, String runId, Finding... findings) {
        store.deleteRun(runId);
        FindingStore.Writer w = store.writer(runId);
        for (Finding f : findings) {
            w.accept(f);
        }
        w.flush();
    }

    @Nested
    class Writing {

        @BeforeEach
        void migrate() {
            flyway(null).migrate();
        }

        @Test
        void twoRunsGetSeparateRangesAndReadBackOnlyTheirOwnFindingsInFindingsCsvOrder() {
            FindingStore store = store();
            write(store, "run-a", finding("FUP-GAP", "O2"), finding("CLS-MISSING", "O9"), finding("FUP-GAP", "O1"));
            write(store, "run-b", finding("HND-UNASSIGNED", "O5"));

            assertThat(read(store, "run-a")).containsExactly("CLS-MISSING O9", "FUP-GAP O1", "FUP-GAP O2");
            assertThat(read(store, "run-b")).containsExactly("HND-UNASSIGNED O5");
            FindingRuns.Range a = new FindingRuns(jdbc, new DataSourceTransactionManager(dataSource)).of("run-a");
            assertThat(jdbc.queryForList("SELECT id FROM finding WHERE run_id = 'run-a' ORDER BY id", Long.class))
                    .containsExactly(a.first(), a.first() + 1, a.first() + 2);
            assertThat(jdbc.queryForObject("SELECT findings FROM finding_run WHERE run_id = 'run-b'", Long.class)).isEqualTo(1L);
        }

        @Test
        void rewritingARunReplacesItsFindingsAndLeavesTheOtherRunAlone() {
            FindingStore store = store();
            write(store, "run-a", finding("FUP-GAP", "O1"), finding("FUP-GAP", "O2"));
            write(store, "run-b", finding("FUP-GAP", "O1"));
            write(store, "run-a", finding("CNV-PAST-DUE", "O3"));

            assertThat(read(store, "run-a")).containsExactly("CNV-PAST-DUE O3");
            assertThat(read(store, "run-b")).containsExactly("FUP-GAP O1");
            assertThat(store.countsByRule("run-a")).containsOnlyKeys("CNV-PAST-DUE");
            assertThat(jdbc.queryForObject("SELECT findings FROM finding_run WHERE run_id = 'run-a'", Long.class)).isEqualTo(1L);
        }

        @Test
        void aRunThatWroteNothingReadsAsEmpty() {
            assertThat(read(store(), "never-ran")).isEmpty();
            assertThat(store().countsByRule("never-ran")).isEmpty();
        }
    }

    @Test
    void theMigrationRekeysFindingsOfEarlierRunsIntoTheirRangesAndDropsTheSecondaryIndex() {
        flyway("6").migrate();
        // ids as the identity column gave them: the two runs interleaved
        String insert = "INSERT INTO finding (run_id, seq, rule_id, severity, entity_type, entity_id, message) VALUES (?, ?, ?, 'WARN', 'OPPORTUNITY', ?, 'm')";
        jdbc.update(insert, "old-1", 1, "FUP-GAP", "O1");
        jdbc.update(insert, "old-2", 1, "FUP-GAP", "O7");
        jdbc.update(insert, "old-1", 2, "CLS-MISSING", "O2");
        jdbc.update(insert, "old-2", 2, "FUP-GAP", "O8");

        flyway(null).migrate();

        FindingStore store = store();
        assertThat(read(store, "old-1")).containsExactly("CLS-MISSING O2", "FUP-GAP O1");
        assertThat(read(store, "old-2")).containsExactly("FUP-GAP O7", "FUP-GAP O8");
        assertThat(jdbc.queryForList("SELECT run_id || ':' || findings FROM finding_run ORDER BY run_no", String.class))
                .containsExactly("old-1:2", "old-2:2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'FINDING_RUN_RULE'", Long.class))
                .isZero();
        // a new run after the migration takes the next range
        write(store, "new", finding("FUP-GAP", "O1"));
        assertThat(jdbc.queryForObject("SELECT MIN(id) FROM finding WHERE run_id = 'new'", Long.class)).isEqualTo(3L * (1L << 32) + 1);
    }
}
