package org.pipelineaudit.rules;

import java.util.function.Consumer;

/** A rule judged on one opportunity at a time (created on or before D). */
public interface OpportunityRule {

    String id();

    void check(OpportunityFacts o, RuleContext ctx, Consumer<Finding> out);
}
