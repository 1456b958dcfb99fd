package org.medhub.connectors.file;

import java.nio.file.Path;
import org.medhub.connectors.transport.Destination;

/**
 * A folder a receiver's own client picks files up from (file exchange, as customs single-window clients work):
 * {@code transport: folder} with its {@code folder}.
 */
public record FolderDestination(Path folder) implements Destination {

    public static final String TRANSPORT = "folder";

    @Override
    public String transport() {
        return TRANSPORT;
    }
}
