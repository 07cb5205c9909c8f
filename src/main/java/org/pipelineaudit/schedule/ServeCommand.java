package org.pipelineaudit.schedule;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import org.pipelineaudit.audit.AuditService;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.inbox.InboxIngest;
import org.pipelineaudit.inbox.NightlyCommand;
import org.pipelineaudit.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * {@code serve}: polls the inbox and ingests files as they become stable, and runs the nightly audit on
 * {@code --schedule} under the cluster lock, until the process is stopped. On SIGTERM/Ctrl-C the
 * scheduler stops taking work and waits for the task in hand; a file whose ingest was cut short stays
 * in the inbox (its transaction rolled back) and is taken on the next start.
 */
@Component
public class ServeCommand {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final AuditOptions options;
    private final InboxIngest inbox;
    private final RunStore runs;
    private final NightlyCommand nightly;
    private final NightlyLock lock;
    private final long pollSeconds;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final org.pipelineaudit.ingest.RunningJobs runningJobs;
    private final org.springframework.batch.core.launch.JobOperator jobOperator;

    public ServeCommand(AuditOptions options, InboxIngest inbox, RunStore runs, NightlyCommand nightly, NightlyLock lock,
                        @Value("${audit.inbox.poll-seconds:30}") long pollSeconds, org.pipelineaudit.ingest.RunningJobs runningJobs,
                        org.springframework.batch.core.launch.JobOperator jobOperator) {
        this.runningJobs = runningJobs;
        this.jobOperator = jobOperator;
        this.options = options;
        this.inbox = inbox;
        this.runs = runs;
        this.nightly = nightly;
        this.lock = lock;
        this.pollSeconds = pollSeconds;
    }

    public int run(PrintStream out) throws InterruptedException {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1); // one task at a time: a poll never overlaps the nightly audit
        scheduler.setThreadNamePrefix("serve-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(600);
        // on stop: finish the task in hand, but do not wait for the next scheduled one (the cron may be hours away)
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        scheduler.initialize();
        Thread hook = new Thread(this::stop, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.scheduleWithFixedDelay(() -> pollOnce(out), Duration.ofSeconds(pollSeconds));
        scheduler.schedule(() -> nightlyOnce(out), new CronTrigger(options.schedule(), options.zone()));
        out.printf("pipeline-audit serve: watching %s every %d s; nightly audit on \"%s\" (%s)%n", options.inbox().toAbsolutePath(),
                pollSeconds, options.schedule(), options.zone());
        stopped.await();
        scheduler.shutdown(); // waits for the task in hand (setWaitForTasksToCompleteOnShutdown)
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is what stopped us
        }
        return 0;
    }

    /**
     * Stops serving: no new poll or nightly starts, and a file being ingested is stopped (its transaction
     * rolls back; the file stays in the inbox and its job instance restarts on the next start).
     */
    public void stop() {
        runningJobs.stopAll(jobOperator);
        stopped.countDown();
    }

    /** Ingests the inbox files that are stable now; records a run only when there was something to take. */
    void pollOnce(PrintStream out) {
        try {
            String runId = AuditService.newRunId();
            var outcomes = inbox.run(runId, options.inbox(), LocalDate.now(options.zone()), false);
            if (!outcomes.isEmpty()) {
                runs.startRun(runId, "ingest", InboxIngest.DATASET, LocalDate.now(options.zone()));
                runs.finishRun(runId, "COMPLETED");
                outcomes.forEach(o -> out.printf("  %s %s%s%n", o.path().getFileName(), o.status(), o.error() == null ? "" : ": " + o.error()));
            }
        } catch (Exception e) {
            log.error("inbox poll failed", e);
        }
    }

    void nightlyOnce(PrintStream out) {
        try {
            boolean ran = lock.runIfFree(() -> {
                try {
                    nightly.runOnce(out, LocalDate.now(options.zone()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Duration.ofMinutes(1));
            if (!ran) {
                log.info("nightly audit skipped: another instance holds the lock");
            }
        } catch (Exception e) {
            log.error("nightly audit failed", e);
        }
    }
}
