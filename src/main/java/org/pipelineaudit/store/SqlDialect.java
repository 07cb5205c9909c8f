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

    /**
     * A table to be read whole for one dataset. H2 would use the primary key's index for "dataset = ?" and
     * then fetch every row from the table by id (random reads, 5× slower on millions of rows); a table
     * scan reads it in order. PostgreSQL's planner chooses well on its own.
     */
    public String scan(String table) {
        return postgres ? table : table + " USE INDEX ()";
    }

    /** A text column in ORDER BY, compared by code point. */
    public String binary(String column) {
        return postgres ? column + " COLLATE \"C\"" : column;
    }
}
