package org.medhub.routes.pipeline;

import java.util.List;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.Subscription;

/** Who is owed a record of an entity: every subscriber of the entity but the system it came from. */
public final class Subscribers {

    private Subscribers() {}

    public static List<String> of(PartnerDirectory partners, String entity, String source) {
        return partners.partners().stream()
                .flatMap(p -> p.subscriptions().stream())
                .filter(s -> s.entity().equals(entity) && !s.subscriber().equals(source))
                .map(Subscription::subscriber)
                .distinct()
                .toList();
    }
}
