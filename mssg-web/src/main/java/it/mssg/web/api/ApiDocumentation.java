package it.mssg.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document at /api/openapi.json says about the API as a whole: its name, its way in, its rules. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI mssgApi() {
        String version = ApiDocumentation.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("mssg REST API").version(version == null ? "development build" : version)
                        .description("The API of the mssg app on this computer. Every request carries the access token:"
                                + " Authorization: Bearer <the contents of <data-dir>/access-token>. Until the terms of"
                                + " the first-run page are accepted, only /api/terms answers (POST it to accept them)."
                                + " Errors are RFC 9457 problem details. Sending goes through the outbox and its send"
                                + " rules: a message is queued, then leaves when they allow."))
                .components(new Components().addSecuritySchemes("accessToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("the contents of <data-dir>/access-token")))
                .addSecurityItem(new SecurityRequirement().addList("accessToken"));
    }
}
