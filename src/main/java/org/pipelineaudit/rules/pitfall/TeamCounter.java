package org.pipelineaudit.rules.pitfall;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.pipelineaudit.rules.RuleContext;

/** Per-team accumulators plus one for the whole company (team {@code ALL}), in a stable order. */
final class TeamCounter<T> {

    private final Map<String, T> byTeam = new TreeMap<>();
    private final Supplier<T> factory;

    TeamCounter(Supplier<T> factory) {
        this.factory = factory;
    }

    /** The accumulators a record of this team feeds: its team's and the company's. */
    Iterable<T> forTeam(String team) {
        return java.util.List.of(byTeam.computeIfAbsent(team, t -> factory.get()),
                byTeam.computeIfAbsent(RuleContext.COMPANY, t -> factory.get()));
    }

    Map<String, T> all() {
        return byTeam;
    }

    static String entityType(String team) {
        return RuleContext.COMPANY.equals(team) ? "COMPANY" : "TEAM";
    }
}
