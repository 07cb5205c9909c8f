package org.pipelineaudit.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends what is due in the outbox, each message claimed first so no two runs send it. With no SMTP
 * host configured each message is written as an .eml file instead. A message the server refuses, or
 * that cannot reach it, goes back to the outbox for a later try; the run itself still succeeds.
 */
public final class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** What a delivery did. */
    public record Result(int sent, int written, int failed) {
    }

    private final Outbox outbox;
    private final JavaMailSender sender; // null: no SMTP host, write .eml files
    private final String from;

    public MailDelivery(Outbox outbox, JavaMailSender sender, String from) {
        this.outbox = outbox;
        this.sender = sender;
        this.from = from;
    }

    public Result deliverDue(Path emlDir) {
        int sent = 0, written = 0, failed = 0;
        for (OutboxMessage m : outbox.due(Instant.now())) {
            if (!outbox.claim(m.id())) {
                continue; // another instance took it
            }
            try {
                if (sender == null) {
                    writeEml(m, emlDir);
                    outbox.markSent(m.id(), "WRITTEN");
                    written++;
                } else {
                    MimeMessage mime = sender.createMimeMessage();
                    fill(mime, m);
                    sender.send(mime);
                    outbox.markSent(m.id(), "SENT");
                    sent++;
                }
            } catch (MessagingException | IOException | RuntimeException e) { // MailException is a RuntimeException
                outbox.markFailed(m.id(), m.attempts() + 1, e.getMessage());
                log.warn("email {} to {} not sent, will retry: {}", m.id(), m.recipient(), e.getMessage());
                failed++;
            }
        }
        return new Result(sent, written, failed);
    }

    private void fill(MimeMessage mime, OutboxMessage m) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.recipient());
        helper.setSubject(m.subject());
        helper.setText(m.html(), true);
        if (m.inlineImage() != null && Files.isRegularFile(m.inlineImage())) {
            helper.addInline(OutboxMessage.CHART_CID, new FileSystemResource(m.inlineImage()), "image/png");
        }
        for (Path file : m.attachments()) {
            helper.addAttachment(file.getFileName().toString(), new FileSystemResource(file));
        }
    }

    private void writeEml(OutboxMessage m, Path dir) throws MessagingException, IOException {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        fill(mime, m);
        mime.saveChanges();
        Files.createDirectories(dir);
        String safe = m.recipient().replaceAll("[^A-Za-z0-9@._-]", "_");
        try (OutputStream out = Files.newOutputStream(dir.resolve("%04d-%s.eml".formatted(m.id(), safe)))) {
            mime.writeTo(out);
        }
    }
}
