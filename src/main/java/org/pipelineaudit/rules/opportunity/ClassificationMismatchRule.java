package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/**
 * CLS-MISMATCH: an open opportunity whose class disagrees with its intent and budget: HIGH when intent
 * is STRONG and budget SUFFICIENT; LOW when intent is UNCLEAR or budget LIMITED; else MEDIUM.
 */
@Component
public class ClassificationMismatchRule implements OpportunityRule {

    public static final String ID = "CLS-MISMATCH";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        if (!o.isOpen() || !o.has("priority") || !o.has("intent") || !o.has("budget_status")) {
            return;
        }
        String expected = expected(o.text("intent"), o.text("budget_status"));
        String actual = o.text("priority");
        if (!expected.equals(actual)) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), null, expected,
                    Messages.format("商机等级 %s 与购买意愿 %s、预算 %s 不符，应为 %s", actual, o.text("intent"), o.text("budget_status"), expected),
                    Messages.format("priority %s does not match intent %s and budget %s; expected %s", actual, o.text("intent"),
                            o.text("budget_status"), expected)));
        }
    }

    static String expected(String intent, String budget) {
        if (intent.equals("STRONG") && budget.equals("SUFFICIENT")) {
            return "HIGH";
        }
        if (intent.equals("UNCLEAR") || budget.equals("LIMITED")) {
            return "LOW";
        }
        return "MEDIUM";
    }
}
