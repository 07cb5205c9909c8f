package org.pipelineaudit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads a table whole, in slices of H2's row id, on one or more threads (the partitions). H2 copies a
 * result larger than it keeps in memory to a temporary file before handing over the first row (most of
 * the time of reading 5,000,000 activities at once); a slice of the table's own B-tree small enough to
 * stay in memory is read in order with no copy, and slices can be read side by side. Each partition
 * takes the next slice until none is left, with a handler of its own, so handlers need no locking; the
 * caller merges them. On PostgreSQL, which streams a result inside a transaction ({@link StreamingQuery}), the
 * table is read in one piece.
 */
public final class SlicedScan {

    /** How many threads read, and about how many rows a slice holds. */
    public record Settings(int partitions, int sliceRows) {
        public Settings {
            partitions = Math.max(1, partitions);
            sliceRows = Math.max(1, sliceRows);
        }
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Settings settings;

    SlicedScan(JdbcTemplate jdbc, SqlDialect dialect, Settings settings) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.settings = settings;
    }

    /** Runs {@code SELECT columns FROM table WHERE where} over the whole table on this thread, in row-id order. */
    void inOrder(String columns, String table, String where, Object[] args, RowCallbackHandler handler) {
        scan(columns, table, where, args, 1, () -> handler);
    }

    /**
     * Runs {@code SELECT columns FROM table WHERE where} over the whole table on up to the configured
     * number of partitions.
     *
     * @param handler one new handler per partition
     * @return the partitions' handlers, each having seen its slices in row-id order
     */
    <H extends RowCallbackHandler> List<H> inParallel(String columns, String table, String where, Object[] args, Supplier<H> handler) {
        return scan(columns, table, where, args, settings.partitions(), handler);
    }

    private <H extends RowCallbackHandler> List<H> scan(String columns, String table, String where, Object[] args, int partitions,
                                                        Supplier<H> handler) {
        String select = "SELECT " + columns + " FROM " + dialect.scan(table) + " WHERE " + where;
        if (dialect.isPostgres()) {
            H only = handler.get();
            StreamingQuery.query(jdbc, select, only, args);
            return List.of(only);
        }
        long[] bounds = jdbc.queryForObject("SELECT MIN(_ROWID_), MAX(_ROWID_), COUNT(*) FROM " + table,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        if (bounds[2] == 0) {
            return List.of(handler.get());
        }
        long span = bounds[1] - bounds[0] + 1;
        // row ids have gaps after deletes and other datasets: size a slice by the ids' density
        long width = Math.max(1, (long) Math.ceil((double) settings.sliceRows() * span / bounds[2]));
        long slices = (span + width - 1) / width;
        String sliced = select + " AND _ROWID_ BETWEEN ? AND ?";
        Object[] sliceArgs = java.util.Arrays.copyOf(args, args.length + 2);
        AtomicLong next = new AtomicLong();
        int threads = (int) Math.min(partitions, slices);
        List<H> handlers = new ArrayList<>();
        List<Runnable> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            H h = handler.get();
            handlers.add(h);
            readers.add(() -> {
                Object[] a = sliceArgs.clone();
                for (long s = next.getAndIncrement(); s < slices; s = next.getAndIncrement()) {
                    a[args.length] = bounds[0] + s * width;
                    a[args.length + 1] = bounds[0] + (s + 1) * width - 1;
                    jdbc.query(sliced, h, a);
                }
            });
        }
        if (threads == 1) {
            readers.get(0).run();
        } else {
            runAll(readers);
        }
        return handlers;
    }

    private static void runAll(List<Runnable> readers) {
        ExecutorService pool = Executors.newFixedThreadPool(readers.size(), r -> {
            Thread t = new Thread(r, "rules-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            readers.forEach(r -> running.add(pool.submit(r)));
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
