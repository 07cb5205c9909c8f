package org.pipelineaudit.cli;

import java.io.PrintStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code status}: the last runs with their files, findings and emails (sent, pending, failed). */
@Component
public class StatusCommand {

    private final JdbcTemplate jdbc;

    public StatusCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int run(PrintStream out) {
        out.printf("%-26s %-8s %-7s %-10s %-10s %6s %9s %6s %8s %7s %9s%n", "run", "command", "dataset", "as of", "status", "files",
                "findings", "sent", "pending", "failed", "uncertain");
        jdbc.query("SELECT r.run_id, r.command, r.dataset, r.as_of, r.status, r.started_at,"
                + " (SELECT COUNT(DISTINCT file_name) FROM ingest_input i WHERE i.run_id = r.run_id) AS files,"
                + " (SELECT fr.findings FROM finding_run fr WHERE fr.run_id = r.run_id) AS findings,"
                + " (SELECT COUNT(*) FROM mail_outbox m WHERE m.run_id = r.run_id AND m.status IN ('SENT', 'WRITTEN')) AS sent,"
                + " (SELECT COUNT(*) FROM mail_outbox m WHERE m.run_id = r.run_id AND m.status = 'PENDING' AND m.attempts = 0) AS pending,"
                + " (SELECT COUNT(*) FROM mail_outbox m WHERE m.run_id = r.run_id AND m.status = 'PENDING' AND m.attempts > 0) AS failed,"
                + " (SELECT COUNT(*) FROM mail_outbox m WHERE m.run_id = r.run_id AND m.status = 'SENDING') AS uncertain"
                + " FROM audit_run r ORDER BY r.started_at DESC, r.run_id DESC", rs -> {
                    if (rs.getRow() > 20) {
                        return;
                    }
                    out.printf("%-26s %-8s %-7s %-10s %-10s %6d %9d %6d %8d %7d %9d%n", rs.getString("run_id"), rs.getString("command"),
                            rs.getString("dataset"), rs.getDate("as_of"), rs.getString("status"), rs.getLong("files"), rs.getLong("findings"),
                            rs.getLong("sent"), rs.getLong("pending"), rs.getLong("failed"), rs.getLong("uncertain"));
                });
        return 0;
    }
}
