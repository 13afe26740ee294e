package kz.qorgau.server.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} says about the API as a whole: its name and licence, and that staff and
 * integrations authenticate with a Bearer token (from {@code qorgau token create} or the demo
 * credentials); the reporter's endpoints take the receipt in {@code X-Receipt} instead and the
 * public report endpoint takes nothing.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Qorgau API",
                        description = "Child-safeguarding casework: reports, cases and referrals on a legal clock, the"
                                + " reporter channel, signals, oversight and the tamper-evident ledger. Errors are RFC 9457"
                                + " problem+json.",
                        version = "v1",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token (qg_…), scoped: cases:read, cases:write, signals:write, oversight:read,"
                + " ledger:read, admin, reports:write")
class OpenApiDocument {}
