package org.pipelineaudit.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Buffers rows for one INSERT statement and sends them in JDBC batches (no statement per row). With its
 * own transaction per batch it can send them from a background thread, so the caller (the rules)
 * keeps computing while the database writes; at most {@link #IN_FLIGHT} batches wait, bounding memory.
 */
final class BatchInsert {

    static final int SIZE = 1000;
    /** Rows per transaction when sent from the background: on H2 a commit costs as much as ~2,000 inserts. */
    static final int BACKGROUND_SIZE = 10_000;
    private static final int IN_FLIGHT = 3;

    private final JdbcTemplate jdbc;
    private final String sql;
    private List<Object[]> rows = new ArrayList<>();
    private final TransactionTemplate ownTransaction;
    private final ExecutorService background;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private final int size;
    private String copy;

    BatchInsert(JdbcTemplate jdbc, String sql) {
        this(jdbc, sql, null, false);
    }

    private static final Pattern PLAIN_INSERT = Pattern.compile("INSERT INTO (\\w+) \\(([\\w, ]+)\\) VALUES \\([?, ]+\\)");

    /**
     * On PostgreSQL a plain INSERT goes as {@code COPY … FROM STDIN} in CSV, one batch per COPY: the rows
     * travel as text in one stream instead of one bound statement each (ingest of a million rows: see
     * README, Benchmarks). Same rows, same constraints, same errors.
     */
    BatchInsert copyOnPostgres(SqlDialect dialect) {
        Matcher m = PLAIN_INSERT.matcher(sql);
        if (dialect.isPostgres() && m.matches()) {
            copy = "COPY " + m.group(1) + " (" + m.group(2) + ") FROM STDIN WITH (FORMAT csv)";
        }
        return this;
    }

    /**
     * @param ownTransaction when set, each batch commits on its own instead of joining the caller's transaction
     * @param inBackground   send the batches from a background thread (only with ownTransaction); call {@link #close}
     */
    BatchInsert(JdbcTemplate jdbc, String sql, TransactionTemplate ownTransaction, boolean inBackground) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.ownTransaction = ownTransaction;
        this.background = ownTransaction != null && inBackground
                ? Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "batch-insert");
                    t.setDaemon(true);
                    return t;
                })
                : null;
        this.size = background == null ? SIZE : BACKGROUND_SIZE;
    }

    void add(Object[] row) {
        rows.add(row);
        if (rows.size() >= size) {
            send();
        }
    }

    private void send() {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> batch = rows;
        rows = new ArrayList<>(size);
        if (ownTransaction == null) {
            write(batch);
        } else if (background == null) {
            ownTransaction.executeWithoutResult(status -> write(batch));
        } else {
            while (pending.size() >= IN_FLIGHT) {
                await(pending.removeFirst());
            }
            pending.addLast(background.submit(() -> ownTransaction.executeWithoutResult(status -> write(batch))));
        }
    }

    /**
     * One JDBC batch on the current transaction's connection. The values are already JDBC types (String,
     * BigDecimal, LocalDate, Integer, Long): set as they are, without JdbcTemplate's per-value type
     * inspection (a tenth of loading a million rows); a null goes as an untyped NULL.
     */
    private void write(List<Object[]> batch) {
        if (copy != null) {
            copy(batch);
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Object[] row : batch) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            ps.setNull(i + 1, Types.NULL);
                        } else {
                            ps.setObject(i + 1, row[i]);
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private void copy(List<Object[]> batch) {
        StringBuilder csv = new StringBuilder(batch.size() * 256);
        for (Object[] row : batch) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csvValue(csv, row[i]);
            }
            csv.append('\n');
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** COPY's CSV: null is an empty unquoted field, so every text is quoted (an empty text stays empty, not null). */
    static void csvValue(StringBuilder csv, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof java.math.BigDecimal d) {
            csv.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof java.time.LocalDate || v instanceof java.sql.Date) {
            csv.append(v);
        } else {
            String s = v.toString();
            csv.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    csv.append('"');
                }
                csv.append(c);
            }
            csv.append('"');
        }
    }

    /** Sends what is buffered and waits until every batch is written. */
    void flush() {
        send();
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    /** Flushes and stops the background thread, if any. */
    void close() {
        try {
            flush();
        } finally {
            if (background != null) {
                background.shutdown();
            }
        }
    }

    private static void await(Future<?> batch) {
        try {
            batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
