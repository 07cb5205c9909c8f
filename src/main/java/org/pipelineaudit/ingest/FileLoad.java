package org.pipelineaudit.ingest;

import java.util.List;
import java.util.Map;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.store.RecordStore;
import org.pipelineaudit.store.RunStore;
import org.pipelineaudit.store.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writing one file into the dataset: its records (upserts in read order), its data issues and its
 * sheet summaries. The caller holds the file's transaction.
 */
final class FileLoad implements RecordSink {

    private final RunStore runs;
    private final String runId;
    private final int fileSeq;
    private final String displayName;
    private final RecordStore records;
    private final RunStore.IssueBatch issues;

    FileLoad(JdbcTemplate jdbc, SqlDialect dialect, RunStore runs, String dataset, String runId, int fileSeq, String displayName) {
        this.runs = runs;
        this.runId = runId;
        this.fileSeq = fileSeq;
        this.displayName = displayName;
        this.records = new RecordStore(jdbc, dialect, dataset, runId + ":" + fileSeq, displayName);
        this.issues = runs.issues(runId, fileSeq);
    }

    @Override
    public void record(Kind kind, String sheet, int row, Map<String, Object> values) {
        records.add(kind, sheet, row, values);
    }

    @Override
    public void issue(DataIssue issue) {
        issues.add(issue);
    }

    /** Sends what is buffered and records the sheets; returns the rows loaded. */
    long finish(String sha256, List<SheetSummary> sheets) {
        records.finish();
        issues.flush();
        runs.saveSheets(runId, fileSeq, displayName, sha256, sheets);
        return sheets.stream().mapToLong(SheetSummary::rowsLoaded).sum();
    }

    long issueCount() {
        return issues.count();
    }
}
