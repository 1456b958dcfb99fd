package org.medhub.routes.mapping.internal;

import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpec;

/** EDIFACT and X12 interchanges. */
final class EdiTree {

    private EdiTree() {}

    static SourceDocument read(byte[] bytes, MappingSpec spec) {
        throw new MappingException("EDI is not read yet");
    }
}
