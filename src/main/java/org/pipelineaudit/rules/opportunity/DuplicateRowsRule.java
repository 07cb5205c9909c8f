package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;


/** DQ-DUPLICATE: the opportunity's key appeared on conflicting rows of one file (the last row was kept). */
@Component
public class DuplicateRowsRule implements OpportunityRule {

    public static final String ID = "DQ-DUPLICATE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        if (o.duplicateRows() != null) {
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), o.duplicateRows(), null,
                    Messages.format("同一文件中有 %d 行相同商机编号且内容不一致，已取最后一行", o.duplicateRows()),
                    Messages.format("%d conflicting rows share this id in one file; the last row was kept", o.duplicateRows())));
        }
    }
}
