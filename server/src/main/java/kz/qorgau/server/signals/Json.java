package kz.qorgau.server.signals;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON for sealed documents and timeline evidence. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {};

    private Json() {}

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, Object> map(String json) {
        return MAPPER.readValue(json, MAP);
    }

    static Map<String, Object> map(JsonNode node) {
        return MAPPER.convertValue(node, MAP);
    }

    static List<Object> list(String json) {
        return MAPPER.readValue(json, LIST);
    }

    /** A field's text, or {@code null} when the field is missing or null. */
    static @org.jspecify.annotations.Nullable String textOrNull(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }
}
