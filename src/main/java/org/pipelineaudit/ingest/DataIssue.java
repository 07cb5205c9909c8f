package org.pipelineaudit.ingest;

/** One bad row or value, as written to data-issues.csv (SPEC §2 "Bad values"). */
public record DataIssue(String file, String sheet, Integer row, String column, String value, String reason, Action action) {

    public enum Action { ROW_REJECTED, VALUE_IGNORED }
}
