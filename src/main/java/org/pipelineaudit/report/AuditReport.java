package org.pipelineaudit.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pipelineaudit.ingest.DataIssue;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.store.ReportQueries;
import org.pipelineaudit.store.RunStore;

/**
 * Everything one report shows — for the company, or for one team (bursting). Findings are streamed
 * (they may be many); the rest are aggregates.
 */
public record AuditReport(String runId, LocalDate asOf, String lang, String team, List<RunStore.InputRow> inputs,
                          Map<String, Object> settings, String settingsSha256, List<RuleLine> rules,
                          List<ReportQueries.StageRow> funnel, List<ReportQueries.RepRow> reps, List<ReportQueries.TeamRow> teams,
                          List<ReportQueries.ChannelRow> channels, List<ReportQueries.TargetRow> targets,
                          List<ReportQueries.TrendPoint> trend, List<DataIssue> dataIssues, Map<String, Integer> counts,
                          FindingSource findings) {

    /** One rule's line in "compliance by rule": what it checks, how many it looked at, how many failed. */
    public record RuleLine(String ruleId, String title, String severity, boolean enabled, String entityType, long checked, long failed) {
        public double rate() {
            return checked == 0 ? 1.0 : Math.max(0, 1.0 - (double) failed / checked);
        }
    }

    /** Streams the report's findings, sorted by rule then entity, each marked recurring (also in the previous run) or new. */
    public interface FindingSource {
        void forEach(java.util.function.BiConsumer<Finding, Boolean> consumer);
    }

    public boolean english() {
        return "en".equals(lang);
    }

    public String t(String zh, String en) {
        return english() ? en : zh;
    }

    public long totalFindings() {
        return rules.stream().mapToLong(RuleLine::failed).sum();
    }
}
