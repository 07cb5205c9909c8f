package org.pipelineaudit.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** Reads one input file with the reader its format needs and feeds its records to a sink. */
public final class FileIngestor {

    private final AliasCatalog aliases;
    private final ZoneId zone;

    private final int maxCellChars;

    public FileIngestor(AliasCatalog aliases, ZoneId zone) {
        this(aliases, zone, Integer.MAX_VALUE);
    }

    public FileIngestor(AliasCatalog aliases, ZoneId zone, int maxCellChars) {
        this.aliases = aliases;
        this.zone = zone;
        this.maxCellChars = maxCellChars;
    }

    public List<SheetSummary> ingest(Path file, String displayName, RecordSink sink, Runnable onRow) throws UnreadableFileException {
        InputFiles.Format format = InputFiles.formatOf(file);
        if (format == null) {
            throw new UnreadableFileException("not a spreadsheet (.xlsx, .xlsm, .xls, .csv or .tsv)");
        }
        SpreadsheetReader reader = switch (format) {
            case XLSX -> new XlsxSheetReader();
            case XLS -> new XlsSheetReader();
            case CSV -> new CsvSheetReader();
        };
        SheetIngestor ingestor = new SheetIngestor(displayName, aliases, new ValueReader(aliases, zone, maxCellChars), sink, onRow);
        reader.read(file, ingestor);
        return ingestor.summaries();
    }
}
