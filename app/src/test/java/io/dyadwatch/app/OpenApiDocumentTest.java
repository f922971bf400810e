package io.dyadwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the API serves is itself valid OpenAPI 3.1, as swagger-parser reads it. */
class OpenApiDocumentTest {

    @Test
    void shouldBeAValidOpenApi31Document() throws Exception {
        String document = Files.readString(ExternalTools.repositoryRoot().resolve("app/src/main/resources/openapi.json"));
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // the schema files it refers to are checked by ApiContractIT

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/v1/events", "/v1/assessments/{dyad}", "/v1/alerts",
                "/openapi.json");
    }
}
