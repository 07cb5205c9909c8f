package org.pipelineaudit.ingest;

import java.util.Map;
import org.pipelineaudit.model.Kind;

/** Where a sheet's accepted records and its data issues go. */
public interface RecordSink {

    void record(Kind kind, String sheet, int row, Map<String, Object> values);

    void issue(DataIssue issue);
}
