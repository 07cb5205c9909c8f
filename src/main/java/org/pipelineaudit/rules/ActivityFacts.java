package org.pipelineaudit.rules;

import java.time.LocalDate;

/** An activity as the data-quality rules see it, with what is known of its opportunity (if it exists). */
public record ActivityFacts(String key, String opportunityId, String owner, LocalDate date, boolean opportunityExists,
                            LocalDate opportunityCreated, String team) {
}
