package org.pipelineaudit.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * FBK-LATE: feedback raised on or before D answered more than N days later, or still unanswered more
 * than N days after it was raised. A response dated after D counts as no response yet.
 */
@Component
public class FeedbackLateRule {

    public static final String ID = "FBK-LATE";

    public Optional<Finding> check(FeedbackFacts f, RuleContext ctx) {
        if (!ctx.enabled(ID)) {
            return Optional.empty();
        }
        int threshold = ctx.setting(ID).days("threshold");
        LocalDate responded = f.responded() != null && !f.responded().isAfter(ctx.asOf()) ? f.responded() : null;
        if (responded == null) {
            long days = RuleContext.days(f.raised(), ctx.asOf());
            if (days > threshold) {
                return Optional.of(ctx.finding(ID, "FEEDBACK", f.feedbackId(), f.team(), f.owner(), days, threshold,
                        Messages.format("客户反馈 %d 天未响应 (阈值 %d 天): 提出 %s", days, threshold, f.raised()),
                        Messages.format("feedback unanswered for %d days (threshold %d): raised %s", days, threshold, f.raised())));
            }
        } else {
            long days = RuleContext.days(f.raised(), responded);
            if (days > threshold) {
                return Optional.of(ctx.finding(ID, "FEEDBACK", f.feedbackId(), f.team(), f.owner(), days, threshold,
                        Messages.format("客户反馈 %d 天后才响应 (阈值 %d 天): %s → %s", days, threshold, f.raised(), responded),
                        Messages.format("feedback answered after %d days (threshold %d): %s → %s", days, threshold, f.raised(), responded)));
            }
        }
        return Optional.empty();
    }
}
