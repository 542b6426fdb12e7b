package it.mssg.web.imports;

import it.mssg.core.api.ConflictException;
import it.mssg.core.api.ImportHistory;
import it.mssg.core.api.ImportRecordView;
import it.mssg.core.api.ImportUndoView;
import it.mssg.core.api.NotFoundException;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ImportUndoController.class)
class ImportUndoControllerTest extends WebSliceTest {

    @MockitoBean ImportHistory history;

    static final ImportRecordView WRONG = new ImportRecordView(2, "wrong <i>.csv", Instant.parse("2026-11-30T09:00:00Z"),
            120, 3, 1, null, null);

    @Test
    void thePageSaysWhatGoesAndWhatStaysBeforeAnythingIsRemoved() throws Exception {
        when(history.undoPlan(2)).thenReturn(new ImportUndoView(WRONG, 118, 110, 1, 5, 2, 0));
        mvc.perform(get("/contacts/imports/2/undo").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Remove the contacts wrong &lt;i&gt;.csv added")))
                .andExpect(content().string(containsString("110 of the 118 contacts it added will be removed")))
                .andExpect(content().string(containsString("1 kept because they opted out")))
                .andExpect(content().string(containsString("5 kept because they are in use")))
                .andExpect(content().string(containsString("2 kept because they changed since")))
                .andExpect(content().string(containsString("action=\"/contacts/imports/2/undo\"")))
                .andExpect(content().string(containsString("Remove 110 contacts")));
        verify(history, never()).undo(2);
    }

    @Test
    void whenEveryContactIsKeptThereIsNoButton() throws Exception {
        when(history.undoPlan(2)).thenReturn(new ImportUndoView(WRONG, 2, 0, 2, 0, 0, 0));
        mvc.perform(get("/contacts/imports/2/undo").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Every one of them is kept")))
                .andExpect(content().string(not(containsString("Remove 0 contacts"))));
    }

    @Test
    void anUndoneImportSaysWhenAndHowMany() throws Exception {
        ImportRecordView undone = new ImportRecordView(2, "wrong.csv", WRONG.committedAt(), 120, 3, 1,
                Instant.parse("2026-11-30T11:00:00Z"), 110);
        when(history.undoPlan(2)).thenReturn(new ImportUndoView(undone, 10, 5, 1, 2, 2, 0));
        mvc.perform(get("/contacts/imports/2/undo").with(owner()))
                .andExpect(content().string(containsString("110 contacts removed")))
                .andExpect(content().string(not(containsString("<button"))));
    }

    @Test
    void removingRedirectsToTheImportPageWithTheOutcome() throws Exception {
        when(history.undo(2)).thenReturn(new ImportUndoView(WRONG, 118, 110, 1, 5, 2, 3));
        MvcResult done = mvc.perform(post("/contacts/imports/2/undo").with(owner()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/contacts/import"))
                .andReturn();
        assertThat(done.getFlashMap().get("toast")).isEqualTo("Removed 110 contacts that wrong <i>.csv added. Kept 8 that"
                + " are opted out, in use or changed since. Cancelled 3 messages that were waiting to go to them.");
        assertThat(done.getFlashMap().get("toastLevel")).isEqualTo("success");
    }

    @Test
    void aSecondUndoIsRefusedWithTheReason() throws Exception {
        when(history.undo(2)).thenThrow(new ConflictException(null, "The contacts wrong.csv added were removed already."));
        MvcResult done = mvc.perform(post("/contacts/imports/2/undo").with(owner()).with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(done.getFlashMap().get("toast")).isEqualTo("The contacts wrong.csv added were removed already.");
        assertThat(done.getFlashMap().get("toastLevel")).isEqualTo("error");
    }

    @Test
    void anUnknownImportIsNotFoundAndAPostNeedsTheToken() throws Exception {
        when(history.undoPlan(9)).thenThrow(new NotFoundException("import", 9L));
        mvc.perform(get("/contacts/imports/9/undo").with(owner())).andExpect(status().isNotFound());
        mvc.perform(post("/contacts/imports/2/undo").with(owner())).andExpect(status().isForbidden());
        verify(history, never()).undo(2);
    }
}
