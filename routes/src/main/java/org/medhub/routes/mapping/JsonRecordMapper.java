package org.medhub.routes.mapping;

import java.nio.charset.Charset;
import java.util.List;
import org.medhub.canonical.dictionary.EntityDefinition;

/**
 * The first mapper's API: one source record, one canonical record, not yet checked against the dictionary (the
 * caller checks it). It runs the {@link MappingEngine}, so any format a mapping names works.
 */
public class JsonRecordMapper {

    private final MappingEngine engine = new MappingEngine();

    /** Maps a record written in {@code charset}: a partner's legacy system may not write UTF-8. */
    public MappedRecord map(MappingSpec spec, EntityDefinition entity, byte[] source, Charset charset) {
        List<MappedRecord> records = engine.mapUnchecked(spec.withCharset(charset), source);
        if (records.size() != 1) {
            throw new MappingException("mapping " + spec.id() + " made " + records.size()
                    + " records of this document where one was expected");
        }
        return records.get(0);
    }
}
