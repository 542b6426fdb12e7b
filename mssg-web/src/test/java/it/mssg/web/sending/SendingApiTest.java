package it.mssg.web.sending;

import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.CampaignNeedsLicence;
import it.mssg.core.api.CampaignState;
import it.mssg.core.api.CampaignView;
import it.mssg.core.api.Campaigns;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.SendBudgetView;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = {MessagesApi.class, CampaignsApi.class, SnippetsApi.class, RemindersApi.class})
class SendingApiTest extends WebSliceTest {

    @MockitoBean SendMessages send;
    @MockitoBean OutboxQueries outbox;
    @MockitoBean OutboxCommands commands;
    @MockitoBean Campaigns campaigns;
    @MockitoBean MessageTemplates templates;
    @MockitoBean QuickReplies quickReplies;
    @MockitoBean FollowUpReminders reminders;
    @MockitoBean GovernorSettingsApi governor;

    static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    static OutboxEntryView entry(long id, OutboxState state, String reason) {
        return new OutboxEntryView(id, state, reason, reason == null ? null : "WhatsApp is not connected", null, "REPLY", 7L,
                "<b>Anna</b>", "393331234567@c.us", "Ciao", null, null, null, null, T, T);
    }

    @Test
    void sendingQueuesThroughTheOutboxWithTheIdempotencyKey() throws Exception {
        when(send.send(any())).thenReturn(entry(12, OutboxState.QUEUED, "SESSION_NOT_READY"));
        mvc.perform(post("/api/messages").with(bearer()).header("Idempotency-Key", "click-1")
                        .contentType("application/json").content("{\"contactId\":7,\"text\":\"Ciao\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/outbox/12"))
                .andExpect(jsonPath("$.state").value("QUEUED"))
                .andExpect(jsonPath("$.reason").value("SESSION_NOT_READY"))
                .andExpect(jsonPath("$.recipientName").value("<b>Anna</b>"));
        ArgumentCaptor<SendCommand> command = ArgumentCaptor.forClass(SendCommand.class);
        verify(send).send(command.capture());
        assertThat(command.getValue().contactId()).isEqualTo(7L);
        assertThat(command.getValue().clientKey()).isEqualTo("click-1");
        assertThat(command.getValue().notBefore()).isNull();
    }

    @Test
    void aScheduledMessageCarriesItsTime() throws Exception {
        when(send.send(any())).thenReturn(entry(13, OutboxState.QUEUED, null));
        mvc.perform(post("/api/messages").with(bearer()).contentType("application/json")
                        .content("{\"chatId\":3,\"text\":\"Tomorrow 10:00\",\"sendAt\":\"2026-12-03T09:00:00Z\"}"))
                .andExpect(status().isAccepted());
        ArgumentCaptor<SendCommand> command = ArgumentCaptor.forClass(SendCommand.class);
        verify(send).send(command.capture());
        assertThat(command.getValue().notBefore()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(command.getValue().chatId()).isEqualTo(3L);
    }

    @Test
    void badMessagesGetProblemDetailsAndQueueNothing() throws Exception {
        mvc.perform(post("/api/messages").with(bearer()).contentType("application/json").content("{\"contactId\":7,\"text\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("text"))
                .andExpect(jsonPath("$.detail", containsString("empty")));
        String huge = "x".repeat(65_536);
        mvc.perform(post("/api/messages").with(bearer()).contentType("application/json")
                        .content("{\"contactId\":7,\"text\":\"" + huge + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("longer than 4096")));
        mvc.perform(post("/api/messages").with(bearer()).contentType("application/json").content("{\"text\":\"hi\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("contactId"));
        mvc.perform(post("/api/messages").with(bearer()).contentType("application/json").content("{not json"))
                .andExpect(status().isBadRequest());
        verify(send, never()).send(any());
    }

    @Test
    void theApiNeedsTheToken() throws Exception {
        mvc.perform(post("/api/messages").header("Authorization", "Bearer " + TOKEN.replace('0', '1'))
                        .contentType("application/json").content("{\"contactId\":7,\"text\":\"Ciao\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/outbox")).andExpect(status().isUnauthorized());
        verify(send, never()).send(any());
    }

    @Test
    void outboxListsFiltersAndExplains() throws Exception {
        when(outbox.list(any(), any(), any())).thenReturn(new it.mssg.core.api.PageView<>(
                List.of(entry(12, OutboxState.BLOCKED, "OPTED_OUT")), 0, 50, 1));
        mvc.perform(get("/api/outbox").param("state", "BLOCKED").with(bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].reason").value("OPTED_OUT"));
        verify(outbox).list(org.mockito.ArgumentMatchers.eq(OutboxState.BLOCKED), org.mockito.ArgumentMatchers.isNull(), any());
        mvc.perform(get("/api/outbox").param("state", "NOPE").with(bearer())).andExpect(status().isBadRequest());
        when(outbox.get(99)).thenThrow(new NotFoundException("outbox entry", 99));
        mvc.perform(get("/api/outbox/99").with(bearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.kind").value("outbox entry"));
        when(outbox.budget()).thenReturn(new SendBudgetView(List.of(new SendBudgetView.Cap("DAY", 200, 20, 180, null)), 40, false, 6));
        mvc.perform(get("/api/outbox/budget").with(bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caps[0].left").value(180))
                .andExpect(jsonPath("$.leftNow").value(6));
    }

    static CampaignView campaign(CampaignState state) {
        return new CampaignView(4, "December", "vip", "Hi {{first_name}}", state, null, 500, 120, 380, 0, 1, 0, 2,
                T.plusSeconds(3600), T, T, null);
    }

    @Test
    void campaignsAreCreatedValidatedAndDriven() throws Exception {
        when(campaigns.create(any())).thenReturn(campaign(CampaignState.DRAFT));
        mvc.perform(post("/api/campaigns").with(bearer()).contentType("application/json")
                        .content("{\"name\":\"December\",\"tagExpression\":\"vip\",\"template\":\"Hi {{first_name}}\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/campaigns/4"));
        ArgumentCaptor<CampaignDraft> draft = ArgumentCaptor.forClass(CampaignDraft.class);
        verify(campaigns).create(draft.capture());
        assertThat(draft.getValue().tagExpression()).isEqualTo("vip");

        mvc.perform(post("/api/campaigns").with(bearer()).contentType("application/json")
                        .content("{\"name\":\"Bad\",\"tagExpression\":\"\",\"template\":\"{Hi|Hello {{first_name}}\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("template"))
                .andExpect(jsonPath("$.detail", containsString("unclosed {")));
        mvc.perform(post("/api/campaigns").with(bearer()).contentType("application/json")
                        .content("{\"name\":\"Bad\",\"tagExpression\":\"Hi {{nickname}}\",\"template\":\"Hi {{nickname}}\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("unknown variable")));
        // "and not" would have been two more tag names, and the competitors would have got it
        mvc.perform(post("/api/campaigns").with(bearer()).contentType("application/json")
                        .content("{\"name\":\"Bad\",\"tagExpression\":\"vip and not competitor\",\"template\":\"Hi\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tagExpression"))
                .andExpect(jsonPath("$.detail", containsString("write +tag")));
        verify(campaigns, times(1)).create(any());

        when(campaigns.start(4)).thenReturn(campaign(CampaignState.RUNNING));
        mvc.perform(post("/api/campaigns/4/start").with(bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.pending").value(380))
                .andExpect(jsonPath("$.eta").value("2026-12-02T11:00:00Z"));
        when(campaigns.pause(4)).thenThrow(new ConflictException("state", "a FINISHED campaign cannot be paused"));
        mvc.perform(post("/api/campaigns/4/pause").with(bearer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("a FINISHED campaign cannot be paused"));
    }

    @Test
    void aCampaignBeyondTheLicenceIsRefusedWithWhy() throws Exception {
        when(campaigns.start(4)).thenThrow(new CampaignNeedsLicence(61));
        mvc.perform(post("/api/campaigns/4/start").with(bearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Licence needed"))
                .andExpect(jsonPath("$.recipients").value(61))
                .andExpect(jsonPath("$.freeRecipients").value(50))
                .andExpect(jsonPath("$.detail", containsString("would go to 61 people")));
    }
}
