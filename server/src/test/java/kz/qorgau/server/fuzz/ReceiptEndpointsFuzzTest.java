package kz.qorgau.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes what a reporter sends with a receipt: the {@code X-Receipt} header, the messages body and
 * uploads. Whatever arrives is answered (never a 5xx, refusals as problem+json), and a refused request
 * stores nothing.
 *
 * <p>Inputs are bytes laid out so that seeds can be written by hand ({@code
 * ReceiptEndpointsFuzzTestInputs/}): the first byte's lowest bit chooses a real receipt (1) or the text
 * up to the first line break (0); the rest is the body (a message, or a file name, a line break and the
 * file).
 */
@FuzzedServer
class ReceiptEndpointsFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A receipt that opens a real report, filed once per test JVM (the context is shared). */
    private static volatile String validReceipt;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String validReceipt() throws Exception {
        if (validReceipt == null) {
            MockHttpServletResponse filed = mvc.perform(post("/api/v1/reports")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"categories\":[\"bullying\"],\"narrative\":\"fuzzing the reporter channel\"}"))
                    .andReturn()
                    .getResponse();
            assertThat(filed.getStatus()).isEqualTo(201);
            validReceipt =
                    JSON.readTree(filed.getContentAsString()).get("receipt").asString();
        }
        return validReceipt;
    }

    /** The receipt an input chooses, and the rest of the input. */
    private record Split(String receipt, byte[] rest) {}

    private Split split(byte[] input) throws Exception {
        if (input.length == 0) {
            return new Split("", input);
        }
        byte[] tail = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 1) {
            return new Split(validReceipt(), tail);
        }
        int newline = indexOf(tail, (byte) '\n');
        String typed = new String(tail, 0, newline < 0 ? tail.length : newline, StandardCharsets.ISO_8859_1);
        return new Split(typed, newline < 0 ? new byte[0] : Arrays.copyOfRange(tail, newline + 1, tail.length));
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @FuzzTest(maxDuration = "5m")
    void aReceiptOpensItsOwnCaseOrNothing(byte[] input) throws Exception {
        String receipt = new String(input, StandardCharsets.ISO_8859_1);

        MockHttpServletResponse response = Properties.answer(
                mvc,
                get("/api/v1/reporter/case").header("X-Receipt", receipt),
                Properties.hasControlCharacters(receipt));

        assertThat(response.getStatus()).isIn(200, 400, 404, 429);
        if (response.getStatus() == 200) {
            assertThat(receipt.replaceAll("[^0-9A-Za-z]", "").length())
                    .as("a receipt that opened a case")
                    .isEqualTo(24);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void aMessageIsStoredOrRefusedWithNothingStored(byte[] input) throws Exception {
        Split split = split(input);
        long messages = count("case_message");
        long reports = count("report");

        MockHttpServletResponse response = Properties.answer(
                mvc,
                post("/api/v1/reporter/messages")
                        .header("X-Receipt", split.receipt())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(split.rest()),
                Properties.hasControlCharacters(split.receipt()));

        assertThat(count("report")).isEqualTo(reports);
        if (response.getStatus() == 201) {
            assertThat(count("case_message")).isEqualTo(messages + 1);
        } else {
            assertThat(count("case_message")).as("messages after a refusal").isEqualTo(messages);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void anUploadIsAttachedOrRefusedWithNothingStored(byte[] input) throws Exception {
        Split split = split(input);
        byte[] rest = split.rest();
        int newline = indexOf(rest, (byte) '\n');
        String fileName = new String(rest, 0, Math.max(newline, 0), StandardCharsets.UTF_8);
        byte[] content = newline < 0 ? rest : Arrays.copyOfRange(rest, newline + 1, rest.length);
        long attachments = count("attachment");
        long contents = count("attachment_content");

        MockHttpServletResponse response = Properties.answer(
                mvc,
                multipart("/api/v1/reporter/attachments")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .header("X-Receipt", split.receipt()),
                Properties.hasControlCharacters(split.receipt()));

        if (response.getStatus() == 201) {
            assertThat(count("attachment")).isEqualTo(attachments + 1);
        } else {
            assertThat(count("attachment")).as("attachments after a refusal").isEqualTo(attachments);
            assertThat(count("attachment_content"))
                    .as("contents after a refusal")
                    .isEqualTo(contents);
        }
    }
}
