package org.rubrica.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Limits per address (IPv6 by its /64) and for everyone together; a new window starts afresh. */
class ClientRateLimiterTests {

    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void one_ipv6_network_counts_as_one_client_and_everyone_together_has_a_ceiling() {
        var limiter = new ClientRateLimiter(2, 5, Duration.ofMinutes(1), clock);
        limiter.acquire("2001:db8:1:2::10", "k");
        limiter.acquire("2001:db8:1:2:ffff::1", "k");
        assertThatThrownBy(() -> limiter.acquire("2001:db8:1:2:abcd::99", "k"))
                .isInstanceOf(TooManyRequestsException.class); // same /64, another address
        limiter.acquire("203.0.113.1", "k");
        limiter.acquire("203.0.113.2", "k");
        assertThatThrownBy(() -> limiter.acquire("203.0.113.3", "k"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(60)); // six tries: over the ceiling of five

        now = now.plusSeconds(61);
        limiter.acquire("2001:db8:1:2::10", "k");
        limiter.acquire("203.0.113.3", "k");
        assertThat(ClientRateLimiter.key("::1")).isEqualTo(ClientRateLimiter.key("0:0:0:0:0:0:0:2"));
        assertThat(ClientRateLimiter.key(null)).isEqualTo("?");
    }
}
