package org.pipelineaudit.store;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pipelineaudit.model.FieldSpec;
import org.pipelineaudit.model.Kind;
import org.pipelineaudit.model.RecordKeys;
import org.pipelineaudit.model.RecordSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the records of one file straight into the dataset's tables with an upsert in JDBC batches, in
 * read order: per key the last row read wins and a later file replaces earlier versions. Opportunity
 * keys are tracked in a primitive map (64-bit key hash → row hash) to find conflicting duplicate rows
 * for DQ-DUPLICATE without a query per row. Call it inside one transaction per file so a failed file
 * leaves nothing behind.
 */
public final class RecordStore {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String dataset;
    private final String loadId;
    private final String sourceFile;
    private final Map<Kind, BatchInsert> upserts = new EnumMap<>(Kind.class);
    private final Map<Kind, BatchInsert> inserts = new EnumMap<>(Kind.class);
    private final Map<Kind, LongHashSet> keysOfEmptyTables = new EnumMap<>(Kind.class);
    private final LongLongHashMap rowHashByKey = new LongLongHashMap();
    private final LongIntHashMap rowsByDuplicatedKey = new LongIntHashMap();
    private final Map<Long, String> conflicts = new LinkedHashMap<>();

    public RecordStore(JdbcTemplate jdbc, SqlDialect dialect, String dataset, String loadId, String sourceFile) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.dataset = dataset;
        this.loadId = loadId;
        this.sourceFile = sourceFile;
    }

    public void add(Kind kind, String sheet, int row, Map<String, Object> values) {
        RecordSchema schema = RecordSchema.of(kind);
        List<FieldSpec> fields = schema.storedFields();
        Object[] args = new Object[fields.size() + 7];
        int a = 0;
        args[a++] = dataset;
        if (kind == Kind.ACTIVITY || kind == Kind.TARGET) {
            args[a++] = RecordKeys.keyOf(kind, values);
        }
        Object[] hashParts = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Object v = values.get(fields.get(i).name());
            hashParts[i] = v;
            args[a++] = v; // a LocalDate goes to JDBC as it is: java.sql.Date would go through the time zone twice
        }
        long rowHash = RecordKeys.hash(hashParts);
        args[a++] = truncate(sourceFile, 1024);
        args[a++] = truncate(sheet, 256);
        args[a++] = row;
        args[a++] = rowHash;
        boolean firstOfKey;
        if (kind == Kind.OPPORTUNITY) {
            args[a++] = loadId;
            firstOfKey = track(String.valueOf(values.get("opportunity_id")), rowHash);
        } else {
            firstOfKey = true;
        }
        Object[] bound = a == args.length ? args : java.util.Arrays.copyOf(args, a);
        if (!keysOfEmptyTables.containsKey(kind)) {
            keysOfEmptyTables.put(kind, isEmpty(kind) ? new LongHashSet() : null);
        }
        LongHashSet keys = keysOfEmptyTables.get(kind);
        if (keys != null && (kind == Kind.OPPORTUNITY ? firstOfKey : keys.add(RecordKeys.hash(bound[1])))) {
            // the dataset had none of this kind and the file has not had this key: a plain insert, cheaper than an upsert
            inserts.computeIfAbsent(kind, this::insert).add(bound);
            return;
        }
        BatchInsert pendingInserts = inserts.get(kind);
        if (pendingInserts != null) {
            pendingInserts.flush(); // the key's first row must be in before it is replaced
        }
        upserts.computeIfAbsent(kind, this::upsert).add(bound);
    }

    private boolean isEmpty(Kind kind) {
        RecordSchema schema = RecordSchema.of(kind);
        return jdbc.queryForList("SELECT 1 FROM " + schema.table() + " WHERE dataset = ? FETCH FIRST 1 ROWS ONLY", dataset).isEmpty();
    }

    /**
     * Remembers each opportunity key of the file; a key seen again with other values is a conflict.
     * Returns whether the key is new to the file (a 64-bit hash collision only makes it look seen: an upsert, still right).
     */
    private boolean track(String key, long rowHash) {
        long keyHash = RecordKeys.hash(key);
        int slot = rowHashByKey.indexOf(keyHash);
        if (!rowHashByKey.indexExists(slot)) {
            rowHashByKey.indexInsert(slot, keyHash, rowHash);
            return true;
        }
        rowsByDuplicatedKey.putOrAdd(keyHash, 2, 1);
        if (rowHashByKey.indexGet(slot) != rowHash) {
            conflicts.putIfAbsent(keyHash, key);
        }
        return false;
    }

    private BatchInsert insert(Kind kind) {
        List<String> columns = storedColumns(kind);
        return new BatchInsert(jdbc, "INSERT INTO " + RecordSchema.of(kind).table() + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")").copyOnPostgres(dialect);
    }

    private static List<String> storedColumns(Kind kind) {
        List<String> columns = new ArrayList<>(columns(kind));
        if (kind == Kind.OPPORTUNITY) {
            columns.add("load_id");
        }
        return columns;
    }

    private BatchInsert upsert(Kind kind) {
        RecordSchema schema = RecordSchema.of(kind);
        List<String> columns = storedColumns(kind);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        String list = String.join(", ", columns);
        String key = "dataset, " + schema.keyColumn();
        String sql;
        if (dialect.isPostgres()) {
            String updates = columns.stream().filter(c -> !c.equals("dataset") && !c.equals(schema.keyColumn())).map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            sql = "INSERT INTO " + schema.table() + " (" + list + ") VALUES (" + marks + ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
        } else {
            sql = "MERGE INTO " + schema.table() + " (" + list + ") KEY (" + key + ") VALUES (" + marks + ")";
        }
        return new BatchInsert(jdbc, sql);
    }

    /**
     * Sends what is still buffered and records the file's conflicting duplicates (replacing the flags an
     * earlier file left on the keys this one loaded); returns the conflicting opportunity ids.
     */
    public List<String> finish() {
        inserts.values().forEach(BatchInsert::flush);
        upserts.values().forEach(BatchInsert::flush);
        if (upserts.containsKey(Kind.OPPORTUNITY) || inserts.containsKey(Kind.OPPORTUNITY)) {
            jdbc.update("DELETE FROM duplicate_key WHERE dataset = ? AND opportunity_id IN (SELECT o.opportunity_id FROM opportunity o"
                    + " WHERE o.dataset = ? AND o.load_id = ?)", dataset, dataset, loadId);
        }
        for (var conflict : conflicts.entrySet()) {
            jdbc.update("INSERT INTO duplicate_key (dataset, opportunity_id, source_file, row_count) VALUES (?, ?, ?, ?)",
                    dataset, conflict.getValue(), sourceFile, rowsByDuplicatedKey.get(conflict.getKey()));
        }
        return List.copyOf(conflicts.values());
    }

    /** The stored columns of a kind, in the order {@link #add} binds them. */
    static List<String> columns(Kind kind) {
        RecordSchema schema = RecordSchema.of(kind);
        List<String> cols = new ArrayList<>();
        cols.add("dataset");
        if (kind == Kind.ACTIVITY || kind == Kind.TARGET) {
            cols.add(schema.keyColumn());
        }
        schema.storedFields().forEach(f -> cols.add(f.name()));
        cols.addAll(List.of("source_file", "source_sheet", "source_row", "row_hash"));
        return cols;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
