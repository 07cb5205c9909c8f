package org.pipelineaudit.store;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Buffers rows for one INSERT statement and sends them in JDBC batches (no statement per row). */
final class BatchInsert {

    static final int SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();
    private final TransactionTemplate ownTransaction;

    BatchInsert(JdbcTemplate jdbc, String sql) {
        this(jdbc, sql, null);
    }

    /** @param ownTransaction when set, each batch commits on its own instead of joining the caller's transaction */
    BatchInsert(JdbcTemplate jdbc, String sql, TransactionTemplate ownTransaction) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.ownTransaction = ownTransaction;
    }

    void add(Object[] row) {
        rows.add(row);
        if (rows.size() >= SIZE) {
            flush();
        }
    }

    void flush() {
        if (rows.isEmpty()) {
            return;
        }
        if (ownTransaction == null) {
            jdbc.batchUpdate(sql, rows);
        } else {
            ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(sql, rows));
        }
        rows.clear();
    }
}
