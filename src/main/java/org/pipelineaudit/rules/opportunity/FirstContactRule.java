package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.TreeSet;

/**
 * FUP-FIRST-CONTACT: first contact more than N days after creation (any stage); or, for an open
 * opportunity never contacted, more than N days between creation and D.
 */
@Component
public class FirstContactRule implements OpportunityRule {

    public static final String ID = "FUP-FIRST-CONTACT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        int threshold = ctx.setting(ID).days("threshold");
        TreeSet<LocalDate> contacts = o.contactDates(ctx.asOf());
        if (!contacts.isEmpty()) {
            LocalDate first = contacts.first();
            long days = RuleContext.days(o.created(), first);
            if (days > threshold) {
                out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), days, threshold,
                        Messages.format("首次联系晚了 %d 天 (阈值 %d 天): 创建 %s → 首次联系 %s", days, threshold, o.created(), first),
                        Messages.format("first contact after %d days (threshold %d): created %s → first contact %s", days, threshold, o.created(), first)));
            }
        } else if (o.isOpen()) {
            long days = RuleContext.days(o.created(), ctx.asOf());
            if (days > threshold) {
                out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), days, threshold,
                        Messages.format("创建 %d 天仍未联系 (阈值 %d 天): 创建 %s", days, threshold, o.created()),
                        Messages.format("no contact %d days after creation (threshold %d): created %s", days, threshold, o.created())));
            }
        }
    }
}
