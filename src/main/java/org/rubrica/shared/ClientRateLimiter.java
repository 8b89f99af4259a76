package org.rubrica.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Fixed windows: at most {@code perClient} tries per {@code window} from one client, and {@code overall} from all
 * together, so that many addresses cannot add up to more than the server should spend (and the map of windows
 * stays small: it cannot hold more clients than the overall limit lets in per window). An IPv6 client counts by
 * its /64, which one household or machine usually holds whole.
 */
public final class ClientRateLimiter {

    private static final String EVERYONE = "*";

    private record Window(Instant start, int count) {
    }

    private final int perClient;
    private final int overall;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ClientRateLimiter(int perClient, int overall, Duration window, Clock clock) {
        this.perClient = perClient;
        this.overall = overall;
        this.window = window;
        this.clock = clock;
    }

    /** @throws TooManyRequestsException when the client, or everyone together, used up the tries of this window */
    public void acquire(String client, String messageKey) {
        Instant now = clock.instant();
        Window everyone = count(EVERYONE, now);
        if (everyone.count() == 1) { // a new window for all: the windows of clients gone quiet can go
            windows.entrySet().removeIf(e -> !e.getKey().equals(EVERYONE) && expired(e.getValue(), now));
        }
        if (everyone.count() > overall) {
            throw refusal(everyone, now, messageKey);
        }
        Window mine = count(key(client), now);
        if (mine.count() > perClient) {
            throw refusal(mine, now, messageKey);
        }
    }

    private Window count(String key, Instant now) {
        return windows.compute(key, (k, w) -> w == null || expired(w, now) ? new Window(now, 1)
                : new Window(w.start(), w.count() + 1));
    }

    private boolean expired(Window w, Instant now) {
        return !w.start().plus(window).isAfter(now);
    }

    private TooManyRequestsException refusal(Window w, Instant now, String messageKey) {
        return new TooManyRequestsException(messageKey,
                Math.max(1, Duration.between(now, w.start().plus(window)).toSeconds()));
    }

    /** The address, or for IPv6 its /64; anything unreadable counts as one unknown client. */
    static String key(String client) {
        if (client == null || client.isBlank() || client.length() > 100) {
            return "?";
        }
        if (!client.contains(":")) {
            return client;
        }
        try {
            byte[] address = InetAddress.getByName(client.replaceAll("^\\[|]$", "").replaceAll("%.*$", "")).getAddress();
            if (address.length != 16) {
                return client;
            }
            return java.util.HexFormat.of().formatHex(Arrays.copyOf(address, 8)) + "::/64";
        } catch (UnknownHostException e) { // only literal addresses come here: nothing is looked up
            return "?";
        }
    }
}
