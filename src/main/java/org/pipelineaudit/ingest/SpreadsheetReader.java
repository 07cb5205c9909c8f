package org.pipelineaudit.ingest;

import java.nio.file.Path;

/** Streams every sheet of one file to a handler without holding the file in memory. */
public interface SpreadsheetReader {

    void read(Path file, SheetRowHandler handler) throws UnreadableFileException;
}
