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

    @Test
    void controlCharactersAreRefusedByName() {
        for (String name : java.util.List.of("Foo \u0000", "line\nbreak", "tab\there", "esc\u001B[31m", "c1\u0085")) {
            assertThatThrownBy(() -> new ContactEdit(name, null, null, null, null)).as(name)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
        }
        for (String text : java.util.List.of("nul\u0000", "bell\u0007", "del\u007F")) {
            assertThatThrownBy(() -> ContactEdit.notes(text)).as(text)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
            assertThatThrownBy(() -> ContactEdit.fields(fields("city", text))).as(text)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
        }
    }

    @Test
    void tabsAndLineBreaksAreTextInNotesAndFieldsAndDirectionMarksInNames() {
        assertThat(ContactEdit.notes("line 1\r\nline 2\tend").notes()).isEqualTo("line 1\r\nline 2\tend");
        assertThat(ContactEdit.fields(fields("address", "Via Roma 1\nMilano")).fields()).containsEntry("address", "Via Roma 1\nMilano");
        assertThat(new ContactEdit("\u202Eolleh 👋 Zoë", null, null, null, null).displayName()).isEqualTo("\u202Eolleh 👋 Zoë");
    }
}
