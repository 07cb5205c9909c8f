package org.pipelineaudit.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.ingest.DataIssue;
import org.pipelineaudit.ingest.SheetSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Runs, what each run read (per file and sheet), and the data issues it found. */
@Repository
public class RunStore {

    /** One row of summary.json's inputs. */
    public record InputRow(int fileSeq, String file, String sha256, String sheet, String kind, Integer rowsRead,
                           Integer rowsLoaded, Integer rowsRejected, String status, String error, String headers,
                           String missing) {
    }

    private final JdbcTemplate jdbc;

    public RunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void startRun(String runId, String command, String dataset, LocalDate asOf) {
        jdbc.update("INSERT INTO audit_run (run_id, command, dataset, as_of, started_at, status) VALUES (?, ?, ?, ?, ?, 'RUNNING')",
                runId, command, dataset, java.sql.Date.valueOf(asOf), Timestamp.from(Instant.now()));
    }

    public void finishRun(String runId, String status) {
        jdbc.update("UPDATE audit_run SET finished_at = ?, status = ? WHERE run_id = ?", Timestamp.from(Instant.now()), status, runId);
    }

    public void saveSheets(String runId, int fileSeq, String file, String sha256, List<SheetSummary> sheets) {
        for (SheetSummary s : sheets) {
            String status = s.recognized() ? "LOADED" : "UNRECOGNIZED";
            insertInput(runId, fileSeq, file, sha256, s.sheet(), s.kind() == null ? null : s.kind().name(), s.rowsRead(),
                    s.rowsLoaded(), s.rowsRejected(), status, s.note(), String.join(" | ", s.headers()),
                    s.missing().isEmpty() ? null : (s.closestKind() + ": " + String.join(", ", s.missing())));
        }
    }

    public void saveFileStatus(String runId, int fileSeq, String file, String sha256, String status, String error) {
        insertInput(runId, fileSeq, file, sha256, null, null, null, null, null, status, error, null, null);
    }

    private void insertInput(String runId, int fileSeq, String file, String sha, String sheet, String kind, Integer read,
                             Integer loaded, Integer rejected, String status, String error, String headers, String missing) {
        Integer next = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM ingest_input WHERE run_id = ?", Integer.class, runId);
        jdbc.update("INSERT INTO ingest_input (run_id, seq, file_seq, file_name, sha256, sheet, kind, rows_read, rows_loaded, "
                        + "rows_rejected, status, error, headers, missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runId, next, fileSeq, file, sha, RecordStore.truncate(sheet, 256), kind, read, loaded, rejected, status,
                RecordStore.truncate(error, 4000), RecordStore.truncate(headers, 8000), RecordStore.truncate(missing, 1000));
    }

    public List<InputRow> inputs(String runId) {
        return jdbc.query("SELECT * FROM ingest_input WHERE run_id = ? ORDER BY seq", (rs, i) -> new InputRow(
                rs.getInt("file_seq"), rs.getString("file_name"), rs.getString("sha256"), rs.getString("sheet"),
                rs.getString("kind"), (Integer) rs.getObject("rows_read"), (Integer) rs.getObject("rows_loaded"),
                (Integer) rs.getObject("rows_rejected"), rs.getString("status"), rs.getString("error"),
                rs.getString("headers"), rs.getString("missing")), runId);
    }

    /** Batches one file's data issues; flush inside the file's transaction. */
    public IssueBatch issues(String runId, int fileSeq) {
        return new IssueBatch(runId, fileSeq);
    }

    public List<DataIssue> dataIssues(String runId) {
        return jdbc.query("SELECT * FROM data_issue WHERE run_id = ? ORDER BY file_seq, seq", (rs, i) -> new DataIssue(
                rs.getString("file_name"), rs.getString("sheet"), (Integer) rs.getObject("row_no"), rs.getString("column_name"),
                rs.getString("raw_value"), rs.getString("reason"), DataIssue.Action.valueOf(rs.getString("action"))), runId);
    }

    public void deleteDataset(String dataset) {
        for (String table : List.of("opportunity", "activity", "feedback", "sales_target", "rep", "duplicate_key")) {
            jdbc.update("DELETE FROM " + table + " WHERE dataset = ?", dataset);
        }
    }

    public Map<String, Integer> counts(String dataset) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("opportunities", count("opportunity", dataset));
        counts.put("activities", count("activity", dataset));
        counts.put("feedback", count("feedback", dataset));
        counts.put("targets", count("sales_target", dataset));
        counts.put("reps", count("rep", dataset));
        return counts;
    }

    private int count(String table, String dataset) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE dataset = ?", Integer.class, dataset);
    }

    /** A buffer of data issues written in JDBC batches. */
    public final class IssueBatch {
        private final String runId;
        private final int fileSeq;
        private final BatchInsert insert = new BatchInsert(jdbc, "INSERT INTO data_issue (run_id, file_seq, seq, file_name, sheet,"
                + " row_no, column_name, raw_value, reason, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        private long seq;

        private IssueBatch(String runId, int fileSeq) {
            this.runId = runId;
            this.fileSeq = fileSeq;
        }

        public void add(DataIssue issue) {
            insert.add(new Object[] {runId, fileSeq, ++seq, issue.file(), RecordStore.truncate(issue.sheet(), 256), issue.row(),
                    RecordStore.truncate(issue.column(), 1024), RecordStore.truncate(issue.value(), 4000),
                    RecordStore.truncate(issue.reason(), 4000), issue.action().name()});
        }

        public long count() {
            return seq;
        }

        public void flush() {
            insert.flush();
        }
    }
}
