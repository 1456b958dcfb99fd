package org.medhub.hub.people;

import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage the operators: who they are, what roles they hold, whether they may sign in. */
@RestController
class UserController {

    private final People people;

    UserController(People people) {
        this.people = people;
    }

    record NewPerson(String username, String password, List<String> roles, String reason) {}

    record Roles(List<String> roles, String reason) {}

    record Password(String password, String reason) {}

    record Reason(String reason) {}

    /** @param partners the partners whose messages the person sees and steers; [] for every partner */
    record Partners(List<String> partners, String reason) {}

    /** @param until when the role is taken away again: at most 30 days ahead */
    record GrantRequest(String role, java.time.Instant until, String reason) {}

    record PersonList(List<People.Person> users) {}

    @GetMapping("/api/users")
    PersonList users() {
        return new PersonList(people.all());
    }

    @GetMapping("/api/users/{username}")
    People.Person user(@PathVariable String username) {
        return change(() -> people.person(username));
    }

    @PostMapping("/api/users")
    ResponseEntity<People.Person> create(@RequestBody NewPerson body, Principal admin) {
        requireReason(body.reason());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(change(() -> people.create(admin.getName(), body.username(), body.password(), body.roles(), body.reason())));
    }

    @PutMapping("/api/users/{username}/roles")
    People.Person roles(@PathVariable String username, @RequestBody Roles body, Principal admin) {
        requireReason(body.reason());
        return change(() -> people.setRoles(admin.getName(), username, body.roles(), body.reason()));
    }

    @PostMapping("/api/users/{username}/password")
    People.Person password(@PathVariable String username, @RequestBody Password body, Principal admin) {
        requireReason(body.reason());
        return change(() -> people.resetPassword(admin.getName(), username, body.password(), body.reason()));
    }

    /** Limits what the person sees and steers to these partners' messages. */
    @PutMapping("/api/users/{username}/partners")
    People.Person partners(@PathVariable String username, @RequestBody Partners body, Principal admin) {
        requireReason(body.reason());
        return change(() -> people.setPartners(admin.getName(), username, body.partners(), body.reason()));
    }

    /** Gives a role for a time; it is taken away by itself then, and both are in the audit trail. */
    @PostMapping("/api/users/{username}/grants")
    People.Person grant(@PathVariable String username, @RequestBody GrantRequest body, Principal admin) {
        requireReason(body.reason());
        return change(() -> people.grant(admin.getName(), username, body.role(), body.until(), body.reason()));
    }

    /** @param action disable, enable or unlock */
    @PostMapping("/api/users/{username}/{action}")
    People.Person act(@PathVariable String username, @PathVariable String action, @RequestBody Reason body,
            Principal admin) {
        requireReason(body.reason());
        return change(() -> switch (action) {
            case "disable" -> {
                if (username.equals(admin.getName())) {
                    throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "own-account", "Not your own account",
                            "an administrator cannot disable their own account; another administrator can"));
                }
                yield people.setEnabled(admin.getName(), username, false, body.reason());
            }
            case "enable" -> people.setEnabled(admin.getName(), username, true, body.reason());
            case "unlock" -> people.unlock(admin.getName(), username, body.reason());
            default -> throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-action", "Unknown action",
                    "'" + action + "' is not one of disable, enable, unlock"));
        });
    }

    private static void requireReason(String reason) {
        Problems.requireReason(reason, "it goes into the audit trail");
    }

    private static People.Person change(Supplier<People.Person> change) {
        try {
            return change.get();
        } catch (NoSuchElementException e) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-user", "Unknown user", e.getMessage()));
        } catch (People.Refused e) {
            throw Problems.fail(Problems.withViolations(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-user",
                    "Invalid user", e.getMessage()), e.violations));
        }
    }
}
