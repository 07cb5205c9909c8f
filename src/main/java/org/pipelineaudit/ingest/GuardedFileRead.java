package org.pipelineaudit.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;

/**
 * Reads one file into a sink under the ingest limits: stops when asked, refuses more than max-rows data
 * rows, and checks the SHA-256 again afterwards so rows of two versions of a file never mix.
 */
final class GuardedFileRead {

    /** Thrown from inside the reader when a stop was requested: unwinds the read. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested", null, false, false);
        }
    }

    private final AliasCatalog aliases;
    private final ZoneId zone;
    private final IngestProgress progress;
    private final Path file;
    private final String displayName;
    private final String sha256;
    private final long maxRows;
    private final int maxCellChars;
    private volatile boolean stopRequested;
    private long rowsSeen;

    GuardedFileRead(AliasCatalog aliases, ZoneId zone, IngestProgress progress, Path file, String displayName, String sha256,
                    long maxRows, int maxCellChars) {
        this.aliases = aliases;
        this.zone = zone;
        this.progress = progress;
        this.file = file;
        this.displayName = displayName;
        this.sha256 = sha256;
        this.maxRows = maxRows;
        this.maxCellChars = maxCellChars;
    }

    void stop() {
        stopRequested = true;
    }

    List<SheetSummary> read(RecordSink sink) throws UnreadableFileException, JobInterruptedException, IOException {
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
            // the file is one chunk: stopping rolls it back whole; a restart of the job instance reads it again
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
        progress.endFile(sheets.stream().mapToLong(SheetSummary::rowsRead).sum());
        return sheets;
    }
}
