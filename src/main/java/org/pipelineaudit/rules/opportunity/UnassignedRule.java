package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;


/** HND-UNASSIGNED: an open opportunity with no owner more than N days after creation. */
@Component
public class UnassignedRule implements OpportunityRule {

    public static final String ID = "HND-UNASSIGNED";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        int threshold = ctx.setting(ID).days("threshold");
        long days = RuleContext.days(o.created(), ctx.asOf());
        if (o.isOpen() && o.owner() == null && days > threshold) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), null, days, threshold,
                    Messages.format("创建 %d 天仍无负责人 (阈值 %d 天): 创建 %s", days, threshold, o.created()),
                    Messages.format("no owner %d days after creation (threshold %d): created %s", days, threshold, o.created())));
        }
    }
}
