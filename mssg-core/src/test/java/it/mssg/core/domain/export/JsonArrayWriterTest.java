package it.mssg.core.domain.export;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonArrayWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain           | "plain"
            say "hi"        | "say \\"hi\\""
            back\\slash     | "back\\\\slash"
            """)
    void quotes(String in, String out) {
        assertThat(JsonArrayWriter.quote(in)).isEqualTo(out);
    }

    @Test
    void controlCharactersAndLineSeparatorsAreEscaped() {
        assertThat(JsonArrayWriter.quote("a\nb\r\t\u0001\u2028")).isEqualTo("\"a\\nb\\r\\t\\u0001\\u2028\"");
    }

    @Test
    void writesAnArrayThatParsesBack() {
        StringWriter out = new StringWriter();
        JsonArrayWriter w = new JsonArrayWriter(out);
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1L);
        first.put("name", "Anna \"😀\"\n</script>");
        first.put("ok", true);
        first.put("none", null);
        first.put("tags", List.of("a", "b"));
        first.put("fields", Map.of("city", "Roma"));
        w.write(first);
        w.write(Map.of("id", 2L));
        w.finish();
        String json = out.toString();
        assertThat((List<?>) JsonPath.read(json, "$")).hasSize(2);
        assertThat((String) JsonPath.read(json, "$[0].name")).isEqualTo("Anna \"😀\"\n</script>");
        assertThat((Boolean) JsonPath.read(json, "$[0].ok")).isTrue();
        assertThat((Object) JsonPath.read(json, "$[0].none")).isNull();
        assertThat((List<?>) JsonPath.read(json, "$[0].tags")).hasSize(2);
        assertThat((String) JsonPath.read(json, "$[0].fields.city")).isEqualTo("Roma");
    }

    @Test
    void anEmptyArrayIsValid() {
        StringWriter out = new StringWriter();
        new JsonArrayWriter(out).finish();
        assertThat((List<?>) JsonPath.read(out.toString(), "$")).isEmpty();
    }
}
