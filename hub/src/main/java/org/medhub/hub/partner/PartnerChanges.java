package org.medhub.hub.partner;

import java.util.List;

/** What a reload did, by partner id. A changed partner's routes were restarted; an unchanged one's kept running. */
public record PartnerChanges(List<String> added, List<String> removed, List<String> changed, List<String> unchanged) {

    public PartnerChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
    }

    boolean affects(String partnerId) {
        return added.contains(partnerId) || removed.contains(partnerId) || changed.contains(partnerId);
    }
}
