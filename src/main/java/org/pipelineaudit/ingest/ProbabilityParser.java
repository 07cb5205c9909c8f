package org.pipelineaudit.ingest;

import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * Reads a probability on the 0–100 scale (SPEC §2): {@code 35%} → 35; a percent-formatted cell
 * 0.35 → 35; a plain number with a fraction that is ≤ 1 (0.35) → 35; otherwise the number as is.
 */
public final class ProbabilityParser {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @return the probability rounded to 4 decimals, or null when unreadable */
    public BigDecimal parse(CellValue cell) {
        BigDecimal value;
        if (cell.number() != null && cell.dateTime() == null) {
            value = BigDecimal.valueOf(cell.number());
            if (cell.percent() || isFractionUpToOne(value)) {
                value = value.multiply(HUNDRED);
            }
            return AmountParser.round(value);
        }
        String text = Normalizer.normalize(cell.text(), Normalizer.Form.NFKC).strip();
        if (text.isEmpty()) {
            return null;
        }
        boolean percent = text.endsWith("%");
        if (percent) {
            text = text.substring(0, text.length() - 1).strip();
        }
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!percent && isFractionUpToOne(value)) {
            value = value.multiply(HUNDRED);
        }
        return AmountParser.round(value);
    }

    private static boolean isFractionUpToOne(BigDecimal value) {
        return value.compareTo(BigDecimal.ONE) <= 0 && value.signum() > 0
                && value.stripTrailingZeros().scale() > 0;
    }
}
