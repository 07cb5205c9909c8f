package org.pipelineaudit.rules.activity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.ActivityFacts;
import org.pipelineaudit.rules.ActivityRule;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/** DQ-ACTIVITY-DATE: an activity dated after D, or before its opportunity's creation date. */
@Component
public class ActivityDateRule implements ActivityRule {

    public static final String ID = "DQ-ACTIVITY-DATE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(ActivityFacts a, RuleContext ctx, Consumer<Finding> out) {
        if (a.date().isAfter(ctx.asOf())) {
            out.accept(ctx.finding(ID, "ACTIVITY", a.key(), a.team(), a.owner(), null, null,
                    Messages.format("跟进日期 %s 晚于审计日 %s（未计入跟进）", a.date(), ctx.asOf()),
                    Messages.format("activity dated %s, after the audit date %s (not counted)", a.date(), ctx.asOf())));
        } else if (a.opportunityCreated() != null && a.date().isBefore(a.opportunityCreated())) {
            out.accept(ctx.finding(ID, "ACTIVITY", a.key(), a.team(), a.owner(), null, null,
                    Messages.format("跟进日期 %s 早于商机 %s 的创建日期 %s", a.date(), a.opportunityId(), a.opportunityCreated()),
                    Messages.format("activity dated %s, before opportunity %s was created on %s", a.date(), a.opportunityId(), a.opportunityCreated())));
        }
    }
}
