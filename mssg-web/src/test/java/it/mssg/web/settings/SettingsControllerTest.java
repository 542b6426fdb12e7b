package it.mssg.web.settings;

import it.mssg.core.api.AcknowledgementView;
import it.mssg.core.api.DataLocationView;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.RegionView;
import it.mssg.core.api.SettingsView;
import it.mssg.web.DataDirectory;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@WebMvcTest(SettingsController.class)
class SettingsControllerTest extends WebSliceTest {

    @MockitoBean DataDirectory dataDirectory;

    @BeforeEach
    void data() {
        when(dataDirectory.root()).thenReturn(Path.of("/home/anna/.mssg"));
        when(settings.regions()).thenReturn(List.of(new RegionView("DE", "Germany", 49), new RegionView("IT", "Italy", 39)));
        when(settings.get()).thenReturn(new SettingsView("IT", new RegionView("IT", "Italy", 39), "1",
                new AcknowledgementView("1", Instant.parse("2026-11-29T18:00:00Z")),
                new DataLocationView("/home/anna/.mssg", "jdbc:h2:file:/home/anna/.mssg/db/mssg", "H2")));
    }

    @Test
    void showsTheCountryAndWhereTheDataLives() throws Exception {
        mvc.perform(get("/settings").with(owner()))
                .andExpect(content().string(containsString("value=\"IT\" selected")))
                .andExpect(content().string(containsString("jdbc:h2:file:/home/anna/.mssg/db/mssg")))
                .andExpect(content().string(containsString("/home/anna/.mssg/access-token")))
                .andExpect(content().string(containsString("2026-11-29")));
    }

    @Test
    void savesTheCountry() throws Exception {
        when(settings.setDefaultRegion("DE")).thenReturn(new SettingsView("DE", new RegionView("DE", "Germany", 49), "1", null, null));
        mvc.perform(post("/settings/region").with(owner()).with(csrf()).param("region", "DE"))
                .andExpect(redirectedUrl("/settings"))
                .andExpect(flash().attribute("toast", containsString("Germany")));
        when(settings.setDefaultRegion("XX")).thenThrow(new InvalidInputException("region", "unknown region XX"));
        mvc.perform(post("/settings/region").with(owner()).with(csrf()).param("region", "XX"))
                .andExpect(flash().attribute("toast", "unknown region XX"))
                .andExpect(flash().attribute("toastLevel", "error"));
    }
}
