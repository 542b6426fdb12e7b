package it.mssg.web.sending;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.OutboxCommands;
import it.mssg.core.api.OutboxEntryView;
import it.mssg.core.api.OutboxQueries;
import it.mssg.core.api.OutboxState;
import it.mssg.core.api.OutboxStatusView;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.SendBudgetView;
import it.mssg.core.api.SendCommand;
import it.mssg.core.api.SendMessages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api")
@Tag(name = "Messages and outbox")
class MessagesApi {

    private final SendMessages send;
    private final OutboxQueries outbox;
    private final OutboxCommands commands;

    MessagesApi(SendMessages send, OutboxQueries outbox, OutboxCommands commands) {
        this.send = send;
        this.outbox = outbox;
        this.commands = commands;
    }

    /**
     * @param idempotencyKey the same key twice to the same recipient makes one message; keys are per recipient (also
     *                       accepted as the Idempotency-Key header)
     * @param sendAt         a scheduled message: not sent before this time
     */
    record SendMessageRequest(Long contactId, Long chatId, String text, String idempotencyKey, Instant sendAt) {
    }

    @PostMapping("/messages")
    @Operation(summary = "Send a message through the outbox (to a contact or a chat); 202 with the outbox entry")
    ResponseEntity<OutboxEntryView> send(@RequestBody SendMessageRequest request,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String header) {
        InvalidInputException.require(request != null, null, "the message is missing");
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : header;
        SendCommand command = request.sendAt() == null
                ? SendCommand.reply(request.contactId(), request.chatId(), request.text(), key)
                : SendCommand.scheduled(request.contactId(), request.chatId(), request.text(), request.sendAt(), key);
        OutboxEntryView entry = send.send(command);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/outbox/" + entry.id())).body(entry);
    }

    @GetMapping("/outbox")
    @Operation(summary = "Outbox entries, newest first; filter by state and campaign")
    PageView<OutboxEntryView> list(@RequestParam(required = false) OutboxState state,
                                   @RequestParam(required = false) Long campaignId,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return outbox.list(state, campaignId, Paging.ofNullable(page, size));
    }

    @GetMapping("/outbox/{id}")
    @Operation(summary = "One outbox entry with its state and the governor's reason")
    OutboxEntryView get(@PathVariable long id) {
        return outbox.get(id);
    }

    @GetMapping("/outbox/by-contact/{contactId}")
    @Operation(summary = "The latest entries to one contact, oldest first (the conversation's ticks)")
    List<OutboxEntryView> byContact(@PathVariable long contactId) {
        return outbox.recentForContact(contactId);
    }

    @PostMapping("/outbox/{id}/cancel")
    @Operation(summary = "Cancel a queued, blocked or uncertain entry")
    OutboxEntryView cancel(@PathVariable long id) {
        return commands.cancel(id);
    }

    @PostMapping("/outbox/{id}/retry")
    @Operation(summary = "Queue a failed or blocked entry again")
    OutboxEntryView retry(@PathVariable long id) {
        return commands.retry(id);
    }

    @GetMapping("/outbox/status")
    @Operation(summary = "Whether sending is paused and why, the failure streak and counts")
    OutboxStatusView status() {
        return outbox.status();
    }

    @PostMapping("/outbox/resume")
    @Operation(summary = "Resume sending after the pause on consecutive failures")
    OutboxStatusView resume() {
        return commands.resume();
    }

    @GetMapping("/outbox/budget")
    @Operation(summary = "What is left under each cap now (minute, hour, day, new conversations per day)")
    SendBudgetView budget() {
        return outbox.budget();
    }
}
