package org.medhub.hub.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Loopback ports for an embedded engine, remembered in its data directory so that a restart finds
 * the engine where it was (tools pointed at it keep working); a remembered port that another
 * program has taken meanwhile is replaced by a free one.
 */
final class LocalPorts {

    private final Path file;
    private final Properties ports = new Properties();

    LocalPorts(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ports.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    int port(String name) {
        String remembered = ports.getProperty(name);
        if (remembered != null && isFree(Integer.parseInt(remembered))) {
            return Integer.parseInt(remembered);
        }
        int port = freePort();
        ports.setProperty(name, Integer.toString(port));
        return port;
    }

    void save() {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ports.store(writer, "loopback ports of this embedded engine");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
