package org.pipelineaudit.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.pipelineaudit.store.RecordStore;
import org.pipelineaudit.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads one file in one transaction: stream every sheet into the stage tables, merge them into the
 * dataset, and record the sheets and data issues. If the file cannot be read the transaction rolls
 * back, so nothing of it is loaded, and the step fails with the reason.
 */
public class FileIngestTasklet implements StoppableTasklet {

    /** Thrown from inside the reader when a stop was requested: unwinds the read, the transaction rolls back. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }

    private volatile boolean stopRequested;
    private final long maxRows;
    private final int maxCellChars;
    private long rowsSeen;

    private static final Logger log = LoggerFactory.getLogger(FileIngestTasklet.class);

    private final JdbcTemplate jdbc;
    private final RunStore runs;
    private final AliasCatalog aliases;
    private final ZoneId zone;
    private final IngestProgress progress;
    private final Path file;
    private final String displayName;
    private final String sha256;
    private final String dataset;
    private final String runId;
    private final int fileSeq;

    public FileIngestTasklet(JdbcTemplate jdbc, RunStore runs, AliasCatalog aliases, ZoneId zone, IngestProgress progress,
                             Path file, String displayName, String sha256, String dataset, String runId, int fileSeq, long maxRows,
                             int maxCellChars) {
        this.maxRows = maxRows;
        this.maxCellChars = maxCellChars;
        this.jdbc = jdbc;
        this.runs = runs;
        this.aliases = aliases;
        this.zone = zone;
        this.progress = progress;
        this.file = file;
        this.displayName = displayName;
        this.sha256 = sha256;
        this.dataset = dataset;
        this.runId = runId;
        this.fileSeq = fileSeq;
    }

    /** Called by JobOperator.stop (e.g. when serve shuts down). */
    @Override
    public void stop() {
        stopRequested = true;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String ingestId = runId + ":" + fileSeq;
        RecordStore records = new RecordStore(jdbc, dataset, ingestId, displayName);
        RunStore.IssueBatch issues = runs.issues(runId, fileSeq);
        RecordSink sink = new RecordSink() {
            @Override
            public void record(org.pipelineaudit.model.Kind kind, String sheet, int row, java.util.Map<String, Object> values) {
                records.add(kind, sheet, row, values);
            }

            @Override
            public void issue(DataIssue issue) {
                issues.add(issue);
            }
        };
        progress.startFile(displayName);
        List<SheetSummary> sheets;
        try {
            sheets = new FileIngestor(aliases, zone, maxCellChars).ingest(file, displayName, sink, () -> {
                if (stopRequested) {
                    throw new StopRequested();
                }
                if (++rowsSeen > maxRows) {
                    throw new LimitExceededException("the file has more than " + maxRows
                            + " data rows (setting audit.ingest.max-rows); it was not loaded");
                }
                progress.row();
            });
        } catch (StopRequested stop) {
            // the file is one chunk: stopping rolls it back whole; a restart of this job instance loads it again
            throw new JobInterruptedException("stopped while reading " + displayName, BatchStatus.STOPPED);
        } catch (LimitExceededException limit) {
            throw new UnreadableFileException(limit.getMessage(), limit);
        } catch (UnreadableFileException e) {
            if (stopRequested) { // a reader wrapped the stop as a read error
                throw new JobInterruptedException("stopped while reading " + displayName, BatchStatus.STOPPED);
            }
            throw e;
        }
        if (!IngestService.sha256(file).equals(sha256)) {
            // rows from two versions of the file must not mix: roll back, the next run reads the new version whole
            throw new UnreadableFileException("the file changed while it was being read; it was not loaded and will be read again");
        }
        records.merge();
        issues.flush();
        runs.saveSheets(runId, fileSeq, displayName, sha256, sheets);
        long read = sheets.stream().mapToLong(SheetSummary::rowsRead).sum();
        long loaded = sheets.stream().mapToLong(SheetSummary::rowsLoaded).sum();
        contribution.incrementWriteCount(loaded);
        progress.endFile(read);
        log.info("{}: {} sheet(s), {} rows read, {} loaded, {} data issue(s)", displayName, sheets.size(), read, loaded, issues.count());
        return RepeatStatus.FINISHED;
    }
}
