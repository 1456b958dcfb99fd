package org.medhub.hub.partner;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;

/**
 * The partner configuration in force. Every reader (routes, security) asks this one object and gets
 * whichever {@link PartnerRegistry} is current; a reload swaps a whole new registry in at once, so no
 * reader ever sees half of an old configuration and half of a new one.
 */
public class LivePartners implements PartnerDirectory {

    private final AtomicReference<PartnerRegistry> current;

    LivePartners(PartnerRegistry initial) {
        this.current = new AtomicReference<>(initial);
    }

    PartnerRegistry current() {
        return current.get();
    }

    /** Puts {@code next} in force and answers the registry it replaced. */
    PartnerRegistry swap(PartnerRegistry next) {
        return current.getAndSet(next);
    }

    @Override
    public Optional<Partner> partner(String id) {
        return current.get().partner(id);
    }

    @Override
    public Collection<Partner> partners() {
        return current.get().partners();
    }

    public List<InboundChannel> channels(String partnerId) {
        return current.get().channels(partnerId);
    }

    /** Whether {@code secret} is the inbound credential of {@code partnerId}; compared in constant time. */
    public boolean credentialMatches(String partnerId, String secret) {
        return current.get().credentialMatches(partnerId, secret);
    }

    /** See {@link PartnerRegistry#signatureMatches}. */
    public boolean signatureMatches(String partnerId, byte[] signed, byte[] signature) {
        return current.get().signatureMatches(partnerId, signed, signature);
    }
}
