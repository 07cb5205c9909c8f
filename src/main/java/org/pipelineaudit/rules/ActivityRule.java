package org.pipelineaudit.rules;

import java.util.function.Consumer;

/** A data-quality rule judged on one activity. */
public interface ActivityRule {

    String id();

    void check(ActivityFacts a, RuleContext ctx, Consumer<Finding> out);
}
