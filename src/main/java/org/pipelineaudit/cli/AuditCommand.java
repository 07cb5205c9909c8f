package org.pipelineaudit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.pipelineaudit.ingest.InputFiles;
import org.pipelineaudit.ingest.IngestService;
import org.pipelineaudit.report.DataIssuesCsvWriter;
import org.pipelineaudit.report.FindingsCsvWriter;
import org.pipelineaudit.report.ReportService;
import org.pipelineaudit.rules.RuleEvaluator;
import org.pipelineaudit.rules.RuleSettings;
import org.pipelineaudit.store.FindingStore;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.pipelineaudit.report.SummaryJsonWriter;
import org.pipelineaudit.store.RunStore;
import org.springframework.stereotype.Component;

/**
 * {@code audit} and {@code ingest}: read every file of a folder into the database, then (audit) write
 * the outputs. A one-shot audit works on its own dataset, replaced at each audit, so it shows exactly
 * what the folder holds; {@code ingest} adds to the inbox dataset that nightly runs audit.
 */
@Component
public class AuditCommand {

    public static final String AUDIT_DATASET = "audit";
    public static final String INBOX_DATASET = "inbox";

    private final IngestService ingest;
    private final RunStore runs;
    private final AuditOptions options;
    private final JobOperator jobOperator;
    private final Job auditJob;
    private final FindingStore findings;
    private final RuleSettings settings;
    private final RuleEvaluator evaluator;
    private final ReportService reports;

    public AuditCommand(IngestService ingest, RunStore runs, AuditOptions options, JobOperator jobOperator, Job auditJob,
                        FindingStore findings, RuleSettings settings, RuleEvaluator evaluator, ReportService reports) {
        this.reports = reports;
        this.ingest = ingest;
        this.runs = runs;
        this.options = options;
        this.jobOperator = jobOperator;
        this.auditJob = auditJob;
        this.findings = findings;
        this.settings = settings;
        this.evaluator = evaluator;
    }

    public int run(PrintStream out) throws IOException {
        boolean audit = options.command().equals("audit");
        String dataset = audit ? AUDIT_DATASET : INBOX_DATASET;
        String runId = newRunId();
        runs.startRun(runId, options.command(), dataset, options.asOf());
        if (audit) {
            runs.deleteDataset(dataset);
        }
        InputFiles.Listing listing = new InputFiles().list(options.input());
        int seq = 0;
        List<IngestService.FileOutcome> outcomes = new ArrayList<>();
        for (InputFiles.Input input : listing.inputs()) {
            outcomes.add(ingest.ingest(runId, ++seq, input.path(), dataset, audit));
        }
        for (Path skipped : listing.skipped()) {
            ingest.recordSkipped(runId, ++seq, skipped, "not a spreadsheet (.xlsx, .xlsm, .xls, .csv, .tsv): skipped");
        }
        boolean anyRead = outcomes.stream().anyMatch(o -> o.loaded() || o.status().equals("DUPLICATE"));
        List<RunStore.InputRow> inputs = runs.inputs(runId);
        Map<String, Integer> counts = runs.counts(dataset);
        Path outDir = options.runOutDir();
        Map<String, Integer> byRule = null;
        if (audit) {
            evaluateRules(runId, dataset);
            byRule = findingsByRule(runId);
            Files.createDirectories(outDir);
            new FindingsCsvWriter().write(outDir.resolve("findings.csv"), findings, runId);
            new DataIssuesCsvWriter().write(outDir.resolve("data-issues.csv"), runs.dataIssues(runId));
            new SummaryJsonWriter().write(outDir.resolve("summary.json"), options.asOf(), runId, inputs, counts,
                    byRule, settings.asMap());
            runs.finishRun(runId, anyRead ? "COMPLETED" : "NO_INPUT"); // before the reports, so Trend includes this run
            reports.write(outDir, runId, dataset, options.asOf(), options.lang());
        } else {
            runs.finishRun(runId, anyRead ? "COMPLETED" : "NO_INPUT");
        }
        new RunSummaryPrinter(out).print(runId, options, inputs, counts, byRule, audit ? outDir : null);
        return anyRead ? 0 : 2;
    }

    private void evaluateRules(String runId, String dataset) {
        JobParameters params = new JobParametersBuilder()
                .addString("runId", runId, true)
                .addString("dataset", dataset, false)
                .addString("asOf", options.asOf().toString(), false)
                .addString("lang", options.lang(), false)
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

    static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
