package org.pipelineaudit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.pipelineaudit.store.FindingStore;

/**
 * findings.csv (SPEC §6): UTF-8, sorted by rule_id then entity_id, metric with at most 4 decimals.
 * Streams from the database so memory does not grow with the number of findings.
 */
public final class FindingsCsvWriter {

    public static final List<String> HEADER = List.of("rule_id", "severity", "entity_type", "entity_id", "team", "owner", "metric",
            "threshold", "message");

    public void write(Path file, FindingStore store, String runId) throws IOException {
        try (CsvOutput csv = new CsvOutput(file, HEADER)) {
            store.forEach(runId, f -> {
                try {
                    csv.row(f.ruleId(), f.severity().name(), f.entityType(), f.entityId(), f.team(), f.owner(), metric(f.metric()),
                            f.threshold(), f.message());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** At most 4 decimals, no trailing zeros; a number, so it is never escaped as text. */
    static BigDecimal metric(BigDecimal m) {
        if (m == null) {
            return null;
        }
        BigDecimal s = m.setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
