package org.medhub.hub.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.entity.CertificateOfOrigin;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.entity.Product;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.entity.Shipment;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MappingRef;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.validation.Violation;
import org.medhub.connectors.customs.Receipt;
import org.medhub.connectors.customs.Submission;
import org.medhub.connectors.transport.DeliveryFailedException;
import org.medhub.connectors.transport.OutboundTransport;
import org.medhub.hub.alerts.Alerts;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.records.CurrentRecords;
import org.medhub.routes.customs.CustomsBundle;
import org.medhub.routes.customs.DeclarationAssembly;
import org.medhub.routes.customs.Finding;
import org.medhub.routes.customs.Preflight;
import org.medhub.routes.customs.ReceiptEffects;
import org.medhub.routes.customs.ReceiptProgress;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.mapping.CanonicalLookup;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.medhub.routes.sync.SyncPolicy;
import org.medhub.routes.sync.SyncResult;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub's customs desk: it makes a declaration from the records it holds, checks it, keeps each step as a version of
 * the declaration (DRAFT as assembled, CHECKED once the pre-flight check passed, SUBMITTED once the single window took
 * it), submits it, and moves it on with every receipt. A rejection raises an alert naming the fields to correct; the
 * correction is a new declaration, linked to the rejected one, which stays as customs left it.
 */
public class CustomsDesk {

    static final String ENTITY = CustomsDeclaration.ENTITY;
    static final String REJECTED_RULE = "customs-rejected";
    static final String SUBMISSION_RULE = "customs-submission";
    static final String PREFLIGHT_RULE = "customs-preflight";
    private static final int MAX_RECEIPT_IN_AUDIT = 64 * 1024;

    /** Why a declaration was not made or not sent: a problem type, and every finding or violation. */
    public static final class Refused extends RuntimeException {
        private final String type;
        private final List<Finding> findings;
        private final List<Violation> violations;

        Refused(String type, String message, List<Finding> findings, List<Violation> violations) {
            super(message);
            this.type = type;
            this.findings = List.copyOf(findings);
            this.violations = List.copyOf(violations);
        }

        static Refused of(String type, String message) {
            return new Refused(type, message, List.of(), List.of());
        }

        public String type() {
            return type;
        }

        public List<Finding> findings() {
            return findings;
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** A declaration as the desk left it. */
    public record Declared(String clientSeqNo, long version, String status, JsonNode declaration) {}

    /** What a receipt did: the versions it made (none for a duplicate or late one) and the fields to correct. */
    public record Received(String clientSeqNo, String receiptStatus, String status, List<Long> versions,
            List<String> fieldsToCorrect) {}

    private final CustomsProfiles profiles;
    private final JdbcTemplate jdbc;
    private final CurrentRecords records;
    private final CanonicalLookup lookup;
    private final CanonicalPublisher publisher;
    private final OutboundTransport transports;
    private final AuditTrail audit;
    private final Alerts alerts;
    private final Clock clock;
    private final ReceiptEffects effects = new ReceiptEffects(new ReceiptProgress());

    public CustomsDesk(CustomsProfiles profiles, JdbcTemplate jdbc, CurrentRecords records, CanonicalLookup lookup,
            CanonicalPublisher publisher, OutboundTransport transports, AuditTrail audit, Alerts alerts, Clock clock) {
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.records = records;
        this.lookup = lookup;
        this.publisher = publisher;
        this.transports = transports;
        this.audit = audit;
        this.alerts = alerts;
        this.clock = clock;
    }

    public CustomsProfiles profiles() {
        return profiles;
    }

    /**
     * Assembles, checks, keeps and submits the declaration of a shipment.
     *
     * @param invoice the invoice's number, or null: the invoice of the shipment
     * @param origin the certificate of origin's application number, or null
     * @param corrections fields a person gives over the assembled ones, or null
     * @throws Refused naming every record missing, every rule of the dictionary broken, every pre-flight finding
     */
    public Declared declare(String profileId, String shipmentNumber, String invoice, String origin, ObjectNode corrections,
            String person) {
        CustomsProfile profile = profile(profileId);
        Shipment shipment = records.of(Shipment.ENTITY, shipmentNumber, Shipment.class)
                .orElseThrow(() -> missing("shipment", Shipment.ENTITY, shipmentNumber));
        Optional<String> existing = jdbc.queryForList(
                "select client_seq_no from customs_submission where shipment = ? and replaces is null and profile = ?",
                String.class, shipmentNumber, profile.id()).stream().findFirst();
        if (existing.isPresent()) {
            throw Refused.of("already-declared", "shipment " + shipmentNumber + " is declared already as "
                    + existing.get() + " under profile " + profile.id() + "; a rejected declaration is corrected, not made again");
        }
        CommercialInvoice theInvoice = (invoice != null
                ? records.of(CommercialInvoice.ENTITY, invoice, CommercialInvoice.class)
                : lookup.find(CommercialInvoice.ENTITY, "shipment", shipmentNumber)
                        .map(json -> CanonicalJson.mapper().convertValue(json, CommercialInvoice.class)))
                .orElseThrow(() -> missing("invoice", CommercialInvoice.ENTITY, invoice != null ? invoice
                        : "(the invoice of shipment " + shipmentNumber + ")"));
        CertificateOfOrigin certificateOfOrigin = origin == null ? null
                : records.of(CertificateOfOrigin.ENTITY, origin, CertificateOfOrigin.class)
                        .orElseThrow(() -> missing("certificateOfOrigin", CertificateOfOrigin.ENTITY, origin));
        Map<String, Product> products = new LinkedHashMap<>();
        for (CommercialInvoice.Line line : listOf(theInvoice.lines())) {
            Optional<JsonNode> product = line.product() != null ? records.of(Product.ENTITY, line.product())
                    : line.material() != null ? lookup.find(Product.ENTITY, "materialNumber", line.material()) : Optional.empty();
            product.map(json -> CanonicalJson.mapper().convertValue(json, Product.class))
                    .ifPresent(p -> products.put("01/" + p.gtin(), p));
        }
        Map<String, Batch> batches = batchesOf(shipment);
        Map<String, RegistrationCertificate> certificates = new LinkedHashMap<>();
        products.values().forEach(p -> listOf(p.registrationCertificates()).forEach(n -> certificate(n, certificates)));
        batches.values().forEach(b -> certificate(b.registrationCertificate(), certificates));

        String clientSeqNo = clientSeqNo(profile.id() + "/" + shipmentNumber);
        ObjectNode declaration = DeclarationAssembly.assemble(clientSeqNo, profile.header(), profile.lineDefaults(),
                new DeclarationAssembly.Sources(shipment, theInvoice, products, batches, certificates, certificateOfOrigin),
                today(), corrections);
        return checkKeepAndSubmit(profile, declaration, shipmentNumber, null, person);
    }

    /**
     * A rejected declaration corrected: a new declaration (a new ClientSeqNo) with the rejected one's fields and the
     * corrections, checked and submitted like any, linked to the one it replaces.
     */
    public Declared correct(String rejected, ObjectNode corrections, String person) {
        ObjectNode old = records.of(ENTITY, rejected).map(ObjectNode.class::cast)
                .orElseThrow(() -> new java.util.NoSuchElementException("no declaration " + rejected));
        if (!"REJECTED".equals(old.path("status").asText())) {
            throw Refused.of("declaration-state", "only a rejected declaration is corrected; " + rejected + " is "
                    + old.path("status").asText());
        }
        Map<String, Object> row = submission(rejected);
        List<String> already = jdbc.queryForList("select client_seq_no from customs_submission where replaces = ?",
                String.class, rejected);
        if (!already.isEmpty()) {
            throw Refused.of("already-corrected", rejected + " is corrected already by " + already.get(0));
        }
        CustomsProfile profile = profile((String) row.get("profile"));
        ObjectNode declaration = old.deepCopy();
        // what customs said of the old one is not said of the new
        List.of("seqNo", "entryId", "declarationDate", "receipts", "submittedAt", "releasedAt").forEach(declaration::remove);
        declaration.put("clientSeqNo", clientSeqNo(rejected + "/correction"));
        declaration.put("replaces", rejected);
        declaration.put("status", "DRAFT");
        return checkKeepAndSubmit(profile, DeclarationAssembly.corrected(declaration, corrections == null
                ? CanonicalJson.mapper().createObjectNode() : corrections), (String) row.get("shipment"), rejected, person);
    }

    private Declared checkKeepAndSubmit(CustomsProfile profile, ObjectNode declaration, String shipment, String replaces,
            String person) {
        String clientSeqNo = declaration.path("clientSeqNo").asText();
        declaration.put("status", "DRAFT");
        List<Violation> violations = RecordValidator.validate(entity(), declaration);
        if (!violations.isEmpty()) {
            throw new Refused("invalid-declaration", "the declaration of shipment " + shipment + " breaks the dictionary in "
                    + violations.size() + " place(s); give the missing values in 'fields', or correct the records",
                    List.of(), violations);
        }
        List<Finding> findings = new Preflight(profile.preflight()).check(bundle(declaration));
        if (!findings.isEmpty()) {
            throw new Refused("preflight", "the declaration of shipment " + shipment + " may not leave: " + findings.size()
                    + " pre-flight finding(s)", findings, List.of());
        }
        keep(declaration, "assembled", SyncPolicy.HUB, null);
        ObjectNode checked = declaration.deepCopy();
        checked.put("status", "CHECKED");
        keep(checked, "checked", SyncPolicy.HUB, null);
        jdbc.update("""
                insert into customs_submission (client_seq_no, profile, shipment, replaces, created_by, created_at)
                values (?, ?, ?, ?, ?, ?::timestamptz)""",
                clientSeqNo, profile.id(), shipment, replaces, person, clock.instant().toString());
        audit.record(person, "customs.declare", "customs-declaration/" + clientSeqNo, detail("profile", profile.id(),
                "shipment", shipment, "replaces", replaces, "contentSha256",
                MessageIds.sha256Hex(CanonicalJson.sortedBytes(checked))));
        return submit(clientSeqNo, person);
    }

    /**
     * Sends a CHECKED declaration: signed, validated, through the profile's transport, its ClientSeqNo the idempotency
     * key. A failure leaves it CHECKED, with an alert, to be sent again.
     */
    public Declared submit(String clientSeqNo, String person) {
        ObjectNode declaration = records.of(ENTITY, clientSeqNo).map(ObjectNode.class::cast)
                .orElseThrow(() -> new java.util.NoSuchElementException("no declaration " + clientSeqNo));
        if (!"CHECKED".equals(declaration.path("status").asText())) {
            throw Refused.of("declaration-state", "only a CHECKED declaration is submitted; " + clientSeqNo + " is "
                    + declaration.path("status").asText());
        }
        CustomsProfile profile = profile((String) submission(clientSeqNo).get("profile"));
        CustomsDeclaration typed = CanonicalJson.mapper().convertValue(declaration, CustomsDeclaration.class);
        Submission.Sent sent;
        try {
            sent = new Submission(profile.dialect(), profile.declarant(), transports, profile.attempts(), profile.pause())
                    .submit(typed, profile.submitTo());
        } catch (IllegalArgumentException | DeliveryFailedException e) {
            jdbc.update("update customs_submission set last_error = ? where client_seq_no = ?", e.getMessage(), clientSeqNo);
            alerts.raise(SUBMISSION_RULE, ENTITY, clientSeqNo, e.getMessage(), List.of());
            audit.record(person, "customs.submit.failed", "customs-declaration/" + clientSeqNo,
                    detail("profile", profile.id(), "reason", e.getMessage()));
            throw new Refused(e instanceof IllegalArgumentException ? "schema" : "submission-failed", e.getMessage(),
                    List.of(), List.of());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ObjectNode submitted = declaration.deepCopy();
        submitted.put("status", "SUBMITTED");
        submitted.put("submittedAt", now.toString());
        long version = keep(submitted, "submitted", SyncPolicy.HUB, null);
        jdbc.update("""
                update customs_submission set submitted_at = ?::timestamptz, attempts = ?, document_sha256 = ?, last_error = null
                where client_seq_no = ?""", now.toString(), sent.attempts(), sent.sha256(), clientSeqNo);
        audit.record(person, "customs.submit", "customs-declaration/" + clientSeqNo, detail("profile", profile.id(),
                "dialect", profile.dialect().name(), "documentSha256", sent.sha256(), "attempts", sent.attempts(),
                "answer", sent.status()));
        return new Declared(clientSeqNo, version, "SUBMITTED", submitted);
    }

    /**
     * A receipt from the authority behind {@code partner}: the declaration moves forward through the states it implies;
     * a duplicate or late one is recorded and changes nothing.
     *
     * @throws IllegalArgumentException when it is none of the dialect's receipts
     * @throws java.util.NoSuchElementException when no profile has this partner, or no declaration has its ClientSeqNo
     */
    public synchronized Received receive(String partner, byte[] document) {
        // the profiles of one authority speak its dialect
        CustomsProfile profile = profiles.ofPartner(partner)
                .orElseThrow(() -> new java.util.NoSuchElementException("no customs profile has partner " + partner));
        Receipt receipt = profile.dialect().readReceipt(document);
        String clientSeqNo = receipt.clientSeqNo();
        ObjectNode declaration = clientSeqNo == null ? null
                : records.of(ENTITY, clientSeqNo).map(ObjectNode.class::cast).orElse(null);
        String profileOf = clientSeqNo == null ? null : profileOf(clientSeqNo);
        if (declaration == null || profileOf == null || profiles.profile(profileOf).map(p -> !p.partner().equals(partner)).orElse(true)) {
            throw new java.util.NoSuchElementException("the receipt is for declaration " + clientSeqNo
                    + ", which the hub did not submit to " + partner);
        }
        String before = declaration.path("status").asText();
        String digest = MessageIds.sha256Hex(document);
        List<Long> versions = new ArrayList<>();
        List<ObjectNode> steps = effects.apply(declaration, receipt, OffsetDateTime.now(clock));
        for (ObjectNode step : steps) {
            versions.add(keep(step, digest + "/" + step.path("status").asText(), partner, receipt.clientSeqNo()));
        }
        String after = steps.isEmpty() ? before : steps.get(steps.size() - 1).path("status").asText();
        List<String> toCorrect = "REJECTED".equals(receipt.status()) ? ReceiptEffects.fieldsToCorrect(receipt) : List.of();
        if (!steps.isEmpty() && "REJECTED".equals(after)) {
            String reasons = receipt.reasons().stream().map(r -> (r.field() == null ? "" : r.field() + ": ") + r.text())
                    .reduce((a, b) -> a + "; " + b).orElse("no reason given");
            alerts.raise(REJECTED_RULE, ENTITY, clientSeqNo, "customs rejected declaration " + clientSeqNo + " ("
                    + receipt.code() + "): " + reasons + "; correct it with POST /api/customs/declarations/" + clientSeqNo
                    + "/correction", toCorrect);
        }
        String text = new String(document, StandardCharsets.UTF_8);
        audit.record(partner, "customs.receipt", "customs-declaration/" + clientSeqNo, detail("status", receipt.status(),
                "code", receipt.code(), "from", before, "to", after, "versions", versions, "documentSha256", digest,
                "effect", steps.isEmpty() ? "none: duplicate or late" : "moved",
                "document", text.length() > MAX_RECEIPT_IN_AUDIT ? text.substring(0, MAX_RECEIPT_IN_AUDIT) : text));
        return new Received(clientSeqNo, receipt.status(), after, versions, toCorrect);
    }

    /** Makes the declaration of a shipment that reached the profile's status, unless it has one. */
    public void onShipment(JsonNode shipment) {
        String number = shipment.path("shipmentNumber").asText(null);
        String status = shipment.path("status").asText(null);
        for (CustomsProfile profile : profiles.all()) {
            if (number == null || profile.assembleOn() == null || !profile.assembleOn().equals(status)
                    || !jdbc.queryForList("select 1 from customs_submission where shipment = ? and profile = ?",
                            number, profile.id()).isEmpty()) {
                continue;
            }
            try {
                declare(profile.id(), number, null, null, null, SyncPolicy.HUB);
            } catch (Refused e) {
                List<String> fields = new ArrayList<>();
                e.findings().forEach(f -> fields.add(f.field()));
                e.violations().forEach(v -> fields.add(v.field()));
                StringBuilder detail = new StringBuilder(e.getMessage());
                e.findings().forEach(f -> detail.append("\n").append(f));
                e.violations().forEach(v -> detail.append("\n").append(v.field()).append(": ").append(v.message())
                        .append(" [").append(v.rule()).append("]"));
                alerts.raise(PREFLIGHT_RULE, Shipment.ENTITY, number, detail.toString(), fields);
            }
        }
    }

    /** The declaration's profile, the one it replaces and the ones that replace it, and how its submission went. */
    public Map<String, Object> submission(String clientSeqNo) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select s.*, (select c.client_seq_no from customs_submission c where c.replaces = s.client_seq_no) as corrected_by
                from customs_submission s where client_seq_no = ?""", clientSeqNo);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("no declaration " + clientSeqNo);
        }
        return rows.get(0);
    }

    private String profileOf(String clientSeqNo) {
        return jdbc.queryForList("select profile from customs_submission where client_seq_no = ?", String.class, clientSeqNo)
                .stream().findFirst().orElse(null);
    }

    /** Keeps a version through the same admission and merge as any record; returns its version. */
    private long keep(ObjectNode record, String step, String partner, String correlation) {
        String clientSeqNo = record.path("clientSeqNo").asText();
        String messageId = MessageIds.fromSourceId(partner, ENTITY, clientSeqNo + "/" + step);
        Envelope envelope = new Envelope(messageId, ENTITY, entity().version(), clientSeqNo, SyncPolicy.HUB, partner, null,
                null, null, correlation == null ? clientSeqNo : correlation, null, OffsetDateTime.now(clock), clock.instant(),
                new MappingRef("customs-desk", 1), record);
        Map<String, SyncResult> outcome = publisher.publish(List.of(new Admittance(envelope, "customs-declaration", null,
                Map.of("status", "customs desk: " + step))));
        SyncResult result = outcome.get(messageId);
        if (result == null) {
            // the same step again (a receipt sent twice): the version it made stands
            return currentVersion(clientSeqNo);
        }
        return switch (result.outcome()) {
            case APPLIED -> result.published().version();
            case UNCHANGED -> currentVersion(clientSeqNo);
            default -> throw new Refused("declaration-state", "declaration " + clientSeqNo + " could not move to "
                    + record.path("status").asText() + ": " + result.reason(), List.of(), result.violations());
        };
    }

    private long currentVersion(String clientSeqNo) {
        return jdbc.queryForObject("select version from record_state where entity = ? and business_key = ?", Long.class,
                ENTITY, clientSeqNo);
    }

    /** The records the pre-flight check reads, as the hub holds them now. */
    private CustomsBundle bundle(ObjectNode declaration) {
        CustomsDeclaration typed = CanonicalJson.mapper().convertValue(declaration, CustomsDeclaration.class);
        Map<String, CommercialInvoice> invoices = new LinkedHashMap<>();
        Optional.ofNullable(typed.invoice()).flatMap(n -> records.of(CommercialInvoice.ENTITY, n, CommercialInvoice.class))
                .ifPresent(i -> invoices.put(i.invoiceNumber(), i));
        Map<String, Shipment> shipments = new LinkedHashMap<>();
        Map<String, Batch> batches = new LinkedHashMap<>();
        Optional.ofNullable(typed.shipment()).flatMap(n -> records.of(Shipment.ENTITY, n, Shipment.class)).ifPresent(s -> {
            shipments.put(s.shipmentNumber(), s);
            batches.putAll(batchesOf(s));
        });
        Map<String, Product> products = new LinkedHashMap<>();
        Map<String, RegistrationCertificate> certificates = new LinkedHashMap<>();
        for (CustomsDeclaration.Line line : listOf(typed.lines())) {
            if (line.product() != null) {
                records.of(Product.ENTITY, line.product(), Product.class).ifPresent(p -> products.put(line.product(), p));
            }
            certificate(line.registrationCertificate(), certificates);
        }
        return new CustomsBundle(typed, invoices, products, certificates, shipments, batches);
    }

    private Map<String, Batch> batchesOf(Shipment shipment) {
        Map<String, Batch> batches = new LinkedHashMap<>();
        for (Shipment.Line line : listOf(shipment.lines())) {
            if (line.batch() != null) {
                records.of(Batch.ENTITY, line.batch(), Batch.class).ifPresent(b -> batches.put(line.batch(), b));
            }
        }
        return batches;
    }

    private void certificate(String number, Map<String, RegistrationCertificate> into) {
        if (number != null && !into.containsKey(number)) {
            records.of(RegistrationCertificate.ENTITY, number, RegistrationCertificate.class).ifPresent(c -> into.put(number, c));
        }
    }

    private CustomsProfile profile(String id) {
        if (id == null) {
            List<CustomsProfile> all = profiles.all();
            if (all.size() != 1) {
                throw Refused.of("profile", "name the customs profile: there are " + all.stream().map(CustomsProfile::id).toList());
            }
            return all.get(0);
        }
        return profiles.profile(id).orElseThrow(() -> Refused.of("profile", "no customs profile '" + id + "'; there are "
                + profiles.all().stream().map(CustomsProfile::id).toList()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.ofHours(8)));
    }

    private static Refused missing(String field, String entity, String key) {
        return new Refused("unknown-record", "the hub holds no " + entity + " " + key, List.of(),
                List.of(new Violation(field, "known-record", key, "the hub holds no " + entity + " " + key)));
    }

    /** 18 characters, as the single window's ClientSeqNo allows: the same inputs, the same number. */
    static String clientSeqNo(String of) {
        return "MH" + MessageIds.sha256Hex(of.getBytes(StandardCharsets.UTF_8)).substring(0, 16).toUpperCase();
    }

    private static EntityDefinition entity() {
        return DataDictionary.standard().entity(ENTITY).orElseThrow();
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Audit detail without the empty entries (Map.of takes no nulls). */
    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }
}
