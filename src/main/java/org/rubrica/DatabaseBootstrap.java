package org.rubrica;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks the database before anything else starts: creates it when it is missing (if allowed), and
 * stops the application with one clear line when PostgreSQL cannot be reached, instead of a stack
 * trace wall from the connection pool.
 */
class DatabaseBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final String UNDEFINED_DATABASE = "3D000";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        String url = env.getProperty("spring.datasource.url", "");
        String user = env.getProperty("spring.datasource.username", "");
        String password = env.getProperty("spring.datasource.password", "");
        boolean createIfMissing = env.getProperty("rubrica.database.create-if-missing", Boolean.class, true);
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            // reachable and present
        } catch (SQLException e) {
            if (UNDEFINED_DATABASE.equals(e.getSQLState()) && createIfMissing) {
                createDatabase(url, user, password);
            } else {
                stop(url, e);
            }
        }
    }

    private void createDatabase(String url, String user, String password) {
        String name = databaseName(url);
        if (!name.matches("[A-Za-z0-9_]+")) {
            stop(url, new SQLException("database name '" + name + "' must be letters, digits and underscores"));
        }
        try (Connection c = DriverManager.getConnection(maintenanceUrl(url), user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            System.out.println("Rubrica: created database '" + name + "'.");
        } catch (SQLException e) {
            stop(url, e);
        }
    }

    static String databaseName(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The same server's "postgres" database, where CREATE DATABASE can run. */
    static String maintenanceUrl(String jdbcUrl) {
        int pathStart = jdbcUrl.indexOf('/', jdbcUrl.indexOf("//") + 2);
        int pathEnd = jdbcUrl.indexOf('?', pathStart);
        return jdbcUrl.substring(0, pathStart) + "/postgres" + (pathEnd < 0 ? "" : jdbcUrl.substring(pathEnd));
    }

    private static void stop(String url, SQLException e) {
 // parameters are left out of the message: they may hold a password
        String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        System.err.println("Rubrica cannot use the database at " + shown + " (" + firstLine(e.getMessage())
                + "). Start PostgreSQL or point Rubrica at it with RUBRICA_DB_URL, RUBRICA_DB_USER and RUBRICA_DB_PASSWORD.");
        System.exit(2);
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
