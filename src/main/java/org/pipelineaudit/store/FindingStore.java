package org.pipelineaudit.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Findings by run: written in JDBC batches, read back sorted by rule id then entity id. */
@Repository
public class FindingStore {

    private final JdbcTemplate jdbc;

    public FindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteRun(String runId) {
        jdbc.update("DELETE FROM finding WHERE run_id = ?", runId);
    }

    public Writer writer(String runId) {
        return new Writer(runId);
    }

    public void forEach(String runId, Consumer<Finding> consumer) {
        forEach(runId, null, consumer);
    }

    /** The run's findings (of one team, or all when team is null) in findings.csv order. */
    public void forEach(String runId, String team, Consumer<Finding> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(2000);
        String where = team == null ? "run_id = ?" : "run_id = ? AND team = ?";
        Object[] args = team == null ? new Object[] {runId} : new Object[] {runId, team};
        streaming.query("SELECT * FROM finding WHERE " + where + " ORDER BY rule_id, entity_id, seq", rs -> {
            consumer.accept(new Finding(rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")), rs.getString("entity_type"),
                    rs.getString("entity_id"), rs.getString("team"), rs.getString("owner"), rs.getBigDecimal("metric"),
                    rs.getString("threshold"), rs.getString("message")));
        }, args);
    }

    public Map<String, Integer> countsByRule(String runId, String team) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT rule_id, COUNT(*) FROM finding WHERE run_id = ? AND team = ? GROUP BY rule_id ORDER BY rule_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, runId, team);
        return counts;
    }

    public Map<String, Integer> countsByRule(String runId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("SELECT rule_id, COUNT(*) FROM finding WHERE run_id = ? GROUP BY rule_id ORDER BY rule_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, runId);
        return counts;
    }

    /** Buffers findings and inserts them in batches. */
    public final class Writer implements Consumer<Finding> {
        private final String runId;
        private final List<Object[]> rows = new ArrayList<>();
        private long seq;

        private Writer(String runId) {
            this.runId = runId;
        }

        @Override
        public void accept(Finding f) {
            rows.add(new Object[] {runId, ++seq, f.ruleId(), f.severity().name(), f.entityType(), RecordStore.truncate(f.entityId(), 1100),
                    RecordStore.truncate(f.team(), 512), RecordStore.truncate(f.owner(), 512), f.metric(), f.threshold(),
                    RecordStore.truncate(f.message(), 4000)});
            if (rows.size() >= 1000) {
                flush();
            }
        }

        public long count() {
            return seq;
        }

        public void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO finding (run_id, seq, rule_id, severity, entity_type, entity_id, team, owner, metric, "
                        + "threshold, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
    }
}
