package org.pipelineaudit.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pipelineaudit.audit.AuditService;
import org.pipelineaudit.report.ReportService;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.store.FindingStore;
import org.pipelineaudit.store.ReportQueries;

/**
 * Writes the emails of one nightly audit into the outbox: one per team manager (roster manager_email)
 * with the team's figures, a chart and its top findings in the body and the team workbook and PDF
 * attached; one per auditor with the compliance PDF. Subjects are in Chinese unless --lang en.
 */
public final class MailComposer {

    private final Outbox outbox;
    private final FindingStore findings;
    private final ReportQueries queries;

    public MailComposer(Outbox outbox, FindingStore findings, ReportQueries queries) {
        this.outbox = outbox;
        this.findings = findings;
        this.queries = queries;
    }

    public void queue(String runId, String dataset, String asOf, String lang, AuditService.Outputs outputs, List<String> auditors)
            throws IOException {
        boolean en = "en".equals(lang);
        Map<String, String> managers = queries.managerEmails(dataset);
        for (ReportService.TeamPack pack : outputs.reports().teams().values()) {
            String to = managers.get(pack.team());
            if (to == null || to.isBlank()) {
                continue;
            }
            Map<String, Integer> byRule = new TreeMap<>(findings.countsByRule(runId, pack.team()));
            List<Finding> top = topFindings(runId, pack.team(), 10);
            Path chart = pack.findings() > 0
                    ? FindingsChart.write(pack.workbook().resolveSibling("findings-by-rule.png"), en ? "Findings by rule" : "各规则问题数", byRule)
                    : null;
            String subject = en ? "[Pipeline audit] %s %s: %d findings".formatted(pack.team(), asOf, pack.findings())
                    : "【销售管道审计】%s %s：发现 %d 个问题".formatted(pack.team(), asOf, pack.findings());
            outbox.queue(runId, to.strip(), subject, teamHtml(pack, byRule, top, asOf, en, chart != null), List.of(pack.workbook(), pack.pdf()), chart);
        }
        for (String auditor : auditors) {
            if (auditor.isBlank()) {
                continue;
            }
            String subject = en ? "[Pipeline audit] compliance report %s: %d findings".formatted(asOf, outputs.totalFindings())
                    : "【销售管道审计】合规报告 %s：共 %d 个问题".formatted(asOf, outputs.totalFindings());
            String html = "<html><body style=\"font-family:sans-serif\"><p>" + (en
                    ? "The compliance report of the audit as of %s (run %s) is attached.".formatted(asOf, runId)
                    : "附件为 %s 的销售管道合规审计报告（运行编号 %s）。".formatted(asOf, runId)) + "</p></body></html>";
            outbox.queue(runId, auditor.strip(), subject, html, List.of(outputs.reports().compliancePdf()), null);
        }
    }

    private List<Finding> topFindings(String runId, String team, int n) {
        List<Finding> all = new ArrayList<>();
        Comparator<Finding> order = Comparator.comparing((Finding f) -> -f.severity().ordinal()).thenComparing(Finding::ruleId)
                .thenComparing(Finding::entityId);
        findings.forEach(runId, team, f -> {
            all.add(f);
            if (all.size() > 10 * n) {
                all.sort(order);
                all.subList(n, all.size()).clear();
            }
        });
        all.sort(order);
        return all.subList(0, Math.min(n, all.size()));
    }

    private static String teamHtml(ReportService.TeamPack pack, Map<String, Integer> byRule, List<Finding> top, String asOf, boolean en,
                                   boolean chart) {
        StringBuilder h = new StringBuilder("<html><body style=\"font-family:sans-serif;color:#222\">");
        h.append("<h2>").append(esc(en ? "Pipeline audit — " + pack.team() : "销售管道审计 — " + pack.team())).append("</h2>");
        h.append("<p>").append(esc(en ? "As of " + asOf + ": " + pack.findings() + " findings for your team."
                : "审计日期 " + asOf + "：本团队共发现 " + pack.findings() + " 个问题。")).append("</p>");
        if (pack.findings() == 0) {
            h.append("<p>").append(esc(en ? "All clear." : "一切正常 ✓")).append("</p>");
        } else {
            h.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr><th>")
                    .append(esc(en ? "Rule" : "规则")).append("</th><th>").append(esc(en ? "Findings" : "问题数")).append("</th></tr>");
            byRule.forEach((rule, n) -> h.append("<tr><td>").append(esc(rule)).append("</td><td align=\"right\">").append(n).append("</td></tr>"));
            h.append("</table>");
            if (chart) {
                h.append("<p><img src=\"cid:").append(OutboxMessage.CHART_CID).append("\" alt=\"chart\"/></p>");
            }
            h.append("<h3>").append(esc(en ? "Top findings" : "主要问题")).append("</h3><ol>");
            for (Finding f : top) {
                h.append("<li><b>").append(esc(f.ruleId())).append("</b> ").append(esc(f.entityId()))
                        .append(f.owner() == null ? "" : " (" + esc(f.owner()) + ")").append(": ").append(esc(f.message())).append("</li>");
            }
            h.append("</ol>");
        }
        h.append("<p style=\"color:#666\">").append(esc(en ? "The team workbook and summary PDF are attached."
                : "附件：本团队的审计工作簿与摘要 PDF。")).append("</p></body></html>");
        return h.toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
