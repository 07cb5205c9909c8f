package org.pipelineaudit.rules.activity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.ActivityFacts;
import org.pipelineaudit.rules.ActivityRule;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/** DQ-ORPHAN-ACTIVITY: an activity (dated on or before D) naming an opportunity that is not loaded. */
@Component
public class OrphanActivityRule implements ActivityRule {

    public static final String ID = "DQ-ORPHAN-ACTIVITY";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(ActivityFacts a, RuleContext ctx, Consumer<Finding> out) {
        if (a.opportunityId() != null && !a.opportunityExists() && !a.date().isAfter(ctx.asOf())) {
            out.accept(ctx.finding(ID, "ACTIVITY", a.key(), a.team(), a.owner(), null, null,
                    Messages.format("跟进记录指向不存在的商机 %s", a.opportunityId()),
                    Messages.format("activity refers to opportunity %s, which is not in the data", a.opportunityId())));
        }
    }
}
