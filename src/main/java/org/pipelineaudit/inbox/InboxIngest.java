package org.pipelineaudit.inbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.pipelineaudit.ingest.IngestService;
import org.pipelineaudit.ingest.InputFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Takes what waits in the inbox into the inbox dataset: each stable file through the ingest job, then
 * archived (loaded, or a duplicate by SHA-256) or moved to failed/ with the reason.
 */
@Service
public class InboxIngest {

    public static final String DATASET = "inbox";

    private final IngestService ingest;
    private final Duration stable;
    private final Duration maxWait;

    public InboxIngest(IngestService ingest, @Value("${audit.inbox.stable-seconds:5}") long stableSeconds,
                       @Value("${audit.inbox.max-wait-seconds:60}") long maxWaitSeconds) {
        this.ingest = ingest;
        this.stable = Duration.ofSeconds(stableSeconds);
        this.maxWait = Duration.ofSeconds(maxWaitSeconds);
    }

    /**
     * @param wait true for nightly (watch files still being copied up to the max wait), false for serve's
     *             polling (take what is stable now, the rest next poll)
     */
    public List<IngestService.FileOutcome> run(String runId, Path inbox, LocalDate archiveDate, boolean wait)
            throws IOException, InterruptedException {
        InboxFolder folder = new InboxFolder(inbox);
        List<Path> files = folder.claimStable(stable, wait ? maxWait : stable.plusSeconds(1));
        List<IngestService.FileOutcome> outcomes = new ArrayList<>();
        int seq = 0;
        for (Path file : files) {
            seq++;
            if (InputFiles.formatOf(file) == null) {
                String reason = "not a spreadsheet (.xlsx, .xlsm, .xls, .csv, .tsv): " + file.getFileName();
                ingest.recordSkipped(runId, seq, file, reason);
                folder.fail(file, reason);
                outcomes.add(new IngestService.FileOutcome(seq, file, null, "SKIPPED", reason));
                continue;
            }
            IngestService.FileOutcome outcome = ingest.ingest(runId, seq, file, DATASET, false);
            if (outcome.status().equals("FAILED")) {
                folder.fail(file, file.getFileName() + ": " + outcome.error());
            } else if (outcome.status().equals("IN_PROGRESS")) {
                // another process is loading it right now: leave it where it is
            } else {
                folder.archive(file, archiveDate);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
