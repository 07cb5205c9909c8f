package org.pipelineaudit.ingest;

import java.util.List;
import org.pipelineaudit.model.Kind;

/**
 * What became of one sheet: its kind and row counts, or, when it matched no kind, the headers
 * it had and what the closest kind missed.
 */
public record SheetSummary(String sheet, Kind kind, int rowsRead, int rowsLoaded, int rowsRejected,
                           List<String> headers, Kind closestKind, List<String> missing, String note) {

    public boolean recognized() {
        return kind != null;
    }
}
