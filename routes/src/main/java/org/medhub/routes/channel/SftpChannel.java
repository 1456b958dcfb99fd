package org.medhub.routes.channel;

import java.nio.file.Path;
import java.time.Duration;

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
public record SftpChannel(String partner, String name, String messageType, String host, int port, String username,
        Secret password, Path privateKeyFile, Secret passphrase, Path knownHostsFile, String directory,
        String include, long maxFileBytes, Duration pollInterval) implements InboundChannel {}
