package org.pipelineaudit.model;

/** Budget status (预算情况). */
public enum BudgetStatus { SUFFICIENT, LIMITED, UNKNOWN }
