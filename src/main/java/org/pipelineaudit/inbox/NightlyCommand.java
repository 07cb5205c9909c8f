package org.pipelineaudit.inbox;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.pipelineaudit.audit.AuditService;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.ingest.IngestService;
import org.pipelineaudit.mail.MailComposer;
import org.pipelineaudit.mail.MailConfiguration.MailSettings;
import org.pipelineaudit.mail.MailDelivery;
import org.pipelineaudit.schedule.NightlyLock;
import org.pipelineaudit.store.RunStore;
import org.springframework.stereotype.Component;

/**
 * {@code nightly}: ingest what waits in the inbox (archive/ or failed/), audit the inbox dataset, write the
 * reports, then send the emails: first those still pending from earlier runs, then this run's.
 */
@Component
public class NightlyCommand {

    private final AuditOptions options;
    private final InboxIngest inbox;
    private final RunStore runs;
    private final AuditService audits;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final MailSettings mail;
    private final NightlyLock lock;

    public NightlyCommand(AuditOptions options, InboxIngest inbox, RunStore runs, AuditService audits, MailComposer composer,
                          MailDelivery delivery, MailSettings mail, NightlyLock lock) {
        this.options = options;
        this.inbox = inbox;
        this.runs = runs;
        this.audits = audits;
        this.composer = composer;
        this.delivery = delivery;
        this.mail = mail;
        this.lock = lock;
    }

    public int run(PrintStream out) {
        boolean ran = lock.runIfFree(() -> {
            try {
                runOnce(out, options.asOf());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        if (!ran) {
            out.println("pipeline-audit nightly: another instance is running the nightly audit; nothing done");
        }
        return 0;
    }

    /** One nightly run as of a date (serve calls it with today's date on its schedule). */
    public void runOnce(PrintStream out, LocalDate asOf) throws IOException, InterruptedException {
        String runId = AuditService.newRunId();
        runs.startRun(runId, "nightly", InboxIngest.DATASET, asOf);
        List<IngestService.FileOutcome> files = inbox.run(runId, options.inbox(), LocalDate.now(options.zone()), true);
        var outDir = options.out().resolve(asOf.toString());
        AuditService.Outputs outputs = audits.evaluateAndWrite(runId, InboxIngest.DATASET, asOf, options.lang(), outDir, true);
        MailDelivery.Result retried = delivery.deliverDue(outDir.resolve("mail"));
        MailDelivery.Result sent = new MailDelivery.Result(0, 0, 0);
        if (mail.enabled()) {
            composer.queue(runId, InboxIngest.DATASET, asOf.toString(), options.lang(), outputs, mail.auditors());
            sent = delivery.deliverDue(outDir.resolve("mail"));
        }
        out.printf("pipeline-audit nightly  run %s  as of %s%n", runId, asOf);
        for (IngestService.FileOutcome f : files) {
            out.printf("  %-40s %s%s%n", f.path().getFileName(), f.status(), f.error() == null ? "" : ": " + f.error());
        }
        if (files.isEmpty()) {
            out.println("  (no new files in the inbox)");
        }
        out.printf("  totals: %s%n  findings: %,d%n  outputs: %s%n", outputs.counts(), outputs.totalFindings(), outDir);
        out.printf("  emails: %d sent, %d written as .eml, %d waiting to be retried%n", retried.sent() + sent.sent(),
                retried.written() + sent.written(), retried.failed() + sent.failed());
    }
}
