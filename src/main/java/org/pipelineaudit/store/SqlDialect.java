package org.pipelineaudit.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The few places where H2 and PostgreSQL differ. Sorting text for outputs uses code-point order on both
 * (PostgreSQL's default collation follows the locale), so findings.csv is byte-identical across them.
 */
@Component
public class SqlDialect {

    private final boolean postgres;

    public SqlDialect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** A text column in ORDER BY, compared by code point. */
    public String binary(String column) {
        return postgres ? column + " COLLATE \"C\"" : column;
    }
}
