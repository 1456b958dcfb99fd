package org.medhub.canonical.dictionary;

/** The system that is the system of record for a field: its value there wins. */
public enum SystemOfRecord {
    ERP,
    MES,
    QMS,
    LIMS,
    WMS,
    PARTNER,
    CUSTOMS,
    /** Values the hub itself assigns, such as versions. */
    HUB
}
