package it.mssg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts")
class ContactsApi {

    private final ContactQueries contacts;
    private final ContactCommands commands;
    private final TagQueries tags;

    ContactsApi(ContactQueries contacts, ContactCommands commands, TagQueries tags) {
        this.contacts = contacts;
        this.commands = commands;
        this.tags = tags;
    }

    @GetMapping
    @Operation(summary = "Search contacts",
            description = "q matches a fragment of the name or number; tag (repeatable, id or name) keeps contacts "
                    + "carrying all the given tags; sort is name, phone, created or updated, with a leading - for descending.")
    PageView<ContactSummaryView> search(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) List<String> tag,
                                        @RequestParam(required = false) String sort,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return contacts.search(new ContactSearch(new ContactFilter(q, tagIds(tag)), ContactSort.parse(sort),
                Paging.ofNullable(page, size)));
    }

    @PostMapping
    @Operation(summary = "Add a contact by hand",
            description = "phone in any spelling (read with the default country unless it starts with + or 00); "
                    + "displayName, notes, fields and tagIds optional. 409 when a contact has that number already.")
    ResponseEntity<ContactView> create(@RequestBody NewContact contact) {
        ContactView created = commands.create(contact);
        return ResponseEntity.created(URI.create("/api/contacts/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a contact",
            description = "With its tags, custom fields and reminders; what still waits to be sent to it is cancelled, its chats "
                    + "stay. 409 for a contact who opted out: it is kept, so that nothing is ever sent to the number again.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        commands.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact with notes, custom fields and tags")
    ContactView get(@PathVariable long id) {
        return contacts.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a contact",
            description = "Only the given members change. fields and tagIds, when given, replace all custom fields / tags.")
    ContactView patch(@PathVariable long id, @RequestBody ContactEdit edit) {
        return commands.update(id, edit);
    }

    private Set<Long> tagIds(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        if (values == null) {
            return ids;
        }
        for (String value : values) {
            String v = value.strip();
            if (v.matches("\\d{1,18}")) {
                ids.add(Long.parseLong(v));
            } else if (!v.isEmpty()) {
                TagView found = tags.findByName(v)
                        .orElseThrow(() -> new InvalidInputException("tag", "no tag named " + v));
                ids.add(found.id());
            }
        }
        return ids;
    }
}
