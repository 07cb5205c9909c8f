package org.pipelineaudit.ingest;

import java.util.List;

/** Receives the rows of each sheet of a file, in order, as a reader streams them. */
public interface SheetRowHandler {

    void startSheet(String sheetName);

    /**
     * @param rowNumber 1-based, as Excel shows it (for CSV: the record number)
     * @param cells     valid during the call only: a reader may reuse the list for the next row
     */
    void row(int rowNumber, List<CellValue> cells);

    void endSheet();
}
