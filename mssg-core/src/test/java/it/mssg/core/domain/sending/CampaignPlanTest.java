package it.mssg.core.domain.sending;

import it.mssg.core.domain.sending.CampaignPlan.Candidate;
import it.mssg.core.domain.sending.CampaignPlan.PlannedRecipient;
import it.mssg.core.domain.sending.CampaignPlan.SkipReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CampaignPlanTest {

    private static final MessageTemplate TEMPLATE = MessageTemplate.parse("{Hi|Hello} {{first_name}}, news from {{field.city|us}}");

    private static Candidate contact(String key, String tags, boolean optedOut, boolean cold, String firstName) {
        return new Candidate(key, Set.of(tags.split(" ")), optedOut, cold,
                new TemplateValues(firstName, firstName, key, Map.of()));
    }

    private static final List<Candidate> CONTACTS = List.of(
            contact("anna", "vip italy", false, false, "Anna"),
            contact("bruno", "vip italy", true, false, "Bruno"),     // opted out
            contact("carla", "vip", false, true, null),               // no first name, no fallback
            contact("dario", "lead", false, true, "Dario"),           // not selected by "vip"
            contact("elena", "vip competitor", false, false, "Elena"), // excluded
            contact("anna", "vip", false, false, "Anna again"),      // the same number twice
            contact("fabio", "vip", false, true, "Fabio"));

    @Test
    void dryRunListsWhoGetsWhatAndWhoIsSkippedAndWhy() {
        CampaignPlan plan = CampaignPlan.plan(TagExpression.parse("vip -competitor"), TEMPLATE, CONTACTS);

        assertThat(plan.recipients()).extracting(PlannedRecipient::recipientKey, PlannedRecipient::skip, PlannedRecipient::detail)
                .containsExactly(
                        tuple("anna", null, null),
                        tuple("bruno", SkipReason.OPTED_OUT, "opted out"),
                        tuple("carla", SkipReason.MISSING_VALUE, "no value for {{first_name}} and no fallback"),
                        tuple("anna", SkipReason.DUPLICATE_RECIPIENT, "already in this campaign"),
                        tuple("fabio", null, null));
        assertThat(plan.recipients().get(0).text()).matches("(Hi|Hello) Anna, news from us");
        assertThat(plan.toSend()).isEqualTo(2);
        assertThat(plan.toSendCold()).isEqualTo(1);
        assertThat(plan.skipped()).isEqualTo(3);
        assertThat(plan.sendsNothing()).isFalse();
    }

    @Test
    void theDryRunTextIsWhatTheSameRecipientGetsWhenTheCampaignStarts() {
        CampaignPlan plan = CampaignPlan.plan(TagExpression.parse("vip"), TEMPLATE, CONTACTS);
        PlannedRecipient fabio = plan.recipients().stream().filter(r -> r.recipientKey().equals("fabio")).findFirst().orElseThrow();

        assertThat(TEMPLATE.render(new TemplateValues("Fabio", "Fabio", "fabio", Map.of()), "fabio").text())
                .isEqualTo(fabio.text());
    }

    @Test
    void anExpressionThatSelectsNobodySendsNothing() {
        CampaignPlan nobody = CampaignPlan.plan(TagExpression.parse("+vip +lead"), TEMPLATE, CONTACTS);
        CampaignPlan allSkipped = CampaignPlan.plan(TagExpression.parse("+italy"), MessageTemplate.parse("Hi {{field.none}}"), CONTACTS);

        assertThat(nobody.recipients()).isEmpty();
        assertThat(nobody.sendsNothing()).isTrue();
        assertThat(allSkipped.recipients()).hasSize(2);
        assertThat(allSkipped.sendsNothing()).isTrue();
    }
}
