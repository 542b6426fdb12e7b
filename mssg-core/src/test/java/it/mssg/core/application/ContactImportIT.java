package it.mssg.core.application;

import it.mssg.core.CoreIntegrationTest;
import it.mssg.core.RecordingListener;
import it.mssg.core.api.BulkTagging;
import it.mssg.core.api.ContactCommands;
import it.mssg.core.api.ContactEdit;
import it.mssg.core.api.ContactFilter;
import it.mssg.core.api.ContactImport;
import it.mssg.core.api.ContactQueries;
import it.mssg.core.api.ContactSearch;
import it.mssg.core.api.ContactSource;
import it.mssg.core.api.ContactView;
import it.mssg.core.api.ContactsImported;
import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportPreviewView;
import it.mssg.core.api.ImportRejectedException;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.api.ImportRowView;
import it.mssg.core.api.NewContact;
import it.mssg.core.api.NewTag;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.Paging;
import it.mssg.core.api.TagCommands;
import it.mssg.core.api.TagQueries;
import it.mssg.core.api.TagView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ContactImportIT extends CoreIntegrationTest {

    @Autowired ContactImport imports;
    @Autowired ContactQueries contacts;
    @Autowired ContactCommands commands;
    @Autowired TagQueries tags;
    @Autowired TagCommands tagCommands;
    @Autowired RecordingListener events;

    @BeforeEach
    void clearEvents() {
        events.clear();
    }

    private ImportPreviewView preview(String csv, DuplicatePolicy policy) {
        return imports.preview(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new ImportOptions("people.csv", null, policy));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void previewShowsEveryProblemThenCommitStoresTheValidRows() {
        commands.create(new NewContact("+39 349 1234567", "Already here", null, null, null));
        ImportPreviewView p = preview("""
                Nome;Telefono;Tag;Note;Città
                Mario <script>alert(1)</script>;333 123 4567;VIP|clienti;ciao 😀;Roma
                ;;;;
                Anna;12;;;
                Anna bis;+39 333 1234567;;;
                Già presente;349 1234567;;;
                \u200FRTL name\u200F;347 7654321;clienti;;Milano
                """, null);
        assertThat(p.delimiter()).isEqualTo(";");
        assertThat(p.totalRows()).isEqualTo(5);
        assertThat(p.validRows()).isEqualTo(2);
        assertThat(p.invalidRows()).isEqualTo(1);
        assertThat(p.duplicateInFileRows()).isEqualTo(1);
        assertThat(p.duplicateInDbRows()).isEqualTo(1);
        assertThat(p.importableRows()).isEqualTo(2);
        assertThat(p.firstRows()).extracting(ImportRowView::line, ImportRowView::status).containsExactly(
                tuple(2, ImportRowStatus.VALID), tuple(4, ImportRowStatus.INVALID), tuple(5, ImportRowStatus.DUPLICATE_IN_FILE),
                tuple(6, ImportRowStatus.DUPLICATE_IN_DB), tuple(7, ImportRowStatus.VALID));
        assertThat(p.firstRows().get(2).firstLine()).isEqualTo(2);
        assertThat(p.firstRows().get(3).existingContactId()).isNotNull();
        PageView<ImportRowView> invalid = imports.rows(p.id(), ImportRowStatus.INVALID, Paging.of(0, 10));
        assertThat(invalid.items()).singleElement().satisfies(r -> assertThat(r.reason()).contains("too short"));
        assertThat(count("contact")).isEqualTo(1); // nothing stored by a preview

        ImportResultView result = imports.commit(p.id(), null);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.merged()).isZero();
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.tagsCreated()).isEqualTo(2);

        ContactView mario = contacts.findByPhone("+393331234567").orElseThrow();
        assertThat(mario.displayName()).isEqualTo("Mario <script>alert(1)</script>");
        assertThat(mario.notes()).isEqualTo("ciao 😀");
        assertThat(mario.source()).isEqualTo(ContactSource.CSV);
        assertThat(mario.fields()).containsEntry("Città", "Roma");
        assertThat(mario.tags()).extracting("name").containsExactly("clienti", "VIP");
        assertThat(contacts.findByPhone("+393477654321").orElseThrow().displayName()).isEqualTo("\u200FRTL name\u200F");
        assertThat(contacts.search(ContactSearch.of(ContactFilter.text("script"), null)).total()).isEqualTo(1);
        assertThat(tags.findByName("clienti").orElseThrow().contactCount()).isEqualTo(2);
        assertThat(events.committed()).containsExactly(new ContactsImported(p.id(), 2, 0));

        assertThatThrownBy(() -> imports.commit(p.id(), null)).isInstanceOf(NotFoundException.class);
        assertThat(imports.findPreview(p.id())).isEmpty();
    }

    @Test
    void existingTagsAreReusedIgnoringCaseAndMergeFillsInStoredContacts() {
        TagView vip = tagCommands.create(new NewTag("VIP", "#123456"));
        ContactView stored = commands.create(new NewContact("3331234567", null, null, null, null));
        commands.tag(new BulkTagging(Set.of(stored.id()), vip.id()));
        ImportPreviewView p = preview("phone,name,tags,notes,email\n3331234567,Mario,vip;new,hello,m@x.it\n3471234567,Anna,Vip,,\n",
                DuplicatePolicy.MERGE);
        assertThat(p.duplicateInDbRows()).isEqualTo(1);
        assertThat(p.importableRows()).isEqualTo(2);
        ImportResultView r = imports.commit(p.id(), null);
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.merged()).isEqualTo(1);
        assertThat(r.tagsCreated()).isEqualTo(1);
        ContactView merged = contacts.get(stored.id());
        assertThat(merged.displayName()).isEqualTo("Mario");
        assertThat(merged.notes()).isEqualTo("hello");
        assertThat(merged.fields()).containsEntry("email", "m@x.it");
        assertThat(merged.tags()).extracting("name").containsExactly("new", "VIP");
        assertThat(merged.source()).isEqualTo(ContactSource.MANUAL);
        assertThat(tags.list()).extracting("name").containsExactly("new", "VIP");
        assertThat(contacts.search(ContactSearch.of(ContactFilter.text("mario"), null)).total()).isEqualTo(1);
    }

    @Test
    void skipLeavesStoredContactsAloneAndNumbersStoredSinceThePreviewAreNotDoubled() {
        ImportPreviewView p = preview("phone,name\n3331234567,Mario\n3471234567,Anna\n", DuplicatePolicy.SKIP);
        commands.create(new NewContact("3471234567", "Typed meanwhile", null, null, null));
        ImportResultView r = imports.commit(p.id(), null);
        assertThat(r.created()).isEqualTo(1);
        assertThat(contacts.findByPhone("+393471234567").orElseThrow().displayName()).isEqualTo("Typed meanwhile");
    }

    @Test
    void aFailingCommitStoresNothingAndThePreviewCanBeCommittedAgain() {
        StringBuilder csv = new StringBuilder("phone,name,tags,city\n");
        for (int i = 0; i < 2_500; i++) csv.append("333").append(1_000_000 + i).append(",P").append(i).append(",t").append(i % 3).append(",c\n");
        ImportPreviewView p = preview(csv.toString(), null);
        assertThat(p.validRows()).isEqualTo(2_500);
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> imports.commit(p.id(), (done, total) -> {
            seen.add(done);
            throw new IllegalStateException("disk full (simulated)");
        })).hasMessageContaining("disk full");
        assertThat(seen).containsExactly(1_000L);
        assertThat(count("contact")).isZero();
        assertThat(count("contact_field")).isZero();
        assertThat(count("contact_tag")).isZero();
        assertThat(count("tag")).isZero();
        assertThat(events.committed()).isEmpty();

        List<long[]> progress = new ArrayList<>();
        ImportResultView r = imports.commit(p.id(), (done, total) -> progress.add(new long[]{done, total}));
        assertThat(r.created()).isEqualTo(2_500);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(2_500, 2_500);
        assertThat(count("contact_field")).isEqualTo(2_500);
        assertThat(count("contact_tag")).isEqualTo(2_500);
    }

    @Test
    void previewsCanBeDiscardedAndBadFilesAreRejected() {
        ImportPreviewView p = preview("phone\n3331234567\n", null);
        imports.discard(p.id());
        assertThatThrownBy(() -> imports.getPreview(p.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> preview("name\nMario\n", null)).isInstanceOf(ImportRejectedException.class);
        imports.discard("no-such-id");
    }

    @Test
    void exportsExcelFriendlyCsvThatImportsBack() {
        ImportPreviewView p = preview("phone,name,tags,notes,Città\n3331234567,=cmd|' /C calc'!A0,vip;b,\"multi\nline\",Roma\n"
                + "3471234567,Anna 😀,,,\n", null);
        imports.commit(p.id(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = imports.exportCsv(ContactFilter.all(), out);
        assertThat(n).isEqualTo(2);
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("phone,name,push name,whatsapp id,business,opted out,source,tags,notes,Città\r\n");
        assertThat(text).contains("\n+393331234567,'=cmd|' /C calc'!A0,,,no,no,CSV,b; vip,\"multi\nline\",Roma\r\n");
        assertThat(text).contains("Anna 😀");

        ByteArrayOutputStream onlyVip = new ByteArrayOutputStream();
        long vip = imports.exportCsv(new ContactFilter(null, Set.of(tags.findByName("vip").orElseThrow().id())), onlyVip);
        assertThat(vip).isEqualTo(1);

        jdbc.update("delete from contact_tag");
        jdbc.update("delete from contact_field");
        jdbc.update("delete from contact");
        ImportPreviewView back = imports.preview(new ByteArrayInputStream(bytes), ImportOptions.defaults("export.csv"));
        assertThat(back.validRows()).isEqualTo(2);
        imports.commit(back.id(), null);
        ContactView c = contacts.findByPhone("+393331234567").orElseThrow();
        assertThat(c.displayName()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(c.notes()).isEqualTo("multi\nline");
        assertThat(c.fields()).containsOnly(java.util.Map.entry("Città", "Roma"));
        assertThat(c.tags()).extracting("name").containsExactly("b", "vip");
    }

    @Test
    void mergeFillsInOnlyTheFieldsAContactLacks() {
        ContactView stored = commands.create(new NewContact("3331234567", "Alice", null,
                java.util.Map.of("Email", "alice@x.it", "City", ""), null));
        ImportPreviewView p = preview("phone,name,email,CITY,team\n3331234567,Other,bob@x.it,Roma,blue\n", DuplicatePolicy.MERGE);
        ImportResultView r = imports.commit(p.id(), null);
        assertThat(r.merged()).isEqualTo(1);
        ContactView merged = contacts.get(stored.id());
        assertThat(merged.displayName()).isEqualTo("Alice");
        // a field it has keeps its value (names compare ignoring case); an empty one and a missing one are filled in
        assertThat(merged.fields()).containsOnly(java.util.Map.entry("Email", "alice@x.it"), java.util.Map.entry("CITY", "Roma"),
                java.util.Map.entry("team", "blue"));
    }

    @Test
    void aMergeAddsFieldsOnlyUpToTheHundredAContactMayHave() {
        java.util.Map<String, String> ninetyEight = new java.util.HashMap<>();
        for (int i = 0; i < 98; i++) ninetyEight.put("f" + i, "v" + i);
        ContactView stored = commands.create(new NewContact("3331234567", "Alice", null, ninetyEight, null));
        ImportPreviewView p = preview("phone,f1,x1,x2,x3,x4\n3331234567,other,a,b,c,d\n", DuplicatePolicy.MERGE);
        imports.commit(p.id(), null);
        ContactView merged = contacts.get(stored.id());
        assertThat(merged.fields()).hasSize(ContactEdit.MAX_FIELDS).containsEntry("f1", "v1").containsEntry("x1", "a")
                .containsEntry("x2", "b").doesNotContainKeys("x3", "x4");
        // and the contact can still be saved from its page with all of them
        commands.update(stored.id(), new ContactEdit("Alice", null, merged.fields(), null, false));
    }

    @Test
    void theOptOutColumnOptsContactsOutAndNeverBackIn() {
        long keen = commands.create(new NewContact("3331234567", "Keen", null, null, null)).id();
        long gone = commands.create(new NewContact("3341234567", "Gone", null, null, null)).id();
        commands.update(gone, new ContactEdit(null, null, null, null, true));
        ImportPreviewView p = preview("phone,name,opted out\n3331234567,Keen,yes\n3341234567,Gone,no\n"
                + "3351234567,New out,x\n3361234567,New in,\n", DuplicatePolicy.MERGE);
        assertThat(p.validRows() + p.duplicateInDbRows()).isEqualTo(4);
        imports.commit(p.id(), null);
        assertThat(contacts.get(keen).optedOut()).isTrue();
        assertThat(contacts.get(gone).optedOut()).isTrue();
        assertThat(contacts.findByPhone("+393351234567").orElseThrow().optedOut()).isTrue();
        assertThat(contacts.findByPhone("+393361234567").orElseThrow().optedOut()).isFalse();
    }

    @Test
    void anExportWithFieldsNamedLikeColumnsImportsBackAsItWas() {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String k : List.of("Business", "Source", "Cognome", "first name", "surname", "push name", "whatsapp id",
                "opted out", "phone", "Notes", "tags")) {
            fields.put(k, "'=" + k);
        }
        ContactView mario = commands.create(new NewContact("3331234567", "Mario", "note", fields, null));
        commands.update(mario.id(), new ContactEdit(null, null, null, null, true));
        commands.create(new NewContact("3471234567", "Anna", null, java.util.Map.of("Cognome", "Bianchi"), null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.exportCsv(ContactFilter.all(), out);

        jdbc.update("delete from contact_tag");
        jdbc.update("delete from contact_field");
        jdbc.update("delete from contact");
        ImportPreviewView back = imports.preview(new ByteArrayInputStream(out.toByteArray()), ImportOptions.defaults("export.csv"));
        assertThat(back.validRows()).isEqualTo(2);
        imports.commit(back.id(), null);
        ContactView m = contacts.findByPhone("+393331234567").orElseThrow();
        assertThat(m.displayName()).isEqualTo("Mario");
        assertThat(m.notes()).isEqualTo("note");
        assertThat(m.optedOut()).isTrue();
        assertThat(m.fields()).containsExactlyInAnyOrderEntriesOf(fields);
        ContactView a = contacts.findByPhone("+393471234567").orElseThrow();
        assertThat(a.displayName()).isEqualTo("Anna");
        assertThat(a.optedOut()).isFalse();
        assertThat(a.fields()).containsOnly(java.util.Map.entry("Cognome", "Bianchi"));
    }

    /** A suppression list of numbers already stored, imported with the default policy: the opt-outs are applied. */
    @Test
    void anOptOutInTheFileIsAppliedToStoredContactsAlsoWhenTheyAreLeftAsTheyAre() {
        long anna = commands.create(new NewContact("+39 333 7000001", "Anna", null, null, null)).id();
        long bruno = commands.create(new NewContact("+39 333 7000002", "Bruno", null, null, null)).id();
        commands.create(new NewContact("+39 333 7000003", "Already out", null, null, null, true));
        ImportPreviewView p = preview("phone,name,opted out\n+39 333 7000001,Other name,yes\n+39 333 7000002,,no\n"
                + "+39 333 7000003,,yes\n", DuplicatePolicy.SKIP);
        assertThat(p.validRows()).isZero();
        assertThat(p.storedOptOutRows()).isEqualTo(2);
        assertThat(p.optOutsOnly()).isEqualTo(2);
        assertThat(p.committable()).isTrue();

        ImportResultView r = imports.commit(p.id(), null);
        assertThat(r.created()).isZero();
        assertThat(r.merged()).isZero();
        assertThat(r.optedOut()).as("the one not opted out already").isOne();
        assertThat(contacts.get(anna).optedOut()).isTrue();
        assertThat(contacts.get(anna).displayName()).as("otherwise left as it was").isEqualTo("Anna");
        assertThat(contacts.get(bruno).optedOut()).isFalse();
        assertThat(contacts.search(ContactSearch.of(ContactFilter.text("anna"), null)).items())
                .singleElement().satisfies(c -> assertThat(c.optedOut()).isTrue());
    }

    /** A preview that saw a number stored, committed after that contact was deleted: the row is a new contact. */
    @Test
    void aStoredNumberDeletedBetweenPreviewAndCommitIsImportedAsNew() {
        long gone = commands.create(new NewContact("+39 333 7100001", "Was here", null, null, null)).id();
        ImportPreviewView p = preview("phone,name\n+39 333 7100001,Back again\n+39 333 7100002,New\n", DuplicatePolicy.SKIP);
        assertThat(p.duplicateInDbRows()).isOne();
        commands.delete(gone);
        ImportResultView r = imports.commit(p.id(), null);
        assertThat(r.created()).isEqualTo(2);
        assertThat(r.skipped()).isZero();
        assertThat(contacts.findByPhone("+393337100001").orElseThrow().displayName()).isEqualTo("Back again");
    }
}
