package kz.qorgau.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fuzzes {@code POST /api/v1/reports} with arbitrary bodies: each is filed (201, one more report) or
 * refused with problem+json and nothing stored; never a 5xx, never an exception out of the application.
 * Seeds: {@code ReportEndpointFuzzTestInputs/}.
 */
@FuzzedServer
class ReportEndpointFuzzTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @FuzzTest(maxDuration = "10m")
    void aReportBodyIsFiledOrRefusedWithNothingStored(byte[] body) throws Exception {
        long reports = count("report");
        long categories = count("report_category");

        MockHttpServletResponse response = Properties.answer(
                mvc,
                post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).content(body));

        if (response.getStatus() == 201) {
            assertThat(count("report")).isEqualTo(reports + 1);
            assertThat(response.getContentAsString()).contains("\"receipt\"");
        } else {
            assertThat(response.getStatus()).isBetween(400, 499);
            assertThat(count("report")).as("reports after a refusal").isEqualTo(reports);
            assertThat(count("report_category"))
                    .as("categories after a refusal")
                    .isEqualTo(categories);
        }
    }
}
