package org.pipelineaudit.ingest;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.pipelineaudit.model.FieldSpec;

/** Turns one cell into the canonical value of a field, or says why it cannot. */
public final class ValueReader {

    /** A read value; exactly one of value and problem is set unless the cell was empty. */
    public record Result(Object value, String problem) {
        static final Result EMPTY = new Result(null, null);

        static Result ok(Object value) {
            return value == null ? EMPTY : new Result(value, null);
        }

        static Result bad(String problem) {
            return new Result(null, problem);
        }
    }

    private final AliasCatalog aliases;
    private final DateParser dates;
    private final AmountParser amounts = new AmountParser();
    private final ProbabilityParser probabilities = new ProbabilityParser();
    private final PeriodParser periods = new PeriodParser();

    private final int maxCellChars;

    /** Enumerated columns repeat a handful of spellings: each field's reading of each one, kept (a few hundred at most). */
    private final java.util.Map<String, java.util.Map<String, Result>> enumReadings = new java.util.HashMap<>();
    private static final int MAX_ENUM_READINGS = 1024;

    public ValueReader(AliasCatalog aliases, ZoneId zone) {
        this(aliases, zone, Integer.MAX_VALUE);
    }

    /** @param maxCellChars audit.ingest.max-cell-chars: a cap on every text value, below the column sizes */
    public ValueReader(AliasCatalog aliases, ZoneId zone, int maxCellChars) {
        this.maxCellChars = maxCellChars;
        this.aliases = aliases;
        this.dates = new DateParser(aliases.dayFirst(), zone);
    }

    public Result read(FieldSpec field, CellValue cell) {
        if (cell == null || cell.isBlank()) {
            return Result.EMPTY;
        }
        return switch (field.type()) {
            case TEXT -> {
                // NUL cannot be stored (PostgreSQL refuses it in text) and is never meant: drop it
                String text = cell.text().replace("\u0000", "").strip();
                int max = Math.min(maxLength(field.name()), maxCellChars);
                if (text.length() > max) {
                    yield Result.bad("longer than " + max + " characters (" + text.length() + ")"
                            + (maxCellChars < maxLength(field.name()) ? ", the limit of audit.ingest.max-cell-chars" : ""));
                }
                yield Result.ok(text.isEmpty() ? null : aliases.valueFor(field.name(), text).orElse(text));
            }
            case DATE -> {
                var d = dates.parse(cell);
                yield d != null ? Result.ok(d)
                        : Result.bad("not a date (expected e.g. 2026-11-03, 2026/11/3, 2026年11月3日 or 11/3/2026)");
            }
            case AMOUNT -> {
                var a = amounts.parse(cell);
                yield a != null ? Result.ok(a) : Result.bad("not an amount (expected a number such as 12,000.50, ¥3万 or 1.2亿)");
            }
            case PROBABILITY -> {
                var p = probabilities.parse(cell);
                yield p != null ? Result.ok(p) : Result.bad("not a probability (expected 0-100, 35% or 0.35)");
            }
            case PERIOD -> {
                var p = periods.parse(cell);
                yield p != null ? Result.ok(p) : Result.bad("not a period (expected 2026-11 for a month or 2026-Q4 for a quarter)");
            }
            case STAGE, PRIORITY, INTENT, BUDGET_STATUS, ACTIVITY_TYPE, OUTCOME -> readEnumOnce(field, cell.text().strip());
        };
    }

    /** The longest text a field's column holds (db/migration): longer values are reported, not truncated. */
    static int maxLength(String field) {
        return switch (field) {
            case "name", "customer" -> 4000;
            case "notes", "content" -> 32000;
            default -> 512;
        };
    }

    private Result readEnumOnce(FieldSpec field, String raw) {
        var readings = enumReadings.computeIfAbsent(field.name(), f -> new java.util.HashMap<>());
        Result known = readings.get(raw);
        if (known == null) {
            known = readEnum(field, raw);
            if (readings.size() < MAX_ENUM_READINGS) {
                readings.put(raw, known);
            }
        }
        return known;
    }

    private Result readEnum(FieldSpec field, String raw) {
        var allowed = AliasCatalogLoader.allowedValues(field.name());
        Optional<String> mapped = aliases.valueFor(field.name(), raw);
        if (mapped.isEmpty()) {
            String upper = HeaderNormalizer.normalize(raw).toUpperCase(Locale.ROOT);
            if (allowed.contains(upper)) {
                mapped = Optional.of(upper);
            }
        }
        if (mapped.isPresent()) {
            return Result.ok(mapped.get());
        }
        return switch (field.type()) {
            case ACTIVITY_TYPE -> Result.ok("OTHER");
            case OUTCOME -> Result.EMPTY; // an outcome such as "Open" or 进行中 does not override the stage
            default -> Result.bad("unknown " + field.name() + " '" + raw + "' (known: " + String.join(", ", allowed)
                    + "; add it under values." + field.name() + " in a mapping file)");
        };
    }
}
