package org.pipelineaudit.rules.pitfall;

import org.pipelineaudit.rules.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.PipelineRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

/**
 * PIT-AFTERSALE (忽视客户关系/售后回访): a WON opportunity closed at least N days before D with no activity
 * of the same customer (trimmed, case-folded name) dated in (close_date, D]. An activity's customer is
 * its own, else its opportunity's; an opportunity without a customer is matched by its own activities.
 */
@Component
public class AfterSaleNeglectRule implements PipelineRule {

    public static final String ID = "PIT-AFTERSALE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> finish(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        finish(ctx, out::add);
        return out;
    }

    /** Streams: a million-opportunity pipeline can have hundreds of thousands of neglected wins. */
    @Override
    public void finish(RuleContext ctx, Consumer<Finding> out) {
        int threshold = ctx.setting(ID).days("threshold");
        ctx.queries().forEachWonWithoutLaterContact(ctx.asOf().minusDays(threshold), ctx.asOf(), w -> {
            long days = RuleContext.days(w.closeDate(), ctx.asOf());
            String team = ctx.teamOf(w.owner(), w.team());
            String customer = w.customer() == null ? "" : w.customer();
            out.accept(ctx.finding(ID, "OPPORTUNITY", w.opportunityId(), team, w.owner(), days, threshold,
                    Messages.format("赢单 %d 天后无任何回访 (阈值 %d 天): 客户 %s，成交 %s", days, threshold, customer, w.closeDate()),
                    Messages.format("no contact with the customer %d days after the win (threshold %d): %s, closed %s", days, threshold,
                            customer, w.closeDate())));
        });
    }
}
