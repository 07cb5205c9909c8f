package org.pipelineaudit.model;

/** The kinds of record a sheet can hold, in the order SPEC §2 tries them. */
public enum Kind {
    OPPORTUNITY, ACTIVITY, FEEDBACK, TARGET, ROSTER
}
