package org.pipelineaudit.rules;

import java.math.BigDecimal;

/**
 * One result of a rule: what is wrong with which entity, the measured value and the threshold it was
 * judged against, and a message with the evidence. Findings are data, never exceptions.
 */
public record Finding(String ruleId, Severity severity, String entityType, String entityId, String team, String owner,
                      BigDecimal metric, String threshold, String message) {
}
