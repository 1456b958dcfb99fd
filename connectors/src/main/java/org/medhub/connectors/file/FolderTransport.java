package org.medhub.connectors.file;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.medhub.connectors.transport.Delivery;
import org.medhub.connectors.transport.DeliveryFailedException;
import org.medhub.connectors.transport.Destination;
import org.medhub.connectors.transport.OutboundTransport;

/**
 * File exchange out: each delivery becomes one file named by its idempotency key, written beside and then moved into
 * the folder in one step, so the receiver's client never picks up half a file. Sent again, it replaces the file of
 * the same name: a retry never makes a second document.
 */
public final class FolderTransport implements OutboundTransport {

    /** A written file, as a status code: the folder took it. */
    public static final int WRITTEN = 201;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    public Class<? extends Destination> serves() {
        return FolderDestination.class;
    }

    @Override
    public int send(Destination to, Delivery delivery) {
        Path folder = ((FolderDestination) to).folder();
        String key = delivery.idempotencyKey();
        if (key == null || !SAFE_NAME.matcher(key).matches()) {
            throw new DeliveryFailedException("a file name needs an idempotency key of letters, digits, '.', '_' or '-',"
                    + " not '" + key + "'", false, null);
        }
        String extension = delivery.contentType() != null && delivery.contentType().contains("xml") ? ".xml" : ".json";
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + key + extension + ".partial");
            Files.write(partial, delivery.body());
            try {
                Files.move(partial, folder.resolve(key + extension), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, folder.resolve(key + extension), StandardCopyOption.REPLACE_EXISTING);
            }
            return WRITTEN;
        } catch (IOException e) {
            // a full disk or a share away for a while: may pass
            throw new DeliveryFailedException("cannot write " + key + extension + " into " + folder + ": " + e, true, e);
        }
    }
}
