package org.medhub.hub.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.security.Principal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.medhub.connectors.transport.Destination;
import org.medhub.connectors.http.HttpDestination;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.Subscription;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partners as the hub runs them: what each sends and receives, the health of its routes and of its subscribers'
 * circuit breakers, its last message; one partner's file in force and every earlier version; a route suspended and
 * resumed by a person.
 */
@RestController
class PartnerController {

    /** @param mapping the id and version of the mapping that reads it */
    record MessageTypeView(String name, String format, String mapping) {}

    /**
     * @param destination where records go, without credentials
     * @param breaker the subscriber's circuit breaker: CLOSED, OPEN, HALF_OPEN, or UNUSED before its first delivery
     */
    record SubscriptionView(String entity, String transport, String destination, int batch, String resilience, String breaker) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartnerView(String id, String name, String kind, List<MessageTypeView> messageTypes,
            List<SubscriptionView> subscriptions, Map<String, String> routes, Instant lastMessageAt) {}

    record PartnerList(List<PartnerView> partners) {}

    /** One version of the partner's file in force: the audit trail's row. */
    record Version(int version, long sequence, Instant recordedAt, String actor, String sha256, String text) {}

    /** @param file the partner's file as it is now; null for a partner the hub makes itself */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartnerDetail(PartnerView partner, String file, List<Version> versions) {}

    record RouteChange(String reason) {}

    record RouteState(String partner, String route, String status) {}

    private final LivePartners partners;
    private final PartnerRoutes routes;
    private final PartnerVersions versions;
    private final CircuitBreakerRegistry breakers;
    private final PartnerScopes scopes;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;

    PartnerController(LivePartners partners, PartnerRoutes routes, PartnerVersions versions, CircuitBreakerRegistry breakers,
            PartnerScopes scopes, AuditTrail audit, JdbcTemplate jdbc) {
        this.partners = partners;
        this.routes = routes;
        this.versions = versions;
        this.breakers = breakers;
        this.scopes = scopes;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/partners")
    PartnerList partners(Principal person) {
        return new PartnerList(partners.partners().stream().filter(p -> scopes.allows(person.getName(), p.id()))
                .sorted(java.util.Comparator.comparing(Partner::id)).map(this::view).toList());
    }

    @GetMapping("/api/partners/{id}")
    PartnerDetail partner(@PathVariable String id, Principal person) {
        Partner partner = visible(id, person);
        List<Version> history = versions.versions(id).stream().map(PartnerController::version).toList();
        return new PartnerDetail(view(partner), versions.text(id).orElse(null), history);
    }

    /** @param action suspend or resume */
    @PostMapping("/api/partners/{id}/routes/{routeId}/{action}")
    RouteState route(@PathVariable String id, @PathVariable String routeId, @PathVariable String action,
            @RequestBody(required = false) RouteChange body, Principal person) {
        if (!action.equals("suspend") && !action.equals("resume")) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-action", "Unknown action",
                    "'" + action + "' is not suspend or resume"));
        }
        Problems.requireReason(body == null ? null : body.reason(), "it goes into the audit trail");
        visible(id, person);
        if (!routes.suspend(partners.current(), id, routeId, action.equals("suspend"))) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-route", "Unknown route",
                    id + " has no route '" + routeId + "'; its routes are " + routes.statuses(partners.current(), id).keySet()));
        }
        audit.record(person.getName(), "partner.route." + action, "partner/" + id, Map.of("route", routeId,
                "reason", body.reason()));
        return new RouteState(id, routeId, routes.statuses(partners.current(), id).get(routeId));
    }

    /** A partner outside the person's scope is as unknown to them as one that does not exist. */
    private Partner visible(String id, Principal person) {
        return partners.partner(id).filter(p -> scopes.allows(person.getName(), id)).orElseThrow(() -> Problems.fail(
                Problems.problem(HttpStatus.NOT_FOUND, "unknown-partner", "Unknown partner", "no partner '" + id + "'")));
    }

    private PartnerView view(Partner partner) {
        List<MessageTypeView> types = partner.messageTypes().values().stream()
                .map(t -> new MessageTypeView(t.name(), t.format(), t.mapping().id() + " v" + t.mapping().version())).toList();
        List<SubscriptionView> subscriptions = partner.subscriptions().stream().map(this::subscription).toList();
        List<Timestamp> last = jdbc.queryForList("select max(received_at) from message where partner = ?", Timestamp.class,
                partner.id());
        return new PartnerView(partner.id(), partner.name(), partner.kind().name(), types, subscriptions,
                routes.statuses(partners.current(), partner.id()),
                last.isEmpty() || last.get(0) == null ? null : last.get(0).toInstant());
    }

    private SubscriptionView subscription(Subscription s) {
        String breaker = breakers.find(s.resilience()).map(b -> b.getState().name()).orElse("UNUSED");
        return new SubscriptionView(s.entity(), s.destination().transport(), where(s.destination()), s.batch(),
                s.resilience(), breaker);
    }

    /** Where a destination is, with nothing a URL might carry besides: no user, no password, no query. */
    private static String where(Destination destination) {
        if (destination instanceof HttpDestination http) {
            URI url = http.url();
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + (url.getPath() == null ? "" : url.getPath());
        }
        return destination.transport();
    }

    private static Version version(ObjectNode event) {
        return new Version(event.at("/detail/version").asInt(), event.get("sequence").asLong(),
                Instant.parse(event.get("recordedAt").asText()), event.get("actor").asText(),
                event.at("/detail/sha256").asText(), event.at("/detail/text").asText());
    }
}
