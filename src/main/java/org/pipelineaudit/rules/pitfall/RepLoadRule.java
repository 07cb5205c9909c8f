package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * PIT-REP-LOAD: in a team with at least min_reps reps holding open opportunities, a rep whose open count
 * exceeds factor × the median over those reps. A rep counts in the team of his first open opportunity
 * (by id) when the roster does not name one.
 */
@Component
public class RepLoadRule implements PipelineRule {

    public static final String ID = "PIT-REP-LOAD";

    /** team: that of the rep's open opportunity with the smallest id (order-independent, so partitions agree). */
    private static final class Load {
        String firstId;
        String team;
        final long[] open = new long[1];

        String team() {
            return team;
        }

        long[] open() {
            return open;
        }
    }

    private Map<String, Load> reps = new TreeMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void onOpportunity(OpportunityFacts o, Set<String> fired, RuleContext ctx) {
        if (o.isOpen() && o.owner() != null) {
            Load load = reps.computeIfAbsent(o.owner(), k -> new Load());
            if (load.firstId == null || o.id().compareTo(load.firstId) < 0) {
                load.firstId = o.id();
                load.team = o.team();
            }
            load.open[0]++;
        }
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        var s = ctx.setting(ID);
        Map<String, List<Map.Entry<String, Load>>> byTeam = new TreeMap<>();
        reps.entrySet().forEach(e -> byTeam.computeIfAbsent(e.getValue().team(), t -> new ArrayList<>()).add(e));
        List<Finding> out = new ArrayList<>();
        byTeam.forEach((team, members) -> {
            if (members.size() < s.count("min_reps")) {
                return;
            }
            long[] counts = members.stream().mapToLong(e -> e.getValue().open()[0]).sorted().toArray();
            int n = counts.length;
            BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(counts[n / 2])
                    : BigDecimal.valueOf(counts[n / 2 - 1] + counts[n / 2]).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
            for (var e : members) {
                long open = e.getValue().open()[0];
                BigDecimal ratio = BigDecimal.valueOf(open).divide(median, 4, RoundingMode.HALF_UP);
                if (ratio.compareTo(s.number("factor")) > 0) {
                    out.add(ctx.finding(ID, "REP", e.getKey(), team, e.getKey(), ratio, s.number("factor"),
                            Messages.format("负荷过重: %d 个进行中商机，是团队中位数 %s 的 %s 倍 (阈值 %s 倍)", open,
                                    median.stripTrailingZeros().toPlainString(), ratio.stripTrailingZeros().toPlainString(),
                                    s.number("factor").toPlainString()),
                            Messages.format("overloaded: %d open opportunities, %s × the team median of %s (threshold %s ×)", open,
                                    ratio.stripTrailingZeros().toPlainString(), median.stripTrailingZeros().toPlainString(),
                                    s.number("factor").toPlainString())));
                }
            }
        });
        reps = new TreeMap<>();
        return out;
    }
}
