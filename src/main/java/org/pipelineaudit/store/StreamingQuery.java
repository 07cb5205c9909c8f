package org.pipelineaudit.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query of any size read row by row. PostgreSQL's driver fetches a result in pieces (the fetch size)
 * only inside a transaction; with auto-commit on it reads every row into memory first, which for
 * millions of findings or opportunities is more than the heap. Outside a transaction this opens a
 * read-only one for the query and ends it after; inside one it joins it.
 */
final class StreamingQuery {

    static final int FETCH_SIZE = 2000;

    private StreamingQuery() {
    }

    static void query(JdbcTemplate jdbc, String sql, RowCallbackHandler handler, Object... args) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                new ArgumentPreparedStatementSetter(args).setValues(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.processRow(rs);
                    }
                }
            } finally {
                if (autoCommit) {
                    connection.rollback(); // it only read
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
    }
}
