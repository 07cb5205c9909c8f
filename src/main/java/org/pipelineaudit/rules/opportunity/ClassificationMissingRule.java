package org.pipelineaudit.rules.opportunity;

import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/** CLS-MISSING: an open opportunity without a class (商机等级). */
@Component
public class ClassificationMissingRule implements OpportunityRule {

    public static final String ID = "CLS-MISSING";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        if (o.isOpen() && !o.has("priority")) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), null, null,
                    "商机未分级（缺少商机等级）", "opportunity has no priority (class)"));
        }
    }
}
