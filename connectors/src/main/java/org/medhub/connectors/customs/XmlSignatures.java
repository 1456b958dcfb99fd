package org.medhub.connectors.customs;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A declaration signed by the declarant (XML-DSig with the JDK's own API): an enveloped RSA-SHA256 signature over the
 * whole document, exclusive canonicalisation, the public key in the signature. A changed byte of what was signed
 * (a DeclTotal, a name) fails verification.
 */
public final class XmlSignatures {

    private static final XMLSignatureFactory SIGNATURES = XMLSignatureFactory.getInstance("DOM");

    private XmlSignatures() {}

    /** The document with its signature as the last child of its root element. */
    public static byte[] sign(byte[] xml, KeyPair key) {
        Document document = SecureXml.parse(xml);
        try {
            Reference whole = SIGNATURES.newReference("", SIGNATURES.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(SIGNATURES.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            SIGNATURES.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo info = SIGNATURES.newSignedInfo(
                    SIGNATURES.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    SIGNATURES.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(whole));
            KeyInfoFactory keys = SIGNATURES.getKeyInfoFactory();
            KeyInfo keyInfo = keys.newKeyInfo(List.of(keys.newKeyValue(key.getPublic())));
            SIGNATURES.newXMLSignature(info, keyInfo).sign(new DOMSignContext(key.getPrivate(), document.getDocumentElement()));
            return bytes(document);
        } catch (java.security.GeneralSecurityException | javax.xml.crypto.MarshalException
                 | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the declaration: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the document carries a signature that the {@code trusted} key made over exactly what it holds.
     *
     * @return empty when it does, else why not
     */
    public static java.util.Optional<String> verify(byte[] xml, PublicKey trusted) {
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
        NodeList found = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (found.getLength() != 1) {
            return java.util.Optional.of("the document carries " + found.getLength() + " signatures; one is expected");
        }
        try {
            DOMValidateContext context = new DOMValidateContext(trusted, found.item(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = SIGNATURES.unmarshalXMLSignature(context);
            if (!signature.validate(context)) {
                boolean digest = signature.getSignedInfo().getReferences().stream().allMatch(r -> {
                    try {
                        return ((Reference) r).validate(context);
                    } catch (javax.xml.crypto.dsig.XMLSignatureException e) {
                        return false;
                    }
                });
                return java.util.Optional.of(digest ? "the signature was not made by the trusted key"
                        : "the document was changed after it was signed (its digest does not match)");
            }
            return java.util.Optional.empty();
        } catch (javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            return java.util.Optional.of("the signature cannot be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot write the signed declaration", e);
        }
    }
}
