package it.mssg.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            393331234567@c.us       | +393331234567 | true  | false | false
            123456789012345@lid     | null          | true  | false | false
            393331234567-1612345@g.us | null        | false | true  | false
            status@broadcast        | null          | false | false | true
            1234@newsletter         | null          | false | false | true
            abc@c.us                | null          | true  | false | false
            @c.us                   | null          | false | false | true
            """)
    void classifiesIds(String waId, String phone, boolean person, boolean group, boolean ignored) {
        assertThat(WaIds.phoneOf(waId)).isEqualTo(Optional.ofNullable(phone));
        assertThat(WaIds.isPerson(waId)).isEqualTo(person);
        assertThat(WaIds.isGroup(waId)).isEqualTo(group);
        assertThat(WaIds.isIgnored(waId)).isEqualTo(ignored);
    }

    @Test
    void phoneToId() {
        assertThat(WaIds.forPhone("+393331234567")).isEqualTo("393331234567@c.us");
        assertThatThrownBy(() -> WaIds.forPhone("3331234567")).isInstanceOf(IllegalArgumentException.class);
    }
}
