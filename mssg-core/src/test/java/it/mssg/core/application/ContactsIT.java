package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.api.BulkTagging;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSort;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactSummaryView;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagChoice;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactsIT extends CoreIntegrationTest {

    @Autowired ContactQueries queries;
    @Autowired ContactCommands commands;
    @Autowired TagCommands tags;
    @Autowired TagQueries tagQueries;

    private ContactView contact(String phone, String name) {
        return commands.create(new NewContact(phone, name, null, null, null));
    }

    private List<String> names(PageView<ContactSummaryView> page) {
        return page.items().stream().map(ContactSummaryView::label).toList();
    }

    @Test
    void createsNormalisesAndRefusesDuplicates() {
        ContactView c = contact("333 123 4567", "Mario Rossi");
        assertThat(c.phoneE164()).isEqualTo("+393331234567");
        assertThat(c.source()).isEqualTo(ContactSource.MANUAL);
        assertThat(c.waId()).isNull();
        assertThatThrownBy(() -> contact("+39 333 1234567", "again")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> contact("12", "short")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("too short").extracting("field").isEqualTo("phone");
        assertThatThrownBy(() -> queries.get(999_999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void searchesByNameFragmentNumberFragmentAndTagsWithPagingAndSorting() {
        contact("3331234567", "Mario Rossi");
        contact("3471234567", "Anna Bianchi");
        contact("+31 6 12345678", "Jan de Vries");
        ContactView zoe = contact("3481234567", "Zoë Rossini");
        TagView vip = tags.create(new NewTag("VIP", "#ff0000"));
        commands.tag(new BulkTagging(Set.of(zoe.id()), vip.id()));

        assertThat(names(queries.search(ContactSearch.of(ContactFilter.text("ross"), null))))
                .containsExactly("Mario Rossi", "Zoë Rossini");
        assertThat(names(queries.search(ContactSearch.of(ContactFilter.text("ZOË"), null)))).containsExactly("Zoë Rossini");
        assertThat(names(queries.search(ContactSearch.of(ContactFilter.text("347 12"), null)))).containsExactly("Anna Bianchi");
        assertThat(names(queries.search(ContactSearch.of(ContactFilter.text("+39 348"), null)))).containsExactly("Zoë Rossini");
        assertThat(names(queries.search(ContactSearch.of(ContactFilter.text("06 1234"), null)))).containsExactly("Jan de Vries");
        assertThat(names(queries.search(ContactSearch.of(ContactFilter.text("100%_!"), null)))).isEmpty();
        assertThat(names(queries.search(ContactSearch.of(new ContactFilter("ross", Set.of(vip.id())), null))))
                .containsExactly("Zoë Rossini");

        PageView<ContactSummaryView> p0 = queries.search(new ContactSearch(null, ContactSort.parse("-name"), Paging.of(0, 3)));
        assertThat(names(p0)).containsExactly("Zoë Rossini", "Mario Rossi", "Jan de Vries");
        assertThat(p0.total()).isEqualTo(4);
        assertThat(p0.totalPages()).isEqualTo(2);
        assertThat(p0.hasNext()).isTrue();
        PageView<ContactSummaryView> p1 = queries.search(new ContactSearch(null, ContactSort.parse("-name"), Paging.of(1, 3)));
        assertThat(names(p1)).containsExactly("Anna Bianchi");
        assertThat(p1.hasNext()).isFalse();
        assertThat(p0.items().get(0).tags()).extracting("name").containsExactly("VIP");

        assertThat(names(queries.search(new ContactSearch(null, ContactSort.parse("phone"), null))))
                .containsExactly("Jan de Vries", "Mario Rossi", "Anna Bianchi", "Zoë Rossini");
        assertThat(queries.search(new ContactSearch(null, null, Paging.of(5, 10))).items()).isEmpty();
    }

    @Test
    void editsNotesFieldsTagsAndOptOut() {
        ContactView c = contact("3331234567", "Mario");
        TagView a = tags.create(new NewTag("a", null));
        TagView b = tags.create(new NewTag("b", null));
        Map<String, String> clash = new LinkedHashMap<>();
        clash.put(" Città ", "Roma");
        clash.put("città", "Milano"); // one field by name: refused rather than one value silently dropped
        assertThatThrownBy(() -> new ContactEdit(null, null, clash, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("are the same field");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(" Città ", "Roma");
        fields.put("email", "m@x.it");
        ContactView edited = commands.update(c.id(), new ContactEdit(null, "<b>notes</b> \u200F 😀", fields, Set.of(a.id(), b.id()), true));
        assertThat(edited.notes()).isEqualTo("<b>notes</b> \u200F 😀");
        assertThat(edited.fields()).containsOnlyKeys("Città", "email");
        assertThat(edited.tags()).extracting("name").containsExactly("a", "b");
        assertThat(edited.optedOut()).isTrue();
        assertThat(edited.displayName()).isEqualTo("Mario");
        assertThat(edited.updatedAt()).isAfterOrEqualTo(c.updatedAt());

        ContactView again = commands.update(c.id(), ContactEdit.tags(Set.of(b.id())));
        assertThat(again.tags()).extracting("name").containsExactly("b");
        assertThat(again.notes()).isEqualTo("<b>notes</b> \u200F 😀");

        assertThatThrownBy(() -> commands.update(c.id(), ContactEdit.tags(Set.of(424242L)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ContactEdit.fields(Map.of("bad key!", "x"))).isInstanceOf(InvalidInputException.class);
        assertThat(queries.get(c.id()).tags()).extracting("name").containsExactly("b");

        ContactView renamed = commands.update(c.id(), new ContactEdit("Mario Rossi", null, null, null, null));
        assertThat(queries.search(ContactSearch.of(ContactFilter.text("rossi"), null)).total()).isEqualTo(1);
        assertThat(renamed.optedOut()).isTrue();
        assertThatThrownBy(() -> commands.delete(renamed.id())).isInstanceOf(ConflictException.class);
        commands.update(c.id(), new ContactEdit(null, null, null, null, false));
        commands.delete(renamed.id());
        assertThatThrownBy(() -> queries.get(c.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEditOrANewContactNamingMoreTagsThanOneStatementHoldsIsCheckedAndRefusedAsNotFound() {
        // PostgreSQL takes at most 65,535 parameters a statement (pgjdbc refuses more): the tags' existence is checked in chunks
        ContactView c = contact("3331234567", "Mario");
        TagView vip = tags.create(new NewTag("VIP", null));
        commands.update(c.id(), ContactEdit.tags(Set.of(vip.id())));
        Set<Long> many = new java.util.HashSet<>(Set.of(vip.id()));
        for (long id = 1_000_000; many.size() < 70_000; id++) many.add(id);

        assertThatThrownBy(() -> commands.update(c.id(), ContactEdit.tags(many))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> commands.create(new NewContact("3471234567", null, null, null, many)))
                .isInstanceOf(NotFoundException.class);
        assertThat(queries.get(c.id()).tags()).extracting("name").containsExactly("VIP");
        assertThat(queries.findByPhone("+393471234567")).isEmpty();
    }

    @Test
    void bulkTagsAndUntagsAndCountsOnlyChanges() {
        ContactView a = contact("3331234567", "A");
        ContactView b = contact("3471234567", "B");
        TagView t = tags.create(new NewTag("Clienti", null));
        assertThat(commands.tag(new BulkTagging(Set.of(a.id()), t.id()))).isEqualTo(1);
        assertThat(commands.tag(new BulkTagging(Set.of(a.id(), b.id()), t.id()))).isEqualTo(1);
        assertThat(tagQueries.get(t.id()).contactCount()).isEqualTo(2);
        assertThat(commands.untag(new BulkTagging(Set.of(a.id(), b.id(), 999L), t.id()))).isEqualTo(2);
        assertThatThrownBy(() -> commands.tag(new BulkTagging(Set.of(a.id()), 999L))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new BulkTagging(Set.of(), t.id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void tagsAreUniqueIgnoringCaseAndDeleteSaysHowManyContactsItTouched() {
        TagView vip = tags.create(new NewTag("  VIP  clients ", "#A1B2C3"));
        assertThat(vip.name()).isEqualTo("VIP clients");
        assertThat(vip.color()).isEqualTo("#a1b2c3");
        assertThatThrownBy(() -> tags.create(new NewTag("vip CLIENTS", null))).isInstanceOf(ConflictException.class)
                .hasMessage("a tag named \"VIP clients\" exists already (names ignore case)"); // the stored spelling
        assertThatThrownBy(() -> new NewTag("x", "red")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewTag(" ", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewTag("x".repeat(51), null)).isInstanceOf(InvalidInputException.class);

        TagView other = tags.create(new NewTag("other", null));
        assertThat(other.color()).matches("#[0-9a-f]{6}");
        assertThatThrownBy(() -> tags.rename(other.id(), "vip clients")).isInstanceOf(ConflictException.class);
        assertThat(tags.rename(vip.id(), "Vip Clients").name()).isEqualTo("Vip Clients");
        assertThat(tags.recolor(vip.id(), "#000000").color()).isEqualTo("#000000");
        assertThat(tagQueries.findByName("VIP CLIENTS")).isPresent();

        ContactView a = contact("3331234567", "A");
        ContactView b = contact("3471234567", "B");
        commands.tag(new BulkTagging(Set.of(a.id(), b.id()), vip.id()));
        assertThat(tagQueries.list()).extracting(TagView::name, TagView::contactCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("other", 0L), org.assertj.core.groups.Tuple.tuple("Vip Clients", 2L));
        assertThat(tagQueries.choices()).containsExactly(new TagChoice(other.id(), "other", other.color()),
                new TagChoice(vip.id(), "Vip Clients", "#000000"));
        assertThat(tags.delete(vip.id())).isEqualTo(2);
        assertThat(queries.get(a.id()).tags()).isEmpty();
        assertThatThrownBy(() -> tags.delete(vip.id())).isInstanceOf(NotFoundException.class);
    }
    @Test
    void aNewContactKeepsItsFieldsAndTagsIsFoundByNumberAndTakesThemAlongWhenDeleted() {
        TagView vip = tags.create(new NewTag("VIP", null));
        assertThatThrownBy(() -> commands.create(new NewContact("3331234567", null, null, null, Set.of(vip.id(), 424242L))))
                .isInstanceOf(NotFoundException.class);
        ContactView c = commands.create(new NewContact("333 123 4567", " ", "", Map.of("Città", "Roma", "email", "m@x.it"),
                Set.of(vip.id())));
        assertThat(c.displayName()).isNull();
        assertThat(c.notes()).isNull();
        assertThat(c.fields()).containsExactly(Map.entry("Città", "Roma"), Map.entry("email", "m@x.it"));
        assertThat(c.tags()).extracting("name").containsExactly("VIP");
        assertThat(c.chatId()).isNull();
        ContactView stored = queries.findByPhone("+393331234567").orElseThrow();
        assertThat(stored.id()).isEqualTo(c.id());
        assertThat(stored.fields()).isEqualTo(c.fields());
        assertThat(stored.tags()).isEqualTo(c.tags());
        assertThat(stored.source()).isEqualTo(ContactSource.MANUAL);
        assertThat(queries.findByPhone("+393339999999")).isEmpty();
        assertThat(queries.search(ContactSearch.of(ContactFilter.text("333 123"), null)).total()).isEqualTo(1);

        commands.delete(c.id());
        assertThat(jdbc.queryForObject("select (select count(*) from contact_field) + (select count(*) from contact_tag)",
                Long.class)).isZero();
        assertThat(queries.findByPhone("+393331234567")).isEmpty();
        assertThatThrownBy(() -> commands.delete(c.id())).isInstanceOf(NotFoundException.class);
        assertThat(tagQueries.get(vip.id()).contactCount()).isZero();
    }

    @Test
    void searchFindsNamesWithOrWithoutTheirAccents() {
        commands.create(new NewContact("+39 333 8000001", "Niccolò Zoë", null, null, null));
        commands.create(new NewContact("+39 333 8000002", "Nicolo Zoe", null, null, null));
        for (String query : List.of("niccolo", "Niccolò", "NICCOLÒ")) {
            assertThat(queries.search(ContactSearch.of(ContactFilter.text(query), null)).total()).as(query).isOne();
        }
        assertThat(queries.search(ContactSearch.of(ContactFilter.text("zoë"), null)).total()).isEqualTo(2);
        assertThat(queries.search(ContactSearch.of(ContactFilter.text("nicolò"), null)).total()).isOne();
        assertThat(queries.findByPhone("+393338000001").orElseThrow().displayName()).as("the name itself keeps them")
                .isEqualTo("Niccolò Zoë");
    }

    @Test
    void aContactCreatedOptedOutIsStoredSoAndDated() {
        long id = commands.create(new NewContact("+39 333 8100001", "Suppressed", null, null, null, true)).id();
        assertThat(queries.get(id).optedOut()).isTrue();
        assertThat(jdbc.queryForObject("select opted_out_at from contact where id = ?", java.sql.Timestamp.class, id)).isNotNull();
        assertThat(queries.get(commands.create(new NewContact("+39 333 8100002", "Fine", null, null, null)).id()).optedOut()).isFalse();
    }
}
