package org.pipelineaudit.model;

/** Opportunity class (商机等级). */
public enum Priority { HIGH, MEDIUM, LOW }
