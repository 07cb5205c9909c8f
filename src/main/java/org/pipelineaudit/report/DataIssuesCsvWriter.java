package org.pipelineaudit.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pipelineaudit.ingest.DataIssue;

/** data-issues.csv: {@code file,sheet,row,column,value,reason,action} (SPEC §6). */
public final class DataIssuesCsvWriter {

    public static final List<String> HEADER = List.of("file", "sheet", "row", "column", "value", "reason", "action");

    public void write(Path file, List<DataIssue> issues) throws IOException {
        try (CsvOutput csv = new CsvOutput(file, HEADER)) {
            for (DataIssue i : issues) {
                csv.row(i.file(), i.sheet(), i.row(), i.column(), i.value(), i.reason(), i.action().name());
            }
        }
    }
}
