package org.pipelineaudit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a UTF-8 CSV output file (RFC 4180 quoting), every text cell formula-safe. */
public final class CsvOutput implements AutoCloseable {

    private final CSVPrinter printer;

    public CsvOutput(Path file, List<String> header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        printer.printRecord(header);
    }

    /** Numbers pass as they are; everything else is written as formula-safe text. */
    public void row(Object... cells) throws IOException {
        Object[] out = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i];
            out[i] = c == null ? "" : c instanceof java.math.BigDecimal b ? b.toPlainString()
                    : c instanceof Number ? c : SpreadsheetText.safe(c.toString());
        }
        printer.printRecord(out);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
