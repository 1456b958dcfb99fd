package org.medhub.routes.partner;

import java.util.Collection;
import java.util.Optional;

/** The partners currently configured. */
public interface PartnerDirectory {

    Optional<Partner> partner(String id);

    Collection<Partner> partners();
}
