package org.pipelineaudit.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** What every rule needs besides the data: the as-of date D, the settings, the roster and the language. */
public final class RuleContext {

    public static final String UNASSIGNED = "UNASSIGNED";
    public static final String COMPANY = "ALL";

    private final LocalDate asOf;
    private final RuleSettings settings;
    private final Map<String, String> rosterTeams;
    private final boolean english;
    private final RuleQueries queries;

    public RuleContext(LocalDate asOf, RuleSettings settings, Map<String, String> rosterTeams, String lang, RuleQueries queries) {
        this.asOf = asOf;
        this.settings = settings;
        this.rosterTeams = rosterTeams;
        this.english = "en".equals(lang);
        this.queries = queries;
    }

    public RuleQueries queries() {
        return queries;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public RuleSetting setting(String ruleId) {
        return settings.get(ruleId);
    }

    public boolean enabled(String ruleId) {
        return settings.get(ruleId).enabled();
    }

    /** Team of a rep: the roster, else the record's own team, else UNASSIGNED (SPEC §2). */
    public String teamOf(String owner, String recordTeam) {
        if (owner != null) {
            String rostered = rosterTeams.get(owner);
            if (rostered != null) {
                return rostered;
            }
        }
        return recordTeam == null || recordTeam.isBlank() ? UNASSIGNED : recordTeam;
    }

    public String text(String zh, String en) {
        return english ? en : zh;
    }

    public static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    public Finding finding(String ruleId, String entityType, String entityId, String team, String owner, Number metric,
                           Object threshold, String zh, String en) {
        BigDecimal m = metric == null ? null : round(metric instanceof BigDecimal b ? b : new BigDecimal(metric.toString()));
        String t = threshold == null ? null : threshold instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : threshold.toString();
        return new Finding(ruleId, settings.get(ruleId).severity(), entityType, entityId, team, owner, m, t, text(zh, en));
    }

    /** SPEC §4: numbers are compared after rounding to 4 decimals. */
    public static BigDecimal round(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    public static String pct(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
