package org.pipelineaudit.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.store.RunStore;
import org.pipelineaudit.store.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-shot audit's ingest of several files as a partitioned Spring Batch job: step "parseFiles" runs
 * one partition per file on up to audit.ingest.partitions threads, each parsing its file into a
 * {@link Spool}; step "loadFiles" then loads the spools one at a time in file order, each in its own
 * transaction. Parsing, the larger share of the work, runs in parallel; loading in order keeps "a later
 * file replaces an earlier one" exactly as in a serial run.
 */
@Component
public class PartitionedIngest {

    public static final String JOB_NAME = "auditIngestJob";
    private static final Logger log = LoggerFactory.getLogger(PartitionedIngest.class);

    /** A file to read: its place in the run, path and checked SHA-256. */
    public record Input(int fileSeq, Path path, String sha256) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final RunStore runs;
    private final AliasCatalog aliases;
    private final AuditOptions options;
    private final long maxRows;
    private final int maxCellChars;
    private final int partitions;

    public PartitionedIngest(JobOperator jobOperator, JobRepository jobRepository, PlatformTransactionManager transactions,
                             JdbcTemplate jdbc, SqlDialect dialect, RunStore runs, AliasCatalog aliases, AuditOptions options,
                             @Value("${audit.ingest.max-rows:10000000}") long maxRows,
                             @Value("${audit.ingest.max-cell-chars:32000}") int maxCellChars,
                             @Value("${audit.ingest.partitions:0}") int partitions) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.runs = runs;
        this.aliases = aliases;
        this.options = options;
        this.maxRows = maxRows;
        this.maxCellChars = maxCellChars;
        this.partitions = partitions > 0 ? partitions : Runtime.getRuntime().availableProcessors();
    }

    /** Threads parsing at once (audit.ingest.partitions; 0 or unset: one per core). 1 means files are ingested serially. */
    public int partitions() {
        return partitions;
    }

    /** Ingests the inputs; returns what became of each, by file order. */
    public List<IngestService.FileOutcome> ingest(String runId, String dataset, List<Input> inputs) throws Exception {
        Map<Integer, Input> bySeq = new TreeMap<>();
        inputs.forEach(i -> bySeq.put(i.fileSeq(), i));
        Map<Integer, Path> spools = new ConcurrentHashMap<>();
        Map<Integer, IngestService.FileOutcome> outcomes = new ConcurrentHashMap<>();
        SpoolFolder.sweepDead(Path.of(System.getProperty("java.io.tmpdir"))); // spools of audits killed with -9
        try {
            Job job = new JobBuilder(JOB_NAME, jobRepository)
                    .start(parseStep(bySeq, spools, outcomes)).on("*").to(loadStep(runId, dataset, bySeq, spools, outcomes)).end()
                    .build();
            jobOperator.start(job, new JobParametersBuilder().addString("runId", runId).addString("dataset", dataset).toJobParameters());
        } finally {
            for (Path spool : spools.values()) {
                Files.deleteIfExists(spool);
            }
        }
        List<IngestService.FileOutcome> result = new ArrayList<>();
        for (Input input : bySeq.values()) {
            IngestService.FileOutcome outcome = outcomes.get(input.fileSeq());
            result.add(outcome != null ? outcome : failed(runId, input, "the file was not loaded (the ingest job stopped before it)"));
        }
        return result;
    }

    private Step parseStep(Map<Integer, Input> bySeq, Map<Integer, Path> spools, Map<Integer, IngestService.FileOutcome> outcomes) {
        Partitioner oneFileEach = gridSize -> {
            Map<String, ExecutionContext> contexts = new TreeMap<>();
            for (Input input : bySeq.values()) {
                ExecutionContext ctx = new ExecutionContext();
                ctx.putInt("fileSeq", input.fileSeq());
                ctx.putString("file", input.path().toAbsolutePath().toString());
                contexts.put("file%05d".formatted(input.fileSeq()), ctx);
            }
            return contexts;
        };
        Step parseFile = new StepBuilder("parseFile", jobRepository).tasklet((contribution, chunk) -> {
            int seq = chunk.getStepContext().getStepExecution().getExecutionContext().getInt("fileSeq");
            Input input = bySeq.get(seq);
            String name = input.path().getFileName().toString();
            Spool spool = Spool.create();
            try (spool) {
                GuardedFileRead read = new GuardedFileRead(aliases, options.zone(), IngestProgress.whenDone(System.err, System.console() != null), input.path(),
                        name, input.sha256(), maxRows, maxCellChars);
                spool.sheets(read.read(spool));
            } catch (Exception e) {
                Files.deleteIfExists(spool.file());
                outcomes.put(seq, new IngestService.FileOutcome(seq, input.path(), input.sha256(), "FAILED", IngestService.reasonOf(e)));
                throw e;
            }
            spools.put(seq, spool.file());
            return RepeatStatus.FINISHED;
        }, transactions).build();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("parse-");
        threads.setConcurrencyLimit(partitions);
        return new StepBuilder("parseFiles", jobRepository).partitioner("parseFile", oneFileEach).step(parseFile)
                .gridSize(partitions).taskExecutor(threads).build();
    }

    private Step loadStep(String runId, String dataset, Map<Integer, Input> bySeq, Map<Integer, Path> spools,
                          Map<Integer, IngestService.FileOutcome> outcomes) {
        // every file (and every failure noted) in a transaction of its own, never the step's: a row the step's
        // transaction holds would block the next file's writes until the step ends
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new StepBuilder("loadFiles", jobRepository).tasklet((contribution, chunk) -> {
            for (Input input : bySeq.values()) {
                int seq = input.fileSeq();
                Path spool = spools.get(seq);
                if (spool == null) {
                    IngestService.FileOutcome failed = outcomes.get(seq);
                    String reason = failed != null ? failed.error() : "the file was not parsed";
                    outcomes.put(seq, ownTransaction.execute(status -> failed(runId, input, reason)));
                    continue;
                }
                String name = input.path().getFileName().toString();
                try {
                    long loaded = ownTransaction.execute(status -> {
                        FileLoad load = new FileLoad(jdbc, dialect, runs, dataset, runId, seq, name);
                        try {
                            return load.finish(input.sha256(), Spool.replay(spool, load));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    contribution.incrementWriteCount(loaded);
                    outcomes.put(seq, new IngestService.FileOutcome(seq, input.path(), input.sha256(), "LOADED", null));
                } catch (RuntimeException e) {
                    log.warn("{} failed to load: {}", name, e.toString());
                    String reason = "could not be loaded: " + XlsxSheetReader.rootMessage(e);
                    outcomes.put(seq, ownTransaction.execute(status -> failed(runId, input, reason)));
                } finally {
                    Files.deleteIfExists(spool);
                }
            }
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    private IngestService.FileOutcome failed(String runId, Input input, String reason) {
        runs.saveFileStatus(runId, input.fileSeq(), input.path().getFileName().toString(), input.sha256(), "FAILED", reason);
        return new IngestService.FileOutcome(input.fileSeq(), input.path(), input.sha256(), "FAILED", reason);
    }
}
