package org.pipelineaudit.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pipelineaudit.bench.TypedRow;

/** Writes small, readable input files for tests: CSV in any encoding, .xlsx and .xls with typed cells. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Percent-formatted number in a workbook cell. */
    public record Percent(double value) {
    }

    public static Path csv(Path file, Charset charset, byte[] bom, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bom);
            out.write(String.join("\r\n", lines).concat("\r\n").getBytes(charset));
        }
        return file;
    }

    public static Path csv(Path file, String... lines) throws IOException {
        return csv(file, java.nio.charset.StandardCharsets.UTF_8, new byte[0], lines);
    }

    /** A workbook with one sheet per entry; each row is a list of values (String, Number, LocalDate, LocalDateTime, Percent, null). */
    public static Path xlsx(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        return write(new XSSFWorkbook(), file, sheets);
    }

    public static Path xls(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        return write(new HSSFWorkbook(), file, sheets);
    }

    public static Map<String, List<List<Object>>> sheet(String name, List<List<Object>> rows) {
        Map<String, List<List<Object>>> m = new LinkedHashMap<>();
        m.put(name, rows);
        return m;
    }

    public static void touch(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static Path write(Workbook wb, Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        Files.createDirectories(file.getParent());
        try (wb) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0%"));
            for (var entry : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(entry.getKey());
                int r = 0;
                for (List<Object> values : entry.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Percent p) {
                            var cell = row.createCell(c);
                            cell.setCellValue(p.value());
                            cell.setCellStyle(percent);
                        } else if (v != null) {
                            TypedRow.set(row.createCell(c), v, new TypedRow.Styles(date, dateTime, null));
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
