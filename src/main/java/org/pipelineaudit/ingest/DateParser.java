package org.pipelineaudit.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads a date cell into a calendar date (SPEC §2): Excel date cells and serials, {@code yyyy-MM-dd},
 * {@code yyyy/M/d}, {@code yyyy.M.d}, {@code yyyy年M月d日}, {@code M/d/yyyy} (or day first), Zoho's
 * {@code 15 Apr, 2021}, each with an optional time. Times with an offset are moved into the zone first.
 */
public final class DateParser {

    private static final Pattern YMD = Pattern.compile(
            "^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T\\s]+(\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?\\s*$");
    private static final Pattern MDY = Pattern.compile(
            "^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?:[\\sT]+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?(?:\\s*[AaPp][Mm])?)?\\s*$");
    private static final Pattern SERIAL = Pattern.compile("^\\d{1,7}(\\.\\d+)?$");
    private static final DateTimeFormatter DAY_MONTH_NAME_YEAR = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM[,] yyyy").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_NAME_DAY_YEAR = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d[,] yyyy").toFormatter(Locale.ENGLISH);
    private static final Pattern NAMED_MONTH = Pattern.compile(
            "^(\\d{1,2}\\s+[A-Za-z]{3,9},?\\s+\\d{4}|[A-Za-z]{3,9}\\s+\\d{1,2},?\\s+\\d{4})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp][Mm])?)?\\s*$");

    private static final double MIN_SERIAL = 18264; // 1950-01-01
    private static final double MAX_SERIAL = 73051; // 2099-12-31

    private final boolean dayFirst;
    private final ZoneId zone;

    public DateParser(boolean dayFirst, ZoneId zone) {
        this.dayFirst = dayFirst;
        this.zone = zone;
    }

    /** @return the date, or null when the text is not a date this parser knows */
    public LocalDate parse(CellValue cell) {
        if (cell.dateTime() != null) {
            return cell.dateTime().toLocalDate();
        }
        if (cell.number() != null) {
            return fromSerial(cell.number());
        }
        String text = cell.text().strip();
        if (text.isEmpty()) {
            return null;
        }
        text = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        try {
            Matcher m = YMD.matcher(text);
            if (m.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                if (m.group(5) != null && m.group(4) != null) {
                    String iso = date + "T" + padTime(m.group(4)) + normalizeOffset(m.group(5));
                    return OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDate();
                }
                return date;
            }
            m = MDY.matcher(text);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += 2000;
                }
                return dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
            }
            if (NAMED_MONTH.matcher(text).matches()) {
                String datePart = text.replaceAll("\\s+\\d{1,2}:\\d{2}.*$", "").replaceAll("\\s+", " ");
                try {
                    return LocalDate.parse(datePart, DAY_MONTH_NAME_YEAR);
                } catch (DateTimeParseException e) {
                    return LocalDate.parse(datePart, MONTH_NAME_DAY_YEAR);
                }
            }
            if (SERIAL.matcher(text).matches()) {
                return fromSerial(Double.parseDouble(text));
            }
            if (text.endsWith("Z") && text.contains("T")) {
                return Instant.parse(text).atZone(zone).toLocalDate();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static LocalDate fromSerial(double serial) {
        // Plausible serials only (1950..2099): a bare 2026 in a date column is a year typed wrongly, not 1905-07-18.
        if (serial < MIN_SERIAL || serial > MAX_SERIAL) {
            return null;
        }
        return DateUtil.getLocalDateTime(serial, false, true).toLocalDate();
    }

    private static String padTime(String time) {
        String[] parts = time.split(":");
        String hh = parts[0].length() == 1 ? "0" + parts[0] : parts[0];
        return parts.length == 2 ? hh + ":" + parts[1] + ":00" : hh + ":" + time.substring(time.indexOf(':') + 1);
    }

    private static String normalizeOffset(String offset) {
        if ("Z".equals(offset)) {
            return "Z";
        }
        return offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    }
}
