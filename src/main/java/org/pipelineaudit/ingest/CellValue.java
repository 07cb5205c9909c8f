package org.pipelineaudit.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One cell as a reader saw it: the text a person sees, plus the typed value when the
 * spreadsheet stored a number or a date (so parsers need not guess from formatted text).
 */
public record CellValue(String text, Double number, LocalDateTime dateTime, boolean percent) {

    public static final CellValue EMPTY = new CellValue("", null, null, false);

    public static CellValue text(String text) {
        return new CellValue(text == null ? "" : text, null, null, false);
    }

    public static CellValue number(double value, boolean percent) {
        return new CellValue(plain(value), value, null, percent);
    }

    public static CellValue date(LocalDateTime value, double serial) {
        return new CellValue(value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? value.toLocalDate().toString() : value.toString().replace('T', ' '), serial, value, false);
    }

    public boolean isBlank() {
        return text.isBlank() && number == null && dateTime == null;
    }

    /** A number as a person would type it: 10001 not 10001.0, 0.35 not 3.5E-1. */
    public static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
