package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Official numbers under concurrency: distinct, consecutive, and a rolled-back taker leaves no gap. */
@RubricaTest
class NumberingTests {

    @Autowired NumberSeries numbers;
    @Autowired TransactionTemplate transactions;
    @Autowired Acting acting;

    @Test
    void fifty_concurrent_signings_in_one_unit_get_fifty_consecutive_numbers_and_failed_ones_leave_no_gap() throws Exception {
        long unit = acting.unitId("SOP/DOP");
        String kind = "PRUEBA-" + System.nanoTime(); // a series of its own in the shared test database
        ConcurrentLinkedQueue<NumberSeries.OfficialNumber> committed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean fails = i % 6 == 5; // ten of them fail after taking their number
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        transactions.executeWithoutResult(status -> {
                            var number = numbers.next(unit, kind, 2026);
                            if (fails) {
                                throw new IllegalStateException("signing failed");
                            }
                            committed.add(number);
                        });
                    } catch (IllegalStateException expected) {
                        // rolled back: its number goes back to the series
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(committed).hasSize(50);
        assertThat(committed.stream().map(NumberSeries.OfficialNumber::sequence).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(committed.stream().map(NumberSeries.OfficialNumber::formatted))
                .doesNotHaveDuplicates().contains("SOP/DOP/0001/2026", "SOP/DOP/0050/2026");
        transactions.executeWithoutResult(s -> assertThat(numbers.next(unit, kind, 2027).sequence()).isEqualTo(1));
    }
}
