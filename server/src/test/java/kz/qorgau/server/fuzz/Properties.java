package kz.qorgau.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The properties every public endpoint keeps under any input. */
final class Properties {

    private Properties() {}

    /**
     * Performs the request: no exception may escape the application, no answer may be a 5xx, and a
     * refusal is problem+json.
     */
    static MockHttpServletResponse answer(MockMvc mvc, RequestBuilder request) throws Exception {
        return answer(mvc, request, false);
    }

    /**
     * The same, for a request with a header value holding control characters: Tomcat refuses C0
     * controls before the application, and Spring Security's firewall refuses C1 controls (U+0080 to
     * U+009F, which HTTP carries as obs-text) with a bare 400 that is not problem+json. That is the one
     * refusal whose format is not checked here (reported to the security chain's owner).
     */
    static MockHttpServletResponse answer(MockMvc mvc, RequestBuilder request, boolean controlCharactersInHeader)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        assertThat(status)
                .as("status for a fuzzed request: %s", response.getContentAsString())
                .isLessThan(500);
        if (controlCharactersInHeader) {
            assertThat(status).as("a header with control characters is refused").isEqualTo(400);
            return response;
        }
        if (status >= 400) {
            assertThat(response.getContentType()).as("a refusal's content type").startsWith("application/problem+json");
        }
        return response;
    }

    /** Whether a header value holds characters other than tab that are control characters. */
    static boolean hasControlCharacters(String headerValue) {
        return headerValue.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
    }
}
