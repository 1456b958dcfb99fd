package org.medhub.routes.channel;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * Makes the route of a configured channel from its template: the one place that turns a channel's
 * settings into endpoint options.
 */
public class ChannelRoutes {

    /** Files that are still being written under a temporary name, by the usual conventions. */
    static final String TEMPORARY_NAMES = ".*\\.(tmp|part|partial|filepart)$";
    /** A file is taken once its size and time stamp have not changed for this long. */
    static final long READ_LOCK_CHECK_MS = 1000;

    private final CheckpointStore checkpoints;
    private final HttpClient http;
    private ProducerTemplate producer;

    public ChannelRoutes(CheckpointStore checkpoints, HttpClient http) {
        this.checkpoints = checkpoints;
        this.http = http;
    }

    /** Adds and starts the route of {@code channel}; its id is {@link InboundChannel#routeId()}. */
    public synchronized String add(CamelContext camel, InboundChannel channel) {
        TemplatedRouteBuilder route;
        if (channel instanceof FileDropChannel file) {
            route = TemplatedRouteBuilder.builder(camel, FilePickupRouteTemplates.FILE_DROP)
                    .parameter(FilePickupRouteTemplates.SOURCE, fileSource(file))
                    .parameter(FilePickupRouteTemplates.REASONS, "file:" + file.folder().resolve(FilePickupRouteTemplates.FAILED))
                    .parameter(FilePickupRouteTemplates.MAX_FILE_BYTES, file.maxFileBytes())
                    .parameter(FilePickupRouteTemplates.MESSAGE_TYPE, channel.messageType());
        } else if (channel instanceof SftpChannel sftp) {
            route = TemplatedRouteBuilder.builder(camel, FilePickupRouteTemplates.SFTP_PICKUP)
                    .parameter(FilePickupRouteTemplates.SOURCE, sftpSource(sftp))
                    .parameter(FilePickupRouteTemplates.REASONS, sftpReasons(sftp))
                    .parameter(FilePickupRouteTemplates.MAX_FILE_BYTES, sftp.maxFileBytes())
                    .parameter(FilePickupRouteTemplates.MESSAGE_TYPE, channel.messageType());
        } else {
            PollChannel poll = (PollChannel) channel;
            route = TemplatedRouteBuilder.builder(camel, PollRouteTemplate.TEMPLATE)
                    .parameter(PollRouteTemplate.PERIOD_MS, poll.interval().toMillis())
                    .bean(PollRouteTemplate.POLLER, new PartnerApiPoller(poll, checkpoints, http, producer(camel)));
        }
        return route.routeId(channel.routeId())
                .parameter(FilePickupRouteTemplates.PARTNER, channel.partner())
                .parameter(FilePickupRouteTemplates.CHANNEL, channel.name())
                .add();
    }

    static String fileSource(FileDropChannel file) {
        List<String> options = pickupOptions(file.include(), file.pollInterval().toMillis());
        options.add("autoCreate=true");
        return "file:" + file.folder() + "?" + String.join("&", options);
    }

    static String sftpSource(SftpChannel sftp) {
        List<String> options = pickupOptions(sftp.include(), sftp.pollInterval().toMillis());
        options.addAll(sftpConnection(sftp));
        // read only once the size is known to be within the limit; see FilePickupRouteTemplates
        options.add("streamDownload=true");
        options.add("stepwise=false");
        return sftpAddress(sftp, sftp.directory()) + "?" + String.join("&", options);
    }

    static String sftpReasons(SftpChannel sftp) {
        String directory = sftp.directory().isEmpty() ? FilePickupRouteTemplates.FAILED
                : sftp.directory() + "/" + FilePickupRouteTemplates.FAILED;
        return sftpAddress(sftp, directory) + "?" + String.join("&", sftpConnection(sftp));
    }

    private static List<String> pickupOptions(String include, long delayMs) {
        List<String> options = new ArrayList<>();
        options.add("readLock=changed");
        options.add("readLockCheckInterval=" + READ_LOCK_CHECK_MS);
        options.add("readLockTimeout=" + Math.max(10_000, 10 * READ_LOCK_CHECK_MS));
        // Camel leaves empty files alone by default: an empty file would wait in the folder for ever, unanswered
        options.add("readLockMinLength=0");
        options.add("move=" + FilePickupRouteTemplates.MOVE);
        options.add("delay=" + delayMs);
        options.add("exclude=RAW(" + TEMPORARY_NAMES + ")");
        if (include != null) {
            options.add("include=RAW(" + include + ")");
        }
        return options;
    }

    private static String sftpAddress(SftpChannel sftp, String directory) {
        return "sftp://" + sftp.host() + ":" + sftp.port() + "/" + directory;
    }

    private static List<String> sftpConnection(SftpChannel sftp) {
        List<String> options = new ArrayList<>();
        options.add("username=RAW(" + sftp.username() + ")");
        if (sftp.password() != null) {
            options.add("password=RAW(" + sftp.password().reveal() + ")");
        }
        if (sftp.privateKeyFile() != null) {
            options.add("privateKeyFile=" + sftp.privateKeyFile());
        }
        if (sftp.passphrase() != null) {
            options.add("privateKeyPassphrase=RAW(" + sftp.passphrase().reveal() + ")");
        }
        Path knownHosts = sftp.knownHostsFile();
        options.add("useUserKnownHostsFile=false");
        if (knownHosts != null) {
            options.add("knownHostsFile=" + knownHosts);
            options.add("strictHostKeyChecking=yes");
        } else {
            options.add("strictHostKeyChecking=no");
        }
        options.add("binary=true");
        return options;
    }

    /** Stops and removes a channel's route; false when there was none. */
    public synchronized boolean remove(CamelContext camel, String routeId) throws Exception {
        if (camel.getRoute(routeId) == null) {
            return false;
        }
        camel.getRouteController().stopRoute(routeId);
        return camel.removeRoute(routeId);
    }

    private ProducerTemplate producer(CamelContext camel) {
        if (producer == null || producer.getCamelContext() != camel) {
            producer = camel.createProducerTemplate();
        }
        return producer;
    }
}
