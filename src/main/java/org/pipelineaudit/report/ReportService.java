package org.pipelineaudit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.ingest.DataIssue;
import org.pipelineaudit.rules.RuleCatalog;
import org.pipelineaudit.rules.RuleEvaluator;
import org.pipelineaudit.rules.RuleSetting;
import org.pipelineaudit.rules.RuleSettings;
import org.pipelineaudit.store.FindingStore;
import org.pipelineaudit.store.ReportQueries;
import org.pipelineaudit.store.RunStore;
import org.springframework.stereotype.Service;

/**
 * Writes a run's workbook and compliance PDF, and one pack per team under {@code managers/<team>/}
 * holding only that team's reps, findings and figures.
 */
@Service
public class ReportService {

    /** Entity type each rule judges, for "checked" in compliance by rule. */
    private static final Map<String, String> ENTITY = Map.ofEntries(
            Map.entry("DQ-ACTIVITY-DATE", "ACTIVITY"), Map.entry("DQ-ORPHAN-ACTIVITY", "ACTIVITY"), Map.entry("FBK-LATE", "FEEDBACK"),
            Map.entry("PIT-CHANNEL", "TEAM"), Map.entry("PIT-FEEDBACK", "TEAM"), Map.entry("PIT-DATA", "TEAM"),
            Map.entry("PIT-REP-COMPLIANCE", "REP"), Map.entry("PIT-REP-LOAD", "REP"), Map.entry("PIT-TARGET", "TARGET"));

    private final ReportQueries queries;
    private final FindingStore findings;
    private final RunStore runs;
    private final RuleSettings settings;
    private final RuleEvaluator evaluator;
    private final PdfReportRenderer pdf;

    public ReportService(ReportQueries queries, FindingStore findings, RunStore runs, RuleSettings settings, RuleEvaluator evaluator,
                         PdfReportRenderer pdf) {
        this.queries = queries;
        this.findings = findings;
        this.runs = runs;
        this.settings = settings;
        this.evaluator = evaluator;
        this.pdf = pdf;
    }

    /** The files written, for the printed summary and the mail. */
    public record Written(Path workbook, Path compliancePdf, Map<String, TeamPack> teams) {
    }

    public record TeamPack(String team, Path workbook, Path pdf, long findings) {
    }

    public Written write(Path outDir, String runId, String dataset, LocalDate asOf, String lang) throws IOException {
        Files.createDirectories(outDir);
        List<DataIssue> issues = runs.dataIssues(runId);
        AuditReport company = build(runId, dataset, asOf, lang, null, issues);
        Path workbook = outDir.resolve("pipeline-audit-" + asOf + ".xlsx");
        new WorkbookWriter().write(workbook, company);
        Path compliance = outDir.resolve("compliance-" + asOf + ".pdf");
        pdf.renderCompliance(compliance, company);
        Map<String, TeamPack> packs = new java.util.LinkedHashMap<>();
        for (String team : queries.teamNames(dataset, asOf)) {
            AuditReport teamReport = build(runId, dataset, asOf, lang, team, List.of());
            Path dir = outDir.resolve("managers").resolve(TeamFolder.name(team));
            Files.createDirectories(dir);
            Path teamBook = dir.resolve("pipeline-audit-" + asOf + ".xlsx");
            new WorkbookWriter().write(teamBook, teamReport);
            Path teamPdf = dir.resolve("summary-" + asOf + ".pdf");
            pdf.renderTeamSummary(teamPdf, teamReport);
            packs.put(team, new TeamPack(team, teamBook, teamPdf, teamReport.totalFindings()));
        }
        return new Written(workbook, compliance, packs);
    }

    /** The company-wide report of a run (the bench times the writers on it). */
    public AuditReport company(String runId, String dataset, LocalDate asOf, String lang) {
        return build(runId, dataset, asOf, lang, null, runs.dataIssues(runId));
    }

    AuditReport build(String runId, String dataset, LocalDate asOf, String lang, String team, List<DataIssue> issues) {
        Map<String, Integer> counts = team == null ? findings.countsByRule(runId) : findings.countsByRule(runId, team);
        String previous = findings.previousRunId(runId);
        Map<String, Long> population = queries.population(dataset, asOf, runId);
        RuleCatalog catalog = new RuleCatalog();
        List<AuditReport.RuleLine> lines = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(evaluator.ruleIds())) {
            RuleSetting s = settings.get(id);
            String entity = ENTITY.getOrDefault(id, "OPPORTUNITY");
            lines.add(new AuditReport.RuleLine(id, catalog.describe(id).in(lang), s.severity().name(), s.enabled(), entity,
                    population.getOrDefault(entity, 0L), counts.getOrDefault(id, 0)));
        }
        return new AuditReport(runId, asOf, lang, team, runs.inputs(runId), settings.asMap(), settingsSha256(),
                lines, queries.funnel(dataset, asOf, team), queries.reps(dataset, asOf, team, runId),
                queries.teams(dataset, asOf, team, runId), queries.channels(dataset, asOf, team, 90), queries.targets(dataset, asOf, team),
                queries.trend(dataset, 8, team), issues, runs.counts(dataset),
                consumer -> findings.forEachMarked(runId, team, previous, consumer));
    }

    /** SHA-256 of the settings as run, in their YAML form, so an auditor can tell two runs' settings apart. */
    String settingsSha256() {
        try {
            byte[] yaml = settings.toYaml(Map.of()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
