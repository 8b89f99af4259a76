package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocating numbers in one series under 16 concurrent signers, each number in a transaction of its own (as
 * signing takes it: take, store, commit). Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
@RubricaTest
class NumberingBenchmark {

    static final int SIGNERS = 16;
    static final int EACH = 1_000;

    @Autowired NumberSeries numbers;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired Acting acting;

    @Test
    void numbers_per_second_in_one_series_with_sixteen_concurrent_signers() throws Exception {
        long unit = acting.unitId("SOP/DOP");
        for (int round = 1; round <= 3; round++) {
            String kind = "BENCH-" + round;
            AtomicInteger taken = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(SIGNERS);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < SIGNERS; s++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        transactions.executeWithoutResult(status -> numbers.next(unit, kind, 2026));
                        taken.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int last = jdbc.queryForObject("SELECT last_number FROM signing_number_series WHERE unit_id = ? AND kind = ? AND year = 2026",
                    Integer.class, unit, kind);
            assertThat(last).isEqualTo(SIGNERS * EACH); // every number given once: none skipped
            System.out.printf("Numbering, round %d: %,d numbers by %d signers in %.2f s = %,.0f per second, last %d (no gaps)%n",
                    round, taken.get(), SIGNERS, seconds, taken.get() / seconds, last);
        }
    }
}
