package org.pipelineaudit.ingest;

import java.nio.file.Path;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.store.RunStore;
import org.pipelineaudit.store.SqlDialect;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: one job instance per input file, identified by the file's SHA-256 and the dataset
 * (plus the run for one-shot audits), so an inbox file already loaded is recognised and a failed
 * one can be restarted.
 */
@Configuration
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingestFileJob";

    @Bean
    @ConditionalOnMissingBean
    public AliasCatalog aliasCatalog(AuditOptions options) {
        return new AliasCatalogLoader().load(options.mappings());
    }

    @Bean
    public IngestProgress ingestProgress() {
        return IngestProgress.forConsole();
    }

    @Bean
    public Job ingestFileJob(JobRepository jobRepository, Step loadFileStep, RunningJobs runningJobs) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(runningJobs).start(loadFileStep).build();
    }

    @Bean
    public Step loadFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, FileIngestTasklet fileIngestTasklet) {
        return new StepBuilder("loadFile", jobRepository).tasklet(fileIngestTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public FileIngestTasklet fileIngestTasklet(JdbcTemplate jdbc, SqlDialect dialect, RunStore runs, AliasCatalog aliases, AuditOptions options,
                                               IngestProgress progress,
                                               @Value("#{jobParameters['file']}") String file,
                                               @Value("#{jobParameters['displayName']}") String displayName,
                                               @Value("#{jobParameters['sha256']}") String sha256,
                                               @Value("#{jobParameters['dataset']}") String dataset,
                                               @Value("#{jobParameters['runId']}") String runId,
                                               @Value("#{jobParameters['fileSeq']}") Long fileSeq,
                                               @Value("${audit.ingest.max-rows:10000000}") long maxRows,
                                               @Value("${audit.ingest.max-cell-chars:32000}") int maxCellChars) {
        return new FileIngestTasklet(jdbc, dialect, runs, aliases, options.zone(), progress, Path.of(file), displayName, sha256, dataset,
                runId, fileSeq.intValue(), maxRows, maxCellChars);
    }
}
