package org.pipelineaudit.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import org.pipelineaudit.ingest.DataIssue;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.store.RunStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders the auditors' compliance PDF and the managers' team summaries from the JasperReports templates
 * in {@code reports/templates/} (users may edit them; the copies in the jar are the fallback). Each
 * template is compiled once per process. Filled pages beyond a few are swapped to disk (virtualizer),
 * and the findings section stops at a cap, saying where the full list is.
 */
@Component
public class PdfReportRenderer {

    private final Path templates;
    private final int maxFindings;
    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public PdfReportRenderer(@Value("${audit.reports.templates:reports/templates}") Path templates,
                             @Value("${audit.pdf.max-findings:20000}") int maxFindings) {
        this.templates = templates;
        this.maxFindings = maxFindings;
    }

    public void renderCompliance(Path file, AuditReport r) throws IOException {
        Map<String, String> labels = PdfLabels.of(r.english());
        List<Map<String, ?>> findings = new ArrayList<>();
        long[] total = {0};
        r.findings().forEach((f, recurring) -> {
            total[0]++;
            if (findings.size() < maxFindings) {
                Map<String, Object> row = findingRow(f, r);
                row.put("since", recurring ? labels.get("recurring") : labels.get("new"));
                findings.add(row);
            }
        });
        Map<String, Object> params = new HashMap<>();
        params.put("L", labels);
        params.put("RUN_ID", r.runId());
        params.put("AS_OF", r.asOf().toString());
        params.put("SETTINGS_SHA", r.settingsSha256());
        params.put("TOTAL_FINDINGS", total[0]);
        params.put("INPUTS_REPORT", template("compliance-inputs"));
        params.put("INPUTS", new JRMapCollectionDataSource(inputRows(r.inputs(), false)));
        params.put("UNRECOGNIZED", new JRMapCollectionDataSource(inputRows(r.inputs(), true)));
        params.put("RULES_REPORT", template("compliance-rules"));
        params.put("RULES", new JRMapCollectionDataSource(ruleRows(r)));
        params.put("TREND_REPORT", template("compliance-trend"));
        trendParams(r, params);
        params.put("ISSUES_REPORT", template("compliance-issues"));
        params.put("ISSUES", new JRMapCollectionDataSource(issueRows(r.dataIssues())));
        if (total[0] > maxFindings) {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("rule_id", "~");
            note.put("rule_title", "");
            note.put("message", labels.get("capped").replace("{0}", String.valueOf(maxFindings)));
            findings.add(note);
        }
        fill(file, "compliance", params, withPlaceholder(findings));
    }

    public void renderTeamSummary(Path file, AuditReport r) throws IOException {
        Map<String, String> labels = PdfLabels.of(r.english());
        List<Finding> all = new ArrayList<>();
        long[] total = {0};
        int shown = 30; // what fits on the second page: the summary stays at two pages, the workbook has the rest
        r.findings().forEach((f, recurring) -> {
            total[0]++;
            all.add(f);
            if (all.size() > 4 * shown) { // keep the most severe few hundred, not the whole list
                all.sort(SEVERITY_FIRST);
                all.subList(shown, all.size()).clear();
            }
        });
        all.sort(SEVERITY_FIRST);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Finding f : all.subList(0, Math.min(shown, all.size()))) {
            rows.add(findingRow(f, r));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("L", labels);
        params.put("RUN_ID", r.runId());
        params.put("AS_OF", r.asOf().toString());
        params.put("TEAM", r.team());
        params.put("HEADLINE", headline(r));
        params.put("TOTAL_FINDINGS", total[0]);
        params.put("SHOWN_FINDINGS", (long) rows.size());
        params.put("RULES_REPORT", template("compliance-rules"));
        params.put("RULES", new JRMapCollectionDataSource(ruleRows(r).stream().filter(m -> ((Long) m.get("failed")) > 0).toList()));
        fill(file, "team-summary", params, withPlaceholder(rows));
    }

    /** Group headers (the cover, the column headers) print only when there is a row; an empty one keeps them. */
    private static List<Map<String, ?>> withPlaceholder(List<Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            rows = new ArrayList<>(rows);
            rows.add(new HashMap<>());
        }
        return rows;
    }

    private static final Comparator<Finding> SEVERITY_FIRST = Comparator.comparing((Finding f) -> -f.severity().ordinal())
            .thenComparing(Finding::ruleId).thenComparing(Finding::entityId);

    private void fill(Path file, String name, Map<String, Object> params, List<Map<String, ?>> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path swap = Files.createTempDirectory("pipeline-audit-pdf-");
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(20, new JRSwapFile(swap.toString(), 4096, 64), true);
        params.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        try {
            JasperPrint print = JasperFillManager.fillReport(template(name), params, new JRMapCollectionDataSource(rows));
            JasperExportManager.exportReportToPdfFile(print, file.toString());
        } catch (JRException e) {
            throw new IOException("could not render " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
            try (var walk = Files.walk(swap)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Compiles a template once: reports/templates/NAME.jrxml if present, else the copy in the jar. */
    JasperReport template(String name) throws IOException {
        try {
            return compiled.computeIfAbsent(name, n -> {
                try {
                    Path file = templates.resolve(n + ".jrxml");
                    if (Files.isRegularFile(file)) {
                        try (InputStream in = Files.newInputStream(file)) {
                            return JasperCompileManager.compileReport(in);
                        }
                    }
                    try (InputStream in = PdfReportRenderer.class.getResourceAsStream("/reports/templates/" + n + ".jrxml")) {
                        if (in == null) {
                            throw new IllegalStateException("template " + n + ".jrxml not found in " + templates + " or the jar");
                        }
                        return JasperCompileManager.compileReport(in);
                    }
                } catch (IOException | JRException e) {
                    throw new IllegalStateException("template " + n + ".jrxml: " + e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> findingRow(Finding f, AuditReport r) {
        Map<String, Object> m = new HashMap<>();
        m.put("rule_id", f.ruleId());
        m.put("rule_title", r.rules().stream().filter(l -> l.ruleId().equals(f.ruleId())).map(AuditReport.RuleLine::title).findFirst().orElse(""));
        m.put("severity", f.severity().name());
        m.put("entity_type", f.entityType());
        m.put("entity_id", f.entityId());
        m.put("team", f.team());
        m.put("owner", f.owner());
        m.put("metric", f.metric() == null ? null : FindingsCsvWriter.metric(f.metric()).toPlainString());
        m.put("threshold", f.threshold());
        m.put("message", f.message());
        return m;
    }

    private static List<Map<String, ?>> inputRows(List<RunStore.InputRow> inputs, boolean notRead) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (RunStore.InputRow in : inputs) {
            boolean read = "LOADED".equals(in.status());
            if (read == notRead) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            m.put("file", in.file());
            m.put("sha256", in.sha256());
            m.put("sheet", in.sheet());
            m.put("kind", in.kind());
            m.put("rows_read", in.rowsRead() == null ? null : String.format("%,d", in.rowsRead()));
            m.put("rows_loaded", in.rowsLoaded() == null ? null : String.format("%,d", in.rowsLoaded()));
            m.put("rows_rejected", in.rowsRejected() == null ? null : String.format("%,d", in.rowsRejected()));
            String note = in.status();
            if (in.error() != null) {
                note += ": " + in.error();
            }
            if (in.missing() != null) {
                note += " (" + in.missing() + ")";
            }
            m.put("note", note);
            rows.add(m);
        }
        return rows;
    }

    private static List<Map<String, ?>> ruleRows(AuditReport r) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (AuditReport.RuleLine line : r.rules()) {
            Map<String, Object> m = new HashMap<>();
            m.put("rule", line.ruleId());
            m.put("title", line.title());
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) r.settings().get(line.ruleId());
            m.put("settings", s == null ? "" : s.toString().replaceAll("^\\{|\\}$", ""));
            m.put("entity", line.entityType());
            m.put("checked", line.checked());
            m.put("failed", line.failed());
            m.put("rate", line.rate());
            rows.add(m);
        }
        return rows;
    }

    /** The trend table: one row per rule, one column per run (at most 8, oldest first), headed by the as-of dates. */
    private static void trendParams(AuditReport r, Map<String, Object> params) {
        List<String> runs = new ArrayList<>();
        Map<String, String> asOf = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (var p : r.trend()) {
            if (!asOf.containsKey(p.runId())) {
                runs.add(p.runId());
                asOf.put(p.runId(), p.asOf().toString());
            }
            counts.put(p.runId() + "|" + p.ruleId(), p.count());
        }
        for (int i = 0; i < 8; i++) {
            params.put("H" + (i + 1), i < runs.size() ? asOf.get(runs.get(i)) + "\n" + runs.get(i).substring(0, Math.min(15, runs.get(i).length())) : "");
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (AuditReport.RuleLine line : r.rules()) {
            Map<String, Object> m = new HashMap<>();
            m.put("rule", line.ruleId());
            for (int i = 0; i < 8; i++) {
                m.put("c" + (i + 1), i < runs.size() ? counts.getOrDefault(runs.get(i) + "|" + line.ruleId(), 0L) : null);
            }
            rows.add(m);
        }
        params.put("TREND", new JRMapCollectionDataSource(rows));
    }

    private static List<Map<String, ?>> issueRows(List<DataIssue> issues) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (DataIssue i : issues) {
            Map<String, Object> m = new HashMap<>();
            m.put("file", i.file());
            m.put("sheet", i.sheet());
            m.put("row", i.row() == null ? null : String.valueOf(i.row()));
            m.put("column", i.column());
            m.put("value", i.value());
            m.put("reason", i.reason());
            m.put("action", i.action().name());
            rows.add(m);
        }
        return rows;
    }

    private static String headline(AuditReport r) {
        long open = r.funnel().stream().filter(f -> !f.stage().equals("WON") && !f.stage().equals("LOST")).mapToLong(s -> s.count()).sum();
        long won = r.funnel().stream().filter(f -> f.stage().equals("WON")).mapToLong(s -> s.count()).sum();
        long reps = r.reps().size();
        return r.t("销售 %d 人 · 进行中商机 %d 个 · 赢单 %d 个 · 问题 %d 条".formatted(reps, open, won, r.totalFindings()),
                "%d reps · %d open opportunities · %d won · %d findings".formatted(reps, open, won, r.totalFindings()));
    }
}
