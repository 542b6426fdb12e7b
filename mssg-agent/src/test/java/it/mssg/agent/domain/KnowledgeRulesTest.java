package it.mssg.agent.domain;

import it.mssg.agent.api.KnowledgeEntryView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge base's rules for what may be saved: answer templates and example questions. */
class KnowledgeRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Hi {{nickname}} {unclosed              ; line 1, column 4: unknown variable {{nickname}}",
            "Hi {{nickname}} {unclosed              ; line 1, column 17: unclosed {",
            "Hi {{frist_name}}, we open at 9.       ; line 1, column 4: unknown variable {{frist_name}}",
            "Hi {{first_name, we open at 9.         ; line 1, column 4: unclosed variable",
            "We open at 9 }                         ; line 1, column 14: unmatched }",
            "{{}} we open at 9                      ; line 1, column 1: empty variable",
            "{Hi|Hello} {{first_name|there}}         ; line 1, column 1: an approved answer is sent as written",
            "Hi {{first_name|there}}, {ok|fine}      ; line 1, column 26: an approved answer is sent as written",
    })
    void answerTemplatesWithAMistakeSayWhatAndWhere(String template, String problem) {
        assertThat(AnswerTemplate.problem(template)).hasValueSatisfying(p -> assertThat(p).contains(problem));
        assertThat(AnswerTemplate.render(template, Map.of("first_name", "Anna")).ok()).isFalse();
    }

    @Test
    void aProblemOnALaterLineSaysWhichLine() {
        assertThat(AnswerTemplate.problem("Hi,\nthat is {{price}}.")).hasValueSatisfying(p ->
                assertThat(p).contains("line 2, column 9: unknown variable {{price}}"));
        assertThat(AnswerTemplate.problem("Hi,\nwe open at 9 {ok|fine}")).hasValueSatisfying(p ->
                assertThat(p).contains("line 2, column 14: an approved answer is sent as written"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Hi {{first_name|there}}, we open at 9.   ; Anna  ; Hi Anna, we open at 9.",
            "Hi {{first_name|there}}, we open at 9.   ;       ; Hi there, we open at 9.",
            "Hi {{ first_name }}!                     ; Bo    ; Hi Bo!",
            "Hi {{first_name|}}!                      ;       ; Hi !",
            "Braces \\{ and \\} and \\| stay          ; Anna  ; Braces { and } and | stay",
            "We open at 9.                            ;       ; We open at 9.",
    })
    void rendersWholeAnswers(String template, String firstName, String expected) {
        Map<String, String> values = firstName == null ? Map.of() : Map.of("first_name", firstName);
        assertThat(AnswerTemplate.problem(template)).isEmpty();
        assertThat(AnswerTemplate.render(template, values)).isEqualTo(new AnswerTemplate.Rendered(expected, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Hi {{first_name}}, we open at 9.   ; no value for {{first_name}} and no fallback",
            "Your city: {{field.city}}          ; no value for {{field.city}} and no fallback",
            "{{first_name|}}                    ; the answer would be empty",
    })
    void aContactWithoutTheValueGetsNothingRatherThanAHalfFilledAnswer(String template, String problem) {
        assertThat(AnswerTemplate.problem(template)).isEmpty();
        assertThat(AnswerTemplate.render(template, Map.of("first_name", " ", "name", "Anna")))
                .isEqualTo(new AnswerTemplate.Rendered(null, problem));
    }

    @Test
    void valuesAreInsertedLiterallyAndFieldNamesIgnoreCase() {
        assertThat(AnswerTemplate.render("{{first_name}}", Map.of("first_name", "$1 \\o/ {{phone}} {a|b}")).text())
                .isEqualTo("$1 \\o/ {{phone}} {a|b}");
        assertThat(AnswerTemplate.render("In {{field.City}}", Map.of("field.city", "Rome")).text()).isEqualTo("In Rome");
    }

    @Test
    void theTestBoxPreviewKeepsVariablesWithoutAFallbackAsWritten() {
        assertThat(AnswerTemplate.preview("Hi {{first_name}}, {{ name | friend }} \\{x\\}"))
                .isEqualTo("Hi {{first_name}}, friend {x}");
    }

    private static KnowledgeEntryView entry(long id, String title, boolean enabled, String... questions) {
        return new KnowledgeEntryView(id, title, "An answer.", "en", enabled, List.of(questions), List.of(), Instant.EPOCH);
    }

    private static final List<KnowledgeEntryView> STORED = List.of(
            entry(1, "Greetings", true, "hello", "Good morning"),
            entry(2, "Old greetings", false, "hi there"),
            entry(3, "Opening hours", true, "When are you open?"));

    @ParameterizedTest(name = "{0} (self {1}, enabled {2})")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "hello                   ; -  ; true  ; Greetings",
            "'  HeLLo  '             ; -  ; true  ; Greetings",
            "'good   MORNING'        ; -  ; true  ; Greetings",
            "'good\tmorning'         ; 3  ; true  ; Greetings",
            "hello there             ; -  ; true  ; -",
            "hello                   ; 1  ; true  ; -",
            "hello                   ; -  ; false ; -",
            "hi there                ; -  ; true  ; -",
            "when are you OPEN?      ; 1  ; true  ; Opening hours",
    })
    void aQuestionOfAnotherEnabledEntryClashes(String question, Long self, boolean enabled, String clashesWith) {
        var clash = SharedQuestions.first(self, enabled, List.of("something else", question), STORED);
        if (clashesWith == null) {
            assertThat(clash).isEmpty();
        } else {
            assertThat(clash).hasValueSatisfying(c -> assertThat(c.other().title()).isEqualTo(clashesWith));
        }
    }
}
