package org.pipelineaudit.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pipelineaudit.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Ingests files one at a time through the ingest job and records what became of each. */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    /** What became of one file. status: LOADED, FAILED, DUPLICATE, SKIPPED, or IN_PROGRESS (another live process has it). */
    public record FileOutcome(int fileSeq, Path path, String sha256, String status, String error) {
        public boolean loaded() {
            return "LOADED".equals(status);
        }
    }

    private final JobOperator jobOperator;
    private final Job ingestFileJob;
    private final RunStore runs;
    private final JobRepository jobRepository;
    private final java.time.Duration staleAfter;
    private final long maxFileBytes;
    private final PartitionedIngest partitioned;

    public IngestService(JobOperator jobOperator, @Qualifier(IngestJobConfiguration.JOB_NAME) Job ingestFileJob, RunStore runs,
                         JobRepository jobRepository, @Value("${audit.ingest.stale-after-minutes:60}") long staleAfterMinutes,
                         @Value("${audit.ingest.max-file-mb:2048}") long maxFileMb, PartitionedIngest partitioned) {
        this.partitioned = partitioned;
        this.maxFileBytes = maxFileMb * 1024 * 1024;
        this.jobOperator = jobOperator;
        this.ingestFileJob = ingestFileJob;
        this.runs = runs;
        this.jobRepository = jobRepository;
        this.staleAfter = java.time.Duration.ofMinutes(staleAfterMinutes);
    }

    /**
     * @param perRun true for one-shot audits: the run id identifies the job instance too, so the same
     *               file is loaded again in every audit; false for the inbox, where a file already
     *               loaded is a DUPLICATE.
     */
    public FileOutcome ingest(String runId, int fileSeq, Path file, String dataset, boolean perRun) {
        Checked checked = check(runId, fileSeq, file);
        return checked.refused() != null ? checked.refused() : ingest(runId, fileSeq, file, checked.sha256(), dataset, perRun);
    }

    /**
     * Ingests the files of a one-shot audit (perRun) or of the inbox, numbered from 1 in the given order.
     * Several files of an audit go through the partitioned job (parsed in parallel, loaded in order) unless
     * audit.ingest.partitions is 1; the inbox keeps one job instance per file so a file already loaded is known.
     */
    public List<FileOutcome> ingestAll(String runId, List<Path> files, String dataset, boolean perRun) {
        List<FileOutcome> outcomes = new ArrayList<>();
        if (!perRun || files.size() < 2 || partitioned.partitions() < 2) {
            for (int i = 0; i < files.size(); i++) {
                outcomes.add(ingest(runId, i + 1, files.get(i), dataset, perRun));
            }
            return outcomes;
        }
        List<PartitionedIngest.Input> inputs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Checked checked = check(runId, i + 1, files.get(i));
            if (checked.refused() != null) {
                outcomes.add(checked.refused());
            } else {
                inputs.add(new PartitionedIngest.Input(i + 1, files.get(i), checked.sha256()));
            }
        }
        try {
            outcomes.addAll(partitioned.ingest(runId, dataset, inputs));
        } catch (Exception e) {
            throw new IllegalStateException("the partitioned ingest could not run: " + e.getMessage(), e);
        }
        outcomes.sort(java.util.Comparator.comparingInt(FileOutcome::fileSeq));
        return outcomes;
    }

    /** A file's SHA-256, or its FAILED outcome (recorded) when it is too large or unreadable. */
    private record Checked(String sha256, FileOutcome refused) {
    }

    private Checked check(String runId, int fileSeq, Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                String reason = "the file is %,d MB, more than the %,d MB allowed (setting audit.ingest.max-file-mb); it was not read"
                        .formatted(size >> 20, maxFileBytes >> 20);
                runs.saveFileStatus(runId, fileSeq, name, null, "FAILED", reason);
                return new Checked(null, new FileOutcome(fileSeq, file, null, "FAILED", reason));
            }
            return new Checked(sha256(file), null);
        } catch (IOException e) {
            String reason = "cannot read the file: " + e.getMessage();
            runs.saveFileStatus(runId, fileSeq, name, null, "FAILED", reason);
            return new Checked(null, new FileOutcome(fileSeq, file, null, "FAILED", reason));
        }
    }

    private FileOutcome ingest(String runId, int fileSeq, Path file, String sha, String dataset, boolean perRun) {
        String name = file.getFileName().toString();
        JobParameters params = new JobParametersBuilder()
                .addString("sha256", sha, true)
                // the same bytes read as another format are another input (an empty .csv is not an empty .xlsx)
                .addString("format", String.valueOf(InputFiles.formatOf(file)), true)
                .addString("dataset", dataset, true)
                .addString("runId", runId, perRun)
                .addString("file", file.toAbsolutePath().toString(), false)
                .addString("displayName", name, false)
                .addLong("fileSeq", (long) fileSeq, false)
                .toJobParameters();
        try {
            JobExecution execution = startOrRecover(params);
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                return new FileOutcome(fileSeq, file, sha, "LOADED", null);
            }
            String reason = failureReason(execution);
            runs.saveFileStatus(runId, fileSeq, name, sha, "FAILED", reason);
            log.warn("{} failed: {}", name, reason);
            execution.getAllFailureExceptions().forEach(t -> log.debug("{} failure", name, t));
            return new FileOutcome(fileSeq, file, sha, "FAILED", reason);
        } catch (JobInstanceAlreadyCompleteException e) {
            runs.saveFileStatus(runId, fileSeq, name, sha, "DUPLICATE", "already ingested (same SHA-256)");
            return new FileOutcome(fileSeq, file, sha, "DUPLICATE", "already ingested (same SHA-256)");
        } catch (IllegalStateException busy) {
            runs.saveFileStatus(runId, fileSeq, name, sha, "IN_PROGRESS", busy.getMessage());
            return new FileOutcome(fileSeq, file, sha, "IN_PROGRESS", busy.getMessage());
        } catch (Exception e) {
            String reason = "could not start the ingest job: " + e.getMessage();
            runs.saveFileStatus(runId, fileSeq, name, sha, "FAILED", reason);
            return new FileOutcome(fileSeq, file, sha, "FAILED", reason);
        }
    }

    /**
     * Starts the file's job instance. An execution left STARTED by a process that died (kill -9, power
     * loss) blocks a restart; once it is older than audit.ingest.stale-after-minutes it is marked failed
     * with JobOperator.recover and the instance restarts (its transaction had rolled back: nothing of the
     * file was loaded). A younger one is presumed alive in another process.
     */
    private JobExecution startOrRecover(JobParameters params) throws Exception {
        try {
            return jobOperator.start(ingestFileJob, params);
        } catch (JobExecutionAlreadyRunningException running) {
            JobExecution last = jobRepository.getLastJobExecution(IngestJobConfiguration.JOB_NAME, params);
            java.time.LocalDateTime started = last == null ? null : last.getStartTime() != null ? last.getStartTime() : last.getCreateTime();
            if (last == null || started == null || started.isAfter(java.time.LocalDateTime.now().minus(staleAfter))) {
                throw new IllegalStateException("another process is ingesting this file (execution started "
                        + started + "); it is left for the next run");
            }
            log.warn("recovering ingest execution {} left running since {} by a process that stopped", last.getId(), started);
            jobOperator.recover(last);
            return jobOperator.start(ingestFileJob, params);
        }
    }

    public void recordSkipped(String runId, int fileSeq, Path file, String reason) {
        runs.saveFileStatus(runId, fileSeq, file.getFileName().toString(), null, "SKIPPED", reason);
    }

    private static String failureReason(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable t : failures) {
            String reason = readerReason(t);
            if (reason != null) {
                return reason;
            }
        }
        return failures.isEmpty() ? "ingest ended with status " + execution.getStatus() : reasonOf(failures.get(0));
    }

    /** The reason an analyst reads for a file that failed: the reader's own words when it gave some. */
    static String reasonOf(Throwable e) {
        String reason = readerReason(e);
        return reason != null ? reason : XlsxSheetReader.rootMessage(e);
    }

    private static String readerReason(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof UnreadableFileException u) {
                return u.getMessage();
            }
        }
        return null;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
