package org.medhub.routes.customs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.canonical.customs.HsCode;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.money.Money;
import org.medhub.canonical.reference.CountryCode;
import org.medhub.canonical.unit.Quantity;
import org.medhub.canonical.validation.InvalidRecordException;

/**
 * The checks a customs declaration passes before it leaves, each named, each saying what it found and what it expected,
 * all of them at once: a declaration the single window rejects leaves goods in port.
 */
public final class Preflight {

    public static final String HS_CODE = "hs-code";
    public static final String LEGAL_UNITS = "legal-units";
    public static final String REGISTRATION_VALID = "registration-valid";
    public static final String LICENCE_DOCUMENTS = "licence-documents";
    public static final String INVOICE_TOTALS = "invoice-totals";
    public static final String WEIGHTS = "weights";
    public static final String CODES = "codes";
    public static final String RELEASED_QUANTITY = "released-quantity";
    public static final Set<String> RULES = Set.of(HS_CODE, LEGAL_UNITS, REGISTRATION_VALID, LICENCE_DOCUMENTS, INVOICE_TOTALS,
            WEIGHTS, CODES, RELEASED_QUANTITY);

    private final PreflightSettings settings;

    public Preflight(PreflightSettings settings) {
        Set<String> unknown = new LinkedHashSet<>(settings.rules());
        unknown.removeAll(RULES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown pre-flight rules " + unknown + "; the rules are " + new java.util.TreeSet<>(RULES));
        }
        this.settings = settings;
    }

    /** Every finding of every rule applied; none when the declaration may leave. */
    public List<Finding> check(CustomsBundle bundle) {
        List<Finding> findings = new ArrayList<>();
        LocalDate on = bundle.declaration().declarationDate() != null ? bundle.declaration().declarationDate() : LocalDate.now();
        if (applies(HS_CODE)) {
            hsCodes(bundle, findings);
        }
        if (applies(LEGAL_UNITS)) {
            legalUnits(bundle, findings);
        }
        if (applies(REGISTRATION_VALID)) {
            registrations(bundle, on, findings);
        }
        if (applies(LICENCE_DOCUMENTS)) {
            licences(bundle, findings);
        }
        if (applies(INVOICE_TOTALS)) {
            invoiceTotals(bundle, findings);
        }
        if (applies(WEIGHTS)) {
            weights(bundle, findings);
        }
        if (applies(CODES)) {
            codes(bundle, findings);
        }
        if (applies(RELEASED_QUANTITY)) {
            releasedQuantity(bundle, findings);
        }
        return findings;
    }

    private boolean applies(String rule) {
        return settings.rules().contains(rule);
    }

    private void hsCodes(CustomsBundle bundle, List<Finding> findings) {
        forEachLine(bundle, (line, at) -> {
            try {
                HsCode code = HsCode.parse(line.hsCode());
                boolean known = settings.headings().isEmpty() ? code.medicalDeviceClassification().isPresent()
                        : settings.headings().contains(code.heading()) || settings.headings().contains(code.subheading());
                if (!known) {
                    findings.add(new Finding(HS_CODE, at + ".hsCode", line.hsCode(), "a heading this declarant uses ("
                            + (settings.headings().isEmpty() ? "where medical devices are classified" : new java.util.TreeSet<>(settings.headings())) + ")"));
                }
            } catch (InvalidRecordException | NullPointerException e) {
                findings.add(new Finding(HS_CODE, at + ".hsCode", line.hsCode(), "an HS code of 6 to 13 digits, e.g. 9018390000"));
            }
        });
    }

    private void legalUnits(CustomsBundle bundle, List<Finding> findings) {
        forEachLine(bundle, (line, at) -> {
            if (line.firstLegalQuantity() == null) {
                findings.add(new Finding(LEGAL_UNITS, at + ".firstLegalQuantity", null, "the quantity in the tariff line's first legal unit"));
            } else if (line.declaredQuantity() != null && !convertible(line.declaredQuantity(), line.firstLegalQuantity())) {
                findings.add(new Finding(LEGAL_UNITS, at + ".firstLegalQuantity", line.firstLegalQuantity().toString(),
                        "the declared " + line.declaredQuantity() + " in the first legal unit"));
            }
            if (settings.hasSecondUnit(line.hsCode()) && line.secondLegalQuantity() == null) {
                findings.add(new Finding(LEGAL_UNITS, at + ".secondLegalQuantity", null,
                        "the quantity in the second legal unit its heading has"));
            }
        });
    }

    /** Where both are in units of one dimension (mass, count, …), the legal quantity is the declared one converted. */
    private static boolean convertible(Quantity declared, Quantity legal) {
        if (!declared.unit().isCompatible(legal.unit())) {
            return true; // pieces declared, kilograms legal: nothing to compare them by
        }
        return declared.to(legal.unit()).value().compareTo(legal.value()) == 0;
    }

    private void registrations(CustomsBundle bundle, LocalDate on, List<Finding> findings) {
        forEachLine(bundle, (line, at) -> {
            String number = line.registrationCertificate();
            if (number == null && line.product() != null && bundle.products().containsKey(line.product())) {
                List<String> held = bundle.products().get(line.product()).registrationCertificates();
                number = held == null || held.isEmpty() ? null : held.get(0);
            }
            RegistrationCertificate certificate = number == null ? null : bundle.certificates().get(number);
            if (certificate == null) {
                findings.add(new Finding(REGISTRATION_VALID, at + ".registrationCertificate", number,
                        "the registration certificate of the line's product, among the records"));
            } else if (certificate.status() != RegistrationCertificate.Status.VALID
                    || (certificate.validFrom() != null && on.isBefore(certificate.validFrom()))
                    || (certificate.validUntil() != null && on.isAfter(certificate.validUntil()))) {
                findings.add(new Finding(REGISTRATION_VALID, at + ".registrationCertificate", number,
                        "a certificate valid on " + on + " (it is " + certificate.status() + ", from " + certificate.validFrom()
                                + " until " + certificate.validUntil() + ")"));
            }
        });
    }

    private void licences(CustomsBundle bundle, List<Finding> findings) {
        Set<String> present = new java.util.HashSet<>();
        if (bundle.declaration().licenceDocuments() != null) {
            bundle.declaration().licenceDocuments().forEach(d -> present.add(d.documentCode()));
        }
        forEachLine(bundle, (line, at) -> {
            for (String needed : PreflightSettings.byHeading(settings.licences(), line.hsCode(), List.<String>of())) {
                if (!present.contains(needed)) {
                    findings.add(new Finding(LICENCE_DOCUMENTS, "licenceDocuments", null, "a document of code " + needed
                            + ", which " + at + " (" + line.hsCode() + ") needs"));
                }
            }
        });
    }

    private void invoiceTotals(CustomsBundle bundle, List<Finding> findings) {
        Map<String, BigDecimal> declared = new HashMap<>();
        forEachLine(bundle, (line, at) -> {
            if (line.unitPrice() != null && line.total() != null && line.declaredQuantity() != null
                    && line.unitPrice().amount().multiply(line.declaredQuantity().value()).compareTo(line.total().amount()) != 0) {
                findings.add(new Finding(INVOICE_TOTALS, at + ".total", line.total().toString(), line.unitPrice() + " × "
                        + line.declaredQuantity().value() + " = " + line.unitPrice().amount().multiply(line.declaredQuantity().value())));
            }
            if (line.total() != null) {
                declared.merge(line.total().currency(), line.total().amount(), BigDecimal::add);
            }
        });
        CommercialInvoice invoice = bundle.invoice().orElse(null);
        if (invoice == null) {
            findings.add(new Finding(INVOICE_TOTALS, "invoice", bundle.declaration().invoice(), "the commercial invoice, among the records"));
            return;
        }
        Map<String, BigDecimal> invoiced = new HashMap<>();
        if (invoice.lines() != null) {
            invoice.lines().forEach(l -> invoiced.merge(l.amount().currency(), l.amount().amount(), BigDecimal::add));
        }
        for (String currency : new java.util.TreeSet<>(union(declared.keySet(), invoiced.keySet()))) {
            BigDecimal lines = declared.getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal goods = invoiced.getOrDefault(currency, BigDecimal.ZERO);
            if (lines.compareTo(goods) != 0) {
                findings.add(new Finding(INVOICE_TOTALS, "lines[].total", lines.toPlainString() + " " + currency,
                        "the invoice " + invoice.invoiceNumber() + "'s goods, " + goods.toPlainString() + " " + currency));
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void weights(CustomsBundle bundle, List<Finding> findings) {
        Quantity gross = bundle.declaration().grossWeight();
        Quantity net = bundle.declaration().netWeight();
        if (gross != null && net != null && gross.unit().isCompatible(net.unit())
                && net.to(gross.unit()).value().compareTo(gross.value()) > 0) {
            findings.add(new Finding(WEIGHTS, "netWeight", net.toString(), "at most the gross weight, " + gross));
        }
    }

    /**
     * Country and currency codes valid (the dictionary already refuses others on entry; checked again for a bundle made
     * elsewhere) and agreeing: an export's lines go where the shipment goes, and are priced in the invoice's currency.
     */
    private void codes(CustomsBundle bundle, List<Finding> findings) {
        country(findings, "tradeCountry", bundle.declaration().tradeCountry());
        String shippedTo = bundle.shipment().map(s -> s.shipTo() == null ? null : s.shipTo().country()).orElse(null);
        String invoiced = bundle.invoice().map(CommercialInvoice::currency).orElse(null);
        boolean export = bundle.declaration().ieFlag() == CustomsDeclaration.IeFlag.EXPORT;
        forEachLine(bundle, (line, at) -> {
            country(findings, at + ".originCountry", line.originCountry());
            country(findings, at + ".destinationCountry", line.destinationCountry());
            if (export && shippedTo != null && line.destinationCountry() != null && !shippedTo.equals(line.destinationCountry())) {
                findings.add(new Finding(CODES, at + ".destinationCountry", line.destinationCountry(),
                        "the country the shipment goes to, " + shippedTo));
            }
            for (Money money : java.util.Arrays.asList(line.unitPrice(), line.total())) {
                String field = at + (money == line.total() ? ".total" : ".unitPrice") + ".currency";
                if (money != null && !currency(money.currency())) {
                    findings.add(new Finding(CODES, field, money.currency(), "an ISO 4217 currency code, e.g. USD, CNY"));
                } else if (money != null && invoiced != null && !invoiced.equals(money.currency())) {
                    findings.add(new Finding(CODES, field, money.currency(), "the invoice's currency, " + invoiced));
                }
            }
        });
    }

    private static void country(List<Finding> findings, String field, String code) {
        if (code != null && !CountryCode.isValid(code)) {
            findings.add(new Finding(CODES, field, code, "an ISO 3166-1 country code, e.g. CN, DE"));
        }
    }

    private static boolean currency(String code) {
        try {
            return code != null && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The shipment's released batches of each product must hold at least what is declared of it. */
    private void releasedQuantity(CustomsBundle bundle, List<Finding> findings) {
        if (bundle.shipment().isEmpty()) {
            findings.add(new Finding(RELEASED_QUANTITY, "shipment", bundle.declaration().shipment(), "the shipment, among the records"));
            return;
        }
        Map<String, Quantity> released = new HashMap<>();
        for (var line : bundle.shipment().get().lines()) {
            Batch batch = bundle.batches().get(line.batch());
            if (batch != null && (batch.status() == Batch.Status.RELEASED || batch.status() == Batch.Status.SHIPPED)) {
                released.merge("01/" + batch.gtin(), line.quantity(), Preflight::plus); // as a Product's key
            }
        }
        Map<String, Quantity> declared = new HashMap<>();
        forEachLine(bundle, (line, at) -> {
            if (line.product() != null && line.declaredQuantity() != null) {
                declared.merge(line.product(), line.declaredQuantity(), Preflight::plus);
            }
        });
        declared.forEach((product, quantity) -> {
            Quantity available = released.get(product);
            if (available == null || (available.unit().isCompatible(quantity.unit())
                    && available.to(quantity.unit()).value().compareTo(quantity.value()) < 0)) {
                findings.add(new Finding(RELEASED_QUANTITY, "lines[product=" + product + "].declaredQuantity", quantity.toString(),
                        "at most the released quantity shipped, " + (available == null ? "none" : available.to(quantity.unit()))));
            }
        });
    }

    private static Quantity plus(Quantity a, Quantity b) {
        return new Quantity(a.value().add(b.to(a.unit()).value()), a.unit());
    }

    private interface LineCheck {
        void check(CustomsDeclaration.Line line, String at);
    }

    private static void forEachLine(CustomsBundle bundle, LineCheck check) {
        List<CustomsDeclaration.Line> lines = bundle.lines();
        for (int i = 0; i < lines.size(); i++) {
            check.check(lines.get(i), "lines[" + i + "]");
        }
    }
}
