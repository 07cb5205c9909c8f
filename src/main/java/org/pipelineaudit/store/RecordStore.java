package org.pipelineaudit.store;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pipelineaudit.model.FieldSpec;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.RecordKeys;
import org.pipelineaudit.model.RecordSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the records of one file into the stage tables in JDBC batches, then merges them into the
 * dataset's tables in set-based SQL: per key the last row read wins, a later file replaces earlier
 * versions, and conflicting duplicate opportunity rows are remembered for DQ-DUPLICATE.
 * Call it inside one transaction per file so a failed file leaves nothing behind.
 */
public final class RecordStore {

    private final JdbcTemplate jdbc;
    private final String dataset;
    private final String ingestId;
    private final String sourceFile;
    private final Map<Kind, BatchInsert> inserts = new EnumMap<>(Kind.class);
    private int seq;

    public RecordStore(JdbcTemplate jdbc, String dataset, String ingestId, String sourceFile) {
        this.jdbc = jdbc;
        this.dataset = dataset;
        this.ingestId = ingestId;
        this.sourceFile = sourceFile;
    }

    public void add(Kind kind, String sheet, int row, Map<String, Object> values) {
        RecordSchema schema = RecordSchema.of(kind);
        List<FieldSpec> fields = schema.storedFields();
        List<Object> args = new ArrayList<>(fields.size() + 8);
        args.add(dataset);
        if (kind == Kind.ACTIVITY || kind == Kind.TARGET) {
            args.add(RecordKeys.keyOf(kind, values));
        }
        Object[] hashParts = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Object v = values.get(fields.get(i).name());
            hashParts[i] = v;
            args.add(v instanceof LocalDate d ? Date.valueOf(d) : v);
        }
        args.add(truncate(sourceFile, 1024));
        args.add(truncate(sheet, 256));
        args.add(row);
        args.add(RecordKeys.hash(hashParts));
        args.add(ingestId);
        args.add(++seq);
        inserts.computeIfAbsent(kind, this::stageInsert).add(args.toArray());
    }

    private BatchInsert stageInsert(Kind kind) {
        String columns = columns(kind) + ", ingest_id, seq";
        String marks = columns.chars().filter(c -> c == ',').mapToObj(c -> "?, ").collect(Collectors.joining()) + "?";
        return new BatchInsert(jdbc, "INSERT INTO " + RecordSchema.of(kind).table() + "_stage (" + columns + ") VALUES (" + marks + ")");
    }

    /** Moves the staged rows into the dataset; returns the opportunity ids with conflicting duplicates. */
    public List<String> merge() {
        inserts.values().forEach(BatchInsert::flush);
        List<String> conflicts = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            RecordSchema schema = RecordSchema.of(kind);
            String table = schema.table();
            String key = schema.keyColumn();
            String stage = table + "_stage";
            String columns = columns(kind);
            if (kind == Kind.OPPORTUNITY) {
                var dups = jdbc.queryForList("SELECT " + key + " AS k, COUNT(*) AS n FROM " + stage
                        + " WHERE ingest_id = ? GROUP BY " + key + " HAVING COUNT(DISTINCT row_hash) > 1", ingestId);
                jdbc.update("DELETE FROM duplicate_key WHERE dataset = ? AND opportunity_id IN (SELECT opportunity_id FROM "
                        + stage + " WHERE ingest_id = ?)", dataset, ingestId);
                for (var d : dups) {
                    jdbc.update("INSERT INTO duplicate_key (dataset, opportunity_id, source_file, row_count) VALUES (?, ?, ?, ?)",
                            dataset, d.get("k"), sourceFile, ((Number) d.get("n")).intValue());
                    conflicts.add(String.valueOf(d.get("k")));
                }
            }
            jdbc.update("DELETE FROM " + table + " WHERE dataset = ? AND " + key + " IN (SELECT " + key + " FROM " + stage
                    + " WHERE ingest_id = ?)", dataset, ingestId);
            jdbc.update("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + stage + " s WHERE s.ingest_id = ?"
                    + " AND s.seq = (SELECT MAX(s2.seq) FROM " + stage + " s2 WHERE s2.ingest_id = s.ingest_id AND s2." + key + " = s." + key + ")",
                    ingestId);
            jdbc.update("DELETE FROM " + stage + " WHERE ingest_id = ?", ingestId);
        }
        return conflicts;
    }

    /** The stored columns of a kind, in the order {@link #add} binds them. */
    static String columns(Kind kind) {
        RecordSchema schema = RecordSchema.of(kind);
        List<String> cols = new ArrayList<>();
        cols.add("dataset");
        if (kind == Kind.ACTIVITY || kind == Kind.TARGET) {
            cols.add(schema.keyColumn());
        }
        schema.storedFields().forEach(f -> cols.add(f.name()));
        cols.addAll(List.of("source_file", "source_sheet", "source_row", "row_hash"));
        return String.join(", ", cols);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
