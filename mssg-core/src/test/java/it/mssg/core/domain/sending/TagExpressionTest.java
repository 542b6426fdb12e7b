package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagExpressionTest {

    private static Set<String> tags(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? Set.of()
                : Arrays.stream(spaceSeparated.split(" ")).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "any [{0}] all [{1}] exclude [{2}] on [{3}]: {4}")
    @CsvSource(delimiter = ';', value = {
            // any;        all;             exclude;     contact tags (| between);  matches
            "vip lead;     ;                ;            lead;                      true",
            "vip lead;     ;                ;            customer;                  false",
            "vip lead;     ;                ;            ;                          false",
            ";             italy customer;  ;            customer|italy|vip;        true",
            ";             italy customer;  ;            customer;                  false",
            ";             ;                competitor;  customer;                  true",
            ";             ;                competitor;  customer|competitor;       false",
            ";             ;                competitor;  ;                          true",
            "vip lead;     italy;           optout;      vip|italy;                 true",
            "vip lead;     italy;           optout;      vip|italy|optout;          false",
            "vip lead;     italy;           optout;      lead|france;               false",
            "VIP;          ;                ;            vip;                       true",     // case-insensitive
            "vip;          ;                ;            '  Vip ';                  true",     // trimmed
            ";             ;                ;            anything;                  true",     // no tags: everyone
            ";             ;                ;            ;                          true",
    })
    void matches(String any, String all, String exclude, String contactTags, boolean expected) {
        TagExpression expression = new TagExpression(tags(any), tags(all), tags(exclude));
        Set<String> contact = contactTags == null ? Set.of() : Set.of(contactTags.split("\\|"));

        assertThat(expression.matches(contact)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = ';', value = {
            // text;                                  any;            all;              exclude
            "vip lead;                                vip lead;       ;                 ",
            "vip, lead,customer;                      vip lead customer; ;              ",
            "+italy +customer;                        ;               italy customer;   ",
            "-competitor;                             ;               ;                 competitor",
            "vip +italy -optout;                      vip;            italy;            optout",
            "VIP  +Italy   -OptOut;                   vip;            italy;            optout",
            "'\"north italy\" +\"big client\" -\"do not contact\"'; north italy; big client; do not contact",
            "'';                                      ;               ;                 ",
    })
    void parsesTheTextForm(String text, String any, String all, String exclude) {
        TagExpression expression = TagExpression.parse(text);

        assertThat(expression.any()).containsExactlyInAnyOrderElementsOf(split(any));
        assertThat(expression.all()).containsExactlyInAnyOrderElementsOf(split(all));
        assertThat(expression.exclude()).containsExactlyInAnyOrderElementsOf(split(exclude));
        assertThat(TagExpression.parse(expression.toText())).isEqualTo(expression);
    }

    private static Set<String> split(String words) {
        if (words == null || words.isBlank()) {
            return Set.of();
        }
        if (words.contains("north") || words.contains("big") || words.contains("do not")) {
            return Set.of(words.strip());
        }
        return tags(words.strip());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = ';', value = {
            "vip +;                   empty tag at position 4",
            "vip -  lead;             empty tag at position 4",
            "+\"\";                   empty tag at position 0",
            "\"north italy;           unclosed quote at position 0",
            "vip -vip;                tag \"vip\" is both included and excluded",
            "+italy -ITALY;           tag \"italy\" is both included and excluded",
    })
    void badTextIsRefusedWithPosition(String text, String message) {
        assertThatThrownBy(() -> TagExpression.parse(text))
                .isInstanceOf(TagExpression.TagExpressionException.class)
                .hasMessage(message);
    }

    @Test
    void tooLongTagsAndNullAreRefused() {
        assertThatThrownBy(() -> TagExpression.parse("x".repeat(65))).hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> TagExpression.parse(null)).hasMessageContaining("missing");
    }

    @Test
    void aTagWithADoubleQuoteIsWrittenWithItTwiceAndReadBack() {
        // tag names may hold a quote (a WhatsApp label, a CSV import): a campaign must still be able to name them
        TagExpression pizza = TagExpression.parse("+\"12\"\" pizza\" \"say \"\"hi\"\"\"");
        assertThat(pizza.all()).containsExactly("12\" pizza");
        assertThat(pizza.any()).containsExactly("say \"hi\"");
        assertThat(pizza.matches(Set.of("12\" Pizza", "say \"hi\""))).isTrue();

        TagExpression built = new TagExpression(Set.of("a\"b"), Set.of(), Set.of());
        assertThat(built.toText()).isEqualTo("\"a\"\"b\"");
        assertThat(TagExpression.parse(built.toText())).isEqualTo(built);
        assertThatThrownBy(() -> TagExpression.parse("\"12\"\" pizza")).hasMessage("unclosed quote at position 0");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = ';', value = {
            // what other query languages would write, taken here as tag names until now: refused, with what to write
            "vip and lead;            '\"and\" is not an operator here: write +tag for a tag they must also have (vip +lead); a tag with this name is written in quotes: \"and\" at position 4'",
            "vip AND lead;            '\"AND\" is not an operator here: write +tag for a tag they must also have (vip +lead); a tag with this name is written in quotes: \"AND\" at position 4'",
            "vip && lead;             '\"&&\" is not an operator here: write +tag for a tag they must also have (vip +lead); a tag with this name is written in quotes: \"&&\" at position 4'",
            "vip or lead;             '\"or\" is not an operator here: tags side by side already mean any of them (vip lead); a tag with this name is written in quotes: \"or\" at position 4'",
            "vip || lead;             '\"||\" is not an operator here: tags side by side already mean any of them (vip lead); a tag with this name is written in quotes: \"||\" at position 4'",
            "vip not competitor;      '\"not\" is not an operator here: write -tag to leave people with a tag out (vip -competitor); a tag with this name is written in quotes: \"not\" at position 4'",
            "vip !competitor;         '\"!competitor\" is not an operator here: write -tag to leave people with a tag out (vip -competitor); a tag with this name is written in quotes: \"!competitor\" at position 4'",
            "(vip lead) -x;           'parentheses do not group tags here: bare tags mean any of them, +tag must also have, -tag leave out; a tag with this name is written in quotes: \"(vip\" at position 0'",
            "vip +(lead);             'parentheses do not group tags here: bare tags mean any of them, +tag must also have, -tag leave out; a tag with this name is written in quotes: \"(lead)\" at position 5'",
    })
    void operatorsOfOtherQueryLanguagesAreRefusedSayingWhatToWrite(String text, String message) {
        assertThatThrownBy(() -> TagExpression.parse(text))
                .isInstanceOf(TagExpression.TagExpressionException.class)
                .hasMessage(message);
    }

    @Test
    void tagsNamedLikeOperatorsAreQuotedAndStoredOnesKeepTheirMeaning() {
        TagExpression quoted = TagExpression.parse("\"and\" +\"(2024)\" -\"!vip\" \"Or\"");
        assertThat(quoted.any()).containsExactlyInAnyOrder("and", "or");
        assertThat(quoted.all()).containsExactly("(2024)");
        assertThat(quoted.exclude()).containsExactly("!vip");
        assertThat(quoted.toText()).isEqualTo("\"and\" \"or\" +\"(2024)\" -\"!vip\"");
        assertThat(TagExpression.parse(quoted.toText())).isEqualTo(quoted);
        // a campaign saved before these words were refused is read as it was planned then: every word a tag
        assertThat(TagExpression.readStored("vip and lead").any()).containsExactlyInAnyOrder("vip", "and", "lead");
    }

    @Test
    void anExpressionWithoutTagsSelectsEveryoneAndSaysSo() {
        assertThat(TagExpression.everyone().selectsEveryone()).isTrue();
        assertThat(TagExpression.parse("-competitor").selectsEveryone()).isFalse();
        assertThat(TagExpression.parse("  ,, ").selectsEveryone()).isTrue();
    }

    @Test
    void textFormQuotesWhatNeedsQuoting() {
        TagExpression expression = new TagExpression(Set.of("north italy"), Set.of("a,b"), Set.of("-x"));

        assertThat(expression.toText()).isEqualTo("\"north italy\" +\"a,b\" -\"-x\"");
        assertThat(TagExpression.parse(expression.toText())).isEqualTo(expression);
    }
}
