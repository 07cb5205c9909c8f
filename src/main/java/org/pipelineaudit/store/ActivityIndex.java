package org.pipelineaudit.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the rules need of a dataset's activities, built in two sequential scans instead of a join:
 * the opportunity ids sorted (an activity finds its opportunity by binary search), each opportunity's
 * created day, team and customer, the (opportunity, day) pairs of activities on or before D packed in
 * one sorted long[], the last contact day per opportunity and per customer. About 80 bytes per
 * opportunity and 8 per activity: 1,000,000 + 5,000,000 fit in ~150 MB.
 */
final class ActivityIndex {

    static final int NONE = Integer.MIN_VALUE;

    private final String[] ids;
    private final int[] createdDay;
    private final String[] team;
    private final int[] customer;
    private final Map<String, Integer> customerIds;
    private final int[] lastOwnDay;
    private final int[] lastCustomerDay;
    private long[] pairs;
    private int pairCount;
    private int[] firstPair;

    /**
     * The opportunities' columns, in any order, row r of each list one opportunity; sorted here by id
     * (Java's order, whatever the database's collation). No boxed index per row: each id finds its place
     * in the sorted ids by binary search (ids are unique in a dataset).
     *
     * @param customerOfRow each row's customer number in {@code customerIds} (-1: none)
     * @param customerIds   customer key ({@link #customerKey}) → number, numbered 0, 1, … as first met
     */
    ActivityIndex(List<String> ids, int[] createdDays, List<String> teams, int[] customerOfRow, Map<String, Integer> customerIds) {
        int n = ids.size();
        this.ids = ids.toArray(String[]::new);
        Arrays.parallelSort(this.ids);
        this.createdDay = new int[n];
        this.team = new String[n];
        this.customer = new int[n];
        this.customerIds = customerIds;
        this.lastOwnDay = new int[n];
        Arrays.fill(lastOwnDay, NONE);
        for (int r = 0; r < n; r++) {
            int i = Arrays.binarySearch(this.ids, ids.get(r));
            this.createdDay[i] = createdDays[r];
            this.team[i] = teams.get(r);
            this.customer[i] = customerOfRow[r];
        }
        this.lastCustomerDay = new int[customerIds.size()];
        Arrays.fill(lastCustomerDay, NONE);
    }

    /** The position of an opportunity id, or -1 when no such opportunity is loaded. */
    int find(String opportunityId) {
        if (opportunityId == null) {
            return -1;
        }
        int i = Arrays.binarySearch(ids, opportunityId);
        return i >= 0 ? i : -1;
    }

    int size() {
        return ids.length;
    }

    String id(int i) {
        return ids[i];
    }

    int createdDay(int i) {
        return createdDay[i];
    }

    String team(int i) {
        return team[i];
    }

    /** SPEC §4: customers match by trimmed, case-folded name. */
    static String customerKey(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A new, empty share of the contacts, for one scanning partition; {@link #seal} merges them. */
    Contacts contacts() {
        return new Contacts(customerIds.size());
    }

    /** The contacts one partition of the activity scan saw: (opportunity, day) pairs and each customer's last day. */
    final class Contacts {
        private long[] pairs = new long[1 << 16];
        private int count;
        private final int[] lastCustomerDay;

        private Contacts(int customers) {
            lastCustomerDay = new int[customers];
            Arrays.fill(lastCustomerDay, NONE);
        }

        /**
         * Records one activity dated on or before D, of opportunity i (-1: none); it counts for its own
         * customer name, or when it names none, for its opportunity's customer.
         */
        void add(int i, String customerName, int day) {
            if (i >= 0) {
                if (count == pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length + (pairs.length >> 1));
                }
                pairs[count++] = ((long) i << 32) | (day - (long) Integer.MIN_VALUE);
            }
            // a customer no opportunity names is never asked about: not added
            int c = customerName != null ? knownCustomer(customerName) : i >= 0 ? customer[i] : -1;
            if (c >= 0) {
                lastCustomerDay[c] = Math.max(lastCustomerDay[c], day);
            }
        }
    }

    /** Merges the partitions' contacts and sorts them by opportunity and day; call once, after the scan. */
    void seal(List<Contacts> parts) {
        int total = 0;
        for (Contacts c : parts) {
            total += c.count;
        }
        pairs = new long[total];
        int at = 0;
        for (Contacts c : parts) {
            System.arraycopy(c.pairs, 0, pairs, at, c.count);
            at += c.count;
            for (int k = 0; k < lastCustomerDay.length; k++) {
                lastCustomerDay[k] = Math.max(lastCustomerDay[k], c.lastCustomerDay[k]);
            }
            c.pairs = null;
        }
        pairCount = total;
        Arrays.parallelSort(pairs);
        firstPair = new int[ids.length + 1];
        int p = 0;
        for (int i = 0; i <= ids.length; i++) {
            while (p < pairCount && (int) (pairs[p] >>> 32) < i) {
                p++;
            }
            firstPair[i] = p;
            if (i > 0 && p > firstPair[i - 1]) {
                lastOwnDay[i - 1] = day(pairs[p - 1]); // sorted: an opportunity's last pair is its last day
            }
        }
    }

    private static int day(long pair) {
        return (int) ((pair & 0xFFFFFFFFL) + Integer.MIN_VALUE);
    }

    /** The dates of opportunity i's activities on or before D, sorted, duplicates kept. */
    List<LocalDate> contactDates(int i) {
        if (i < 0) {
            return new ArrayList<>();
        }
        List<LocalDate> dates = new ArrayList<>(firstPair[i + 1] - firstPair[i]);
        for (int p = firstPair[i]; p < firstPair[i + 1]; p++) {
            dates.add(LocalDate.ofEpochDay(day(pairs[p])));
        }
        return dates;
    }

    /** The last day (≤ D) of an activity of opportunity i, or {@link #NONE}. */
    int lastOwnDay(int i) {
        return i < 0 ? NONE : lastOwnDay[i];
    }

    /** The last day (≤ D) of an activity of this customer (by name, or through its opportunity), or {@link #NONE}. */
    int lastCustomerDay(String name) {
        int c = knownCustomer(name);
        return c < 0 ? NONE : lastCustomerDay[c];
    }

    private int knownCustomer(String name) {
        if (name == null) {
            return -1;
        }
        Integer c = customerIds.get(name); // most names are stored as matched: skip strip and case-fold
        if (c == null) {
            c = customerIds.get(customerKey(name));
        }
        return c == null ? -1 : c;
    }
}
