package org.pipelineaudit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.schedule.NightlyLock;

/** Two scheduler instances sharing one database: only one runs the nightly audit at a time. */
class NightlyLockTests {

    @TempDir
    Path work;

    JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + work.resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void twoInstancesOnOneDatabaseRunTheNightlyOnce() throws Exception {
        Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        NightlyLock first = new NightlyLock(dataSource());
        NightlyLock second = new NightlyLock(dataSource());
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Runnable nightly = () -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        boolean[] ran = new boolean[2];
        Thread a = new Thread(() -> {
            await(start);
            ran[0] = first.runIfFree(nightly);
        });
        Thread b = new Thread(() -> {
            await(start);
            ran[1] = second.runIfFree(nightly);
        });
        a.start();
        b.start();
        start.countDown();
        a.join();
        b.join();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(ran[0] ^ ran[1]).isTrue();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
