package org.pipelineaudit.mail;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox table. A message is claimed (PENDING → SENDING) by a conditional update, so two
 * instances never send the same one; SENT and WRITTEN are final. A message left SENDING by a crash is
 * not resent (we cannot know whether the server got it) and shows in `status` as uncertain.
 */
@Repository
public class Outbox {

    private final JdbcTemplate jdbc;
    private final long backoffSeconds;

    public Outbox(JdbcTemplate jdbc, @org.springframework.beans.factory.annotation.Value("${audit.mail.backoff-seconds:60}") long backoffSeconds) {
        this.jdbc = jdbc;
        this.backoffSeconds = backoffSeconds;
    }

    /** Queues a message once per run, recipient and subject; a second queue of the same one is ignored. */
    public void queue(String runId, String recipient, String subject, String html, List<Path> attachments, Path inlineImage) {
        try {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO mail_outbox (run_id, recipient, subject, html, attachments, inline_image, status, attempts,"
                            + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    runId, recipient, subject, html, String.join("\n", attachments.stream().map(Path::toString).toList()),
                    inlineImage == null ? null : inlineImage.toString(), now, now);
        } catch (DuplicateKeyException e) {
            // already queued by this run: the outbox keeps one
        }
    }

    /** Messages due for a (re)try, oldest first. */
    public List<OutboxMessage> due(Instant now) {
        return jdbc.query("SELECT * FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id",
                (rs, i) -> new OutboxMessage(rs.getLong("id"), rs.getString("run_id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("html"), paths(rs.getString("attachments")),
                        rs.getString("inline_image") == null ? null : Path.of(rs.getString("inline_image")), rs.getInt("attempts")),
                Timestamp.from(now));
    }

    /** @return true when this caller now owns the message (it was PENDING) */
    public boolean claim(long id) {
        return jdbc.update("UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'", id) == 1;
    }

    public void markSent(long id, String status) {
        jdbc.update("UPDATE mail_outbox SET status = ?, sent_at = ?, last_error = NULL WHERE id = ?", status, Timestamp.from(Instant.now()), id);
    }

    /** Back to PENDING, tried again after a backoff that doubles with each attempt (1, 2, 4 … × audit.mail.backoff-seconds, at most 6 h). */
    public void markFailed(long id, int attempts, String error) {
        long seconds = Math.min(6 * 3600, backoffSeconds * (1L << Math.min(attempts - 1, 12)));
        jdbc.update("UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(Instant.now().plus(Duration.ofSeconds(seconds))), error == null ? null : error.substring(0, Math.min(4000, error.length())), id);
    }

    private static List<Path> paths(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split("\n")).map(Path::of).toList();
    }
}
