package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.PipelineRule;
import org.pipelineaudit.rules.RuleContext;
import org.pipelineaudit.rules.RuleQueries;
import org.springframework.stereotype.Component;

/**
 * PIT-TARGET (目标设定不合理): each target whose period holds D is judged against the rep's baseline, the
 * mean of his won_amount (by close_date) over the previous periods of the same length (a period with
 * none counts 0): too high above high × baseline, too low below low × baseline; baseline must be > 0.
 */
@Component
public class TargetRealismRule implements PipelineRule {

    public static final String ID = "PIT-TARGET";

    /** Won amount per rep per period key ("2026-08", "2026-Q3"). */
    private Map<String, Map<String, BigDecimal>> won = new HashMap<>();
    private Map<String, String> repTeams = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void onOpportunity(OpportunityFacts o, Set<String> fired, RuleContext ctx) {
        if (o.owner() != null) {
            repTeams.putIfAbsent(o.owner(), o.team());
        }
        LocalDate close = o.date("close_date");
        BigDecimal amount = o.number("won_amount");
        if (o.stage() != org.pipelineaudit.model.Stage.WON || o.owner() == null || close == null || amount == null) {
            return;
        }
        var periods = won.computeIfAbsent(o.owner(), k -> new HashMap<>());
        periods.merge(month(close), amount, BigDecimal::add);
        periods.merge(quarter(close), amount, BigDecimal::add);
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        var s = ctx.setting(ID);
        int count = s.count("periods");
        String currentMonth = month(ctx.asOf());
        String currentQuarter = quarter(ctx.asOf());
        List<Finding> out = new ArrayList<>();
        for (RuleQueries.Target t : ctx.queries().targets()) {
            boolean monthly = t.period().equals(currentMonth);
            if (!monthly && !t.period().equals(currentQuarter)) {
                continue;
            }
            List<String> previous = previous(ctx.asOf(), monthly, count);
            Map<String, BigDecimal> rep = won.getOrDefault(t.owner(), Map.of());
            BigDecimal sum = previous.stream().map(p -> rep.getOrDefault(p, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal baseline = sum.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
            if (baseline.signum() <= 0) {
                continue;
            }
            BigDecimal ratio = t.amount().divide(sum.divide(BigDecimal.valueOf(count), 12, RoundingMode.HALF_UP), 4, RoundingMode.HALF_UP);
            boolean high = ratio.compareTo(s.number("high")) > 0;
            boolean low = ratio.compareTo(s.number("low")) < 0;
            if (!high && !low) {
                continue;
            }
            BigDecimal threshold = high ? s.number("high") : s.number("low");
            String team = ctx.teamOf(t.owner(), repTeams.get(t.owner()));
            String base = baseline.setScale(2, RoundingMode.HALF_UP).toPlainString();
            String target = t.amount().stripTrailingZeros().toPlainString();
            String span = previous.get(previous.size() - 1) + "~" + previous.get(0);
            out.add(ctx.finding(ID, "TARGET", t.owner() + "|" + t.period(), team, t.owner(), ratio, threshold,
                    Messages.format("%s 目标 %s 是基线 %s (%s 平均成交额) 的 %s 倍，%s %s 倍", t.period(), target, base, span,
                            ratio.stripTrailingZeros().toPlainString(), high ? "高于" : "低于", threshold.toPlainString()),
                    Messages.format("%s target %s is %s × the baseline %s (mean won %s), %s %s ×", t.period(), target,
                            ratio.stripTrailingZeros().toPlainString(), base, span, high ? "above" : "below", threshold.toPlainString())));
        }
        won = new HashMap<>();
        repTeams = new HashMap<>();
        return out;
    }

    static List<String> previous(LocalDate asOf, boolean monthly, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(monthly ? month(asOf.minusMonths(i)) : quarter(asOf.minusMonths(3L * i)));
        }
        return out;
    }

    static String month(LocalDate d) {
        return YearMonth.from(d).toString();
    }

    static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }
}
