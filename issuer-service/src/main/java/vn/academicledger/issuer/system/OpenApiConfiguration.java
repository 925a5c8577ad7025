package vn.academicledger.issuer.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}; Swagger UI at {@code /swagger-ui.html}, served from the jar. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    @Bean
    OpenAPI issuerOpenApi(IssuerProperties properties) {
        String base = properties.publicBaseUrl().toString();
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Academic Ledger — issuer service").version("1")
                        .description("Trường nhập kết quả, cấp, thu hồi học bạ, văn bằng, chứng chỉ số. / Schools import results, "
                                + "issue and revoke digital report cards, diplomas and certificates. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        if (properties.auth().embeddedServer()) {
            // This service's own authorization server; with an external OpenID provider, its own
            // discovery document says where tokens come from.
            api.getComponents().addSecuritySchemes("oauth2", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                    .flows(new OAuthFlows()
                            .clientCredentials(new OAuthFlow().tokenUrl(base + "/oauth2/token").scopes(new Scopes()))
                            .authorizationCode(new OAuthFlow().authorizationUrl(base + "/oauth2/authorize")
                                    .tokenUrl(base + "/oauth2/token").scopes(new Scopes().addString("openid", "OpenID Connect")))));
            api.addSecurityItem(new SecurityRequirement().addList("oauth2"));
        }
        return api;
    }
}
