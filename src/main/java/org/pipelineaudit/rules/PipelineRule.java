package org.pipelineaudit.rules;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A rule over many records (a rep, a team, the company, a target): it sees every opportunity and
 * feedback as the pass goes by, with the ids of the rules that fired on it, and judges at the end.
 */
public interface PipelineRule {

    String id();

    default void onOpportunity(OpportunityFacts o, Set<String> fired, RuleContext ctx) {
    }

    default void onFeedback(FeedbackFacts f, boolean late, RuleContext ctx) {
    }

    List<Finding> finish(RuleContext ctx);

    /** Hands the findings over one by one; a rule with very many findings streams them instead of listing them. */
    default void finish(RuleContext ctx, Consumer<Finding> out) {
        finish(ctx).forEach(out);
    }
}
