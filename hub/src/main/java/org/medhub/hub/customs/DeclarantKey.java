package org.medhub.hub.customs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.medhub.hub.secrets.SecretFile;

/**
 * The declarant's signing key: an RSA private key in a PKCS#8 PEM file, readable by the hub's user alone. Its public
 * half is what the authority is given to verify declarations with; it is written beside it ({@code .pub.pem}) when the
 * hub generates a key for a trial, and can always be derived from the private key.
 */
final class DeclarantKey {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private DeclarantKey() {}

    /** @throws IllegalArgumentException saying why the file holds no usable key */
    static KeyPair read(Path file, boolean generateMissing) {
        if (!Files.exists(file) && generateMissing) {
            return generate(file);
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalArgumentException(file + " holds no PKCS#8 private key (" + BEGIN + " … " + END + ")");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalArgumentException(file + " holds an RSA key without its CRT parameters");
            }
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the signing key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds no RSA private key: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate(Path file) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            KeyPair pair = generator.generateKeyPair();
            SecretFile.write(file, pem(BEGIN, END, pair.getPrivate().getEncoded()));
            Files.writeString(file.resolveSibling(file.getFileName().toString().replaceFirst("\\.pem$", "") + ".pub.pem"),
                    pem("-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            return pair;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate a signing key in " + file, e);
        }
    }

    private static String pem(String begin, String end, byte[] der) {
        return begin + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n" + end + "\n";
    }
}
