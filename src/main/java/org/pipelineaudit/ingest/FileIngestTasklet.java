package org.pipelineaudit.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.pipelineaudit.store.RunStore;
import org.pipelineaudit.store.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads one file in one transaction: stream every sheet into the dataset's tables (upserts in read
 * order), and record the sheets and data issues. If the file cannot be read the transaction rolls
 * back, so nothing of it is loaded, and the step fails with the reason.
 */
public class FileIngestTasklet implements StoppableTasklet {

    private static final Logger log = LoggerFactory.getLogger(FileIngestTasklet.class);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final RunStore runs;
    private final GuardedFileRead read;
    private final String displayName;
    private final String sha256;
    private final String dataset;
    private final String runId;
    private final int fileSeq;

    public FileIngestTasklet(JdbcTemplate jdbc, SqlDialect dialect, RunStore runs, AliasCatalog aliases, ZoneId zone, IngestProgress progress,
                             Path file, String displayName, String sha256, String dataset, String runId, int fileSeq, long maxRows,
                             int maxCellChars) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.runs = runs;
        this.read = new GuardedFileRead(aliases, zone, progress, file, displayName, sha256, maxRows, maxCellChars);
        this.displayName = displayName;
        this.sha256 = sha256;
        this.dataset = dataset;
        this.runId = runId;
        this.fileSeq = fileSeq;
    }

    /** Called by JobOperator.stop (e.g. when serve shuts down). */
    @Override
    public void stop() {
        read.stop();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        FileLoad sink = new FileLoad(jdbc, dialect, runs, dataset, runId, fileSeq, displayName);
        List<SheetSummary> sheets = read.read(sink);
        long loaded = sink.finish(sha256, sheets);
        contribution.incrementWriteCount(loaded);
        log.info("{}: {} sheet(s), {} rows read, {} loaded, {} data issue(s)", displayName, sheets.size(),
                sheets.stream().mapToLong(SheetSummary::rowsRead).sum(), loaded, sink.issueCount());
        return RepeatStatus.FINISHED;
    }
}
