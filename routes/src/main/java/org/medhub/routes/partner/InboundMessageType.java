package org.medhub.routes.partner;

import java.nio.charset.Charset;
import org.medhub.routes.mapping.MappingSpec;

/**
 * A kind of record a partner sends, in its own format and character set, and how it maps to the
 * canonical model.
 */
public record InboundMessageType(String name, String format, Charset charset, MappingSpec mapping) {

    /** The charset its documents are written in: the declared one, else UTF-8. */
    public Charset charsetOrUtf8() {
        return charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset;
    }
}
