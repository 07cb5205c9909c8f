package org.pipelineaudit.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The aggregates the reports show, computed in SQL over one dataset as of D, for the whole company or
 * one team. A record's team is resolved as the rules resolve it: roster team of its owner, else its own
 * team, else UNASSIGNED.
 */
@Repository
public class ReportQueries {

    /** Per stage: count, activities per opportunity, mean probability, amount. */
    public record StageRow(String stage, long count, BigDecimal activitiesPerOpportunity, BigDecimal meanProbability, BigDecimal amount) {
    }

    public record RepRow(String owner, String team, long open, long won, BigDecimal wonAmount, long findings, long followUpFindings) {
    }

    public record TeamRow(String team, long opportunities, long open, long won, BigDecimal wonAmount, long findings) {
    }

    public record ChannelRow(String channel, long opportunities, long won) {
    }

    public record TargetRow(String owner, String team, String period, BigDecimal target, BigDecimal wonInPeriod) {
    }

    public record TrendPoint(String runId, LocalDate asOf, String ruleId, long count) {
    }

    private static final String TEAM = "COALESCE(r.team, o.team, 'UNASSIGNED')";
    private static final String OPP_FROM = " FROM opportunity o LEFT JOIN rep r ON r.dataset = o.dataset AND r.owner = o.owner"
            + " WHERE o.dataset = ? AND o.created_date <= ?";

    private final JdbcTemplate jdbc;
    private final FindingRuns runs;

    public ReportQueries(JdbcTemplate jdbc, FindingRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    private static String teamFilter(String team) {
        return team == null ? "" : " AND " + TEAM + " = ?";
    }

    private static Object[] args(String dataset, LocalDate asOf, String team, Object... more) {
        List<Object> a = new ArrayList<>(List.of(dataset, Date.valueOf(asOf)));
        if (team != null) {
            a.add(team);
        }
        a.addAll(List.of(more));
        return a.toArray();
    }

    public List<StageRow> funnel(String dataset, LocalDate asOf, String team) {
        Map<String, StageRow> byStage = new LinkedHashMap<>();
        for (String s : List.of("IDENTIFIED", "TRACKING", "EVALUATING", "WON", "LOST")) {
            byStage.put(s, new StageRow(s, 0, BigDecimal.ZERO, null, BigDecimal.ZERO));
        }
        jdbc.query("SELECT o.stage, COUNT(*) AS n, AVG(o.probability) AS p,"
                + " SUM(CASE WHEN o.stage = 'WON' THEN COALESCE(o.won_amount, 0) ELSE COALESCE(o.expected_amount, 0) END) AS amount,"
                + " SUM((SELECT COUNT(*) FROM activity a WHERE a.dataset = o.dataset AND a.opportunity_id = o.opportunity_id"
                + "   AND a.activity_date <= ?)) AS acts"
                + OPP_FROM + teamFilter(team) + " GROUP BY o.stage", rs -> {
                    long n = rs.getLong("n");
                    BigDecimal acts = BigDecimal.valueOf(rs.getLong("acts"));
                    byStage.put(rs.getString("stage"), new StageRow(rs.getString("stage"), n,
                            n == 0 ? BigDecimal.ZERO : acts.divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.HALF_UP),
                            rs.getBigDecimal("p"), rs.getBigDecimal("amount")));
                }, prepend(Date.valueOf(asOf), args(dataset, asOf, team)));
        return new ArrayList<>(byStage.values());
    }

    public List<RepRow> reps(String dataset, LocalDate asOf, String team, String runId) {
        // finding counts per owner in one grouped query (a correlated subquery per row is quadratic on H2)
        Map<String, long[]> byOwner = new java.util.HashMap<>();
        jdbc.query("SELECT owner, COUNT(*), SUM(CASE WHEN rule_id LIKE 'FUP-%' THEN 1 ELSE 0 END) FROM finding"
                + " WHERE id BETWEEN ? AND ? AND owner IS NOT NULL GROUP BY owner", rs -> {
                    byOwner.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, runs.of(runId).args());
        return jdbc.query("SELECT o.owner, MIN(" + TEAM + ") AS team,"
                + " SUM(CASE WHEN o.stage IN ('IDENTIFIED', 'TRACKING', 'EVALUATING') THEN 1 ELSE 0 END) AS open_count,"
                + " SUM(CASE WHEN o.stage = 'WON' THEN 1 ELSE 0 END) AS won_count,"
                + " SUM(CASE WHEN o.stage = 'WON' THEN COALESCE(o.won_amount, 0) ELSE 0 END) AS won_amount"
                + OPP_FROM + " AND o.owner IS NOT NULL" + teamFilter(team) + " GROUP BY o.owner ORDER BY 2, 1",
                (rs, i) -> {
                    long[] f = byOwner.getOrDefault(rs.getString("owner"), new long[2]);
                    return new RepRow(rs.getString("owner"), rs.getString("team"), rs.getLong("open_count"), rs.getLong("won_count"),
                            rs.getBigDecimal("won_amount"), f[0], f[1]);
                }, args(dataset, asOf, team));
    }

    public List<TeamRow> teams(String dataset, LocalDate asOf, String team, String runId) {
        return jdbc.query("SELECT " + TEAM + " AS team, COUNT(*) AS n,"
                + " SUM(CASE WHEN o.stage IN ('IDENTIFIED', 'TRACKING', 'EVALUATING') THEN 1 ELSE 0 END) AS open_count,"
                + " SUM(CASE WHEN o.stage = 'WON' THEN 1 ELSE 0 END) AS won_count,"
                + " SUM(CASE WHEN o.stage = 'WON' THEN COALESCE(o.won_amount, 0) ELSE 0 END) AS won_amount"
                + OPP_FROM + teamFilter(team) + " GROUP BY " + TEAM + " ORDER BY 1",
                (rs, i) -> new TeamRow(rs.getString("team"), rs.getLong("n"), rs.getLong("open_count"), rs.getLong("won_count"),
                        rs.getBigDecimal("won_amount"), countFindings(runId, rs.getString("team"))),
                args(dataset, asOf, team));
    }

    private long countFindings(String runId, String team) {
        FindingRuns.Range range = runs.of(runId);
        return jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE id BETWEEN ? AND ? AND team = ?", Long.class,
                range.first(), range.last(), team);
    }

    public List<ChannelRow> channels(String dataset, LocalDate asOf, String team, int windowDays) {
        return jdbc.query("SELECT COALESCE(o.channel, '(未填)') AS channel, COUNT(*) AS n,"
                + " SUM(CASE WHEN o.stage = 'WON' THEN 1 ELSE 0 END) AS won" + OPP_FROM + " AND o.created_date > ?" + teamFilter(team)
                + " GROUP BY COALESCE(o.channel, '(未填)') ORDER BY 2 DESC, 1",
                (rs, i) -> new ChannelRow(rs.getString("channel"), rs.getLong("n"), rs.getLong("won")),
                team == null ? new Object[] {dataset, Date.valueOf(asOf), Date.valueOf(asOf.minusDays(windowDays))}
                        : new Object[] {dataset, Date.valueOf(asOf), Date.valueOf(asOf.minusDays(windowDays)), team});
    }

    /** Targets whose period holds D, with what the rep has won in that period so far. */
    public List<TargetRow> targets(String dataset, LocalDate asOf, String team) {
        String month = "%04d-%02d".formatted(asOf.getYear(), asOf.getMonthValue());
        int q = (asOf.getMonthValue() - 1) / 3;
        String quarter = asOf.getYear() + "-Q" + (q + 1);
        LocalDate monthStart = asOf.withDayOfMonth(1);
        LocalDate quarterStart = LocalDate.of(asOf.getYear(), q * 3 + 1, 1);
        String t = "COALESCE(r.team, 'UNASSIGNED')";
        return jdbc.query("SELECT st.owner, " + t + " AS team, st.period, st.target_amount,"
                + " (SELECT COALESCE(SUM(o.won_amount), 0) FROM opportunity o WHERE o.dataset = st.dataset AND o.owner = st.owner"
                + "   AND o.stage = 'WON' AND o.close_date >= CASE WHEN st.period = ? THEN CAST(? AS DATE) ELSE CAST(? AS DATE) END"
                + "   AND o.close_date <= CAST(? AS DATE)) AS won"
                + " FROM sales_target st LEFT JOIN rep r ON r.dataset = st.dataset AND r.owner = st.owner"
                + " WHERE st.dataset = ? AND st.period IN (?, ?)" + (team == null ? "" : " AND " + t + " = ?")
                + " ORDER BY st.owner, st.period",
                (rs, i) -> new TargetRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                team == null ? new Object[] {month, Date.valueOf(monthStart), Date.valueOf(quarterStart), Date.valueOf(asOf), dataset, month, quarter}
                        : new Object[] {month, Date.valueOf(monthStart), Date.valueOf(quarterStart), Date.valueOf(asOf), dataset, month, quarter, team});
    }

    /** Findings per rule of the last {@code runs} audit runs of the dataset, oldest first. */
    public List<TrendPoint> trend(String dataset, int runs, String team) {
        List<Map<String, Object>> last = jdbc.queryForList("SELECT run_id, as_of FROM audit_run WHERE dataset = ? AND command IN ('audit', 'nightly')"
                + " AND status = 'COMPLETED' ORDER BY started_at DESC, run_id DESC", dataset);
        List<TrendPoint> out = new ArrayList<>();
        List<Map<String, Object>> chosen = new ArrayList<>(last.subList(0, Math.min(runs, last.size())));
        java.util.Collections.reverse(chosen);
        for (Map<String, Object> run : chosen) {
            String runId = (String) run.get("run_id");
            LocalDate asOf = ((Date) run.get("as_of")).toLocalDate();
            FindingRuns.Range range = this.runs.of(runId);
            jdbc.query("SELECT rule_id, COUNT(*) FROM finding WHERE id BETWEEN ? AND ?" + (team == null ? "" : " AND team = ?")
                    + " GROUP BY rule_id ORDER BY rule_id", rs -> {
                        out.add(new TrendPoint(runId, asOf, rs.getString(1), rs.getLong(2)));
                    }, team == null ? range.args() : new Object[] {range.first(), range.last(), team});
        }
        return out;
    }

    /** The population each entity type's rules looked at, for "checked" in compliance by rule. */
    public Map<String, Long> population(String dataset, LocalDate asOf, String runId) {
        Date d = Date.valueOf(asOf);
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("OPPORTUNITY", jdbc.queryForObject("SELECT COUNT(*) FROM opportunity WHERE dataset = ? AND created_date <= ?", Long.class, dataset, d));
        m.put("ACTIVITY", jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE dataset = ?", Long.class, dataset));
        m.put("FEEDBACK", jdbc.queryForObject("SELECT COUNT(*) FROM feedback WHERE dataset = ? AND raised_date <= ?", Long.class, dataset, d));
        m.put("REP", jdbc.queryForObject("SELECT COUNT(DISTINCT owner) FROM opportunity WHERE dataset = ? AND created_date <= ?"
                + " AND owner IS NOT NULL AND stage IN ('IDENTIFIED', 'TRACKING', 'EVALUATING')", Long.class, dataset, d));
        long teams = jdbc.queryForObject("SELECT COUNT(DISTINCT " + TEAM + ")" + OPP_FROM, Long.class, dataset, d);
        m.put("TEAM", teams + 1); // the teams and the company
        m.put("TARGET", jdbc.queryForObject("SELECT COUNT(*) FROM sales_target WHERE dataset = ?", Long.class, dataset));
        return m;
    }

    /** The teams of a dataset (for per-team packs), from the roster and the opportunities. */
    public List<String> teamNames(String dataset, LocalDate asOf) {
        return jdbc.queryForList("SELECT DISTINCT " + TEAM + " AS team" + OPP_FROM + " UNION SELECT team FROM rep WHERE dataset = ? ORDER BY 1",
                String.class, dataset, Date.valueOf(asOf), dataset);
    }

    /** Managers' addresses per team from the roster. */
    public Map<String, String> managerEmails(String dataset) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.query("SELECT team, MIN(manager_email) FROM rep WHERE dataset = ? AND manager_email IS NOT NULL GROUP BY team ORDER BY team",
                rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                }, dataset);
        return m;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
