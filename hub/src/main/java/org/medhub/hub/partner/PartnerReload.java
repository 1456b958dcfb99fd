package org.medhub.hub.partner;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the partner files while the hub runs. A configuration with any problem is refused whole
 * ({@link PartnerConfigException}) and the one in force stays; a valid one is swapped in and the routes
 * of the partners it added, removed or changed are stopped and started, the others left running.
 */
public class PartnerReload {

    private static final Logger log = LoggerFactory.getLogger(PartnerReload.class);

    private final PartnerFiles files;
    private final LivePartners partners;
    private final PartnerRoutes routes;
    private final RawTopics topics;

    PartnerReload(PartnerFiles files, LivePartners partners, PartnerRoutes routes, RawTopics topics) {
        this.files = files;
        this.partners = partners;
        this.routes = routes;
        this.topics = topics;
    }

    /** What changed; {@code failures} names routes of the new configuration that could not start. */
    public record Result(PartnerChanges changes, List<String> failures) {}

    public synchronized Result reload() {
        PartnerRegistry next = files.load(); // throws with every problem; nothing changed yet
        PartnerRegistry previous = partners.current();
        PartnerChanges changes = previous.changesTo(next);
        List<String> starting = new ArrayList<>(changes.added());
        starting.addAll(changes.changed());
        topics.ensure(starting.stream().map(id -> next.partner(id).orElseThrow())
                .filter(p -> !p.messageTypes().isEmpty()).toList());
        List<String> stopping = new ArrayList<>(changes.removed());
        stopping.addAll(changes.changed());
        routes.stop(previous, stopping);
        partners.swap(next);
        List<String> failures = routes.start(next, starting);
        log.info("Partner configuration reloaded: added {}, removed {}, changed {}, unchanged {}{}", changes.added(),
                changes.removed(), changes.changed(), changes.unchanged(),
                failures.isEmpty() ? "" : "; routes that could not start: " + failures);
        return new Result(changes, failures);
    }
}
