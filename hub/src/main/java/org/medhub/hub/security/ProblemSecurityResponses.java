package org.medhub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Authentication and authorisation failures as problem responses, like every other refusal. */
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final String realm;
    private final Map<String, String> signIn;

    /** @param signIn how a person may sign in, by method: told in every 401, so that a page can offer each */
    ProblemSecurityResponses(ObjectMapper json, String realm, Map<String, String> signIn) {
        this.json = json;
        this.realm = realm;
        this.signIn = Map.copyOf(signIn);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String detail = failure.getMessage() == null || failure.getMessage().startsWith("Full authentication")
                ? "this endpoint needs HTTP Basic credentials" : failure.getMessage();
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            // the dashboard's own requests say who they are: a browser would answer the challenge with its own dialog
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        }
        ProblemDetail problem = Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", detail);
        if (!signIn.isEmpty()) {
            problem.setProperty("signIn", signIn);
        }
        write(response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String who = request.getUserPrincipal() == null ? "this credential" : "'" + request.getUserPrincipal().getName() + "'";
        write(response, Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                who + " may not " + request.getMethod() + " " + request.getRequestURI()));
    }

    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
