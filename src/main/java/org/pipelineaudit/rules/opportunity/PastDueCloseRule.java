package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** CNV-PAST-DUE: an open opportunity whose expected close date has passed. */
@Component
public class PastDueCloseRule implements OpportunityRule {

    public static final String ID = "CNV-PAST-DUE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        LocalDate close = o.date("close_date");
        if (o.isOpen() && close != null && close.isBefore(ctx.asOf())) {
            long days = RuleContext.days(close, ctx.asOf());
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), days, null,
                    Messages.format("预计成交日期已过 %d 天仍未关闭: 预计成交 %s", days, close),
                    Messages.format("still open %d days after the expected close date %s", days, close)));
        }
    }
}
