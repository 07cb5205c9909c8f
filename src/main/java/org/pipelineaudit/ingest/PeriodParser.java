package org.pipelineaudit.ingest;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target period into its canonical form: {@code 2026-11} (month) or {@code 2026-Q4} (quarter).
 * Accepts 2026-11, 2026/11, 2026.11, 2026年11月, 2026-Q4, 2026Q4, 2026 Q4, 2026年第4季度, and month-formatted date cells.
 */
public final class PeriodParser {

    private static final Pattern MONTH = Pattern.compile("^(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*月?$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})\\s*(?:[-/.]|年)?\\s*(?:Q|第)\\s*([1-4])\\s*(?:季度?)?$", Pattern.CASE_INSENSITIVE);

    public String parse(CellValue cell) {
        if (cell.dateTime() != null) {
            LocalDate d = cell.dateTime().toLocalDate();
            return "%04d-%02d".formatted(d.getYear(), d.getMonthValue());
        }
        String text = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).strip();
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? "%s-%02d".formatted(m.group(1), month) : null;
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            return m.group(1) + "-Q" + m.group(2);
        }
        return null;
    }
}
