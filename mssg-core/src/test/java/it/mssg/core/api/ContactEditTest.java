package it.mssg.core.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactEditTest {

    static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void twoNamesOfOneFieldAreRefusedRatherThanOneSilentlyDropped() {
        assertThatThrownBy(() -> ContactEdit.fields(fields("Email", "a", "email", "b")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("“Email” and “email” are the same field (names ignore case and spacing): keep one");
        assertThatThrownBy(() -> ContactEdit.fields(fields("a  b", "1", "A b", "2")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("“a b” and “A b” are the same field");
    }

    @Test
    void distinctNamesAreKeptWithTheirSpacingTidied() {
        assertThat(ContactEdit.fields(fields("Email", "a", " Home   town ", "Roma")).fields())
                .containsExactly(Map.entry("Email", "a"), Map.entry("Home town", "Roma"));
    }
}
