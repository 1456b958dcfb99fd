package org.medhub.hub.inbound;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Bodies a careless partner or an attacker sends, drawn from a seeded random source so that a failure can be
 * repeated: broken, truncated and oddly typed JSON, bare values, deep nesting, control characters, other
 * charsets, XML with entities, huge values, and now and then a good record.
 */
final class BadInputs {

    private static final List<String> VALUES = List.of("null", "true", "-0", "1e400", "99999999999999999999999999",
            "\"\"", "\"\\u0000\"", "\"\\u001b[31m\"", "\"\\ud800\"", "[]", "{}", "[[[[]]]]", "{\"$ref\": \"#\"}",
            "\"生产中\"", "\"2026-13-45T25:61:00+08:00\"", "\"" + "长".repeat(5000) + "\"", "\"../../etc/passwd\"",
            "\"=cmd|' /C calc'!A0\"", "\"<script>alert(1)</script>\"", "\"%00%0d%0a\"");
    private static final List<String> FIELDS = List.of("recordId", "reportedAt", "product", "gtin", "itemCode", "lotNo",
            "state", "qa", "releasedBy", "releasedAt", "mfgDate", "expDate", "qty", "uom", "hubVersion");

    private final Random random;

    BadInputs(long seed) {
        this.random = new Random(seed);
    }

    byte[] next() {
        return switch (random.nextInt(14)) {
            case 0 -> randomBytes(random.nextInt(2000));
            case 1 -> truncated(record());
            case 2 -> utf8(record().replace("\"" + pick(FIELDS) + "\": ", "\"" + pick(FIELDS) + "\": " + pick(VALUES) + ", \"x\": "));
            case 3 -> utf8(pick(VALUES));
            case 4 -> nested(1 + random.nextInt(3000));
            case 5 -> record().getBytes(Charset.forName("GB18030"));
            case 6 -> withControlCharacters(utf8(record()));
            case 7 -> utf8("""
                    <?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">
                    <!ENTITY x SYSTEM "file:///etc/passwd">]><r>&b;&x;</r>""");
            case 8 -> utf8(record().replace("\"CATH-7F-110\"", "\"" + "M".repeat(random.nextInt(900_000)) + "\""));
            case 9 -> new byte[0];
            case 10 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(record()));
            case 11 -> utf8(record().replace("{\"recordId\"", "{\"lotNo\": \"FIRST\", \"recordId\""));
            case 12 -> utf8("[" + record() + ", " + pick(VALUES) + ", " + record() + "]");
            default -> utf8(record());
        };
    }

    /** A message type as a path segment: mostly the right one, sometimes long, odd or unknown. */
    String messageType() {
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(1 + random.nextInt(400));
            case 1 -> "%E7%94%9F%E4%BA%A7";
            case 2 -> "batch-record%20";
            default -> "batch-record";
        };
    }

    String contentType() {
        return switch (random.nextInt(5)) {
            case 0 -> "text/plain; charset=GB18030";
            case 1 -> "application/xml";
            default -> "application/json";
        };
    }

    private String record() {
        return """
                {"recordId": "R-%d", "reportedAt": "2026-11-21T09:30:00+08:00",
                 "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "LOT-FUZZ-%d", "state": "放行",
                 "mfgDate": "2026-11-18", "expDate": "2029-11-17", "qty": %d, "uom": "EA"}"""
                .formatted(random.nextInt(1000), random.nextInt(1000), random.nextInt(100_000));
    }

    private byte[] truncated(String text) {
        byte[] bytes = utf8(text);
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    private byte[] nested(int depth) {
        return utf8("[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2));
    }

    private byte[] withControlCharacters(byte[] bytes) {
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            int at = random.nextInt(bytes.length);
            if (bytes[at] >= 'A' && bytes[at] <= 'z') {
                bytes[at] = (byte) random.nextInt(0x20);
            }
        }
        return bytes;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
