package org.pipelineaudit.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.pipelineaudit.report.DataIssuesCsvWriter;
import org.pipelineaudit.report.FindingsCsvWriter;
import org.pipelineaudit.report.ReportService;
import org.pipelineaudit.report.SummaryJsonWriter;
import org.pipelineaudit.rules.AuditJobConfiguration;
import org.pipelineaudit.rules.RuleEvaluator;
import org.pipelineaudit.rules.RuleSettings;
import org.pipelineaudit.store.FindingStore;
import org.pipelineaudit.store.RunStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * What every audit does after ingestion, for `audit` and `nightly` alike: run the audit job (the rules),
 * then write findings.csv, data-issues.csv, summary.json, the workbook, the compliance PDF and the team
 * packs into {@code <out>/<as-of>/}.
 */
@Service
public class AuditService {

    /** What an audit wrote. */
    public record Outputs(Path outDir, Map<String, Integer> findingsByRule, List<RunStore.InputRow> inputs, Map<String, Integer> counts,
                          ReportService.Written reports) {
        public int totalFindings() {
            return findingsByRule.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final JobOperator jobOperator;
    private final Job auditJob;
    private final RunStore runs;
    private final FindingStore findings;
    private final RuleSettings settings;
    private final RuleEvaluator evaluator;
    private final ReportService reports;

    public AuditService(JobOperator jobOperator, @Qualifier(AuditJobConfiguration.JOB_NAME) Job auditJob, RunStore runs,
                        FindingStore findings, RuleSettings settings, RuleEvaluator evaluator, ReportService reports) {
        this.jobOperator = jobOperator;
        this.auditJob = auditJob;
        this.runs = runs;
        this.findings = findings;
        this.settings = settings;
        this.evaluator = evaluator;
        this.reports = reports;
    }

    public static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public Outputs evaluateAndWrite(String runId, String dataset, LocalDate asOf, String lang, Path outDir, boolean anyRead)
            throws IOException {
        evaluateRules(runId, dataset, asOf, lang);
        Map<String, Integer> byRule = findingsByRule(runId);
        List<RunStore.InputRow> inputs = runs.inputs(runId);
        Map<String, Integer> counts = runs.counts(dataset);
        Files.createDirectories(outDir);
        new FindingsCsvWriter().write(outDir.resolve("findings.csv"), findings, runId);
        new DataIssuesCsvWriter().write(outDir.resolve("data-issues.csv"), runs.dataIssues(runId));
        new SummaryJsonWriter().write(outDir.resolve("summary.json"), asOf, runId, inputs, counts, byRule, settings.asMap());
        runs.finishRun(runId, anyRead ? "COMPLETED" : "NO_INPUT"); // before the reports, so Trend includes this run
        ReportService.Written written = reports.write(outDir, runId, dataset, asOf, lang);
        return new Outputs(outDir, byRule, inputs, counts, written);
    }

    private void evaluateRules(String runId, String dataset, LocalDate asOf, String lang) {
        JobParameters params = new JobParametersBuilder()
                .addString("runId", runId, true)
                .addString("dataset", dataset, false)
                .addString("asOf", asOf.toString(), false)
                .addString("lang", lang, false)
                .toJobParameters();
        try {
            JobExecution execution = jobOperator.start(auditJob, params);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("rule evaluation failed: " + execution.getAllFailureExceptions());
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not run the audit job: " + e.getMessage(), e);
        }
    }

    /** Every rule with its count, zero included, so a reader sees what was checked. */
    private Map<String, Integer> findingsByRule(String runId) {
        Map<String, Integer> counts = new TreeMap<>();
        evaluator.ruleIds().forEach(id -> counts.put(id, 0));
        counts.putAll(findings.countsByRule(runId));
        return counts;
    }
}
