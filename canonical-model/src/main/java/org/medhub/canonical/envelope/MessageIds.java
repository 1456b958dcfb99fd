package org.medhub.canonical.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Stable message ids. The same input always gives the same id, so a record sent twice is
 * recognised as one message however it arrives.
 */
public final class MessageIds {

    /** 128 bits of SHA-256 in hex: far beyond any collision risk at hub volumes, and short enough for a URL. */
    private static final int ID_BYTES = 16;

    private MessageIds() {}

    /** For a record that carries the source's own id. */
    public static String fromSourceId(String source, String entity, String sourceId) {
        return hash(source, entity, "id", sourceId);
    }

    /** For a record without its own id: what it says identifies it. */
    public static String fromContent(String source, String entity, String businessKey, byte[] canonicalPayload) {
        return hash(source, entity, "key", businessKey, new String(canonicalPayload, StandardCharsets.UTF_8));
    }

    /** For bytes that never became a canonical record (they failed before or during mapping). */
    public static String fromRaw(String source, String messageType, byte[] raw) {
        return hash(source, messageType, "raw", sha256Hex(raw));
    }

    /** For a set of messages sent together: the same messages in the same order give the same id. */
    public static String ofBatch(List<String> messageIds) {
        return hash(messageIds.toArray(String[]::new));
    }

    /** The SHA-256 of {@code bytes} in hex: how the hub names the content of a dead letter or a signed record. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static String hash(String... parts) {
        // A separator that cannot occur in the parts keeps ("ab","c") apart from ("a","bc").
        byte[] digest = sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
