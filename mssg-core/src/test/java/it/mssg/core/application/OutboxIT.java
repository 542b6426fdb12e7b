package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.FakeWhatsApp;
import it.mssg.core.SwitchableCampaignLicence;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.CampaignDraft;
import it.mssg.core.api.CampaignDryRunView;
import it.mssg.core.api.CampaignNeedsLicence;
import it.mssg.core.api.CampaignState;
import it.mssg.core.api.CampaignView;
import it.mssg.core.api.Campaigns;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.GovernorSettingsApi;
import it.mssg.core.api.GovernorSettingsView;
import it.mssg.core.api.InboundEvents;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.Paging;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import it.mssg.core.api.SessionState;
import it.mssg.core.api.FollowUpReminders;
import it.mssg.core.api.WaContact;
import it.mssg.core.api.WaMessage;
import it.mssg.core.domain.sending.GovernorReason;
import it.mssg.core.domain.sending.GovernorSettings;
import it.mssg.core.domain.sending.SpacingRange;
import it.mssg.core.domain.sending.WarmUp;
import it.mssg.core.spi.WhatsAppGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox end to end in core, on the H2 file database, with the send loop driven step by step (its thread
 * is off) and a clock the test moves, so every wait is exact and nothing depends on timing.
 */
@TestPropertySource(properties = {"mssg.outbox.send-loop=false", "mssg.outbox.time-zone=UTC"})
class OutboxIT extends CoreIntegrationTest {

    static final String ANNA = "393331000001@c.us";
    static final String BRUNO = "393331000002@c.us";
    static final String CARLA = "393331000003@c.us";

    @Autowired SendMessages sendMessages;
    @Autowired ContactCommands contactCommands;
    @Autowired OutboxQueries outbox;
    @Autowired OutboxCommands commands;
    @Autowired Campaigns campaigns;
    @Autowired MessageTemplates templates;
    @Autowired QuickReplies quickReplies;
    @Autowired FollowUpReminders reminders;
    @Autowired GovernorSettingsApi governor;
    @Autowired InboundEvents inbound;
    @Autowired SendLoop loop;
    @Autowired SendState sendState;
    @Autowired CoreClock coreClock;
    @Autowired FakeWhatsApp whatsapp;
    @Autowired SwitchableCampaignLicence licence;

    MovableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
        coreClock.set(clock);
        whatsapp.reset();
        whatsapp.now(clock.instant());
        loop.forgetHistory(); // the tables were just emptied
        sendState.failureStreak(0);
        sendState.pausedBy(null);
        // fast but still random: 0-1 s between sends, caps out of the way, no warm-up, no quiet hours
        governor.update(GovernorSettingsView.of(new GovernorSettings(SpacingRange.ofSeconds(0, 1),
                SpacingRange.ofSeconds(0, 1), SpacingRange.ofSeconds(0, 1), 1000, 10_000, 100_000, WarmUp.none(), null,
                Duration.ZERO, Duration.ofHours(24), 100_000, 3, Duration.ofHours(24), 0)));
        inbound.contactsSynced(List.of(new WaContact(ANNA, "Anna Rossi", "Anna", false, true, List.of()),
                new WaContact(BRUNO, "Bruno Verdi", "Bruno", false, true, List.of()),
                new WaContact(CARLA, null, null, false, true, List.of())));
    }

    @AfterEach
    void restoreClock() {
        coreClock.set(Clock.systemUTC());
        whatsapp.reset();
    }

    long contact(String waId) {
        return jdbc.queryForObject("select id from contact where wa_id = ?", Long.class, waId);
    }

    void tag(String waId, String tag) {
        List<Long> ids = jdbc.queryForList("select id from tag where name = ?", Long.class, tag);
        if (ids.isEmpty()) {
            jdbc.update("insert into tag (name, name_key, color, created_at) values (?, ?, '#aa0000', current_timestamp)",
                    tag, tag.toLowerCase());
            ids = jdbc.queryForList("select id from tag where name = ?", Long.class, tag);
        }
        jdbc.update("insert into contact_tag (contact_id, tag_id) values (?, ?)", contact(waId), ids.get(0));
    }

    /** Steps the loop, moving the clock over every wait, until it has nothing to do or is held. */
    int runUntilIdle() {
        for (int steps = 0; steps < 10_000; steps++) {
            long sleep = loop.step();
            if (sleep == Long.MAX_VALUE) {
                return steps;
            }
            if (sleep > 0) {
                clock.advance(Duration.ofMillis(sleep));
                whatsapp.now(clock.instant());
            }
        }
        throw new AssertionError("the send loop did not settle");
    }

    long messagesInChat(String waId) {
        return jdbc.queryForObject("select count(*) from message m join chat c on c.id = m.chat_id where c.wa_id = ?",
                Long.class, waId);
    }

    @Test
    void anAudienceNamingATagThatDoesNotExistIsRefusedAndADeletedExclusionStopsTheStart() {
        tag(ANNA, "vip");
        tag(BRUNO, "vip");
        tag(BRUNO, "competitor");
        assertThatThrownBy(() -> campaigns.create(new CampaignDraft("Typo", "vpi", "Ciao")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no tag is named “vpi”");
        assertThatThrownBy(() -> campaigns.create(new CampaignDraft("Unquoted", "new customer", "Ciao")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("quote a name with spaces");
        CampaignView c = campaigns.create(new CampaignDraft("Not the competitors", "vip -competitor", "Ciao"));
        assertThat(campaigns.dryRun(c.id()).toSend()).isOne();

        jdbc.update("delete from tag where name_key = 'competitor'"); // deleted on the Tags screen
        assertThatThrownBy(() -> campaigns.dryRun(c.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the audience names “competitor”, which is no tag any more");
        assertThatThrownBy(() -> campaigns.start(c.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("change the audience before sending");
        assertThat(jdbc.queryForObject("select count(*) from outbox_entry", Long.class)).as("nobody queued").isZero();
    }

    @Test
    void deletingAContactCancelsWhatWaitsForItAndAnOptedOutContactIsKept() {
        inbound.messagesReceived(List.of(new WaMessage("false_" + ANNA + "_D1", ANNA, null, false, "Ciao", "chat",
                clock.instant(), 0)));
        OutboxEntryView later = sendMessages.send(SendCommand.scheduled(contact(ANNA), null, "See you tomorrow",
                clock.instant().plus(Duration.ofHours(20)), "later-1"));
        OutboxEntryView toBruno = sendMessages.send(SendCommand.scheduled(contact(BRUNO), null, "Hi Bruno",
                clock.instant().plus(Duration.ofHours(20)), "later-2"));
        long anna = contact(ANNA);
        contactCommands.delete(anna);
        assertThat(outbox.get(later.id()).state()).isEqualTo(OutboxState.CANCELLED);
        assertThat(outbox.get(toBruno.id()).state()).isEqualTo(OutboxState.QUEUED);
        assertThat(jdbc.queryForObject("select count(*) from contact where id = ?", Long.class, anna)).isZero();
        assertThat(messagesInChat(ANNA)).as("the chat and its messages stay").isOne();
        assertThat(jdbc.queryForObject("select count(*) from chat where wa_id = ?", Long.class, ANNA)).isOne();

        long bruno = contact(BRUNO);
        contactCommands.update(bruno, new ContactEdit(null, null, null, null, true));
        assertThatThrownBy(() -> contactCommands.delete(bruno)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("opted out").hasMessageContaining("nothing is ever sent to this number again");
        assertThat(contact(BRUNO)).isEqualTo(bruno);
        assertThat(outbox.get(toBruno.id()).state()).as("nothing changed").isEqualTo(OutboxState.QUEUED);
    }

    @Test
    void aScheduledTimeLongGoneIsRefusedAndAFewMinutesLateIsNow() {
        assertThatThrownBy(() -> sendMessages.send(SendCommand.scheduled(contact(ANNA), null, "Auguri",
                Instant.parse("2020-01-01T00:00:00Z"), "past-1"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("that time has passed").hasMessageContaining("leave sendAt out");
        assertThat(sendMessages.send(SendCommand.scheduled(contact(ANNA), null, "Auguri",
                clock.instant().minus(Duration.ofMinutes(4)), "late-1")).state()).isEqualTo(OutboxState.QUEUED);
    }

    /** The entry a send returns is built from what was written, not read back: it must equal the stored one. */
    @Test
    void theEntryASendReturnsIsTheStoredOne() {
        clock.advance(Duration.ofNanos(123_456_789)); // finer than the columns keep
        OutboxEntryView toContact = sendMessages.send(SendCommand.scheduled(contact(ANNA), null, "Ciao Anna",
                clock.instant().plus(Duration.ofNanos(987_654_321)), "scheduled-1"));
        assertThat(toContact).isEqualTo(outbox.get(toContact.id()));
        assertThat(toContact.recipientName()).isEqualTo("Anna Rossi");
        OutboxEntryView unnamed = sendMessages.send(SendCommand.reply(contact(CARLA), null, "Ciao", null));
        assertThat(unnamed).isEqualTo(outbox.get(unnamed.id()));
    }

    @Test
    void theSameKeyTwiceIsOneMessage() {
        whatsapp.state(SessionState.READY);
        OutboxEntryView first = sendMessages.send(SendCommand.reply(contact(ANNA), null, "Ciao Anna", "click-1"));
        OutboxEntryView second = sendMessages.send(SendCommand.reply(contact(ANNA), null, "Ciao Anna", "click-1"));
        assertThat(second.id()).isEqualTo(first.id());
        // the same key with another text is not a retry: refused, rather than answered with the old entry
        assertThatThrownBy(() -> sendMessages.send(SendCommand.reply(contact(ANNA), null, "Another text", "click-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already used for another message");
        assertThat(outbox.list(null, null, Paging.first(10)).total()).isEqualTo(1);

        runUntilIdle();
        assertThat(whatsapp.sent()).extracting(WhatsAppGateway.OutgoingText::text).containsExactly("Ciao Anna");
        OutboxEntryView sent = outbox.get(first.id());
        assertThat(sent.state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.waMessageId()).isNotBlank();
        assertThat(sent.sentAt()).isNotNull();
        // stored in the chat once, and WhatsApp's echo of our own message does not add a second one
        assertThat(messagesInChat(ANNA)).isEqualTo(1);
        inbound.messagesReceived(List.of(new WaMessage(sent.waMessageId(), ANNA, null, true, "Ciao Anna", "chat",
                clock.instant(), 2)));
        assertThat(messagesInChat(ANNA)).isEqualTo(1);
        assertThat(outbox.get(first.id()).state()).isEqualTo(OutboxState.DELIVERED);
        // a third call with the key after sending still finds it: no new message
        assertThat(sendMessages.send(SendCommand.reply(contact(ANNA), null, "Ciao Anna", "click-1")).id()).isEqualTo(first.id());
        runUntilIdle();
        assertThat(whatsapp.sent()).hasSize(1);
        // nothing queued any more: the loop sleeps until woken, looking again only every 5 minutes
        assertThat(loop.sleepAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> SendCommand.reply(contact(ANNA), null, "   ", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SendCommand.reply(contact(ANNA), null, "\u200B", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> sendMessages.send(SendCommand.scheduled(contact(ANNA), null, "see you",
                clock.instant().plus(Duration.ofDays(400)), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most a year ahead");
        assertThatThrownBy(() -> SendCommand.reply(contact(ANNA), null, "x".repeat(65_536), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than 4096");
        assertThatThrownBy(() -> SendCommand.reply(null, null, "hi", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sendMessages.send(SendCommand.reply(999_999L, null, "hi", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> templates.create("bad", "{Hi|Hello {{first_name}}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unclosed {");
        assertThatThrownBy(() -> templates.create("bad", "Hi {{nickname}}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown variable");
        assertThatThrownBy(() -> new CampaignDraft("c", "vip -vip", "Hi")).isInstanceOf(InvalidInputException.class);
        assertThat(outbox.list(null, null, Paging.first(10)).total()).isZero();
        // within the year is fine
        assertThat(sendMessages.send(SendCommand.scheduled(contact(ANNA), null, "see you",
                clock.instant().plus(Duration.ofDays(300)), null)).state()).isEqualTo(OutboxState.QUEUED);
    }

    @Test
    void nothingLeavesWhileTheSessionIsDownAndEverythingLeavesOnceWhenItIsBack() {
        OutboxEntryView entry = sendMessages.send(SendCommand.reply(contact(ANNA), null, "Are you there?", null));
        assertThat(runUntilIdle()).isZero();
        assertThat(whatsapp.sent()).isEmpty();
        OutboxEntryView held = outbox.get(entry.id());
        assertThat(held.state()).isEqualTo(OutboxState.QUEUED);
        assertThat(held.reason()).isEqualTo(GovernorReason.SESSION_NOT_READY.name());
        assertThat(outbox.status().pausedBy()).isEqualTo(GovernorReason.SESSION_NOT_READY.name());
        // an entry waits: the loop looks again within 15 s even if nothing wakes it
        assertThat(loop.sleepAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(15).toMillis());

        whatsapp.state(SessionState.READY);
        runUntilIdle();
        assertThat(whatsapp.sent()).hasSize(1);
        assertThat(outbox.get(entry.id()).state()).isEqualTo(OutboxState.SENT);
        assertThat(outbox.status().pausedBy()).isNull();
    }

    @Test
    void scheduledMessagesLeaveNotBeforeTheirTime() {
        whatsapp.state(SessionState.READY);
        Instant at = clock.instant().plus(Duration.ofHours(2));
        OutboxEntryView entry = sendMessages.send(SendCommand.scheduled(contact(BRUNO), null, "Reminder: tomorrow 10:00", at, "s1"));
        long sleep = loop.step();
        assertThat(sleep).isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(whatsapp.sent()).isEmpty();
        runUntilIdle();
        assertThat(whatsapp.sent()).hasSize(1);
        assertThat(outbox.get(entry.id()).sentAt()).isAfterOrEqualTo(at);
    }

    @Test
    void anEntryFoundSendingAtStartUpIsSentWhenItsChatShowsIt() {
        whatsapp.state(SessionState.READY);
        OutboxEntryView entry = sendMessages.send(SendCommand.reply(contact(ANNA), null, "Il preventivo è pronto", null));
        // the process died after committing SENDING and after WhatsApp took the message
        jdbc.update("update outbox_entry set state = 'SENDING', attempt_started_at = ? where id = ?",
                clock.instant().atOffset(ZoneOffset.UTC), entry.id());
        String onWhatsApp = whatsapp.putInChat(ANNA, true, "Il preventivo è pronto", clock.instant().plusSeconds(1));

        assertThat(loop.markUncertainAtStartUp()).isEqualTo(1);
        assertThat(outbox.get(entry.id()).state()).isEqualTo(OutboxState.UNCERTAIN);
        runUntilIdle();
        OutboxEntryView settled = outbox.get(entry.id());
        assertThat(settled.state()).isEqualTo(OutboxState.SENT);
        assertThat(settled.waMessageId()).isEqualTo(onWhatsApp);
        assertThat(whatsapp.sent()).isEmpty(); // never sent twice
        assertThat(messagesInChat(ANNA)).isEqualTo(1);
    }

    /** A send that timed out but had reached the chat was counted as a failure, and helped pause all sending. */
    @Test
    void aSendFoundInItsChatAfterAnInterruptionDoesNotCountAsAFailedSend() {
        whatsapp.state(SessionState.READY);
        sendState.failureStreak(1);
        // the page times out on the send, yet WhatsApp took the message: it is in the chat
        whatsapp.failNext(new WhatsAppGateway.GatewayUnavailable("timed out waiting for the send", null));
        String onWhatsApp = whatsapp.putInChat(ANNA, true, "Arrivato?", clock.instant().plusSeconds(30));
        OutboxEntryView entry = sendMessages.send(SendCommand.reply(contact(ANNA), null, "Arrivato?", null));
        runUntilIdle();
        assertThat(outbox.get(entry.id()).state()).isEqualTo(OutboxState.SENT);
        assertThat(outbox.get(entry.id()).waMessageId()).isEqualTo(onWhatsApp);
        assertThat(whatsapp.sent()).isEmpty();
        assertThat(outbox.status().failureStreak()).as("the earlier failure only").isOne();
    }

    @Test
    void anEntryFoundSendingAtStartUpIsSentOnceWhenItsChatProvesItNeverLeft() {
        whatsapp.state(SessionState.READY);
        whatsapp.putInChat(BRUNO, false, "old message", clock.instant().minus(Duration.ofDays(1)));
        OutboxEntryView entry = sendMessages.send(SendCommand.reply(contact(BRUNO), null, "Ecco l'indirizzo", null));
        jdbc.update("update outbox_entry set state = 'SENDING', attempt_started_at = ? where id = ?",
                clock.instant().atOffset(ZoneOffset.UTC), entry.id());
        loop.markUncertainAtStartUp();
        whatsapp.state(SessionState.DISCONNECTED);
        runUntilIdle();
        assertThat(outbox.get(entry.id()).state()).isEqualTo(OutboxState.UNCERTAIN); // not before the session is back

        whatsapp.state(SessionState.READY);
        runUntilIdle();
        assertThat(outbox.get(entry.id()).state()).isEqualTo(OutboxState.SENT);
        assertThat(whatsapp.sent()).extracting(WhatsAppGateway.OutgoingText::text).containsExactly("Ecco l'indirizzo");
    }

    @Test
    void aRecipientThatCannotBeWrittenToFailsOnceWithTheGatewaysReason() {
        whatsapp.state(SessionState.READY);
        whatsapp.failNext(new WhatsAppGateway.RecipientNotOnWhatsApp(CARLA, "you are no longer in this group"));
        OutboxEntryView entry = sendMessages.send(SendCommand.reply(contact(CARLA), null, "Hello", null));
        runUntilIdle();
        OutboxEntryView failed = outbox.get(entry.id());
        assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
        assertThat(failed.detail()).isEqualTo("you are no longer in this group");
        assertThat(whatsapp.sent()).isEmpty();
    }

    @Test
    void failuresAreRecordedAndPauseSendingUntilResumed() {
        whatsapp.state(SessionState.READY);
        whatsapp.failNext(new WhatsAppGateway.RecipientNotOnWhatsApp(CARLA));
        OutboxEntryView notOnWhatsApp = sendMessages.send(SendCommand.reply(contact(CARLA), null, "Hello", null));
        runUntilIdle();
        OutboxEntryView failed = outbox.get(notOnWhatsApp.id());
        assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
        assertThat(failed.detail()).contains("not on WhatsApp");

        // the page fails mid-send: uncertain, reconciled (not in the chat) and queued again; three failures pause
        for (int i = 0; i < 2; i++) {
            whatsapp.failNext(new WhatsAppGateway.GatewayUnavailable("page crashed", null));
        }
        OutboxEntryView flaky = sendMessages.send(SendCommand.reply(contact(ANNA), null, "Second try", null));
        runUntilIdle();
        assertThat(outbox.status().failureStreak()).isEqualTo(3);
        assertThat(outbox.status().pausedBy()).isEqualTo(GovernorReason.PAUSED_FAILURES.name());
        assertThat(outbox.get(flaky.id()).state()).isEqualTo(OutboxState.QUEUED);
        assertThat(whatsapp.sent()).isEmpty();

        commands.resume();
        runUntilIdle();
        assertThat(outbox.get(flaky.id()).state()).isEqualTo(OutboxState.SENT);
        assertThat(whatsapp.sent()).hasSize(1);
        assertThat(outbox.status().failureStreak()).isZero();

        assertThat(commands.retry(failed.id()).state()).isEqualTo(OutboxState.QUEUED);
        assertThatThrownBy(() -> commands.cancel(flaky.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void campaignLifecycleWithDryRunPauseResumeAndOptOut() {
        whatsapp.state(SessionState.READY);
        tag(ANNA, "vip");
        tag(BRUNO, "vip");
        tag(CARLA, "vip");
        jdbc.update("update contact set opted_out = true where wa_id = ?", CARLA);

        CampaignView draft = campaigns.create(new CampaignDraft("December offer", "vip", "{Hi|Hello} {{first_name}}, the offer is on"));
        CampaignDryRunView dryRun = campaigns.dryRun(draft.id());
        assertThat(dryRun.toSend()).isEqualTo(2);
        assertThat(dryRun.skipped()).isEqualTo(1);
        assertThat(dryRun.recipients()).anySatisfy(r -> {
            assertThat(r.recipientWaId()).isEqualTo(CARLA);
            assertThat(r.skipReason()).isEqualTo("OPTED_OUT");
        });
        assertThat(dryRun.recipients()).anySatisfy(r -> assertThat(r.text()).matches("(Hi|Hello) Anna, the offer is on"));
        assertThat(dryRun.eta()).isNotNull();

        // session down when it starts: queued and waiting, the reason shown
        whatsapp.state(SessionState.DISCONNECTED);
        CampaignView started = campaigns.start(draft.id());
        assertThat(campaigns.start(draft.id()).total()).isEqualTo(2); // starting twice adds nobody
        assertThat(started.state()).isEqualTo(CampaignState.RUNNING);
        runUntilIdle();
        assertThat(whatsapp.sent()).isEmpty();
        assertThat(campaigns.get(draft.id()).stateReason()).isEqualTo(GovernorReason.SESSION_NOT_READY.description());

        campaigns.pause(draft.id());
        whatsapp.state(SessionState.READY);
        runUntilIdle();
        assertThat(whatsapp.sent()).isEmpty(); // paused: nothing leaves

        // Anna writes STOP while the campaign is paused: she is opted out and removed from it
        inbound.messagesReceived(List.of(new WaMessage("false_" + ANNA + "_STOP1", ANNA, null, false, "Stop!", "chat",
                clock.instant(), 0)));
        assertThat(jdbc.queryForObject("select opted_out from contact where wa_id = ?", Boolean.class, ANNA)).isTrue();

        campaigns.resume(draft.id());
        runUntilIdle();
        assertThat(whatsapp.sent()).extracting(WhatsAppGateway.OutgoingText::recipientWaId).containsExactly(BRUNO);
        CampaignView finished = campaigns.get(draft.id());
        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(finished.sent()).isEqualTo(1);
        assertThat(finished.blocked()).isEqualTo(1);
        assertThat(finished.percentDone()).isEqualTo(100);
        List<OutboxEntryView> recipients = campaigns.recipients(draft.id(), Paging.first(10)).items();
        assertThat(recipients).anySatisfy(r -> {
            assertThat(r.recipientWaId()).isEqualTo(ANNA);
            assertThat(r.state()).isEqualTo(OutboxState.BLOCKED);
            assertThat(r.reason()).isEqualTo(GovernorReason.OPTED_OUT.name());
        });
        assertThatThrownBy(() -> campaigns.start(draft.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCampaignThatSelectsNobodyDoesNotStartAndCancelStopsTheRest() {
        whatsapp.state(SessionState.READY);
        jdbc.update("insert into tag (name, name_key, color, created_at) values ('on-nobody', 'on-nobody', '#aa0000',"
                + " current_timestamp)");
        CampaignView nobody = campaigns.create(new CampaignDraft("Nobody", "on-nobody", "Hi"));
        assertThatThrownBy(() -> campaigns.start(nobody.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("selects nobody");

        CampaignView everyone = campaigns.create(new CampaignDraft("Everyone", "", "Hi {{first_name|there}}"));
        campaigns.start(everyone.id());
        loop.step(); // nothing sent before: the first one leaves at once
        assertThat(whatsapp.sent()).hasSize(1);
        CampaignView cancelled = campaigns.cancel(everyone.id());
        assertThat(cancelled.state()).isEqualTo(CampaignState.CANCELLED);
        runUntilIdle();
        assertThat(whatsapp.sent()).hasSize(1);
        assertThat(campaigns.get(everyone.id()).cancelled()).isEqualTo(2);
        assertThat(campaigns.get(everyone.id()).sent()).isEqualTo(1);
    }

    @Test
    void aCampaignBeyondTheLicenceQueuesNobodyHoweverItIsStarted() {
        CampaignView everyone = campaigns.create(new CampaignDraft("Everyone", "", "Hi {{first_name|there}}"));
        licence.limitTo(2);
        try {
            assertThatThrownBy(() -> campaigns.start(everyone.id())).isInstanceOf(CampaignNeedsLicence.class)
                    .satisfies(e -> assertThat(((CampaignNeedsLicence) e).recipients()).isEqualTo(3));
            assertThat(campaigns.get(everyone.id()).state()).isEqualTo(CampaignState.DRAFT);
            assertThat(jdbc.queryForObject("select count(*) from outbox_entry", Integer.class)).isZero();
            licence.limitTo(3);
            assertThat(campaigns.start(everyone.id()).total()).isEqualTo(3);
        } finally {
            licence.unlimited();
        }
    }

    @Test
    void startingOneCampaignTwiceAtTheSameMomentQueuesEveryoneOnceAndFailsNeither() throws Exception {
        for (int i = 0; i < 200; i++) {
            jdbc.update("insert into contact (wa_id, phone_e164, display_name, source, search_text, sort_name, created_at,"
                    + " updated_at) values (?, ?, ?, 'MANUAL', 'x', 'x', current_timestamp, current_timestamp)",
                    "39334" + (1_000_000 + i) + "@c.us", "+39334" + (1_000_000 + i), "Person " + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CampaignView draft = campaigns.create(new CampaignDraft("Round " + round, "", "Hi {{first_name|there}}"));
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<CampaignView> start = () -> {
                    together.await();
                    return campaigns.start(draft.id());
                };
                Future<CampaignView> first = pool.submit(start);
                Future<CampaignView> second = pool.submit(start);
                assertThat(first.get(30, TimeUnit.SECONDS).state()).isEqualTo(CampaignState.RUNNING);
                assertThat(second.get(30, TimeUnit.SECONDS).state()).isEqualTo(CampaignState.RUNNING);
                assertThat(jdbc.queryForObject("select count(*) from outbox_entry where campaign_id = ?", Integer.class,
                        draft.id())).isEqualTo(203);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void templatesQuickRepliesRemindersAndSettings() {
        long anna = contact(ANNA);
        long carla = contact(CARLA);
        var template = templates.create("Welcome", "Hello {{first_name}}");
        assertThat(template.variables()).containsExactly("first_name");
        assertThatThrownBy(() -> templates.create("welcome", "Hi")).isInstanceOf(ConflictException.class);
        var preview = templates.preview(template.body(), List.of(anna, carla));
        assertThat(preview.get(0).text()).isEqualTo("Hello Anna");
        assertThat(preview.get(1).text()).isNull();
        assertThat(preview.get(1).problem()).contains("first_name");

        var quick = quickReplies.create("/addr", "{{first_name|Hi}}, we are at Via Roma 1");
        assertThat(quickReplies.list("ad")).extracting(q -> q.shortcut()).containsExactly("addr");
        assertThat(quickReplies.render(quick.id(), carla)).isEqualTo("Hi, we are at Via Roma 1");
        // a group chat has no contact: fallbacks fill it in, a variable without one is said, never sent as {{…}}
        assertThat(quickReplies.render(quick.id(), null)).isEqualTo("Hi, we are at Via Roma 1");
        var personal = quickReplies.create("/hello", "Hello {{first_name}}");
        assertThatThrownBy(() -> quickReplies.render(personal.id(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("in a group chat, no value for {{first_name}} and no fallback");

        var reminder = reminders.remind(anna, 2, "offer");
        assertThat(reminders.due()).isEmpty();
        clock.advance(Duration.ofDays(3));
        assertThat(reminders.due()).extracting(r -> r.id()).containsExactly(reminder.id());
        inbound.messagesReceived(List.of(new WaMessage("false_" + ANNA + "_R1", ANNA, null, false, "Sure, thanks",
                "chat", clock.instant(), 0)));
        assertThat(reminders.due()).isEmpty();

        GovernorSettingsView defaults = governor.reset();
        assertThat(defaults.perHour()).isEqualTo(GovernorSettings.defaults().perHour());
        assertThatThrownBy(() -> governor.update(new GovernorSettingsView(3, 9, 20, 60, 45, 150, 100, 10, 200, true,
                null, null, 60, 24, 20, 3, 24, 20))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a longer window must allow at least as many");
    }

    @Test
    void optOutKeywordsAreEditable() {
        assertThat(governor.optOutKeywords()).contains("STOP", "PARAR", "BAJA", "STOPP", "ARRÊT");
        assertThat(governor.updateOptOutKeywords(List.of("Basta", "BASTA", "non scrivermi"))).containsExactly("Basta", "non scrivermi");
        assertThatThrownBy(() -> governor.updateOptOutKeywords(List.of("!!!"))).isInstanceOf(InvalidInputException.class);
        try {
            inbound.messagesReceived(List.of(new WaMessage("false_" + BRUNO + "_K1", BRUNO, null, false, "basta!!", "chat",
                    clock.instant(), 0)));
            assertThat(jdbc.queryForObject("select opted_out from contact where wa_id = ?", Boolean.class, BRUNO)).isTrue();
            assertThat(jdbc.queryForObject("select opted_out_at from contact where wa_id = ?", java.time.OffsetDateTime.class, BRUNO))
                    .isNotNull();
            // a default keyword the edited list dropped no longer opts out…
            inbound.messagesReceived(List.of(new WaMessage("false_" + ANNA + "_K2", ANNA, null, false, "arrêt", "chat",
                    clock.instant(), 0)));
            assertThat(jdbc.queryForObject("select opted_out from contact where wa_id = ?", Boolean.class, ANNA)).isFalse();
            // …but STOP always does
            inbound.messagesReceived(List.of(new WaMessage("false_" + CARLA + "_K3", CARLA, null, false, "STOP", "chat",
                    clock.instant(), 0)));
            assertThat(jdbc.queryForObject("select opted_out from contact where wa_id = ?", Boolean.class, CARLA)).isTrue();
        } finally {
            assertThat(governor.updateOptOutKeywords(List.of())).contains("STOP");
        }
    }

    /**
     * The outbox's own cost per message, governor waits excluded (the clock is the test's): enqueue, pick, verdict,
     * SENDING and SENT commits, storing the message in its chat. Printed for the benchmarks page.
     */
    @Test
    void outboxOverheadPerMessage() {
        whatsapp.state(SessionState.READY);
        int n = 300;
        List<Long> contacts = new java.util.ArrayList<>();
        List<WaContact> people = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new WaContact(String.format("39333200%04d@c.us", i), "Person " + i, null, false, true, List.of()));
        }
        inbound.contactsSynced(people);
        for (WaContact p : people) {
            contacts.add(contact(p.waId()));
        }
        sendMessages.send(SendCommand.reply(contacts.get(0), null, "warm-up", null));
        runUntilIdle();
        // the loop and H2 run on this thread: its CPU time is the loop's work without the machine's other load
        // and without the fsync wait of the per-send checkpoint
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sendMessages.send(SendCommand.reply(contacts.get(i), null, "Message number " + i, null));
        }
        runUntilIdle();
        double perMessageMs = (System.nanoTime() - start) / 1e6 / n;
        double cpuPerMessageMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / n;
        assertThat(whatsapp.sent()).hasSize(n + 1);
        System.out.printf("outbox overhead per message (governor waits excluded): %.2f ms over %d messages"
                + " (this thread's CPU: %.2f ms per message)%n", perMessageMs, n, cpuPerMessageMs);
        // the same again: each recipient's chat is there now (as for most replies), and the code has run 300 times
        cpuStart = threads.getCurrentThreadCpuTime();
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sendMessages.send(SendCommand.reply(contacts.get(i), null, "Second message number " + i, null));
        }
        runUntilIdle();
        perMessageMs = (System.nanoTime() - start) / 1e6 / n;
        cpuPerMessageMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / n;
        assertThat(whatsapp.sent()).hasSize(2 * n + 1);
        System.out.printf("again, to the same %d recipients: %.2f ms per message (this thread's CPU: %.2f ms)%n", n,
                perMessageMs, cpuPerMessageMs);
        // no timing gate here: the build machine is shared and its load swings this figure tenfold; the figure is
        // printed for the benchmarks page, measured on a quiet machine
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
