package org.medhub.routes.kafka;

/** Exchange headers and properties that carry a message through the routes. */
public final class MedhubHeaders {

    public static final String PARTNER = "medhubPartner";
    public static final String MESSAGE_TYPE = "medhubMessageType";
    public static final String MESSAGE_ID = "medhubMessageId";
    /** All message ids a record became (one source record can hold several canonical records). */
    public static final String MESSAGE_IDS = "medhubMessageIds";
    /** Raw record header: what the intake found ({@link org.medhub.routes.inbound.Intake}). */
    public static final String INTAKE = "medhubIntake";
    public static final String ENTITY = "medhubEntity";
    public static final String BUSINESS_KEY = "medhubBusinessKey";
    /** Header of a tombstone on a canonical topic: the hub's version of the record the deletion made. */
    public static final String VERSION = "medhubVersion";
    public static final String DUPLICATE = "medhubDuplicate";
    public static final String SUBSCRIBER = "medhubSubscriber";
    /** Exchange property: where the raw bytes were written ({@link org.medhub.routes.ledger.KafkaLocation}). */
    public static final String RAW_LOCATION = "medhubRawLocation";
    /** Exchange property: the {@link org.medhub.canonical.envelope.Envelope} the mapping made. */
    public static final String ENVELOPE = "medhubEnvelope";
    /** Exchange property: the raw bytes as received, kept for the dead-letter queue. */
    public static final String RAW_BYTES = "medhubRawBytes";

    private MedhubHeaders() {}
}
