package org.pipelineaudit.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.pipelineaudit.store.FindingStore;
import org.pipelineaudit.store.PipelineReader;
import org.pipelineaudit.store.SlicedScan;
import org.pipelineaudit.store.SqlDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Evaluates every enabled rule over one dataset as of D in a few streaming passes: activities are read
 * once into an index (suspect ones feed the activity rules); opportunities (with their activity dates
 * from the index) feed the opportunity rules and the pipeline rules; feedback feeds FBK-LATE and
 * PIT-FEEDBACK; then the pipeline rules judge.
 */
@Service
public class RuleEvaluator {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final FindingStore findings;
    private final List<OpportunityRule> opportunityRules;
    private final List<ActivityRule> activityRules;
    private final List<PipelineRule> pipelineRules;
    private final FeedbackLateRule feedbackLate;
    private final SlicedScan.Settings scanning;

    public RuleEvaluator(JdbcTemplate jdbc, SqlDialect dialect, FindingStore findings, List<OpportunityRule> opportunityRules,
                         List<ActivityRule> activityRules, List<PipelineRule> pipelineRules, FeedbackLateRule feedbackLate,
                         @Value("${audit.rules.partitions:0}") int partitions,
                         @Value("${audit.rules.slice-rows:10000}") int sliceRows) {
        this.scanning = new SlicedScan.Settings(partitions > 0 ? partitions : Math.min(4, Runtime.getRuntime().availableProcessors()), sliceRows);
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.findings = findings;
        this.opportunityRules = opportunityRules;
        this.activityRules = activityRules;
        this.pipelineRules = pipelineRules;
        this.feedbackLate = feedbackLate;
    }

    /** What an evaluation wrote, and how long each pass (rule family) took. */
    public record Result(long findings, Map<String, Long> millisByPass) {
    }

    /** @return the number of findings written for the run and the time of each pass */
    public Result evaluate(String runId, String dataset, LocalDate asOf, String lang, RuleSettings settings) {
        Map<String, Long> millis = new java.util.LinkedHashMap<>();
        long start = System.nanoTime();
        PipelineReader reader = new PipelineReader(jdbc, dialect, dataset, scanning);
        Map<String, String> roster = reader.rosterTeams();
        RuleContext ctx = new RuleContext(asOf, settings, roster, lang, reader);
        findings.deleteRun(runId);
        FindingStore.Writer out = findings.writer(runId);
        List<OpportunityRule> opp = opportunityRules.stream().filter(r -> ctx.enabled(r.id())).toList();
        List<ActivityRule> act = activityRules.stream().filter(r -> ctx.enabled(r.id())).toList();
        List<PipelineRule> pipe = pipelineRules.stream().filter(r -> ctx.enabled(r.id())).toList();

        reader.indexActivities(asOf, roster, a -> {
            for (ActivityRule rule : act) {
                rule.check(a, ctx, out);
            }
        });
        start = lap(millis, "activity pass (index; DQ-ACTIVITY-DATE, DQ-ORPHAN-ACTIVITY)", start);
        reader.forEachOpportunity(asOf, row -> {
            String owner = text(row.values().get("owner"));
            String team = ctx.teamOf(owner, text(row.values().get("team")));
            OpportunityFacts o = new OpportunityFacts(row.values(), team, row.activityDates(), row.duplicateRows());
            Set<String> fired = new HashSet<>();
            Consumer<Finding> sink = f -> {
                fired.add(f.ruleId());
                out.accept(f);
            };
            for (OpportunityRule rule : opp) {
                rule.check(o, ctx, sink);
            }
            for (PipelineRule rule : pipe) {
                rule.onOpportunity(o, fired, ctx);
            }
        });
        start = lap(millis, "opportunity pass (opportunity rules)", start);
        reader.forEachFeedback(asOf, row -> {
            String owner = text(row.get("owner"));
            FeedbackFacts f = new FeedbackFacts(text(row.get("feedback_id")), text(row.get("customer")), owner,
                    ctx.teamOf(owner, text(row.get("opp_team"))), (LocalDate) row.get("raised_date"), (LocalDate) row.get("responded_date"));
            var late = feedbackLate.check(f, ctx);
            late.ifPresent(out);
            for (PipelineRule rule : pipe) {
                rule.onFeedback(f, late.isPresent(), ctx);
            }
        });
        start = lap(millis, "feedback rules (FBK-LATE)", start);
        for (PipelineRule rule : pipe) {
            rule.finish(ctx, out);
            start = lap(millis, rule.id(), start);
        }
        out.flush();
        lap(millis, "writing findings", start);
        return new Result(out.count(), millis);
    }

    private static long lap(Map<String, Long> millis, String pass, long start) {
        long now = System.nanoTime();
        millis.merge(pass, (now - start) / 1_000_000, Long::sum);
        return now;
    }

    /** Every rule id known to the evaluator, for reports and `run.sh rules`. */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        opportunityRules.forEach(r -> ids.add(r.id()));
        activityRules.forEach(r -> ids.add(r.id()));
        ids.add(FeedbackLateRule.ID);
        pipelineRules.forEach(r -> ids.add(r.id()));
        return ids;
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
