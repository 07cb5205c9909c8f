package org.pipelineaudit.rules;

import java.time.LocalDate;

/** One customer feedback record (raised on or before D) with its resolved team. */
public record FeedbackFacts(String feedbackId, String customer, String owner, String team, LocalDate raised, LocalDate responded) {
}
