package org.medhub.hub.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code medhub.security.oidc}: off when absent, defaults where safe, and a literal secret or no openid scope stops
 * start-up.
 */
class OidcSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MedhubProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void isOffWhenAbsent() {
        context.run(started -> assertThat(started.getBean(MedhubProperties.class).security().oidc()).isNull());
    }

    @Test
    void asksForTheUsernameInPreferredUsernameWithOpenidAndProfileByDefault() {
        context.withPropertyValues("medhub.security.oidc.issuer-uri=https://login.example.com/realms/medhub",
                "medhub.security.oidc.client-id=medhub", "medhub.security.oidc.client-secret=env:MEDHUB_OIDC_SECRET")
                .run(started -> {
                    MedhubProperties.Oidc oidc = started.getBean(MedhubProperties.class).security().oidc();
                    assertThat(oidc.issuerUri()).isEqualTo(URI.create("https://login.example.com/realms/medhub"));
                    assertThat(oidc.usernameClaim()).isEqualTo("preferred_username");
                    assertThat(oidc.scopes()).containsExactly("openid", "profile");
                });
    }

    @Test
    void refusesAClientSecretWrittenInTheConfiguration() {
        context.withPropertyValues("medhub.security.oidc.issuer-uri=https://login.example.com",
                "medhub.security.oidc.client-id=medhub", "medhub.security.oidc.client-secret=s3cret")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("security.oidc.clientSecret")
                        .hasMessageContaining("must be a reference, env:NAME or file:PATH"));
    }

    @Test
    void refusesScopesWithoutOpenid() {
        context.withPropertyValues("medhub.security.oidc.issuer-uri=https://login.example.com",
                "medhub.security.oidc.client-id=medhub", "medhub.security.oidc.client-secret=file:secrets/oidc",
                "medhub.security.oidc.scopes=profile,email")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("medhub.security.oidc.scopes ([profile, email]) must include openid"));
    }
}
