package org.medhub.hub.partner;

import java.util.List;
import org.medhub.connectors.cdc.SourceDatabase;
import org.medhub.connectors.file.FileDrop;
import org.medhub.connectors.http.HttpDestination;
import org.medhub.connectors.poll.PartnerApi;
import org.medhub.connectors.sftp.SftpPickup;
import org.medhub.connectors.transport.TransportDescription;

/**
 * Every transport a partner file can name, and the change feed a {@code config/cdc} file declares, with their settings:
 * what the readers accept and the API describes.
 */
public final class TransportCatalog {

    public static final List<TransportDescription> ALL = List.of(FileDrop.DESCRIPTION, SftpPickup.DESCRIPTION,
            PartnerApi.DESCRIPTION, HttpDestination.DESCRIPTION, SourceDatabase.DESCRIPTION);

    private TransportCatalog() {}

    static TransportDescription named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> names(String direction) {
        return ALL.stream().filter(t -> t.direction().equals(direction)).map(TransportDescription::name).toList();
    }
}
