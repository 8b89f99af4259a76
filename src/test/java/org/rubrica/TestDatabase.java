package org.rubrica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run a PostgreSQL database of its own, created before the first test and dropped after
 * the last. Point it elsewhere with RUBRICA_TEST_DB_URL (the server, without a database name), user and
 * password as for the application.
 */
public class TestDatabase implements LauncherSessionListener {

    private static final String SERVER = env("RUBRICA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("RUBRICA_DB_USER", "postgres");
    private static final String PASSWORD = env("RUBRICA_DB_PASSWORD", "");
    private static String name;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        name = "rubrica_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        execute("CREATE DATABASE " + name);
        System.setProperty("spring.datasource.url", SERVER + name);
        System.setProperty("spring.datasource.username", USER);
        System.setProperty("spring.datasource.password", PASSWORD);
        // this run's throwaway CA is sealed with a random master key, shared by every Spring context of the run
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        System.setProperty("rubrica.signing.master-key", java.util.HexFormat.of().formatHex(random));
        // background pollers stay quiet: tests call them when they want (a poll after the database is dropped at the
        // end of the run would only wait for a connection and hold up the JVM's exit)
        System.setProperty("rubrica.webhooks.poll", "PT1H");
        System.setProperty("rubrica.exchange.poll", "PT1H");
        System.setProperty("rubrica.metrics.refresh", "PT1H");
        // and an external CA of its own, trusted as an installation would configure the SAT's for e.firma
        System.setProperty("rubrica.signing.trusted-cas", org.rubrica.signing.TestPki.trustedCaFiles());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (name != null) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public static String url() {
        return SERVER + name;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + SERVER + " (" + e.getMessage() + ")", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
