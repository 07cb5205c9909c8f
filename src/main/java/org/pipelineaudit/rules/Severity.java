package org.pipelineaudit.rules;

/** How serious a finding is. */
public enum Severity { INFO, WARN, ERROR }
