package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.PipelineRule;
import org.pipelineaudit.rules.RuleContext;
import org.pipelineaudit.rules.opportunity.FirstContactRule;
import org.pipelineaudit.rules.opportunity.FollowUpGapRule;
import org.pipelineaudit.rules.opportunity.FollowUpOverdueRule;
import org.springframework.stereotype.Component;

/**
 * PIT-REP-COMPLIANCE (销售团队管理不善): a rep with at least min_open open opportunities of which the share
 * with none of FUP-FIRST-CONTACT, FUP-GAP, FUP-OVERDUE (as configured) is below share.
 */
@Component
public class RepComplianceRule implements PipelineRule {

    public static final String ID = "PIT-REP-COMPLIANCE";
    private static final Set<String> FOLLOW_UP = Set.of(FirstContactRule.ID, FollowUpGapRule.ID, FollowUpOverdueRule.ID);

    /** team: that of the rep's open opportunity with the smallest id (order-independent, so partitions agree). */
    private static final class Counts {
        String firstId;
        String team;
        final long[] n = new long[2];
    }

    private Map<String, Counts> reps = new TreeMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void onOpportunity(OpportunityFacts o, Set<String> fired, RuleContext ctx) {
        if (!o.isOpen() || o.owner() == null) {
            return;
        }
        Counts c = reps.computeIfAbsent(o.owner(), k -> new Counts());
        if (c.firstId == null || o.id().compareTo(c.firstId) < 0) {
            c.firstId = o.id();
            c.team = o.team();
        }
        long[] n = c.n;
        n[0]++;
        if (fired.stream().noneMatch(FOLLOW_UP::contains)) {
            n[1]++;
        }
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        var s = ctx.setting(ID);
        List<Finding> out = new ArrayList<>();
        reps.forEach((rep, c) -> {
            long open = c.n[0];
            long compliant = c.n[1];
            if (open < s.count("min_open")) {
                return;
            }
            BigDecimal share = RuleContext.ratio(compliant, open);
            if (share.compareTo(s.number("share")) < 0) {
                out.add(ctx.finding(ID, "REP", rep, c.team, rep, share, s.number("share"),
                        Messages.format("跟进合规率 %s (阈值 %s): %d 个进行中商机中 %d 个无跟进问题", RuleContext.pct(share),
                                RuleContext.pct(s.number("share")), open, compliant),
                        "follow-up compliance %s (threshold %s): %d of %d open opportunities without follow-up findings"
                                .formatted(RuleContext.pct(share), RuleContext.pct(s.number("share")), compliant, open)));
            }
        });
        reps = new TreeMap<>();
        return out;
    }
}
