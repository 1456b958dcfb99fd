package org.medhub.routes.partner;

/** What a connected system is to the device maker. */
public enum PartnerKind {
    CONTRACT_MANUFACTURER,
    SUPPLIER,
    DISTRIBUTOR,
    CUSTOMER,
    ERP,
    MES,
    QMS,
    LIMS,
    WMS,
    CUSTOMS
}
