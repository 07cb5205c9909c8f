package org.pipelineaudit.rules.opportunity;

import org.pipelineaudit.rules.Messages;
import java.util.function.Consumer;
import org.pipelineaudit.rules.Finding;
import org.pipelineaudit.rules.OpportunityFacts;
import org.pipelineaudit.rules.OpportunityRule;
import org.pipelineaudit.rules.RuleContext;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** FUP-OVERCONTACT: some window [d, d+w−1] holds more than max activities of the opportunity (any stage). */
@Component
public class OverContactRule implements OpportunityRule {

    public static final String ID = "FUP-OVERCONTACT";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out) {
        int max = ctx.setting(ID).count("max");
        int window = ctx.setting(ID).days("window");
        List<LocalDate> dates = o.activityDates(); // sorted, dated on or before D
        int most = 0;
        LocalDate mostFrom = null;
        int j = 0;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate last = dates.get(i).plusDays(window - 1L);
            if (j < i) {
                j = i;
            }
            while (j + 1 < dates.size() && !dates.get(j + 1).isAfter(last)) {
                j++;
            }
            int count = j - i + 1;
            if (count > most) {
                most = count;
                mostFrom = dates.get(i);
            }
        }
        if (most > max) {
            LocalDate until = mostFrom.plusDays(window - 1L);
            out.accept(ctx.finding(ID, "OPPORTUNITY", o.id(), o.team(), o.owner(), most, max,
                    Messages.format("%d 天内联系 %d 次 (上限 %d 次): %s ~ %s", window, most, max, mostFrom, until),
                    Messages.format("%d contacts within %d days (max %d): %s to %s", most, window, max, mostFrom, until)));
        }
    }
}
