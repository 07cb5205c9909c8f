package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** FUP-OVERDUE: an open opportunity whose next follow-up date has passed. */
@Component
public class FollowUpOverdueRule implements OpportunityRule {

    public static final String ID = "FUP-OVERDUE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        LocalDate next = o.date("next_followup_date");
        if (o.isOpen() && next != null && next.isBefore(ctx.asOf())) {
            long days = RuleContext.days(next, ctx.asOf());
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), days, null,
                    Messages.format("计划跟进已逾期 %d 天: 下次跟进时间 %s", days, next),
                    Messages.format("planned follow-up %d days overdue: next follow-up %s", days, next)));
        }
    }
}
