package org.pipelineaudit.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/**
 * Writes a row of Java values as typed cells, the way Excel stores them: dates as date-formatted serials,
 * numbers as numbers, the rest as text; null leaves the cell out. Used by the bench generator and by the
 * tests' fixture and sample-data writers.
 */
public final class TypedRow {

    /** Styles for the typed cells; any may be null (no format). */
    public record Styles(CellStyle date, CellStyle dateTime, CellStyle number) {
    }

    private TypedRow() {
    }

    public static void write(Row row, List<?> values, Styles styles) {
        for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v != null) {
                set(row.createCell(c), v, styles);
            }
        }
    }

    public static void set(Cell cell, Object v, Styles styles) {
        if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            style(cell, styles.date());
        } else if (v instanceof LocalDateTime d) {
            cell.setCellValue(d);
            style(cell, styles.dateTime() != null ? styles.dateTime() : styles.date());
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            style(cell, styles.number());
        } else {
            cell.setCellValue(v.toString());
        }
    }

    private static void style(Cell cell, CellStyle style) {
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
