package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.PipelineRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/**
 * PIT-CHANNEL (单一渠道依赖): over opportunities created in (D−window, D] with a channel, at least
 * min_count of them and the top channel's share ≥ share — per team and for the company.
 */
@Component
public class ChannelDependencyRule implements PipelineRule {

    public static final String ID = "PIT-CHANNEL";

    private TeamCounter<Map<String, Integer>> counts = new TeamCounter<>(TreeMap::new);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void onOpportunity(OpportunityFacts o, Set<String> fired, RuleContext ctx) {
        int window = ctx.setting(ID).days("window");
        LocalDate created = o.created();
        if (o.channel() == null || !created.isAfter(ctx.asOf().minusDays(window))) {
            return;
        }
        for (Map<String, Integer> c : counts.forTeam(o.team())) {
            c.merge(o.channel(), 1, Integer::sum);
        }
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        var s = ctx.setting(ID);
        List<Finding> out = new ArrayList<>();
        counts.all().forEach((team, channels) -> {
            int total = channels.values().stream().mapToInt(Integer::intValue).sum();
            if (total < s.count("min_count")) {
                return;
            }
            String top = null;
            int topCount = -1;
            for (var e : channels.entrySet()) { // TreeMap: ties go to the first channel by name
                if (e.getValue() > topCount) {
                    top = e.getKey();
                    topCount = e.getValue();
                }
            }
            BigDecimal share = RuleContext.ratio(topCount, total);
            if (share.compareTo(s.number("share")) >= 0) {
                out.add(ctx.finding(ID, TeamCounter.entityType(team), team, team, null, share, s.number("share"),
                        Messages.format("单一渠道依赖: 近 %d 天 %d 个商机中 %d 个 (%s) 来自「%s」(阈值 %s)", s.days("window"), total, topCount,
                                RuleContext.pct(share), top, RuleContext.pct(s.number("share"))),
                        "one-channel dependency: %d of %d opportunities in the last %d days (%s) came from '%s' (threshold %s)"
                                .formatted(topCount, total, s.days("window"), RuleContext.pct(share), top, RuleContext.pct(s.number("share")))));
            }
        });
        counts = new TeamCounter<>(TreeMap::new);
        return out;
    }
}
