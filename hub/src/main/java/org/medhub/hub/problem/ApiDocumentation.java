package org.medhub.hub.problem;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document's title, and for every operation how it refuses: any 4xx or 5xx answer is
 * {@code application/problem+json}, with a {@code type} of {@code urn:medhub:problem:…}, a {@code detail} for people
 * and, where fields are at fault, {@code violations} naming each field and rule.
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        api.info(new io.swagger.v3.oas.models.info.Info().title("medhub").version("1")
                .description("Partners post records to /api/inbound with their own credential; operators follow, steer,"
                        + " replay and resolve with theirs (HTTP Basic). Every refusal is application/problem+json."));
        ModelConverters.getInstance().read(ProblemDetail.class).forEach(api.getComponents()::addSchemas);
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/ProblemDetail");
        Content content = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(problem));
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            operation.getResponses().addApiResponse("4XX", new ApiResponse()
                    .description("refused: the problem names what is wrong (field, rule, value)").content(content));
            operation.getResponses().addApiResponse("5XX", new ApiResponse()
                    .description("the hub failed or is unavailable: nothing was changed").content(content));
        }));
    }
}
