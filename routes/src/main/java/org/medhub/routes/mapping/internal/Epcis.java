package org.medhub.routes.mapping.internal;

import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;

/** GS1 EPCIS 2.0 capture documents. */
final class Epcis {

    private Epcis() {}

    static SourceDocument read(byte[] bytes, MappingSpec spec) {
        throw new MappingException("EPCIS is not read yet");
    }
}
