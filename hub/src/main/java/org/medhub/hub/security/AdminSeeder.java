package org.medhub.hub.security;

import java.nio.file.Path;
import org.medhub.hub.secrets.SecretFile;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * At first start there is one operator, {@code admin}. Its password comes from
 * {@code MEDHUB_ADMIN_PASSWORD}; without it one is generated and left for the operator in
 * {@code <data-dir>/secrets/admin.password}, readable by the owner only. The console says where, not what.
 */
@Component
class AdminSeeder implements ApplicationRunner {

    static final String ADMIN = "admin";

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;
    private final MedhubProperties properties;

    AdminSeeder(JdbcUserDetailsManager users, PasswordEncoder passwords, MedhubProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.userExists(ADMIN)) {
            return;
        }
        String password = properties.admin().password();
        if (password == null || password.isBlank()) {
            password = SecretFile.generate();
            Path file = properties.dataDir().resolve("secrets").resolve("admin.password").toAbsolutePath();
            SecretFile.write(file, password);
            // where it is, never what it is: standard output ends up in logs
            System.out.println("\n  First start: operator 'admin' has a generated password, in " + file
                    + "\n  (readable by this user only; set MEDHUB_ADMIN_PASSWORD to choose it yourself)\n");
        }
        try {
            users.createUser(User.withUsername(ADMIN).password(passwords.encode(password)).roles("ADMIN").build());
        } catch (DuplicateKeyException e) {
            // another hub instance, starting at the same moment, seeded it first
        }
    }

}
