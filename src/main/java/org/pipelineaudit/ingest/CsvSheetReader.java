package org.pipelineaudit.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a .csv or .tsv as one sheet named after the file; encoding and delimiter are detected. */
public final class CsvSheetReader implements SpreadsheetReader {

    private final CsvEncodingDetector encodings = new CsvEncodingDetector();

    @Override
    public void read(Path file, SheetRowHandler handler) throws UnreadableFileException {
        CsvEncodingDetector.Detected detected;
        char delimiter;
        try {
            detected = encodings.detect(file);
            delimiter = file.getFileName().toString().toLowerCase().endsWith(".tsv") ? '\t' : sniffDelimiter(file, detected);
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file: " + e.getMessage(), e);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        try (Reader reader = open(file, detected); CSVParser parser = CSVParser.parse(reader, format)) {
            handler.startSheet(sheetName(file));
            for (CSVRecord record : parser) {
                List<CellValue> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(CellValue.text(value));
                }
                handler.row((int) record.getRecordNumber(), cells);
            }
            handler.endSheet();
        } catch (IOException | UncheckedIOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableFileException("the CSV is malformed: " + why, e);
        }
    }

    static String sheetName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Reader open(Path file, CsvEncodingDetector.Detected detected) throws IOException {
        var in = Files.newInputStream(file);
        in.skipNBytes(detected.bomLength());
        return new BufferedReader(new InputStreamReader(in, detected.charset()), 64 * 1024);
    }

    /** The most frequent of comma, semicolon and tab outside quotes on the first line wins; comma on a tie. */
    private static char sniffDelimiter(Path file, CsvEncodingDetector.Detected detected) throws IOException {
        try (BufferedReader reader = new BufferedReader(open(file, detected))) {
            String line = reader.readLine();
            if (line == null) {
                return ',';
            }
            int comma = 0, semicolon = 0, tab = 0;
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    if (c == ',') comma++;
                    else if (c == ';') semicolon++;
                    else if (c == '\t') tab++;
                }
            }
            if (tab > comma && tab >= semicolon) return '\t';
            if (semicolon > comma) return ';';
            return ',';
        }
    }
}
