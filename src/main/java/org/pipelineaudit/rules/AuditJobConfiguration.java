package org.pipelineaudit.rules;

import java.time.LocalDate;
import org.pipelineaudit.cli.AuditOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit job: after ingestion, one step evaluates every rule for the run's dataset and as-of date. */
@Configuration
public class AuditJobConfiguration {

    public static final String JOB_NAME = "auditJob";
    private static final Logger log = LoggerFactory.getLogger(AuditJobConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public RuleSettings ruleSettings(AuditOptions options) {
        return RuleSettings.load(options.rules());
    }

    @Bean
    public Job auditJob(JobRepository jobRepository, Step evaluateRulesStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(evaluateRulesStep).build();
    }

    @Bean
    public Step evaluateRulesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet evaluateRulesTasklet) {
        return new StepBuilder("evaluateRules", jobRepository).tasklet(evaluateRulesTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public Tasklet evaluateRulesTasklet(RuleEvaluator evaluator, RuleSettings settings,
                                        @Value("#{jobParameters['runId']}") String runId,
                                        @Value("#{jobParameters['dataset']}") String dataset,
                                        @Value("#{jobParameters['asOf']}") String asOf,
                                        @Value("#{jobParameters['lang']}") String lang) {
        return (contribution, chunkContext) -> {
            RuleEvaluator.Result result = evaluator.evaluate(runId, dataset, LocalDate.parse(asOf), lang, settings);
            contribution.incrementWriteCount(result.findings());
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("millisByPass", result.millisByPass().toString());
            log.info("run {}: {} finding(s) as of {}; ms by pass {}", runId, result.findings(), asOf, result.millisByPass());
            return RepeatStatus.FINISHED;
        };
    }
}
