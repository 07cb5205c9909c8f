package org.pipelineaudit.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The set-based questions some rules ask the database (implemented in the store package). */
public interface RuleQueries {

    record Target(String owner, String period, BigDecimal amount) {
    }

    record WonWithoutAfterSale(String opportunityId, String owner, String team, String customer, LocalDate closeDate) {
    }

    List<Target> targets();

    /**
     * WON opportunities (created ≤ D) closed on or before {@code closedBy} with no activity of the same customer in (close, D],
     * handed over one at a time in table order (there may be hundreds of thousands).
     */
    void forEachWonWithoutLaterContact(LocalDate closedBy, LocalDate asOf, java.util.function.Consumer<WonWithoutAfterSale> consumer);
}
