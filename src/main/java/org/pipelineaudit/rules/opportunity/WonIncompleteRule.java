package org.pipelineaudit.rules.opportunity;

import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** CNV-WON-INCOMPLETE: a WON opportunity without a positive won amount or without a close date. */
@Component
public class WonIncompleteRule implements OpportunityRule {

    public static final String ID = "CNV-WON-INCOMPLETE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        if (o.stage() != org.pipelineaudit.model.Stage.WON) {
            return;
        }
        List<String> missing = new ArrayList<>();
        BigDecimal won = o.number("won_amount");
        if (won == null || won.signum() <= 0) {
            missing.add("won_amount");
        }
        if (o.date("close_date") == null) {
            missing.add("close_date");
        }
        if (!missing.isEmpty()) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), null, null,
                    "赢单信息不完整: 缺少 " + String.join(", ", missing),
                    "won but incomplete: missing " + String.join(", ", missing)));
        }
    }
}
