package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** DQ-CLOSE-BEFORE-CREATE: a close date earlier than the creation date. */
@Component
public class CloseBeforeCreateRule implements OpportunityRule {

    public static final String ID = "DQ-CLOSE-BEFORE-CREATE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        LocalDate close = o.date("close_date");
        if (close != null && close.isBefore(o.created())) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), null, null,
                    Messages.format("成交日期 %s 早于创建日期 %s", close, o.created()),
                    Messages.format("close date %s is before the creation date %s", close, o.created())));
        }
    }
}
