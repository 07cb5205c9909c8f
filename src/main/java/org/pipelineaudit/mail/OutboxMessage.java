package org.pipelineaudit.mail;

import java.nio.file.Path;
import java.util.List;

/** One email as queued in the outbox: recipient, subject, HTML body, files to attach, an optional inline chart. */
public record OutboxMessage(long id, String runId, String recipient, String subject, String html, List<Path> attachments,
                            Path inlineImage, int attempts) {

    /** The Content-ID the HTML body uses for the inline chart ({@code <img src="cid:chart">}). */
    public static final String CHART_CID = "chart";
}
