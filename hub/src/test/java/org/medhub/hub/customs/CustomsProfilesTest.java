package org.medhub.hub.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.connectors.http.HttpDestination;
import org.medhub.hub.partner.ConfigProblem;
import org.medhub.hub.partner.PartnerConfigException;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.PartnerKind;

class CustomsProfilesTest {

    private static final URI SIMULATED = URI.create("http://127.0.0.1:1/api/declarations");

    @TempDir
    Path data;

    private final PartnerDirectory partners = directory(Map.of(
            "customs-cn", new Partner("customs-cn", "Single window", PartnerKind.CUSTOMS, null, Map.of(), java.util.List.of()),
            "erp", new Partner("erp", "ERP", PartnerKind.ERP, null, Map.of(), java.util.List.of())));

    @Test
    void theSampleProfileIsReadWithAKeyMadeForATrial() {
        CustomsProfiles profiles = CustomsProfiles.read(Path.of("../config/customs"), data, text -> text.replaceAll(
                "\\$\\{MEDHUB_CUSTOMS_URL:([^}]*)}", "$1"), partners, true, draft -> SIMULATED);

        CustomsProfile profile = profiles.profile("cn-export").orElseThrow();
        assertThat(profile.dialect().name()).isEqualTo("china-single-window");
        assertThat(profile.submitTo()).isEqualTo(new HttpDestination(SIMULATED));
        assertThat(profile.assembleOn()).isEqualTo("PACKED");
        assertThat(profile.header().at("/domesticTrader/name").asText()).isEqualTo("杭州示例医疗器械有限公司");
        assertThat(profiles.ofPartner("customs-cn")).contains(profile);
        assertThat(data.resolve("secrets/customs-cn-signing.pem")).exists();
        assertThat(data.resolve("secrets/customs-cn-signing.pub.pem")).exists();
        assertThat(profile.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void everyProblemOfAProfileIsNamedAtOnce() throws IOException {
        Path folder = Files.createDirectories(data.resolve("customs"));
        Files.writeString(folder.resolve("bad.yml"), """
                id: bad
                dialect: esperanto
                partner: erp
                submission: { url: "http://example.invalid/", folder: out }
                signingKey: "-----BEGIN PRIVATE KEY-----"
                assembleOn: LOADED
                declaration: { ieFlag: EXPORT, customsOfice: "3100" }
                preflight: { rules: [hs-code, astrology] }
                colour: blue
                """);

        PartnerConfigException refused = catchThrowableOfType(PartnerConfigException.class,
                () -> CustomsProfiles.read(folder, data, text -> text, partners, false, draft -> SIMULATED));

        assertThat(refused.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("colour", "dialect",
                "partner", "assembleOn", "signingKey", "declaration.customsOfice", "preflight.rules", "submission");
        assertThat(refused.getMessage()).contains("bad.yml", "known-dialect", "customs-partner", "one-transport");
    }

    private static PartnerDirectory directory(Map<String, Partner> partners) {
        return new PartnerDirectory() {
            @Override
            public Optional<Partner> partner(String id) {
                return Optional.ofNullable(partners.get(id));
            }

            @Override
            public java.util.Collection<Partner> partners() {
                return partners.values();
            }
        };
    }
}
