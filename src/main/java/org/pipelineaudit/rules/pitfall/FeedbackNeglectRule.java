package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.pipelineaudit.rules.FeedbackFacts;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.PipelineRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/**
 * PIT-FEEDBACK (忽视客户需求变化): over feedback raised in (D−window, D], at least min_count, and the share
 * answered late (FBK-LATE as configured; disabled counts as never late) ≥ share — per team and company.
 */
@Component
public class FeedbackNeglectRule implements PipelineRule {

    public static final String ID = "PIT-FEEDBACK";

    private TeamCounter<long[]> counts = new TeamCounter<>(() -> new long[2]);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void onFeedback(FeedbackFacts f, boolean late, RuleContext ctx) {
        if (!f.raised().isAfter(ctx.asOf().minusDays(ctx.setting(ID).days("window")))) {
            return;
        }
        for (long[] c : counts.forTeam(f.team())) {
            c[0]++;
            if (late) {
                c[1]++;
            }
        }
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        var s = ctx.setting(ID);
        List<Finding> out = new ArrayList<>();
        counts.all().forEach((team, c) -> {
            if (c[0] < s.count("min_count")) {
                return;
            }
            BigDecimal share = RuleContext.ratio(c[1], c[0]);
            if (share.compareTo(s.number("share")) >= 0) {
                out.add(ctx.finding(ID, TeamCounter.entityType(team), team, team, null, share, s.number("share"),
                        Messages.format("忽视客户需求: 近 %d 天 %d 条反馈中 %d 条 (%s) 响应超时 (阈值 %s)", s.days("window"), c[0], c[1],
                                RuleContext.pct(share), RuleContext.pct(s.number("share"))),
                        "customer feedback neglected: %d of %d in the last %d days (%s) answered late (threshold %s)"
                                .formatted(c[1], c[0], s.days("window"), RuleContext.pct(share), RuleContext.pct(s.number("share")))));
            }
        });
        counts = new TeamCounter<>(() -> new long[2]);
        return out;
    }
}
