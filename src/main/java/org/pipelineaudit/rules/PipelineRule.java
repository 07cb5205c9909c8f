package org.pipelineaudit.rules;

import java.util.List;
import java.util.Set;

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
}
