package it.mssg.core.application;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.MessageTemplates;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.QuickReplies;
import it.mssg.core.api.QuickReplyView;
import it.mssg.core.api.TemplatePreviewView;
import it.mssg.core.api.TemplateView;
import it.mssg.core.domain.sending.MessageTemplate;
import it.mssg.core.domain.sending.RenderResult;
import it.mssg.core.domain.sending.TemplateException;
import it.mssg.core.domain.sending.TemplateValues;
import it.mssg.core.store.SendingDirectory;
import it.mssg.core.store.SnippetStore;
import it.mssg.core.store.SnippetStore.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Quick replies: snippets in template syntax offered after / in the reply box, rendered for the contact. */
@Service
class QuickReplyService implements QuickReplies {

    private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");

    private final SnippetStore store;
    private final SendingDirectory directory;
    private final TransactionTemplate tx;
    private final CoreClock clock;

    QuickReplyService(SnippetStore store, SendingDirectory directory, TransactionTemplate tx, CoreClock clock) {
        this.store = store;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<QuickReplyView> list(String prefix) {
        String p = prefix == null ? "" : prefix.strip().replaceFirst("^/", "").toLowerCase(Locale.ROOT);
        return tx.execute(t -> store.all(Kind.QUICK_REPLY).stream()
                .filter(r -> r.label().toLowerCase(Locale.ROOT).startsWith(p)).map(QuickReplyService::quickReply).toList());
    }

    @Override
    public QuickReplyView create(String shortcut, String body) {
        String s = shortcut(shortcut);
        TemplateService.parse(body);
        return tx.execute(t -> {
            unique(Kind.QUICK_REPLY, s, null);
            return quickReply(find(Kind.QUICK_REPLY, store.insert(Kind.QUICK_REPLY, s, body, clock.instant())));
        });
    }

    @Override
    public QuickReplyView update(long id, String shortcut, String body) {
        String s = shortcut(shortcut);
        TemplateService.parse(body);
        return tx.execute(t -> {
            find(Kind.QUICK_REPLY, id);
            unique(Kind.QUICK_REPLY, s, id);
            store.update(Kind.QUICK_REPLY, id, s, body, clock.instant());
            return quickReply(find(Kind.QUICK_REPLY, id));
        });
    }

    @Override
    public void delete(long id) {
        tx.executeWithoutResult(t -> {
            if (!store.delete(Kind.QUICK_REPLY, id)) {
                throw new NotFoundException("quick reply", id);
            }
        });
    }

    @Override
    public String render(long id, Long contactId) {
        return tx.execute(t -> {
            SnippetStore.Row row = find(Kind.QUICK_REPLY, id);
            TemplateValues values;
            String key;
            if (contactId == null) {
                // a group: no one person's values, so a variable without a fallback cannot be filled in
                values = new TemplateValues(null, null, null, Map.of());
                key = "group-" + id;
            } else {
                SendingDirectory.Recipient r = directory.contact(contactId)
                        .orElseThrow(() -> new NotFoundException("contact", contactId));
                values = CampaignService.values(r);
                key = r.recipientWaId() != null ? r.recipientWaId() : "contact-" + r.contactId();
            }
            RenderResult result = TemplateService.parse(row.body()).render(values, key);
            InvalidInputException.require(result.ok(), "contactId",
                    (contactId == null ? "in a group chat, " : "") + result.message());
            return result.text();
        });
    }

    private static String shortcut(String shortcut) {
        String s = shortcut == null ? "" : shortcut.strip().replaceFirst("^/", "");
        InvalidInputException.require(SHORTCUT.matcher(s).matches(), "shortcut",
                "a shortcut is 1 to 40 letters, digits, - or _ (typed after /)");
        return s;
    }

    private static QuickReplyView quickReply(SnippetStore.Row r) {
        return new QuickReplyView(r.id(), r.label(), r.body(), r.updatedAt());
    }

    // ---- shared

    private SnippetStore.Row find(Kind kind, long id) {
        return store.find(kind, id).orElseThrow(() -> new NotFoundException(
                kind == Kind.TEMPLATE ? "template" : "quick reply", id));
    }

    private void unique(Kind kind, String label, Long self) {
        store.findByLabel(kind, label).filter(r -> self == null || r.id() != self).ifPresent(r -> {
            throw new ConflictException(kind == Kind.TEMPLATE ? "name" : "shortcut",
                    (kind == Kind.TEMPLATE ? "a template named \"" : "the shortcut /") + label
                            + (kind == Kind.TEMPLATE ? "\" exists already" : " is taken"));
        });
    }
}
