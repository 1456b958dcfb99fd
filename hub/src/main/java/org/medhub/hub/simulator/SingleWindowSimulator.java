package org.medhub.hub.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.medhub.connectors.customs.ChinaSingleWindow;
import org.medhub.connectors.customs.XmlSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated China single window for trying the hub without one (WireMock on loopback). Like the real one, it takes a
 * declaration only when its signature verifies against the declarant's registered key and it fits the schema, keys
 * declarations by ClientSeqNo (the Idempotency-Key), so a declaration sent twice is one declaration, and answers
 * later, one receipt at a time: received and numbered, accepted with its declaration number, released, cleared.
 */
public final class SingleWindowSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SingleWindowSimulator.class);
    private static final String NAME = "single-window";

    private final ChinaSingleWindow dialect = new ChinaSingleWindow();
    private final PublicKey registered;
    private final Consumer<byte[]> receipts;
    private final Duration pace;
    private final Map<String, String> declared = new ConcurrentHashMap<>(); // ClientSeqNo to SeqNo
    private final AtomicLong numbers = new AtomicLong(System.currentTimeMillis() % 1_000_000L);
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "single-window-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final WireMockServer server;

    /**
     * @param registered the declarant's public key, as registered with the authority
     * @param receipts where the authority's receipts go (to the hub, as the authority's partner)
     * @param pace between one receipt and the next
     */
    public SingleWindowSimulator(PublicKey registered, Consumer<byte[]> receipts, Duration pace, String path) {
        this.registered = registered;
        this.receipts = receipts;
        this.pace = pace;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .notifier(new Slf4jNotifier(false)).adminAuthenticator(request -> false).extensions(new Desk()));
        server.start();
        server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withTransformers(NAME)));
        log.info("Simulated China single window listening on http://127.0.0.1:{}{}", server.port(), path);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** How many declarations it holds: one per ClientSeqNo, however often each was sent. */
    public int declarations() {
        return declared.size();
    }

    private final class Desk implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            byte[] body = event.getRequest().getBody();
            String clientSeqNo = event.getRequest().getHeader("Idempotency-Key");
            Optional<String> unsigned = XmlSignatures.verify(body, registered);
            if (unsigned.isPresent()) {
                return refuse(400, "signature refused: " + unsigned.get());
            }
            List<String> invalid = dialect.validate(body);
            if (!invalid.isEmpty()) {
                return refuse(400, "does not fit the schema: " + String.join("; ", invalid));
            }
            if (clientSeqNo == null || clientSeqNo.isBlank()) {
                return refuse(400, "no ClientSeqNo (Idempotency-Key)");
            }
            String seqNo = declared.computeIfAbsent(clientSeqNo, key -> {
                String number = String.format("2233%014d", numbers.incrementAndGet());
                answer(key, number);
                return number;
            });
            return new ResponseDefinition(200, "<ok clientSeqNo=\"" + clientSeqNo + "\" seqNo=\"" + seqNo + "\"/>");
        }

        private ResponseDefinition refuse(int status, String why) {
            log.warn("Simulated single window refused a declaration: {}", why);
            return new ResponseDefinition(status, why);
        }
    }

    private void answer(String clientSeqNo, String seqNo) {
        String entryId = "223320261" + seqNo.substring(9);
        long step = pace.toMillis();
        answers.schedule(() -> send(importResponse(clientSeqNo, seqNo)), step, TimeUnit.MILLISECONDS);
        String[] channels = {"L", "P", "R"};
        for (int i = 0; i < channels.length; i++) {
            String channel = channels[i];
            answers.schedule(() -> send(result(clientSeqNo, seqNo, entryId, channel)), step * (i + 2), TimeUnit.MILLISECONDS);
        }
    }

    private void send(String receipt) {
        try {
            receipts.accept(receipt.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.warn("Simulated single window could not deliver a receipt: {}", e.getMessage());
        }
    }

    static String importResponse(String clientSeqNo, String seqNo) {
        return "<DecImportResponse xmlns=\"" + ChinaSingleWindow.NAMESPACE + "\"><ResponseCode>0</ResponseCode>"
                + "<ClientSeqNo>" + clientSeqNo + "</ClientSeqNo><SeqNo>" + seqNo + "</SeqNo><ResponseTime>" + now()
                + "</ResponseTime></DecImportResponse>";
    }

    static String result(String clientSeqNo, String seqNo, String entryId, String channel) {
        return "<DecResult xmlns=\"" + ChinaSingleWindow.NAMESPACE + "\"><CLIENT_SEQ_NO>" + clientSeqNo + "</CLIENT_SEQ_NO>"
                + "<SEQ_NO>" + seqNo + "</SEQ_NO><ENTRY_ID>" + entryId + "</ENTRY_ID><CHANNEL>" + channel + "</CHANNEL>"
                + "<NOTICE_DATE>" + now() + "</NOTICE_DATE></DecResult>";
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public void close() {
        answers.shutdownNow();
        server.stop();
    }
}
