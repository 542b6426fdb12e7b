package it.mssg.web.data;

import it.mssg.core.api.BackupView;
import it.mssg.core.api.Backups;
import it.mssg.core.api.ConflictException;
import it.mssg.core.api.DataExport;
import it.mssg.core.api.DataOwnership;
import it.mssg.core.api.InvalidInputException;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DataController.class)
@Import(DataWebConfig.class)
class DataControllerTest extends WebSliceTest {

    @MockitoBean DataExport export;
    @MockitoBean Backups backups;
    @MockitoBean DataOwnership ownership;

    @BeforeEach
    void data() {
        when(backups.supported()).thenReturn(true);
        when(backups.kept()).thenReturn(5);
        when(backups.list()).thenReturn(List.of(new BackupView("mssg-backup-20261129T193000Z.zip",
                "/home/anna/.mssg/backups/mssg-backup-20261129T193000Z.zip", 40960, Instant.parse("2026-11-29T19:30:00Z"))));
    }

    @Test
    void showsExportBackupsAndTheDeleteForm() throws Exception {
        mvc.perform(get("/settings/data").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/settings/data/export")))
                .andExpect(content().string(containsString("/home/anna/.mssg/backups/mssg-backup-20261129T193000Z.zip")))
                .andExpect(content().string(containsString("40 KB")))
                .andExpect(content().string(containsString("the newest <span>5</span> are kept")))
                .andExpect(content().string(containsString("pattern=\"DELETE\"")))
                .andExpect(content().string(containsString("--mssg.restore=")));
        when(backups.supported()).thenReturn(false);
        mvc.perform(get("/settings/data").with(owner()))
                .andExpect(content().string(containsString("pg_dump")))
                .andExpect(content().string(not(containsString("Back up now"))));
    }

    @Test
    void needsTheToken() throws Exception {
        mvc.perform(get("/settings/data")).andExpect(status().isUnauthorized());
        mvc.perform(get("/settings/data/export")).andExpect(status().isUnauthorized());
        mvc.perform(post("/settings/data/delete").with(csrf()).param("confirmation", "DELETE")).andExpect(status().isUnauthorized());
        verify(ownership, never()).deleteEverything(any());
    }

    @Test
    void deletingNeedsCsrf() throws Exception {
        mvc.perform(post("/settings/data/delete").with(owner()).param("confirmation", "DELETE")).andExpect(status().isForbidden());
        verify(ownership, never()).deleteEverything(any());
    }

    @Test
    void exportStreamsAZip() throws Exception {
        when(export.fileName()).thenReturn("mssg-export-2026-11-29T1930.zip");
        doAnswer(inv -> {
            inv.getArgument(0, OutputStream.class).write("PK-zip-bytes".getBytes(StandardCharsets.UTF_8));
            return null;
        }).when(export).writeZip(any());
        MvcResult started = mvc.perform(get("/settings/data/export").with(owner()))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("mssg-export-2026-11-29T1930.zip")))
                .andExpect(content().string("PK-zip-bytes"));
    }

    @Test
    void backupNowReportsTheFileOrWhyNot() throws Exception {
        when(backups.backupNow()).thenReturn(new BackupView("mssg-backup-20261129T193500Z.zip", "/x", 1, Instant.now()));
        mvc.perform(post("/settings/data/backups").with(owner()).with(csrf()))
                .andExpect(redirectedUrl("/settings/data"))
                .andExpect(flash().attribute("toast", containsString("mssg-backup-20261129T193500Z.zip")));
        when(backups.backupNow()).thenThrow(new ConflictException(null, "back it up with pg_dump"));
        mvc.perform(post("/settings/data/backups").with(owner()).with(csrf()))
                .andExpect(flash().attribute("toast", "back it up with pg_dump"))
                .andExpect(flash().attribute("toastLevel", "error"));
    }

    @Test
    void aWrongConfirmationDeletesNothing() throws Exception {
        doThrow(new InvalidInputException("confirmation", "Type DELETE (in capitals) to delete everything"))
                .when(ownership).deleteEverything("delete");
        mvc.perform(post("/settings/data/delete").with(owner()).with(csrf()).param("confirmation", "delete"))
                .andExpect(redirectedUrl("/settings/data"))
                .andExpect(flash().attribute("toast", containsString("Nothing was deleted")))
                .andExpect(flash().attribute("toastLevel", "error"));
    }

    @Test
    void afterDeletingEveryPageSaysRestart() throws Exception {
        mvc.perform(post("/settings/data/delete").with(owner()).with(csrf()).param("confirmation", "DELETE"))
                .andExpect(redirectedUrl("/"));
        verify(ownership).deleteEverything("DELETE");
        when(ownership.everythingDeleted()).thenReturn(true);
        mvc.perform(get("/settings/data").with(owner()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Restart mssg to begin again")));
        mvc.perform(get("/api/contacts").with(bearer()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Restart mssg")));
        mvc.perform(get("/healthz")).andExpect(status().isServiceUnavailable()).andExpect(content().string("deleted\n"));
    }

    @Test
    void healthzNeedsNoTokenAndSaysNothingElse() throws Exception {
        mvc.perform(get("/healthz"))
                .andExpect(status().isOk())
                .andExpect(content().string("ok\n"))
                .andExpect(header().string("Cache-Control", "no-store"));
        mvc.perform(post("/healthz")).andExpect(status().isMethodNotAllowed());
        // the Host allow-list still applies in front of it
        mvc.perform(get("/healthz").header("Host", "evil.example")).andExpect(status().is(421));
    }
}
