package it.mssg.core.domain.sending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplateTest {

    private static final TemplateValues MARIO = new TemplateValues("Mario", "Mario Rossi", "+39 333 1234567",
            Map.of("city", "Torino", "Plan", "gold", "empty", "  "));
    private static final TemplateValues NOBODY = new TemplateValues(null, "", null, Map.of());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "Hi {{first_name}}!;                     Hi Mario!",
            "Hi {{ first_name }}!;                   Hi Mario!",
            "{{name}} ({{phone}});                   Mario Rossi (+39 333 1234567)",
            "See you in {{field.city}};              See you in Torino",
            "Your plan: {{field.plan}};              Your plan: gold",          // field keys ignore case
            "Hi {{first_name|there}};                Hi Mario",
            "Price \\{not spintax\\} a\\|b \\\\;     Price {not spintax} a|b \\",
            "a | b outside spintax;                  a | b outside spintax",
            "{Hi|Hi};                                Hi",
            "'  spaced   out  ';                     spaced out",
    })
    void rendersVariablesFallbacksAndEscapes(String source, String expected) {
        assertThat(MessageTemplate.parse(source).render(MARIO, "alice")).isEqualTo(RenderResult.rendered(expected));
    }

    @ParameterizedTest(name = "{0} for a contact without values -> {1}")
    @CsvSource(delimiter = ';', value = {
            "Hi {{first_name|there}}!;               Hi there!",
            "Hi {{first_name|}}!;                    Hi !",
            "Hi {{first_name| my friend }};          Hi my friend",
            "{{field.empty|n/a}};                    n/a",                 // blank counts as missing
    })
    void fallbacksFillMissingValues(String source, String expected) {
        assertThat(MessageTemplate.parse(source).render(NOBODY, "bob").text()).isEqualTo(expected);
        if (source.contains("field.empty")) {
            assertThat(MessageTemplate.parse(source).render(MARIO, "bob").text()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}: fails on {1}")
    @CsvSource(delimiter = ';', value = {
            "Hi {{first_name}};                      first_name",
            "Hi {{first_name|there}}, from {{field.city}};  field.city",
            "{{phone}};                              phone",
            "{Hello {{name}}|Hello {{name}}};        name",
    })
    void aMissingValueWithoutFallbackFailsThatRecipient(String source, String variable) {
        RenderResult result = MessageTemplate.parse(source).render(NOBODY, "bob");

        assertThat(result.ok()).isFalse();
        assertThat(result.failure()).isEqualTo(RenderResult.Failure.MISSING_VALUE);
        assertThat(result.variable()).isEqualTo(variable);
        assertThat(result.message()).isEqualTo("no value for {{" + variable + "}} and no fallback");
    }

    @Test
    void aMissingValueInAnOptionNotChosenDoesNotFail() {
        MessageTemplate template = MessageTemplate.parse("{Hello {{first_name}}|Hello there}");
        Set<String> texts = new HashSet<>();
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            RenderResult result = template.render(NOBODY, "contact-" + i);
            if (result.ok()) {
                texts.add(result.text());
            } else {
                failures++;
            }
        }
        assertThat(texts).containsExactly("Hello there");
        assertThat(failures).isBetween(60, 140);
    }

    @Test
    void spintaxIsStablePerRecipientAndVariesAcrossRecipients() {
        MessageTemplate template = MessageTemplate.parse("{Hi|Hello|Hey} {{first_name}}, {good to see you|{nice|great} news}!");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String key = "contact-" + i;
            String first = template.render(MARIO, key).text();
            assertThat(template.render(MARIO, key).text()).isEqualTo(first);
            seen.add(first);
        }
        assertThat(seen).containsExactlyInAnyOrder(
                "Hi Mario, good to see you!", "Hello Mario, good to see you!", "Hey Mario, good to see you!",
                "Hi Mario, nice news!", "Hello Mario, nice news!", "Hey Mario, nice news!",
                "Hi Mario, great news!", "Hello Mario, great news!", "Hey Mario, great news!");
    }

    @Test
    void theSameSeedGivesTheSameChoicesAndDifferentTemplatesChooseIndependently() {
        MessageTemplate a = MessageTemplate.parse("{1|2|3|4|5|6|7|8}");
        MessageTemplate b = MessageTemplate.parse("{1|2|3|4|5|6|7|8} ");
        assertThat(a.render(MARIO, 42L)).isEqualTo(a.render(MARIO, 42L));
        assertThat(a.seedFor("alice")).isNotEqualTo(b.seedFor("alice"));
    }

    @Test
    void emptySpintaxOptionsLeaveNoDoubleSpaces() {
        MessageTemplate template = MessageTemplate.parse("{|really} good {|news}");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(template.render(MARIO, "c" + i).text());
        }
        assertThat(seen).containsExactlyInAnyOrder("good", "really good", "good news", "really good news");
    }

    @Test
    void valuesThatLookLikeTemplateSyntaxStayText() {
        TemplateValues sneaky = new TemplateValues("{{phone}}", "{A|B}", "1", Map.of());
        assertThat(MessageTemplate.parse("{{first_name}} {{name}}").render(sneaky, "x").text()).isEqualTo("{{phone}} {A|B}");
    }

    @Test
    void variablesListsEveryVariableUsed() {
        assertThat(MessageTemplate.parse("{{first_name|there}} {x {{field.city}}|y} {{phone}}").variables())
                .containsExactlyInAnyOrder("first_name", "field.city", "phone");
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = ';', value = {
            // template;                      index; line:column; message contains
            "Hi {{first_name;                 3;  1:4;  unclosed variable",
            "Hi {{nickname}};                 3;  1:4;  unknown variable {{nickname}}",
            "Hi {{field.}};                   3;  1:4;  unknown variable {{field.}}",
            "Hi {{field.a b}};                3;  1:4;  unknown variable",
            "Hi {{}};                         3;  1:4;  empty variable",
            "Hi {{name|{x}}};                 3;  1:4;  cannot contain braces",
            "{Hi|Hello;                       0;  1:1;  unclosed {",
            "Line one\\nand {Hi|Hello;        13; 2:5;  unclosed {",
            "{Hi};                            0;  1:1;  at least two options",
            "{name} is here;                  0;  1:1;  a variable is written {{name}}",
            "Hi };                            3;  1:4;  unmatched }",
            "Deal {A|B}} now;                 10; 1:11; unmatched }",
    })
    void malformedTemplatesAreRefusedWithPositions(String source, int index, String lineColumn, String message) {
        String text = source.replace("\\n", "\n");

        assertThatThrownBy(() -> MessageTemplate.parse(text))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    TemplateProblem problem = ((TemplateException) e).problems().get(0);
                    assertThat(problem.index()).isEqualTo(index);
                    assertThat(problem.line() + ":" + problem.column()).isEqualTo(lineColumn);
                });
        assertThat(MessageTemplate.check(text)).isNotEmpty();
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<TemplateProblem> problems = MessageTemplate.check("}{{nick}} and {{age}} }");

        assertThat(problems).extracting(TemplateProblem::index).containsExactly(0, 1, 14, 22);
    }

    @Test
    void problemsAreCappedForHostileInput() {
        assertThat(MessageTemplate.check("}".repeat(5_000))).hasSize(MessageTemplate.MAX_PROBLEMS);
    }

    @Test
    void nestingIsLimited() {
        String ok = "{a|".repeat(MessageTemplate.MAX_DEPTH) + "z" + "}".repeat(MessageTemplate.MAX_DEPTH);
        String deep = "{a|".repeat(MessageTemplate.MAX_DEPTH + 1) + "z" + "}".repeat(MessageTemplate.MAX_DEPTH + 1);
        String hostile = "{ ".repeat(8_000);

        assertThat(MessageTemplate.check(ok)).isEmpty();
        assertThat(MessageTemplate.check(deep)).extracting(TemplateProblem::message)
                .anyMatch(m -> m.contains("nested deeper than 8"));
        assertThat(MessageTemplate.check(hostile)).isNotEmpty();
    }

    @ParameterizedTest(name = "[{index}] empty template: \"{0}\"")
    @CsvSource(value = {"''", "'   '", "'\n\t'"}, emptyValue = "")
    void emptyTemplatesAreRefused(String source) {
        assertThatThrownBy(() -> MessageTemplate.parse(source)).hasMessageContaining("template is empty");
        assertThatThrownBy(() -> MessageTemplate.parse(null)).hasMessageContaining("template is empty");
    }

    @Test
    void templatesOver16KiBAndTextsOver4096CharactersAreRefused() {
        assertThatThrownBy(() -> MessageTemplate.parse("x".repeat(64 * 1024)))
                .hasMessageContaining("longer than 16384 characters");

        String atLimit = "é".repeat(MessageTemplate.MAX_TEXT_LENGTH);
        assertThat(MessageTemplate.parse(atLimit).render(MARIO, "a").text()).hasSize(4096);
        RenderResult over = MessageTemplate.parse(atLimit + "!").render(MARIO, "a");
        assertThat(over.failure()).isEqualTo(RenderResult.Failure.TOO_LONG);

        String emoji = "😀".repeat(MessageTemplate.MAX_TEXT_LENGTH); // 4096 code points, 8192 chars
        assertThat(MessageTemplate.parse(emoji).render(MARIO, "a").ok()).isTrue();

        TemplateValues longName = new TemplateValues("y".repeat(5000), null, null, Map.of());
        assertThat(MessageTemplate.parse("{{first_name}}").render(longName, "a").failure())
                .isEqualTo(RenderResult.Failure.TOO_LONG);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "plain \"{0}\" -> {1}")
    @CsvSource(value = {
            "'  Hello {there} ',  Hello {there}",
            "'',                  EMPTY_TEXT",
            "'  \n\t ',          EMPTY_TEXT",
            // invisible characters only: the message would arrive looking empty
            "'\u200B',            EMPTY_TEXT",
            "' \u200C\u200D\u2060\uFEFF ', EMPTY_TEXT",
            "'\u00A0\u3000\u202F', EMPTY_TEXT",
            "'\u3164\u2800\u115F', EMPTY_TEXT",
            "'\u200Bok\u200B',    \u200Bok\u200B",
            "'👍',                 👍",
            "'👨\u200D👩',          👨\u200D👩",
    })
    void plainTextsAreCheckedButNotParsed(String text, String expected) {
        RenderResult result = RenderResult.plain(text);

        assertThat(result.ok() ? result.text() : result.failure().name()).isEqualTo(expected);
    }

    @Test
    void plainTextsOverTheLimitAndNullAreRefused() {
        assertThat(RenderResult.plain("x".repeat(64 * 1024)).failure()).isEqualTo(RenderResult.Failure.TOO_LONG);
        assertThat(RenderResult.plain("x".repeat(MessageTemplate.MAX_TEXT_LENGTH)).ok()).isTrue();
        assertThat(RenderResult.plain(null).failure()).isEqualTo(RenderResult.Failure.EMPTY_TEXT);
    }

    @Test
    void aTemplateThatRendersToInvisibleCharactersOnlyIsRefused() {
        assertThat(MessageTemplate.parse("\u200B{{first_name|}}\u2060").render(NOBODY, "a").failure())
                .isEqualTo(RenderResult.Failure.EMPTY_TEXT);
    }

    @Test
    void aTextThatRendersToNothingIsRefused() {
        RenderResult result = MessageTemplate.parse("{{first_name|}} {|}").render(NOBODY, "a");

        assertThat(result.failure()).isEqualTo(RenderResult.Failure.EMPTY_TEXT);
        assertThat(result.message()).isEqualTo("the message would be empty");
    }
}
