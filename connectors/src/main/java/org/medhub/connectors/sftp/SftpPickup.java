package org.medhub.connectors.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medhub.connectors.transport.FilePickup;
import org.medhub.connectors.transport.Secret;
import org.medhub.connectors.transport.Setting;
import org.medhub.connectors.transport.TransportDescription;

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

    public static final TransportDescription DESCRIPTION = new TransportDescription(TRANSPORT, "inbound",
            "files the hub picks up from the partner's SFTP server; taken and refused files are moved aside there",
            FilePickup.settings(
            Setting.required("host", "text", "the server"),
            Setting.optional("port", "integer", "22", "the server's port"),
            Setting.required("username", "text", "the hub's login on the server"),
            Setting.secret("password", "the login's password; exactly one of password and privateKey"),
            Setting.optional("privateKey", "reference", null, "file:PATH of the login's private key"),
            Setting.secret("passphrase", "the private key's passphrase"),
            Setting.optional("knownHosts", "path", null,
                    "the server's host key in known_hosts form, under the data directory; without it the key is not checked"),
            Setting.optional("directory", "text", "", "relative to the login directory, without ..")));

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
