package it.mssg.web.campaigns;

import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.CampaignDryRunView;
import it.mssg.core.api.CampaignNeedsLicence;
import it.mssg.core.api.CampaignState;
import it.mssg.core.api.CampaignView;
import it.mssg.core.api.Campaigns;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.PageView;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import it.mssg.licensing.api.Entitlements;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CampaignsController.class)
class CampaignsControllerTest extends WebSliceTest {

    static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

    @MockitoBean Campaigns campaigns;
    @MockitoBean MessageTemplates templates;
    @MockitoBean TagQueries tags;
    @MockitoBean Entitlements entitlements;

    static CampaignView campaign(CampaignState state, String reason, long total, long sent) {
        return new CampaignView(1, "Spring <sale>", "vip -competitor", "Hi {{first_name}}", state, reason, total, sent,
                total - sent, 0, 0, 0, 2, total > sent ? NOW.plusSeconds(3600) : null, NOW, null, null);
    }

    @BeforeEach
    void data() {
        when(campaigns.get(1)).thenReturn(campaign(CampaignState.DRAFT, null, 0, 0));
        when(campaigns.list()).thenReturn(List.of(campaign(CampaignState.RUNNING, null, 10, 4)));
        when(campaigns.recipients(anyLong(), any())).thenReturn(new PageView<>(List.of(), 0, 50, 0));
        when(tags.list()).thenReturn(List.of(new TagView(1, "vip", "#aa0000", 3)));
        when(entitlements.allowsCampaignTo(anyInt())).thenAnswer(call -> (int) call.getArgument(0) <= 50);
    }

    @Test
    void listsCampaignsWithStateAndProgress() throws Exception {
        mvc.perform(get("/campaigns").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Spring &lt;sale&gt;")))
                .andExpect(content().string(containsString("4 of 10 sent")))
                .andExpect(content().string(containsString("href=\"/campaigns/new\"")));
    }

    @Test
    void createsADraftAndAnUnreadableTagExpressionComesBackInWords() throws Exception {
        when(campaigns.create(new CampaignDraft("Promo", "vip", "Hi"))).thenReturn(campaign(CampaignState.DRAFT, null, 0, 0));
        mvc.perform(post("/campaigns").with(owner()).with(csrf()).param("name", "Promo").param("tagExpression", "vip")
                        .param("template", "Hi"))
                .andExpect(redirectedUrl("/campaigns/1?saved"));
        mvc.perform(post("/campaigns").with(owner()).with(csrf()).param("name", "Promo").param("tagExpression", "vip +vip -vip")
                        .param("template", "Hi there"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"campaign-error\"")))
                .andExpect(content().string(containsString("vip +vip -vip")))
                .andExpect(content().string(containsString("Hi there</textarea>")));
        mvc.perform(post("/campaigns").with(owner()).with(csrf()).param("name", "").param("template", "Hi"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("a campaign needs a name")));
    }

    @Test
    void aDraftOffersDryRunAndStartAndShowsTheRecipientsOnceStarted() throws Exception {
        mvc.perform(get("/campaigns/1").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dry run")))
                .andExpect(content().string(containsString("id=\"campaign-start\"")))
                .andExpect(content().string(containsString("recipients are listed once the campaign starts")));
    }

    @Test
    void theDryRunSaysWhoGetsWhatAndWhoIsSkippedAndWhy() throws Exception {
        when(campaigns.dryRun(1)).thenReturn(new CampaignDryRunView(1, List.of(
                new CampaignDryRunView.Recipient(3, "Anna", "39333@c.us", "Hi Anna", null, null, true),
                new CampaignDryRunView.Recipient(4, "Bruno", "39334@c.us", null, "OPTED_OUT", null, false)), 1, 1, 1, NOW));
        mvc.perform(post("/campaigns/1/dry-run").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("1 would get it (1 never wrote to you), 1 skipped.")))
                .andExpect(content().string(containsString("Hi Anna")))
                .andExpect(content().string(containsString("Skipped: opted out")))
                .andExpect(content().string(not(containsString("Open the Licence screen"))));
    }

    @Test
    void startingBeyondTheFreeRecipientsPointsToTheLicence() throws Exception {
        // core refuses the start (it asks the licence itself); the screen turns that into a notice that stays
        when(campaigns.start(1)).thenThrow(new CampaignNeedsLicence(51));
        when(campaigns.get(1)).thenReturn(campaign(CampaignState.DRAFT, null, 0, 0));
        mvc.perform(post("/campaigns/1/start").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("would go to 51 people")))
                .andExpect(content().string(containsString("href=\"/licence\"")));
    }

    @Test
    void startsPausesAndResumesWithTheStatusSwappedIn() throws Exception {
        when(campaigns.dryRun(1)).thenReturn(dryRunOf(10));
        when(campaigns.start(1)).thenReturn(campaign(CampaignState.RUNNING, null, 10, 0));
        when(campaigns.get(1)).thenReturn(campaign(CampaignState.RUNNING, null, 10, 4));
        mvc.perform(post("/campaigns/1/start").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("10 messages queued")))
                .andExpect(content().string(containsString("id=\"campaign-pause\"")))
                .andExpect(content().string(containsString("value=\"40\"")));

        when(campaigns.get(1)).thenReturn(campaign(CampaignState.PAUSED, null, 10, 4));
        mvc.perform(post("/campaigns/1/pause").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(content().string(containsString("id=\"campaign-resume\"")));
        verify(campaigns).pause(1);
    }

    @Test
    void aCampaignStartedWhileWhatsAppIsDownShowsWhyItWaits() throws Exception {
        when(campaigns.get(1)).thenReturn(campaign(CampaignState.PAUSED, "WhatsApp is not connected", 10, 0));
        mvc.perform(get("/campaigns/1/status").with(owner()).header("HX-Request", "true"))
                .andExpect(content().string(containsString("WhatsApp is not connected")))
                .andExpect(content().string(containsString("id=\"campaign-resume\"")));
    }

    @Test
    void aRefusedActionSaysWhy() throws Exception {
        when(campaigns.dryRun(1)).thenReturn(dryRunOf(0));
        when(campaigns.start(1)).thenThrow(new InvalidInputException(null, "nobody would get this campaign"));
        mvc.perform(post("/campaigns/1/start").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().is(422))
                .andExpect(header().string("HX-Trigger", containsString("nobody would get this campaign")));
    }

    @Test
    void recipientsArePagedWithTheirStatusAndReasons() throws Exception {
        when(campaigns.get(1)).thenReturn(campaign(CampaignState.RUNNING, null, 120, 4));
        List<OutboxEntryView> rows = new ArrayList<>();
        rows.add(new OutboxEntryView(11, OutboxState.BLOCKED, "OPTED_OUT", "They opted out", null, "CAMPAIGN", 3L, "Anna",
                "39333@c.us", "Hi", 1L, null, null, null, NOW, NOW));
        when(campaigns.recipients(anyLong(), any())).thenReturn(new PageView<>(rows, 1, 50, 120));
        mvc.perform(get("/campaigns/1/recipients").with(owner()).header("HX-Request", "true").param("page", "1"))
                .andExpect(content().string(containsString("They opted out")))
                .andExpect(content().string(containsString("Page 2 of 3 (120 recipients)")))
                .andExpect(content().string(containsString("page=2")))
                .andExpect(content().string(containsString("page=0")));
    }

    @Test
    void withoutTheCsrfTokenNothingStarts() throws Exception {
        mvc.perform(post("/campaigns/1/start").with(owner())).andExpect(status().isForbidden());
        verify(campaigns, never()).start(anyLong());
    }

    static CampaignDryRunView dryRunOf(int recipients) {
        List<CampaignDryRunView.Recipient> list = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            list.add(new CampaignDryRunView.Recipient(i, "C" + i, i + "@c.us", "Hi", null, null, false));
        }
        return new CampaignDryRunView(1, list, recipients, 0, 0, null);
    }
}
