package it.mssg.core.domain.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContactCsvWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
            =1+2          | '=1+2
            +39333        | '+39333
            +393331234567 | +393331234567
            +39 333 1234567 | '+39 333 1234567
            +1234567890123456 | '+1234567890123456
            +39333+1      | '+39333+1
            '+393331234567 | ''+393331234567
            -2            | '-2
            @SUM(A1)      | '@SUM(A1)
            Mario         | Mario
            a=b           | a=b
            null          | ""
            '=keep        | ''=keep
            ''+1          | '''+1
            '@x           | ''@x
            '-            | ''-
            'plain        | 'plain
            '             | '
            ''            | ''
            it's          | it's
            """)
    void formulaCellsGetAnApostrophe(String value, String expected) {
        assertThat(CsvCells.safe(value)).isEqualTo(expected == null ? "" : expected);
        if (value != null) assertThat(CsvCells.unsafe(CsvCells.safe(value))).isEqualTo(value);
    }

    @Test
    void writesUtf8WithBomCrlfAndCustomFieldColumns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ContactCsvWriter w = new ContactCsvWriter(out, List.of("city"))) {
            w.write("+393331234567", "Zoë \"Z\", 😀", "zz", null, true, false, "MANUAL", List.of("a", "b"),
                    "line1\nline2", Map.of("City", "Roma"));
        }
        byte[] b = out.toByteArray();
        assertThat(b[0] & 0xff).isEqualTo(0xEF);
        assertThat(b[1] & 0xff).isEqualTo(0xBB);
        assertThat(b[2] & 0xff).isEqualTo(0xBF);
        String s = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertThat(s).startsWith("phone,name,push name,whatsapp id,business,opted out,source,tags,notes,city\r\n");
        assertThat(s).contains("\n+393331234567,\"Zoë \"\"Z\"\", 😀\",zz,,yes,no,MANUAL,a; b,\"line1\nline2\",Roma\r\n");
    }
}
