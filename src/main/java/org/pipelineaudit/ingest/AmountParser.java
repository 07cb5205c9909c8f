package org.pipelineaudit.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads money (SPEC §2): numbers, or text with thousands separators, currency signs or codes
 * (¥ ￥ $ € CNY USD …), and the units 万 (×10⁴) and 亿 (×10⁸); "(1,200)" is negative as in accounting.
 */
public final class AmountParser {

    private static final Pattern CURRENCY = Pattern.compile("(?i)(CNY|RMB|USD|EUR|GBP|HKD|JPY|US\\$|元|人民币|[¥$€£])");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$");

    /** @return the amount rounded to 4 decimals, or null when the text is not an amount */
    public BigDecimal parse(CellValue cell) {
        if (cell.number() != null && cell.dateTime() == null) {
            return round(BigDecimal.valueOf(cell.number()));
        }
        String text = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).strip();
        if (text.isEmpty()) {
            return null;
        }
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        }
        text = CURRENCY.matcher(text).replaceAll("");
        BigDecimal unit = BigDecimal.ONE;
        if (text.endsWith("万")) {
            unit = BigDecimal.valueOf(10_000);
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("亿")) {
            unit = BigDecimal.valueOf(100_000_000);
            text = text.substring(0, text.length() - 1);
        }
        text = text.replace(",", "").replace("'", "").replace("_", "").replaceAll("\\s+", "");
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text).multiply(unit);
        return round(negative ? value.negate() : value);
    }

    static BigDecimal round(BigDecimal value) {
        BigDecimal r = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
