package org.pipelineaudit.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pipelineaudit.rules.ActivityFacts;
import org.pipelineaudit.rules.RuleQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Streams a dataset to the rules in a few ordered queries (no query per record): opportunities with
 * their activity dates, suspect activities, feedback; and answers the set-based questions of
 * {@link RuleQueries}.
 */
public final class PipelineReader implements RuleQueries {

    private static final int FETCH = 2000;

    private final JdbcTemplate jdbc;
    private final String dataset;

    public PipelineReader(JdbcTemplate jdbc, String dataset) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH);
        this.dataset = dataset;
    }

    /** One opportunity row with the dates of its activities dated on or before D, sorted. */
    public record OpportunityRow(Map<String, Object> values, List<LocalDate> activityDates, Integer duplicateRows) {
    }

    public Map<String, String> rosterTeams() {
        Map<String, String> teams = new HashMap<>();
        jdbc.query("SELECT owner, team FROM rep WHERE dataset = ?", rs -> {
            teams.put(rs.getString(1), rs.getString(2));
        }, dataset);
        return teams;
    }

    /** Opportunities created on or before D, each with its activity dates, in one ordered pass. */
    public void forEachOpportunity(LocalDate asOf, Consumer<OpportunityRow> consumer) {
        String sql = "SELECT o.*, a.activity_date AS act_date, d.row_count AS dup_rows FROM opportunity o"
                + " LEFT JOIN activity a ON a.dataset = o.dataset AND a.opportunity_id = o.opportunity_id AND a.activity_date <= ?"
                + " LEFT JOIN duplicate_key d ON d.dataset = o.dataset AND d.opportunity_id = o.opportunity_id"
                + " WHERE o.dataset = ? AND o.created_date <= ? ORDER BY o.opportunity_id, a.activity_date";
        Date d = Date.valueOf(asOf);
        String[] currentId = {null};
        Map<String, Object>[] current = new Map[1];
        List<LocalDate>[] dates = new List[1];
        Integer[] dup = {null};
        jdbc.query(sql, (ResultSet rs) -> {
            String id = rs.getString("opportunity_id");
            if (!id.equals(currentId[0])) {
                if (currentId[0] != null) {
                    consumer.accept(new OpportunityRow(current[0], dates[0], dup[0]));
                }
                currentId[0] = id;
                current[0] = values(rs);
                dates[0] = new ArrayList<>();
                dup[0] = (Integer) rs.getObject("dup_rows");
            }
            Date act = rs.getDate("act_date");
            if (act != null) {
                dates[0].add(act.toLocalDate());
            }
        }, d, dataset, d);
        if (currentId[0] != null) {
            consumer.accept(new OpportunityRow(current[0], dates[0], dup[0]));
        }
    }

    /** Activities that may break a data-quality rule: after D, before their opportunity, or pointing nowhere. */
    public void forEachSuspectActivity(LocalDate asOf, Map<String, String> rosterTeams, Consumer<ActivityFacts> consumer) {
        String sql = "SELECT a.activity_key, a.opportunity_id, a.owner, a.activity_date, o.opportunity_id AS opp, o.created_date, o.team"
                + " FROM activity a LEFT JOIN opportunity o ON o.dataset = a.dataset AND o.opportunity_id = a.opportunity_id"
                + " WHERE a.dataset = ? AND (a.activity_date > ? OR a.activity_date < o.created_date"
                + " OR (a.opportunity_id IS NOT NULL AND o.opportunity_id IS NULL)) ORDER BY a.activity_key";
        jdbc.query(sql, (ResultSet rs) -> {
            String owner = rs.getString("owner");
            String team = owner != null && rosterTeams.containsKey(owner) ? rosterTeams.get(owner)
                    : rs.getString("team") != null ? rs.getString("team") : "UNASSIGNED";
            Date created = rs.getDate("created_date");
            consumer.accept(new ActivityFacts(rs.getString("activity_key"), rs.getString("opportunity_id"), owner,
                    rs.getDate("activity_date").toLocalDate(), rs.getString("opp") != null,
                    created == null ? null : created.toLocalDate(), team));
        }, dataset, Date.valueOf(asOf));
    }

    /** Feedback raised on or before D: id, customer, owner, raised, responded, and its opportunity's team. */
    public void forEachFeedback(LocalDate asOf, Consumer<Map<String, Object>> consumer) {
        String sql = "SELECT f.feedback_id, f.customer, f.owner, f.raised_date, f.responded_date, o.team AS opp_team"
                + " FROM feedback f LEFT JOIN opportunity o ON o.dataset = f.dataset AND o.opportunity_id = f.opportunity_id"
                + " WHERE f.dataset = ? AND f.raised_date <= ? ORDER BY f.feedback_id";
        jdbc.query(sql, (ResultSet rs) -> {
            consumer.accept(values(rs));
        }, dataset, Date.valueOf(asOf));
    }

    @Override
    public List<Target> targets() {
        return jdbc.query("SELECT owner, period, target_amount FROM sales_target WHERE dataset = ? ORDER BY owner, period",
                (rs, i) -> new Target(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)), dataset);
    }

    /**
     * Two aggregate queries instead of a correlated one: the last contact date (≤ D) per customer name
     * (normalised here, trimmed and case-folded) and per opportunity, then the WON candidates are checked
     * against them. "Some activity in (close, D]" is "the last activity on or before D is after close".
     */
    @Override
    public List<WonWithoutAfterSale> wonWithoutLaterContact(LocalDate closedBy, LocalDate asOf) {
        Date d = Date.valueOf(asOf);
        Map<String, LocalDate> lastByCustomer = new HashMap<>();
        jdbc.query("SELECT COALESCE(a.customer, ao.customer) AS c, MAX(a.activity_date) AS last FROM activity a"
                + " LEFT JOIN opportunity ao ON ao.dataset = a.dataset AND ao.opportunity_id = a.opportunity_id"
                + " WHERE a.dataset = ? AND a.activity_date <= ? GROUP BY COALESCE(a.customer, ao.customer)", (ResultSet rs) -> {
                    String customer = rs.getString(1);
                    if (customer != null) {
                        lastByCustomer.merge(customerKey(customer), rs.getDate(2).toLocalDate(), (x, y) -> x.isAfter(y) ? x : y);
                    }
                }, dataset, d);
        List<WonWithoutAfterSale> out = new ArrayList<>();
        jdbc.query("SELECT o.opportunity_id, o.owner, o.team, o.customer, o.close_date,"
                + " (SELECT MAX(a.activity_date) FROM activity a WHERE a.dataset = o.dataset AND a.opportunity_id = o.opportunity_id"
                + "  AND a.activity_date <= ?) AS own_last"
                + " FROM opportunity o WHERE o.dataset = ? AND o.stage = 'WON' AND o.created_date <= ? AND o.close_date IS NOT NULL"
                + " AND o.close_date <= ? ORDER BY o.opportunity_id", (ResultSet rs) -> {
                    String customer = rs.getString("customer");
                    LocalDate close = rs.getDate("close_date").toLocalDate();
                    LocalDate last;
                    if (customer == null || customer.isBlank()) {
                        Date own = rs.getDate("own_last");
                        last = own == null ? null : own.toLocalDate();
                    } else {
                        last = lastByCustomer.get(customerKey(customer));
                    }
                    if (last == null || !last.isAfter(close)) {
                        out.add(new WonWithoutAfterSale(rs.getString("opportunity_id"), rs.getString("owner"), rs.getString("team"),
                                customer, close));
                    }
                }, d, dataset, d, Date.valueOf(closedBy));
        return out;
    }

    /** SPEC §4: customers match by trimmed, case-folded name. */
    static String customerKey(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Object> values(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            m.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), v instanceof Date d ? d.toLocalDate() : v);
        }
        return m;
    }
}
