package org.pipelineaudit.model;

/** How a raw cell of a field is read. */
public enum FieldType {
    TEXT, DATE, AMOUNT, PROBABILITY, PERIOD, STAGE, PRIORITY, INTENT, BUDGET_STATUS, ACTIVITY_TYPE,
    /** A separate won/lost outcome column (悟空 商机状态, Dynamics Status) that overrides an open stage. */
    OUTCOME
}
