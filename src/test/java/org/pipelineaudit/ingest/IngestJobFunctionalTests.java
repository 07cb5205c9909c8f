package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.PipelineAuditApplication;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.support.Fixtures;
import org.pipelineaudit.support.TestOptions;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ingest job itself, started through spring-batch-test on a real H2 file database. */
@SpringBatchTest
@SpringBootTest(classes = {PipelineAuditApplication.class, IngestJobFunctionalTests.Options.class})
class IngestJobFunctionalTests {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestOptions.database(registry, work);
    }

    @TestConfiguration
    static class Options {
        @Bean
        AuditOptions auditOptions() {
            return TestOptions.of(work, "ingest");
        }
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("ingestFileJob")
    Job ingestFileJob;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void useTheIngestJob() {
        jobs.setJob(ingestFileJob);
        jdbc.update("DELETE FROM opportunity");
    }

    JobParameters params(Path file, String sha, String dataset, String runId) {
        return new JobParametersBuilder().addString("sha256", sha, true)
                .addString("format", String.valueOf(InputFiles.formatOf(file)), true).addString("dataset", dataset, true)
                .addString("runId", runId, false).addString("file", file.toAbsolutePath().toString(), false)
                .addString("displayName", file.getFileName().toString(), false).addLong("fileSeq", 1L, false).toJobParameters();
    }

    @Autowired
    IngestService ingest;

    @Autowired
    org.springframework.batch.core.repository.JobRepository jobRepository;

    @Test
    void anExecutionLeftRunningByADeadProcessIsRecoveredAndTheFileLoadedOnce() throws Exception {
        Path file = Fixtures.csv(work.resolve("d/opps.csv"), "商机编号,商机阶段,创建时间", "R1,识别,2026-11-01", "R2,跟踪,2026-11-01");
        String sha = IngestService.sha256(file);
        JobParameters params = params(file, sha, "inbox", "crashed-run");
        // what kill -9 leaves behind: an execution STARTED long ago, never finished
        var instance = jobRepository.createJobInstance(IngestJobConfiguration.JOB_NAME, params);
        var stale = jobRepository.createJobExecution(instance, params, new org.springframework.batch.infrastructure.item.ExecutionContext());
        stale.setStatus(BatchStatus.STARTED);
        stale.setStartTime(java.time.LocalDateTime.now().minusHours(3));
        jobRepository.update(stale);

        IngestService.FileOutcome outcome = ingest.ingest("next-run", 1, file, "inbox", false);

        assertThat(outcome.status()).isEqualTo("LOADED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox' AND opportunity_id IN ('R1', 'R2')",
                Integer.class)).isEqualTo(2);
        assertThat(jobRepository.getJobExecution(stale.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ingest.ingest("later-run", 1, file, "inbox", false).status()).isEqualTo("DUPLICATE");
    }

    @Autowired
    RunningJobs runningJobs;

    @Autowired
    org.springframework.batch.core.launch.JobOperator jobOperator;

    @Test
    void aStoppedIngestRollsBackWholeAndItsRestartLoadsEveryRowOnce() throws Exception {
        Path file = work.resolve("e/big.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("商机编号,商机阶段,创建时间\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append("B").append(i).append(",识别,2026-11-01\n");
        }
        Files.writeString(file, csv);
        JobParameters params = params(file, IngestService.sha256(file), "inbox", "run-1");
        JobExecution[] first = new JobExecution[1];
        Thread runner = new Thread(() -> {
            try {
                first[0] = jobs.startJob(params);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        runner.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (runningJobs.running().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300); // let it read a while
        runningJobs.stopAll(jobOperator);
        runner.join(60_000);

        assertThat(first[0].getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'", Integer.class)).isZero();

        JobExecution restarted = jobs.startJob(params(file, IngestService.sha256(file), "inbox", "run-2"));
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(first[0].getJobInstance().getInstanceId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'", Integer.class)).isEqualTo(300_000);
    }

    @Test
    void aFileThatChangedSinceItWasClaimedIsNotLoaded() throws Exception {
        Path file = Fixtures.csv(work.resolve("f/opps.csv"), "商机编号,商机阶段,创建时间", "C1,识别,2026-11-01");
        String claimed = IngestService.sha256(file);
        Files.writeString(file, "C2,识别,2026-11-02\n", java.nio.file.StandardOpenOption.APPEND); // written to after the claim

        JobExecution execution = jobs.startJob(params(file, claimed, "inbox", "run-1"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).anySatisfy(t -> assertThat(t).hasMessageContaining("changed while it was being read"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE opportunity_id IN ('C1', 'C2')", Integer.class)).isZero();
    }

    @Test
    void aFileThatVanishedBeforeItWasReadFailsAlone() throws Exception {
        IngestService.FileOutcome outcome = ingest.ingest("run-v", 1, work.resolve("gone/missing.csv"), "inbox", false);
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.error()).contains("cannot read the file");
    }

    @Test
    void aGoodFileCompletesAndLoadsItsRows() throws Exception {
        Path file = Fixtures.csv(work.resolve("a/opps.csv"), "商机编号,商机阶段,创建时间", "J1,识别,2026-11-01", "J2,赢单,2026-11-02");

        JobExecution execution = jobs.startJob(params(file, IngestService.sha256(file), "inbox", "run-1"));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).singleElement().satisfies(step -> {
            assertThat(step.getStepName()).isEqualTo("loadFile");
            assertThat(step.getWriteCount()).isEqualTo(2);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = 'inbox'", Integer.class)).isEqualTo(2);
    }

    @Test
    void theSameFileInTheSameDatasetIsOneJobInstanceThatCompletesOnce() throws Exception {
        Path file = Fixtures.csv(work.resolve("b/opps.csv"), "商机编号,商机阶段,创建时间", "K1,识别,2026-11-01");
        assertThat(jobs.startJob(params(file, IngestService.sha256(file), "inbox", "run-1")).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThatThrownBy(() -> jobs.startJob(params(file, IngestService.sha256(file), "inbox", "run-2")))
                .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    }

    @Test
    void anUnreadableFileFailsWithNothingLoaded() throws Exception {
        Path broken = work.resolve("c/deals.xlsx");
        Files.createDirectories(broken.getParent());
        Files.write(broken, "not a zip".getBytes());

        JobExecution failed = jobs.startJob(params(broken, IngestService.sha256(broken), "inbox", "run-1"));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).anySatisfy(t -> assertThat(t).hasMessageContaining("not an Excel workbook"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM opportunity", Integer.class)).isZero();

        // a restart of the same instance is covered by the stop/restart and kill -9 tests: here the bytes
        // cannot change under the same identity (the tasklet checks the SHA-256 again after reading)
    }
}
