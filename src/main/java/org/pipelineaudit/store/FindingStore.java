package org.pipelineaudit.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Findings by run: written in JDBC batches, read back sorted by rule id then entity id. */
@Repository
public class FindingStore {

    private final JdbcTemplate jdbc;
    private final FindingRuns runs;
    private final String findingOrder;
    private final TransactionTemplate ownTransaction;
    private final SqlDialect dialect;

    public FindingStore(JdbcTemplate jdbc, FindingRuns runs, SqlDialect dialect, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.dialect = dialect;
        // findings are committed batch by batch: millions of them in the step's one transaction bloat H2's
        // undo log; a rerun deletes the run's findings first, so partial batches never survive
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.findingOrder = " ORDER BY " + dialect.binary("f.rule_id") + ", " + dialect.binary("f.entity_id") + ", f.seq";
    }

    /** Deletes a run's findings and commits at once: the background writer reuses the same ids. */
    public void deleteRun(String runId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM finding WHERE id BETWEEN ? AND ?", runs.of(runId).args()));
    }

    public Writer writer(String runId) {
        return new Writer(runId);
    }

    public void forEach(String runId, Consumer<Finding> consumer) {
        forEach(runId, null, consumer);
    }

    /** The run's findings (of one team, or all when team is null) in findings.csv order. */
    public void forEach(String runId, String team, Consumer<Finding> consumer) {
        FindingRuns.Range range = runs.of(runId);
        String where = team == null ? "f.id BETWEEN ? AND ?" : "f.id BETWEEN ? AND ? AND f.team = ?";
        Object[] args = team == null ? range.args() : new Object[] {range.first(), range.last(), team};
        StreamingQuery.query(jdbc, "SELECT * FROM finding f WHERE " + where + findingOrder, rs -> {
            consumer.accept(new Finding(rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")), rs.getString("entity_type"),
                    rs.getString("entity_id"), rs.getString("team"), rs.getString("owner"), rs.getBigDecimal("metric"),
                    rs.getString("threshold"), rs.getString("message")));
        }, args);
    }

    /** The latest completed audit of the same dataset before this run, or null. */
    public String previousRunId(String runId) {
        List<String> ids = jdbc.queryForList("SELECT p.run_id FROM audit_run p JOIN audit_run c ON c.run_id = ? AND p.dataset = c.dataset"
                + " WHERE p.run_id <> c.run_id AND p.status = 'COMPLETED' AND p.command IN ('audit', 'nightly') AND p.started_at <= c.started_at"
                + " ORDER BY p.started_at DESC, p.run_id DESC", String.class, runId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Findings with a flag: true when the previous run had a finding of the same rule on the same entity (recurring). */
    public void forEachMarked(String runId, String team, String previousRunId, java.util.function.BiConsumer<Finding, Boolean> consumer) {
        String sql = "SELECT f.*, CASE WHEN p.rule_id IS NULL THEN 0 ELSE 1 END AS recurring FROM finding f"
                + " LEFT JOIN (SELECT DISTINCT rule_id, entity_id FROM finding WHERE id BETWEEN ? AND ?) p"
                + " ON p.rule_id = f.rule_id AND p.entity_id = f.entity_id WHERE f.id BETWEEN ? AND ?" + (team == null ? "" : " AND f.team = ?")
                + findingOrder;
        FindingRuns.Range previous = previousRunId == null ? FindingRuns.Range.EMPTY : runs.of(previousRunId);
        FindingRuns.Range current = runs.of(runId);
        Object[] args = team == null ? new Object[] {previous.first(), previous.last(), current.first(), current.last()}
                : new Object[] {previous.first(), previous.last(), current.first(), current.last(), team};
        StreamingQuery.query(jdbc, sql, rs -> {
            consumer.accept(new Finding(rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")), rs.getString("entity_type"),
                    rs.getString("entity_id"), rs.getString("team"), rs.getString("owner"), rs.getBigDecimal("metric"),
                    rs.getString("threshold"), rs.getString("message")), rs.getInt("recurring") == 1);
        }, args);
    }

    public Map<String, Integer> countsByRule(String runId, String team) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        FindingRuns.Range range = runs.of(runId);
        jdbc.query("SELECT rule_id, COUNT(*) FROM finding WHERE id BETWEEN ? AND ? AND team = ? GROUP BY rule_id ORDER BY rule_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, range.first(), range.last(), team);
        return counts;
    }

    public Map<String, Integer> countsByRule(String runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT rule_id, COUNT(*) FROM finding WHERE id BETWEEN ? AND ? GROUP BY rule_id ORDER BY rule_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, runs.of(runId).args());
        return counts;
    }

    /** Buffers findings and inserts them in batches from a background thread; {@link #flush} waits for all of them. */
    public final class Writer implements Consumer<Finding> {
        private final String runId;
        private final long base;
        private final BatchInsert insert = new BatchInsert(jdbc, "INSERT INTO finding (id, run_id, seq, rule_id, severity, entity_type,"
                + " entity_id, team, owner, metric, threshold, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ownTransaction, true)
                .copyOnPostgres(dialect);
        private long seq;

        private Writer(String runId) {
            this.runId = runId;
            this.base = runs.allocate(runId).first() - 1;
        }

        @Override
        public void accept(Finding f) {
            if (++seq >= FindingRuns.SPAN) {
                throw new IllegalStateException("more than " + (FindingRuns.SPAN - 1) + " findings in one run");
            }
            insert.add(new Object[] {base + seq, runId, seq, f.ruleId(), f.severity().name(), f.entityType(), RecordStore.truncate(f.entityId(), 1100),
                    RecordStore.truncate(f.team(), 512), RecordStore.truncate(f.owner(), 512), f.metric(), f.threshold(),
                    RecordStore.truncate(f.message(), 4000)});
        }

        public long count() {
            return seq;
        }

        /** Writes every finding and releases the background thread. */
        public void flush() {
            insert.close();
            runs.recordCount(runId, seq);
        }
    }
}
