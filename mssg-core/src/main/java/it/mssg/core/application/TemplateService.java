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
import it.mssg.core.store.SendingDirectory;
import it.mssg.core.store.SnippetStore;
import it.mssg.core.store.SnippetStore.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Message templates: saved texts in template syntax, checked when saved, previewed on real contacts. */
@Service
class TemplateService implements MessageTemplates {

    static final int MAX_PREVIEW = 20;
    static final int MAX_NAME = 100;
    private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]{1,40}");

    private final SnippetStore store;
    private final SendingDirectory directory;
    private final TransactionTemplate tx;
    private final CoreClock clock;

    TemplateService(SnippetStore store, SendingDirectory directory, TransactionTemplate tx, CoreClock clock) {
        this.store = store;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
    }

    static MessageTemplate parse(String body) {
        try {
            return MessageTemplate.parse(body);
        } catch (TemplateException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }


    @Override
    public List<TemplateView> list() {
        return tx.execute(t -> store.all(Kind.TEMPLATE).stream().map(TemplateService::template).toList());
    }

    @Override
    public TemplateView get(long id) {
        return tx.execute(t -> template(find(Kind.TEMPLATE, id)));
    }

    @Override
    public TemplateView create(String name, String body) {
        String n = name(name);
        parse(body);
        return tx.execute(t -> {
            unique(Kind.TEMPLATE, n, null);
            return template(find(Kind.TEMPLATE, store.insert(Kind.TEMPLATE, n, body, clock.instant())));
        });
    }

    @Override
    public TemplateView update(long id, String name, String body) {
        String n = name(name);
        parse(body);
        return tx.execute(t -> {
            find(Kind.TEMPLATE, id);
            unique(Kind.TEMPLATE, n, id);
            store.update(Kind.TEMPLATE, id, n, body, clock.instant());
            return template(find(Kind.TEMPLATE, id));
        });
    }

    @Override
    public void delete(long id) {
        tx.executeWithoutResult(t -> {
            if (!store.delete(Kind.TEMPLATE, id)) {
                throw new NotFoundException("template", id);
            }
        });
    }

    @Override
    public List<TemplatePreviewView> preview(String body, List<Long> contactIds) {
        MessageTemplate template = parse(body);
        InvalidInputException.require(contactIds != null && !contactIds.isEmpty(), "contactIds",
                "choose at least one contact to preview on");
        InvalidInputException.require(contactIds.size() <= MAX_PREVIEW, "contactIds",
                "preview on at most " + MAX_PREVIEW + " contacts");
        return tx.execute(t -> {
            List<TemplatePreviewView> out = new ArrayList<>();
            for (Long id : contactIds) {
                SendingDirectory.Recipient r = directory.contact(id).orElseThrow(() -> new NotFoundException("contact", id));
                String key = r.recipientWaId() != null ? r.recipientWaId() : "contact-" + r.contactId();
                RenderResult result = template.render(CampaignService.values(r), key);
                out.add(new TemplatePreviewView(r.contactId(), r.name(), result.text(), result.ok() ? null : result.message()));
            }
            return out;
        });
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        InvalidInputException.require(!n.isEmpty() && n.length() <= MAX_NAME, "name",
                "a template needs a name of 1 to " + MAX_NAME + " characters");
        return n;
    }

    private static TemplateView template(SnippetStore.Row r) {
        return new TemplateView(r.id(), r.label(), r.body(), parseQuietly(r.body()), r.createdAt(), r.updatedAt());
    }

    private static java.util.Set<String> parseQuietly(String body) {
        try {
            return MessageTemplate.parse(body).variables();
        } catch (TemplateException e) {
            return java.util.Set.of();
        }
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
