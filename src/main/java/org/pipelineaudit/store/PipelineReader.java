package org.pipelineaudit.store;

import com.carrotsearch.hppc.IntArrayList;
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
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Streams a dataset to the rules in a few ordered queries (no query per record): opportunities with
 * their activity dates, suspect activities, feedback; and answers the set-based questions of
 * {@link RuleQueries}.
 */
public final class PipelineReader implements RuleQueries {

    private static final int FETCH = 2000;

    private final JdbcTemplate jdbc;
    private final String dataset;
    private ActivityIndex index;

    private final SlicedScan scan;

    /** @param scanning how many threads read the activities (and the opportunities' keys), in slices of how many rows */
    public PipelineReader(JdbcTemplate jdbc, SqlDialect dialect, String dataset, SlicedScan.Settings scanning) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH);
        this.dataset = dataset;
        this.scan = new SlicedScan(this.jdbc, dialect, scanning);
    }

    /** One opportunity row with the dates of its activities dated on or before D, sorted. */
    public record OpportunityRow(Map<String, Object> values, List<LocalDate> activityDates, Integer duplicateRows) {
    }

    public Map<String, String> rosterTeams() {
        Map<String, String> teams = new HashMap<>();
        jdbc.query("SELECT owner, team FROM rep WHERE dataset = ?", (ResultSet rs) -> {
            teams.put(rs.getString(1), rs.getString(2));
        }, dataset);
        return teams;
    }

    /**
     * The activity pass: reads the opportunities' ids (with created date, team, customer), then every
     * activity once, the activities in slices on the scan's partitions. Builds the {@link ActivityIndex} the opportunity pass and
     * PIT-AFTERSALE use, and hands the activities that may break a data-quality rule (after D, before
     * their opportunity, or pointing nowhere) to {@code suspects}. Two scans, no join, no sort in SQL.
     */
    public void indexActivities(LocalDate asOf, Map<String, String> rosterTeams, Consumer<ActivityFacts> suspects) {
        // the opportunities' keys in one partition: one set of lists, no merge (this pass's peak of memory)
        OpportunityKeys keys = new OpportunityKeys();
        scan.inOrder("opportunity_id, created_date, team, customer", "opportunity", "dataset = ?", new Object[] {dataset}, keys);
        ActivityIndex built = new ActivityIndex(keys.ids, keys.created.toArray(), keys.teams, keys.customers.toArray(), keys.customerIds);
        keys = null;
        int d = (int) asOf.toEpochDay();
        Object handOver = new Object();
        List<ActivityIndex.Contacts> contacts = new ArrayList<>();
        scan.inParallel("opportunity_id, customer, activity_date, activity_key, owner", "activity", "dataset = ?", new Object[] {dataset},
                () -> {
                    ActivityIndex.Contacts mine = built.contacts();
                    synchronized (contacts) {
                        contacts.add(mine);
                    }
                    return (ResultSet rs) -> {
                        String opportunityId = rs.getString(1);
                        LocalDate date = rs.getObject(3, LocalDate.class);
                        int day = (int) date.toEpochDay();
                        int i = built.find(opportunityId);
                        if (day <= d) {
                            mine.add(i, rs.getString(2), day);
                        }
                        if (day > d || (i >= 0 && day < built.createdDay(i)) || (opportunityId != null && i < 0)) {
                            String owner = rs.getString(5);
                            String team = owner != null && rosterTeams.containsKey(owner) ? rosterTeams.get(owner)
                                    : i >= 0 && built.team(i) != null ? built.team(i) : "UNASSIGNED";
                            ActivityFacts facts = new ActivityFacts(rs.getString(4), opportunityId, owner, date, i >= 0,
                                    i >= 0 ? LocalDate.ofEpochDay(built.createdDay(i)) : null, team);
                            synchronized (handOver) { // the rules and the findings writer are single-threaded
                                suspects.accept(facts);
                            }
                        }
                    };
                });
        built.seal(contacts);
        index = built;
    }

    /**
     * The opportunities' ids, created days, teams and customer numbers, row by row. Each distinct team
     * name is kept once (the driver hands over a new String every row) and a customer is kept only as a
     * number: a million rows hold a few teams and however many customers, each name once.
     */
    private static final class OpportunityKeys implements RowCallbackHandler {
        final List<String> ids = new ArrayList<>();
        final IntArrayList created = new IntArrayList();
        final List<String> teams = new ArrayList<>();
        final IntArrayList customers = new IntArrayList();
        final Map<String, Integer> customerIds = new HashMap<>();
        private final Map<String, String> teamNames = new HashMap<>();

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            ids.add(rs.getString(1));
            created.add((int) rs.getObject(2, LocalDate.class).toEpochDay());
            String team = rs.getString(3);
            teams.add(team == null ? null : teamNames.computeIfAbsent(team, t -> t));
            String customer = rs.getString(4);
            customers.add(customer == null ? -1 : customerIds.computeIfAbsent(ActivityIndex.customerKey(customer), k -> customerIds.size()));
        }
    }

    /** Opportunities created on or before D, each with its activity dates (from the index), in one pass in table order. */
    public void forEachOpportunity(LocalDate asOf, Consumer<OpportunityRow> consumer) {
        ActivityIndex activities = requireIndex();
        Map<String, Integer> duplicates = new HashMap<>();
        jdbc.query("SELECT opportunity_id, row_count FROM duplicate_key WHERE dataset = ?", (ResultSet rs) -> {
            duplicates.put(rs.getString(1), rs.getInt(2));
        }, dataset);
        String[][] labels = {null};
        scan.inOrder("*", "opportunity", "dataset = ? AND created_date <= ?", new Object[] {dataset, Date.valueOf(asOf)}, rs -> {
            if (labels[0] == null) {
                labels[0] = labels(rs);
            }
            Map<String, Object> values = values(rs, labels[0]);
            String id = (String) values.get("opportunity_id");
            consumer.accept(new OpportunityRow(values, activities.contactDates(activities.find(id)), duplicates.get(id)));
        });
    }

    private ActivityIndex requireIndex() {
        if (index == null) {
            throw new IllegalStateException("indexActivities must run first");
        }
        return index;
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
     * WON opportunities closed on or before {@code closedBy} whose customer (or, without a customer
     * name, the opportunity itself) has no activity after the close and on or before D, answered from
     * the index's last-contact days: "some activity in (close, D]" is "the last one ≤ D is after close".
     */
    @Override
    public void forEachWonWithoutLaterContact(LocalDate closedBy, LocalDate asOf, Consumer<WonWithoutAfterSale> consumer) {
        ActivityIndex activities = requireIndex();
        scan.inOrder("opportunity_id, owner, team, customer, close_date", "opportunity",
                "dataset = ? AND stage = 'WON' AND created_date <= ? AND close_date IS NOT NULL AND close_date <= ?",
                new Object[] {dataset, Date.valueOf(asOf), Date.valueOf(closedBy)}, (ResultSet rs) -> {
                    String id = rs.getString(1);
                    String customer = rs.getString(4);
                    LocalDate close = rs.getObject(5, LocalDate.class);
                    int last = customer == null || customer.isBlank() ? activities.lastOwnDay(activities.find(id))
                            : activities.lastCustomerDay(customer);
                    if (last == ActivityIndex.NONE || last <= close.toEpochDay()) {
                        consumer.accept(new WonWithoutAfterSale(id, rs.getString(2), rs.getString(3), customer, close));
                    }
                });
    }

    private static String[] labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        String[] labels = new String[md.getColumnCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = md.getColumnLabel(i + 1).toLowerCase(java.util.Locale.ROOT);
        }
        return labels;
    }

    private static Map<String, Object> values(ResultSet rs) throws SQLException {
        return values(rs, labels(rs));
    }

    private static Map<String, Object> values(ResultSet rs, String[] labels) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>(labels.length * 2);
        for (int i = 0; i < labels.length; i++) {
            Object v = rs.getObject(i + 1);
            m.put(labels[i], v instanceof Date d ? d.toLocalDate() : v);
        }
        return m;
    }
}
