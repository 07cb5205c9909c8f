package org.pipelineaudit.schedule;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One nightly audit at a time across every instance that shares the database (ShedLock's JDBC provider
 * on the {@code shedlock} table). A run that finds the lock taken does nothing.
 */
@Component
public class NightlyLock {

    static final String NAME = "nightly-audit";

    private final LockingTaskExecutor executor;

    public NightlyLock(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    /** A manual run: the lock is released as soon as the task ends. */
    public boolean runIfFree(Runnable task) {
        return runIfFree(task, Duration.ZERO);
    }

    /**
     * @param atLeast how long the lock stays taken even if the task ends sooner: for the cron trigger, so an
     *                instance whose clock is a little behind does not start the same night's run again
     * @return true when this instance held the lock and ran the task
     */
    public boolean runIfFree(Runnable task, Duration atLeast) {
        LockingTaskExecutor.TaskResult<Boolean> result;
        try {
            result = executor.executeWithLock(() -> {
                task.run();
                return Boolean.TRUE;
            }, new LockConfiguration(Instant.now(), NAME, Duration.ofHours(6), atLeast));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return result.wasExecuted();
    }
}
