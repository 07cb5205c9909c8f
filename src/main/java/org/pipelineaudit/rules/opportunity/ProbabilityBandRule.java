package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/** EVA-PROBABILITY: a probability outside its stage's band (every stage, WON and LOST included). */
@Component
public class ProbabilityBandRule implements OpportunityRule {

    public static final String ID = "EVA-PROBABILITY";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        BigDecimal p = o.number("probability");
        if (p == null) {
            return;
        }
        List<BigDecimal> band = ctx.setting(ID).bands().get(o.stage().name());
        if (band == null) {
            return;
        }
        BigDecimal value = RuleContext.round(p);
        if (value.compareTo(band.get(0)) < 0 || value.compareTo(band.get(1)) > 0) {
            String range = band.get(0).stripTrailingZeros().toPlainString() + "-" + band.get(1).stripTrailingZeros().toPlainString();
            String shown = value.stripTrailingZeros().toPlainString();
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), value, range,
                    Messages.format("赢率 %s%% 超出 %s 阶段的范围 %s%%", shown, o.stage(), range),
                    Messages.format("probability %s%% outside the %s band %s%%", shown, o.stage(), range)));
        }
    }
}
