package org.pipelineaudit.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.RecordSchema;

/**
 * Decides what a header row holds: the first kind (OPPORTUNITY, ACTIVITY, FEEDBACK, TARGET, ROSTER)
 * whose required fields are all present, and which column feeds which field.
 */
public final class KindDetector {

    /** The outcome for one header row. {@code kind} is null when nothing matched. */
    public record Detection(Kind kind, Map<String, Integer> columns, Kind closestKind, List<String> missing) {
    }

    private final AliasCatalog aliases;

    public KindDetector(AliasCatalog aliases) {
        this.aliases = aliases;
    }

    public Detection detect(List<String> headers) {
        Kind closest = null;
        List<String> closestMissing = null;
        for (Kind kind : Kind.values()) {
            Map<String, Integer> columns = columnsFor(kind, headers);
            RecordSchema schema = RecordSchema.of(kind);
            if (schema.isSatisfiedBy(columns.keySet())) {
                return new Detection(kind, columns, kind, List.of());
            }
            List<String> missing = schema.missingFrom(columns.keySet());
            if (closestMissing == null || missing.size() < closestMissing.size()) {
                closest = kind;
                closestMissing = missing;
            }
        }
        return new Detection(null, Map.of(), closest, closestMissing);
    }

    /** Field to column index; when two columns name the same field the first one is used. */
    Map<String, Integer> columnsFor(Kind kind, List<String> headers) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            aliases.fieldFor(kind, headers.get(i)).ifPresent(field -> columns.putIfAbsent(field, column));
        }
        return columns;
    }

}
