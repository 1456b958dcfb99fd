package org.medhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hub in a JVM of its own, started from {@code target/medhub.jar} with {@code medhub run} as an operator
 * starts it, so that a test can kill it with SIGKILL: no shutdown hook runs, nothing is stopped gracefully.
 */
public final class HubProcess {

    private static final Path JAR = Path.of("target/medhub.jar");
    private static final Pattern READY = Pattern.compile("medhub is ready\\. API: http://localhost:(\\d+)/api");

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final CompletableFuture<Integer> ready;

    private HubProcess(Process process, Path dataDir, Path log, CompletableFuture<Integer> ready) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.ready = ready;
    }

    /**
     * Starts {@code medhub run} on {@code dataDir} and on a free port, and returns at once: {@link #awaitReady}
     * waits for it. Its output goes to {@code logs/<name>-<nanos>.log}.
     *
     * @param arguments everything else it is started with (configuration directory, admin password, ...)
     */
    public static HubProcess launch(String name, Path logs, Path dataDir, Map<String, String> environment,
            List<String> arguments) throws IOException {
        assertThat(JAR).as("the application jar (built in the package phase)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "run",
                "--medhub.data-dir=" + dataDir, "--server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Path log = Files.createDirectories(logs).resolve(name + "-" + System.nanoTime() + ".log");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("the hub ended before it was ready; see " + log));
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return new HubProcess(process, dataDir, log, ready);
    }

    /** Waits until the hub says it is ready (its API port in the same line). */
    public HubProcess awaitReady(Duration limit) throws Exception {
        ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return ready.getNow(-1);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    /**
     * SIGKILL for the hub: nothing gets to clean up. When the machine goes down, its PostgreSQL dies
     * too (it is not the JVM's child, pg_ctl starts it, so it is found by its data directory); when only
     * the JVM dies, it is left running, and the next start must cope with it.
     */
    public void kill(boolean machineDown) {
        String dataDirectory = dataDir.toString();
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        if (machineDown) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(dataDirectory)).orElse(false))
                    .forEach(all::add);
        }
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle child : all) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the killed hub did not go away", e);
        }
    }

    /** A request to its API with basic authentication: a GET without a body, a JSON POST with one. */
    public HttpResponse<String> http(String path, String user, String password, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
