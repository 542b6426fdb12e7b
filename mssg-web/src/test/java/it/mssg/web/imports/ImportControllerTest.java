package it.mssg.web.imports;

import it.mssg.core.api.ContactImport;
import it.mssg.core.api.DuplicatePolicy;
import it.mssg.core.api.ImportColumnView;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportRecordView;
import it.mssg.core.api.ImportOptions;
import it.mssg.core.api.ImportPreviewView;
import it.mssg.core.api.ImportProgress;
import it.mssg.core.api.ImportRejectedException;
import it.mssg.core.api.ImportResultView;
import it.mssg.core.api.ImportRowStatus;
import it.mssg.core.api.ImportRowView;
import it.mssg.core.api.NotFoundException;
import it.mssg.core.api.PageView;
import it.mssg.core.api.RegionView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ImportController.class)
class ImportControllerTest extends WebSliceTest {

    @MockitoBean ContactImport csv;
    @MockitoBean ImportHistory history;

    ImportPreviewView preview = new ImportPreviewView("p1", "people <x>.csv", ";",
            List.of(new ImportColumnView(0, "Telefono", ImportColumnView.Role.PHONE, null),
                    new ImportColumnView(1, "Città", ImportColumnView.Role.FIELD, "Città")),
            3, 1, 1, 1, 0, 0, DuplicatePolicy.SKIP, List.of("2 empty lines ignored"), List.of(),
            Instant.parse("2026-11-29T20:00:00Z"));

    @BeforeEach
    void data() {
        when(settings.regions()).thenReturn(List.of(new RegionView("IT", "Italy", 39), new RegionView("DE", "Germany", 49)));
        when(csv.preview(any(), any())).thenReturn(preview);
        when(csv.getPreview("p1")).thenReturn(preview);
        when(csv.getPreview("gone")).thenThrow(new NotFoundException("import preview", "gone"));
        when(csv.rows(eq("p1"), any(), any())).thenReturn(new PageView<>(List.of(
                new ImportRowView(2, ImportRowStatus.VALID, "333 1234567", "+393331234567", "Anna", List.of("vip"), null, null, null),
                new ImportRowView(3, ImportRowStatus.INVALID, "12", null, "<script>bad()</script>", List.of(), "not a phone number", null, null),
                new ImportRowView(4, ImportRowStatus.DUPLICATE_IN_FILE, "3331234567", "+393331234567", "Anna again", List.of(), "same number as line 2", 2, null)),
                0, 100, 3));
    }

    @Test
    void theFormOffersCountriesWithTheDefaultSelected() throws Exception {
        mvc.perform(get("/contacts/import").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"IT\" selected")))
                .andExpect(content().string(containsString("Germany (+49)")));
    }

    @Test
    void theFormListsRecentImportsWithUndoForThoseThatAddedContacts() throws Exception {
        when(history.recent(ImportController.RECENT_IMPORTS)).thenReturn(List.of(
                new ImportRecordView(3, "later <b>.csv", Instant.parse("2026-11-30T10:00:00Z"), 0, 4, 1, null, null),
                new ImportRecordView(2, "wrong.csv", Instant.parse("2026-11-30T09:00:00Z"), 120, 0, 0, null, null),
                new ImportRecordView(1, "old.csv", Instant.parse("2026-11-29T09:00:00Z"), 50, 0, 0,
                        Instant.parse("2026-11-29T10:00:00Z"), 48)));
        mvc.perform(get("/contacts/import").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Recent imports")))
                .andExpect(content().string(containsString("later &lt;b&gt;.csv")))
                .andExpect(content().string(not(containsString("/contacts/imports/3/undo"))))
                .andExpect(content().string(containsString("href=\"/contacts/imports/2/undo\"")))
                .andExpect(content().string(not(containsString("/contacts/imports/1/undo"))))
                .andExpect(content().string(containsString("undone: 48 removed")));
    }

    @Test
    void anUploadShowsThePreviewWithRowErrorsAndLineNumbers() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "people.csv", "text/csv",
                "Telefono;Città\n333 1234567;Torino\n12;x\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/contacts/import").file(file).param("region", "de").param("duplicates", "MERGE")
                        .with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("people &lt;x&gt;.csv")))
                .andExpect(content().string(containsString("not a phone number")))
                .andExpect(content().string(containsString("(first on line 2)")))
                .andExpect(content().string(containsString("&lt;script&gt;bad()&lt;/script&gt;")))
                .andExpect(content().string(containsString("semicolons")))
                .andExpect(content().string(containsString("2 empty lines ignored")))
                .andExpect(content().string(containsString("Import 1 contact<")));
        verify(csv).preview(any(), eq(new ImportOptions("people.csv", "DE", DuplicatePolicy.MERGE)));
    }

    @Test
    void aFileRejectedAsTooLargeIsA413WithTheReason() throws Exception {
        when(csv.preview(any(), any())).thenThrow(new ImportRejectedException("more than 200,000 rows", true));
        MockMultipartFile file = new MockMultipartFile("file", "big.csv", "text/csv", "a\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/contacts/import").file(file).with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().is(413))
                .andExpect(content().string(containsString("more than 200,000 rows")))
                .andExpect(content().string(containsString("id=\"import-area\"")));
    }

    @Test
    void noFileIsAClearError() throws Exception {
        mvc.perform(multipart("/contacts/import").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a CSV file first")));
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws Exception {
        mvc.perform(multipart("/contacts/import").file(new MockMultipartFile("file", "people.csv", "text/csv", new byte[0]))
                        .with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The file people.csv is empty.")));
    }

    @Test
    void rowsCanBeFilteredByStatus() throws Exception {
        mvc.perform(get("/contacts/import/p1").param("status", "INVALID").with(owner()).header("HX-Request", "true"))
                .andExpect(status().isOk());
        verify(csv).rows(eq("p1"), eq(ImportRowStatus.INVALID), any());
    }

    @Test
    void committingReportsProgressAndTheResult() throws Exception {
        when(csv.commit(eq("p1"), any())).thenAnswer(call -> {
            ImportProgress progress = call.getArgument(1);
            progress.progressed(1, 1);
            return new ImportResultView("p1", 7, 1, 0, 2, 1, 0, 42);
        });
        mvc.perform(post("/contacts/import/p1/commit").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("Imported 1 new")))
                .andExpect(content().string(containsString("1 new contact, 0 filled in, 2 rows skipped, 1 new tag (")))
                .andExpect(content().string(containsString("href=\"/contacts?sort=-created\"")))
                .andExpect(content().string(containsString("href=\"/contacts/imports/7/undo\"")));
        verify(liveUpdates, atLeastOnce()).progress(eq("import"), any(), eq(1L), eq(1L));
    }

    @Test
    void withoutHtmxTheCommitRedirectsAndTheFormShowsTheOutcomeOnce() throws Exception {
        when(csv.commit(eq("p1"), any())).thenReturn(new ImportResultView("p1", 7, 3, 1, 0, 0, 0, 42));
        org.springframework.test.web.servlet.MvcResult posted = mvc.perform(post("/contacts/import/p1/commit").with(owner()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/contacts/import"))
                .andReturn();
        // the redirect's page carries the outcome (flash attributes), and a reload of it posts nothing again
        mvc.perform(get("/contacts/import").with(owner()).flashAttrs(posted.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 new contacts, 1 filled in")));
        mvc.perform(get("/contacts/import").with(owner()))
                .andExpect(content().string(not(containsString("3 new contacts"))));
        verify(csv, org.mockito.Mockito.times(1)).commit(eq("p1"), any());
    }

    @Test
    void anExpiredPreviewLeadsBackToTheUpload() throws Exception {
        mvc.perform(post("/contacts/import/gone/commit").with(owner()).with(csrf().asHeader()).header("HX-Request", "true"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("HX-Retarget", "#import-area"))
                .andExpect(content().string(containsString("no longer available")));
        mvc.perform(get("/contacts/import/gone").with(owner()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html")));
        verify(csv, org.mockito.Mockito.never()).commit(eq("gone"), isNull());
    }
}
