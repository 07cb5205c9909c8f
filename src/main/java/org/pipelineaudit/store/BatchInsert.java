package org.pipelineaudit.store;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    BatchInsert(JdbcTemplate jdbc, String sql) {
        this(jdbc, sql, null, false);
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
