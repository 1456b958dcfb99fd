package org.medhub.connectors.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.envelope.CanonicalJson;

/** The single window's declaration written, validated, signed and verified; its receipts read. */
class ChinaSingleWindowTest {

    /** The routes module's sample: a declaration of syringes and catheters, in Chinese. */
    private static final Path SAMPLE = Path.of("../routes/src/test/resources/customs/bundle.json");

    private final ChinaSingleWindow window = new ChinaSingleWindow();

    @Test
    void writesADeclarationTheSchemaTakesWithItsChineseTextAndDecimalsAsTheyAre() throws Exception {
        byte[] xml = window.render(declaration(d -> { }));
        String text = new String(xml, StandardCharsets.UTF_8);

        assertThat(window.validate(xml)).isEmpty();
        assertThat(text).contains("<GName>一次性使用无菌注射器</GName>").contains("<TradeName>杭州示例医疗器械有限公司</TradeName>")
                .contains("<CodeTS>9018319000</CodeTS>").contains("<DeclPrice>0.12</DeclPrice>").contains("<DeclTotal>1200.00</DeclTotal>")
                .contains("<GUnit>007</GUnit>").contains("<TradeCountry>DEU</TradeCountry>").contains("<IEFlag>E</IEFlag>")
                .contains("<NetWt>480.25</NetWt>").contains("<ClientSeqNo>CS20261204001</ClientSeqNo>");
        assertThat(SecureXml.parse(xml).getElementsByTagNameNS(ChinaSingleWindow.NAMESPACE, "GName").item(1).getTextContent())
                .as("read back unchanged").isEqualTo("中心静脉导管");
    }

    @Test
    void aDocumentMissingARequiredElementFailsTheSchemaWithThePlaceNamed() throws Exception {
        String xml = new String(window.render(declaration(d -> { })), StandardCharsets.UTF_8)
                .replaceFirst("<AgentName>[^<]*</AgentName>", "");

        assertThat(window.validate(xml.getBytes(StandardCharsets.UTF_8))).singleElement().asString()
                .startsWith("line ").contains("AgentName");
    }

    @Test
    void aUnitTheWindowHasNoCodeForIsRefusedNamingTheField() throws Exception {
        CustomsDeclaration declaration = declaration(d -> ((ObjectNode) d.withArray("lines").get(1).get("firstLegalQuantity"))
                .put("unit", "cm3"));

        assertThatThrownBy(() -> window.render(declaration)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines[1].firstLegalQuantity").hasMessageContaining("cm3");
    }

    @Test
    void aSignedDeclarationVerifiesAndAChangedOneOrAnotherKeysDoesNot() throws Exception {
        KeyPair declarant = keys();
        byte[] signed = XmlSignatures.sign(window.render(declaration(d -> { })), declarant);

        assertThat(window.validate(signed)).as("the signature is where the schema allows it").isEmpty();
        assertThat(XmlSignatures.verify(signed, declarant.getPublic())).isEmpty();
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("<DeclTotal>4250.00</DeclTotal>",
                "<DeclTotal>425.00</DeclTotal>").getBytes(StandardCharsets.UTF_8);
        assertThat(XmlSignatures.verify(tampered, declarant.getPublic())).hasValueSatisfying(why ->
                assertThat(why).contains("changed after it was signed"));
        assertThat(XmlSignatures.verify(signed, keys().getPublic())).hasValueSatisfying(why ->
                assertThat(why).contains("not made by the trusted key"));
    }

    @Test
    void refusesADocumentWithADtdOrAnExternalEntity() {
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <DecImportResponse xmlns="urn:medhub:customs:cn:dec:1"><ResponseCode>&x;</ResponseCode></DecImportResponse>"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> window.readReceipt(xxe)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DTD");
        assertThat(window.validate(xxe)).singleElement().asString().contains("DTD");
    }

    @Test
    void readsTheImportResponseTakenOrRefusedWithItsReasonsAndFields() {
        Receipt taken = window.readReceipt(receipt("""
                <DecImportResponse xmlns="urn:medhub:customs:cn:dec:1"><ResponseCode>0</ResponseCode>
                <ClientSeqNo>CS20261204001</ClientSeqNo><SeqNo>220320261000012345</SeqNo>
                <ResponseTime>2026-12-04T10:00:00+08:00</ResponseTime></DecImportResponse>"""));
        Receipt refused = window.readReceipt(receipt("""
                <DecImportResponse xmlns="urn:medhub:customs:cn:dec:1"><ResponseCode>1</ResponseCode>
                <ErrorMessage Field="DecList[2].CodeTS">商品编号与申报品名不符</ErrorMessage>
                <ErrorMessage>申报单位未备案</ErrorMessage>
                <ClientSeqNo>CS20261204001</ClientSeqNo></DecImportResponse>"""));

        assertThat(taken.status()).isEqualTo("SUBMITTED"); // taken in and numbered, not yet accepted
        assertThat(taken.seqNo()).isEqualTo("220320261000012345");
        assertThat(taken.at()).isEqualTo(OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.reasons()).containsExactly(new Receipt.Reason("DecList[2].CodeTS", "商品编号与申报品名不符"),
                new Receipt.Reason(null, "申报单位未备案"));
    }

    @Test
    void readsEachStatusResultAndRefusesAnUnknownChannel() {
        for (String[] channel : new String[][] {{"L", "ACCEPTED"}, {"H", "INSPECTION"}, {"P", "RELEASED"}, {"R", "CLEARED"},
                {"1", "REJECTED"}}) {
            Receipt receipt = window.readReceipt(receipt("""
                    <DecResult xmlns="urn:medhub:customs:cn:dec:1"><CLIENT_SEQ_NO>CS20261204001</CLIENT_SEQ_NO>
                    <ENTRY_ID>223320261000054321</ENTRY_ID><CHANNEL>%s</CHANNEL><NOTE>通知</NOTE>
                    <NOTICE_DATE>2026-12-05T09:30:00+08:00</NOTICE_DATE></DecResult>""".formatted(channel[0])));
            assertThat(receipt.status()).as(channel[0]).isEqualTo(channel[1]);
            assertThat(receipt.entryId()).isEqualTo("223320261000054321");
        }
        assertThatThrownBy(() -> window.readReceipt(receipt("""
                <DecResult xmlns="urn:medhub:customs:cn:dec:1"><CLIENT_SEQ_NO>C1</CLIENT_SEQ_NO><CHANNEL>Z</CHANNEL>
                <NOTICE_DATE>2026-12-05T09:30:00+08:00</NOTICE_DATE></DecResult>"""))).hasMessageContaining("CHANNEL 'Z'");
        assertThatThrownBy(() -> window.readReceipt(receipt("""
                <DecResult xmlns="urn:medhub:customs:cn:dec:1"><CLIENT_SEQ_NO>C1</CLIENT_SEQ_NO><CHANNEL>P</CHANNEL>
                <NOTICE_DATE>2026-12-05T09:30:00</NOTICE_DATE></DecResult>"""))).hasMessageContaining("offset");
    }

    private static byte[] receipt(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static CustomsDeclaration declaration(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode bundle = (ObjectNode) CanonicalJson.mapper().readTree(Files.readString(SAMPLE, StandardCharsets.UTF_8));
        ObjectNode declaration = bundle.with("CustomsDeclaration");
        change.accept(declaration);
        return CanonicalJson.mapper().convertValue(declaration, CustomsDeclaration.class);
    }
}
