package org.pipelineaudit.store;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each run's findings lie in the finding table: the primary-key range [run_no × 2^32 + 1,
 * (run_no + 1) × 2^32 − 1], so a run is read or deleted by a range scan and the table needs no
 * secondary index (which cost a third of the time of writing millions of findings).
 */
@Repository
public class FindingRuns {

    /** Ids per run: findings of one run are numbered 1 … 2^32 − 1 from the run's base. */
    static final long SPAN = 1L << 32;

    /** The ids of one run's findings, first to last inclusive; empty (first > last) for a run without any. */
    public record Range(long first, long last) {
        static final Range EMPTY = new Range(0, -1);

        Object[] args() {
            return new Object[] {first, last};
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public FindingRuns(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The range of a run that may not have written findings (then empty). */
    public Range of(String runId) {
        Long runNo = runNo(runId);
        return runNo == null ? Range.EMPTY : range(runNo);
    }

    /** The range of a run about to write findings: its number is taken on first use, and committed at once. */
    Range allocate(String runId) {
        for (int attempt = 0; ; attempt++) {
            Long runNo = runNo(runId);
            if (runNo != null) {
                return range(runNo);
            }
            try {
                ownTransaction.executeWithoutResult(status -> jdbc.update(
                        "INSERT INTO finding_run (run_id, run_no) SELECT ?, COALESCE(MAX(run_no), 0) + 1 FROM finding_run", runId));
            } catch (DuplicateKeyException e) {
                // another run took the same number (or this run id) at the same moment: look again
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    void recordCount(String runId, long findings) {
        jdbc.update("UPDATE finding_run SET findings = ? WHERE run_id = ?", findings, runId);
    }

    private Long runNo(String runId) {
        List<Long> found = jdbc.queryForList("SELECT run_no FROM finding_run WHERE run_id = ?", Long.class, runId);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Range range(long runNo) {
        return new Range(runNo * SPAN + 1, runNo * SPAN + SPAN - 1);
    }
}
