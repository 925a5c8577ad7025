package vn.academicledger.verifier.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs, Swagger UI at /swagger-ui.html: both served from the jar. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    @Bean
    OpenAPI verifierApi(VerifierProperties properties) {
        return new OpenAPI()
                .info(new Info().title("Academic Ledger verifier")
                        .version("v1")
                        .description("Public verification of report cards, diplomas and certificates issued by Ho Chi Minh "
                                + "City's schools: credential JSON, PDF uploads, QR links and the W3C VC-API verifier "
                                + "endpoints. Every result lists each check (proof, issuer accredited, anchored, not "
                                + "revoked, not expired, …) with its reason. Errors are RFC 9457 problem details. Public "
                                + "endpoints are rate-limited per client address (429 with Retry-After).")
                        .license(new License().name("Ho Chi Minh City Department of Education and Training")))
                .servers(List.of(new Server().url(properties.publicBaseUrl().toString())));
    }
}
