package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.PipelineRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/**
 * PIT-DATA (缺乏数据驱动): over open opportunities, at least min_open, and the filled share of the
 * configured fields below share — per team and company. UNKNOWN counts as a value here.
 */
@Component
public class DataCompletenessRule implements PipelineRule {

    public static final String ID = "PIT-DATA";

    private TeamCounter<long[]> counts = new TeamCounter<>(() -> new long[2]);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void onOpportunity(OpportunityFacts o, Set<String> fired, RuleContext ctx) {
        if (!o.isOpen()) {
            return;
        }
        List<String> fields = ctx.setting(ID).list("fields");
        int filled = 0;
        for (String f : fields) {
            if (o.has(f)) {
                filled++;
            }
        }
        for (long[] c : counts.forTeam(o.team())) {
            c[0]++;
            c[1] += filled;
        }
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        var s = ctx.setting(ID);
        int fields = s.list("fields").size();
        List<Finding> out = new ArrayList<>();
        counts.all().forEach((team, c) -> {
            if (c[0] < s.count("min_open") || fields == 0) {
                return;
            }
            BigDecimal share = RuleContext.ratio(c[1], c[0] * fields);
            if (share.compareTo(s.number("share")) < 0) {
                out.add(ctx.finding(ID, TeamCounter.entityType(team), team, team, null, share, s.number("share"),
                        Messages.format("关键字段填写率 %s (阈值 %s): %d 个进行中商机 × %d 个字段", RuleContext.pct(share),
                                RuleContext.pct(s.number("share")), c[0], fields),
                        Messages.format("key fields filled %s (threshold %s) over %d open opportunities × %d fields", RuleContext.pct(share),
                                RuleContext.pct(s.number("share")), c[0], fields)));
            }
        });
        counts = new TeamCounter<>(() -> new long[2]);
        return out;
    }
}
