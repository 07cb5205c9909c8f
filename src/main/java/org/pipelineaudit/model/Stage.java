package org.pipelineaudit.model;

/** Opportunity stage (商机阶段). */
public enum Stage {
    IDENTIFIED, TRACKING, EVALUATING, WON, LOST;

    public boolean isOpen() {
        return this == IDENTIFIED || this == TRACKING || this == EVALUATING;
    }
}
