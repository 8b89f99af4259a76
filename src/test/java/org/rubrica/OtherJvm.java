package org.rubrica;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts a class's main in a JVM of its own, on this test run's class path and with its database, signing and
 * XML settings (the system properties the test run set), its output and errors in one stream.
 */
public final class OtherJvm {

    private OtherJvm() {
    }

    public static Process start(Class<?> main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", classPath()));
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("spring.datasource.") || name.startsWith("rubrica.") || name.startsWith("javax.xml.")) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.add("-Xshare:off");
        command.add(main.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** This JVM's class path with each entry once (the test runner may list one twice, which Liquibase refuses). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString()).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
