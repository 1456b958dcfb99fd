package org.medhub.connectors.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medhub.connectors.transport.FilePickup;
import org.medhub.connectors.transport.Secret;

/**
 * Files the hub picks up from a partner's SFTP server. Processed and refused files are moved aside on
 * the partner's server, with the reason next to a refused one, so the partner sees them where it left them.
 *
 * @param directory on the server, relative to the login directory; empty for the login directory itself
 * @param password or null when a private key is used
 * @param privateKeyFile or null when a password is used
 * @param passphrase of the private key, or null
 * @param knownHostsFile the server's host key, in OpenSSH known_hosts form; null skips host key verification
 */
public record SftpPickup(String host, int port, String username, Secret password, Path privateKeyFile,
        Secret passphrase, Path knownHostsFile, String directory, String include, long maxFileBytes,
        Duration pollInterval) implements FilePickup {

    public static final String TRANSPORT = "sftp";

    @Override
    public String transport() {
        return TRANSPORT;
    }

    @Override
    public String sourceUri() {
        List<String> options = FilePickup.pickupOptions(include, pollInterval.toMillis());
        options.addAll(connection());
        // read only once the size is known to be within the limit: the route checks the length first
        options.add("streamDownload=true");
        options.add("stepwise=false");
        return address(directory) + "?" + String.join("&", options);
    }

    @Override
    public String reasonsUri() {
        return address(directory.isEmpty() ? FAILED : directory + "/" + FAILED) + "?" + String.join("&", connection());
    }

    private String address(String path) {
        return "sftp://" + host + ":" + port + "/" + path;
    }

    private List<String> connection() {
        List<String> options = new ArrayList<>();
        options.add("username=RAW(" + username + ")");
        if (password != null) {
            options.add("password=RAW(" + password.reveal() + ")");
        }
        if (privateKeyFile != null) {
            options.add("privateKeyFile=" + privateKeyFile);
        }
        if (passphrase != null) {
            options.add("privateKeyPassphrase=RAW(" + passphrase.reveal() + ")");
        }
        options.add("useUserKnownHostsFile=false");
        if (knownHostsFile != null) {
            options.add("knownHostsFile=" + knownHostsFile);
            options.add("strictHostKeyChecking=yes");
        } else {
            options.add("strictHostKeyChecking=no");
        }
        options.add("binary=true");
        return options;
    }
}
