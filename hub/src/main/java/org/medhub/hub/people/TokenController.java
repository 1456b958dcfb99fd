package org.medhub.hub.people;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A person's own tokens for scripts: made (with the password, not with another token), listed, revoked. */
@RestController
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** @param expiresAt when it stops working: at most a year ahead */
    record NewToken(String name, Instant expiresAt) {}

    record TokenList(List<ApiTokens.Token> tokens) {}

    /** The token is in this answer and nowhere else: the hub keeps its SHA-256 only. */
    @PostMapping("/api/tokens")
    ResponseEntity<ApiTokens.Token> create(@RequestBody NewToken body, Authentication person) {
        if (person.getDetails() instanceof ApiTokens.SignedInWithToken) {
            throw Problems.fail(Problems.problem(HttpStatus.FORBIDDEN, "password-required", "Password required",
                    "a token is made by a person signed in with their password, not by another token"));
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(person.getName(), body.name(), body.expiresAt()));
        } catch (IllegalArgumentException e) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-token", "Invalid token", e.getMessage()));
        }
    }

    @GetMapping("/api/tokens")
    TokenList list(Principal person) {
        return new TokenList(tokens.of(person.getName()));
    }

    @PostMapping("/api/tokens/{id}/revoke")
    TokenList revoke(@PathVariable long id, Principal person) {
        if (!tokens.revoke(person.getName(), id)) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-token", "Unknown token",
                    "you have no running token " + id));
        }
        return list(person);
    }
}
