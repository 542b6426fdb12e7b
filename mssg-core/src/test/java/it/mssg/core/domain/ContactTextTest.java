package it.mssg.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            +39 333-12     | 3933312
            333 12         | 33312
            (06) 123       | 06123
            0044 20 7946   | 44207946
            00 39 333      | 39333
            06 123         | 06123
            00             | 00
            Mario          | mario
            ÉLODIE         | elodie
            Niccolò        | niccolo
            ZOË Ümlaut     | zoe umlaut
            Ａｎｎａ          | anna
            Rossi 3        | rossi 3
            '  '           | null
            """)
    void queryFragments(String query, String fragment) {
        assertThat(ContactText.queryFragment(query)).isEqualTo(fragment);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            +1 202         | true
            ' +39 333'     | true
            0044 20        | true
            00             | true
            1 202          | false
            202            | false
            +mario         | false
            Rossi +3       | false
            null           | false
            """)
    void numbersWrittenFromTheirStartAreAnchored(String query, boolean anchored) {
        assertThat(ContactText.anchored(query)).isEqualTo(anchored);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            émile          | emile
            ärger          | arger
            çağrı          | cagrı
            ｚｏë          | zoe
            mario          | mario
            ø              | ø
            null           | ''
            """)
    void sortKeysLoseTheirAccents(String sortName, String key) {
        assertThat(ContactText.sortKey(sortName)).isEqualTo(key);
    }

    @Test
    void searchTextHoldsNamesWithoutTheirAccents() {
        assertThat(ContactText.searchText("Niccolò Zoë", "Ümlaut", null, null)).isEqualTo("niccolo zoe umlaut");
        assertThat(ContactText.searchText("Anna 😀 \u200Fx", null, null, null)).isEqualTo("anna 😀 \u200Fx");
    }

    @Test
    void searchTextHoldsNamesAndBothNumberForms() {
        String s = ContactText.searchText("Jan de Vries", "Jantje", "+31612345678", null);
        assertThat(s).contains("jan de vries", "jantje", "31612345678", "0612345678");
    }

    @Test
    void sortNameFallsBackToPushNameThenNumber() {
        assertThat(ContactText.sortName(null, "Zoë", "+393331234567", null)).isEqualTo("zoë");
        assertThat(ContactText.sortName(" ", null, "+393331234567", null)).isEqualTo("+393331234567");
        assertThat(ContactText.sortName(null, null, null, "1@lid")).isEqualTo("1@lid");
    }

    @Test
    void namesFromOutsideKeepEmojiAndDirectionMarks() {
        String hostile = "\u200F<script>alert(1)</script> 👩‍👩‍👧";
        assertThat(ContactText.name("  " + hostile + "  ")).isEqualTo(hostile);
        assertThat(ContactText.name("x".repeat(300))).hasSize(200);
    }
}
