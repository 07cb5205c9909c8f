package org.pipelineaudit.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The job executions this process is running, so a shutdown stops its own jobs only (other instances
 * sharing the database keep theirs).
 */
@Component
public class RunningJobs implements JobExecutionListener {

    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution);
    }

    public Set<JobExecution> running() {
        return Set.copyOf(running);
    }

    /** Asks every job of this process to stop at its next chunk boundary; the stopped ones restart on the next run. */
    public void stopAll(JobOperator operator) {
        for (JobExecution execution : running()) {
            try {
                operator.stop(execution);
            } catch (Exception e) {
                // it finished meanwhile
            }
        }
    }
}
