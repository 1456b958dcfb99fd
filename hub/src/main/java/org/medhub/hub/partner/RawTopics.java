package org.medhub.hub.partner;

import java.util.Collection;
import org.medhub.routes.partner.Partner;

/** Creates the raw topic of each partner that sends records, before its first record arrives. */
public interface RawTopics {

    void ensure(Collection<Partner> partners);
}
