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
 * FUP-GAP: an open opportunity, contacted at least once, whose largest gap between consecutive dates of
 * C(o) ∪ {D} exceeds N days. The stretch before the first contact belongs to FUP-FIRST-CONTACT.
 */
@Component
public class FollowUpGapRule implements OpportunityRule {

    public static final String ID = "FUP-GAP";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        if (!o.isOpen()) {
            return;
        }
        TreeSet<LocalDate> dates = o.contactDates(ctx.asOf());
        if (dates.isEmpty()) {
            return;
        }
        dates.add(ctx.asOf());
        int threshold = ctx.setting(ID).days("threshold");
        long largest = -1;
        LocalDate from = null, to = null, previous = null;
        for (LocalDate d : dates) {
            if (previous != null) {
                long gap = RuleContext.days(previous, d);
                if (gap > largest) {
                    largest = gap;
                    from = previous;
                    to = d;
                }
            }
            previous = d;
        }
        if (largest > threshold) {
            String end = to.equals(ctx.asOf()) ? to + " (D)" : to.toString();
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), largest, threshold,
                    Messages.format("最大跟进间隔 %d 天 (阈值 %d 天): %s → %s", largest, threshold, from, end),
                    Messages.format("largest follow-up gap %d days (threshold %d): %s → %s", largest, threshold, from, end)));
        }
    }
}
