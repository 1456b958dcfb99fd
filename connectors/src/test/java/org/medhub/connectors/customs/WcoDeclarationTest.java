package org.medhub.connectors.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.envelope.CanonicalJson;

/** The WCO Data Model dialect: the declaration written and validated, signed; UK CDS notifications read. */
class WcoDeclarationTest {

    private static final Path SAMPLE = Path.of("../routes/src/test/resources/customs/bundle.json");

    private final WcoDeclaration wco = new WcoDeclaration();

    @Test
    void writesADeclarationTheSchemaTakesAndThatVerifiesOnceSigned() throws Exception {
        byte[] xml = wco.render(declaration());
        String text = new String(xml, StandardCharsets.UTF_8);

        assertThat(wco.validate(xml)).isEmpty();
        assertThat(text).contains("<FunctionalReferenceID>CS20261204001</FunctionalReferenceID>").contains("<TypeCode>EX</TypeCode>")
                .contains("<Description>一次性使用无菌注射器 5ml 带针</Description>")
                .contains("<StatisticalValueAmount currencyID=\"USD\">4250.00</StatisticalValueAmount>");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var declarant = keys.generateKeyPair();
        byte[] signed = XmlSignatures.sign(xml, declarant);
        assertThat(wco.validate(signed)).isEmpty();
        assertThat(XmlSignatures.verify(signed, declarant.getPublic())).isEmpty();
    }

    @Test
    void readsEachNotificationAndARejectionsErrorsWithTheirPointers() {
        for (String[] kind : new String[][] {{"DMSRCV", "SUBMITTED"}, {"DMSACC", "ACCEPTED"}, {"DMSCLE", "CLEARED"}}) {
            assertThat(wco.readReceipt(notification(kind[0], "")).status()).as(kind[0]).isEqualTo(kind[1]);
        }
        Receipt rejected = wco.readReceipt(notification("DMSREJ", """
                <Error><Description>Commodity code not valid for the goods description</Description>
                <Pointer>Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/CommodityClassificationID</Pointer></Error>"""));

        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.clientSeqNo()).isEqualTo("CS20261204001");
        assertThat(rejected.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.field()).endsWith("GovernmentAgencyGoodsItem[2]/CommodityClassificationID");
            assertThat(reason.text()).startsWith("Commodity code not valid");
        });
        assertThatThrownBy(() -> wco.readReceipt(notification("DMSXXX", ""))).hasMessageContaining("FunctionCode 'DMSXXX'");
    }

    private static byte[] notification(String function, String errors) {
        return """
                <Notification xmlns="urn:medhub:customs:wco:1"><FunctionCode>%s</FunctionCode>
                <FunctionalReferenceID>CS20261204001</FunctionalReferenceID><DeclarationID>26GB0000000001</DeclarationID>
                <IssueDateTime>2026-12-05T09:30:00Z</IssueDateTime>%s</Notification>""".formatted(function, errors)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static CustomsDeclaration declaration() throws Exception {
        ObjectNode bundle = (ObjectNode) CanonicalJson.mapper().readTree(Files.readString(SAMPLE, StandardCharsets.UTF_8));
        return CanonicalJson.mapper().convertValue(bundle.get("CustomsDeclaration"), CustomsDeclaration.class);
    }
}
