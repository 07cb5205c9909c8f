package org.pipelineaudit.ingest;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.RecordSchema;

/**
 * Every header alias and value alias in force for a run: the built-in ones, then each mapping
 * file in the order given (a later entry wins on a clash).
 */
public final class AliasCatalog {

    private final Map<Kind, Map<String, String>> headerToField = new EnumMap<>(Kind.class);
    private final Set<String> knownHeaders = new HashSet<>();
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private boolean dayFirst;

    public AliasCatalog() {
        for (Kind kind : Kind.values()) {
            Map<String, String> map = new HashMap<>();
            headerToField.put(kind, map);
            RecordSchema.of(kind).fields().keySet().forEach(field -> addHeader(kind, field, field));
        }
    }

    /** Adds a header alias for a field of one kind. */
    public void addHeader(Kind kind, String field, String alias) {
        String key = HeaderNormalizer.normalize(alias);
        if (!key.isEmpty()) {
            headerToField.get(kind).put(key, field);
            knownHeaders.add(key);
        }
    }

    /** Adds a header alias for the field in every kind that has it (mapping files name fields, not kinds). */
    public void addHeader(String field, String alias) {
        for (Kind kind : Kind.values()) {
            if (RecordSchema.of(kind).field(field).isPresent()) {
                addHeader(kind, field, alias);
            }
        }
    }

    public void addValue(String field, String raw, String canonical) {
        values.computeIfAbsent(field, f -> new HashMap<>()).put(HeaderNormalizer.normalize(raw), canonical);
    }

    public void setDayFirst(boolean dayFirst) {
        this.dayFirst = dayFirst;
    }

    public boolean dayFirst() {
        return dayFirst;
    }

    public boolean isKnownHeader(String rawHeader) {
        return knownHeaders.contains(HeaderNormalizer.normalize(rawHeader));
    }

    public Optional<String> fieldFor(Kind kind, String rawHeader) {
        return Optional.ofNullable(headerToField.get(kind).get(HeaderNormalizer.normalize(rawHeader)));
    }

    /** The canonical value a raw value maps to for a field, if an alias says so. */
    public Optional<String> valueFor(String field, String raw) {
        Map<String, String> map = values.get(field);
        return map == null ? Optional.empty() : Optional.ofNullable(map.get(HeaderNormalizer.normalize(raw)));
    }
}
