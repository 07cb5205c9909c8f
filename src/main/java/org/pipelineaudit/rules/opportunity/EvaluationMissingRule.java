package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** EVA-MISSING: an EVALUATING opportunity lacking budget status (empty or UNKNOWN), decision date or probability. */
@Component
public class EvaluationMissingRule implements OpportunityRule {

    public static final String ID = "EVA-MISSING";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        if (o.stage() != org.pipelineaudit.model.Stage.EVALUATING) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!o.has("budget_status") || "UNKNOWN".equals(o.text("budget_status"))) {
            missing.add("budget_status");
        }
        if (!o.has("decision_date")) {
            missing.add("decision_date");
        }
        if (!o.has("probability")) {
            missing.add("probability");
        }
        if (!missing.isEmpty()) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), missing.size(), null,
                    Messages.format("评估阶段缺少 %d 项: %s", missing.size(), String.join(", ", missing)),
                    Messages.format("evaluating but missing %d: %s", missing.size(), String.join(", ", missing))));
        }
    }
}
