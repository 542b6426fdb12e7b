package it.mssg.web.licence;

import it.mssg.licensing.api.Feature;
import it.mssg.licensing.api.LicenceState;
import it.mssg.licensing.api.LicenceView;
import it.mssg.licensing.api.Licensing;
import it.mssg.licensing.api.LicensingException;
import it.mssg.licensing.api.StoredDataView;
import it.mssg.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = LicenceController.class)
class LicenceControllerTest extends WebSliceTest {

    @MockitoBean
    Licensing licensing;

    private static LicenceView view(LicenceState state, String licenceId) {
        boolean open = state.unlocksLicensedFeatures();
        return new LicenceView(state, "Reason for " + state + ".", licenceId, licenceId == null ? null : "standard",
                licenceId == null ? null : Instant.parse("2027-01-01T00:00:00Z"),
                licenceId == null ? null : Instant.parse("2027-01-08T00:00:00Z"),
                "<b>buyer</b>@example.com", null, true,
                List.of(new LicenceView.FeatureView(Feature.AGENT_AUTO_MODE, Feature.AGENT_AUTO_MODE.description(), open)));
    }

    @BeforeEach
    void storedData() {
        when(licensing.storedData()).thenReturn(new StoredDataView(
                List.of(new StoredDataView.Item("Install id", "0123456789abcdef0123456789abcdef", "Binds the token."),
                        new StoredDataView.Item("Email", "<b>buyer</b>@example.com", "Licence delivery only."),
                        new StoredDataView.Item("Licence token", null, "Checked offline."),
                        new StoredDataView.Item("Previous token", "mssg1.test-key." + "A".repeat(300), "Long values fold away.")),
                List.of("Refresh: the install id and the licence id."), "https://licences.example"));
    }

    @Test
    void showsTheStateTheFeaturesAndExactlyWhatIsStored() throws Exception {
        when(licensing.current()).thenReturn(view(LicenceState.ACTIVE, "mssg-AAAAA-BBBBB"));

        mvc.perform(get("/licence").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<strong>Active</strong>"),
                        containsString("Reason for ACTIVE."),
                        containsString("mssg-AAAAA-BBBBB"),
                        containsString("Reply agent in automatic mode"),
                        containsString("available"),
                        containsString("0123456789abcdef0123456789abcdef"),
                        containsString("not set"),
                        containsString("mssg1.test-key.AAAAAAAAA… (315 characters)"),
                        containsString(">mssg1.test-key." + "A".repeat(300) + "</textarea>"),
                        containsString("Refresh: the install id and the licence id."),
                        containsString("Manage billing"),
                        containsString("aria-current=\"page\""))));
    }

    @Test
    void storedValuesAreEscaped() throws Exception {
        when(licensing.current()).thenReturn(view(LicenceState.UNLICENSED, null));

        mvc.perform(get("/licence").with(owner()))
                .andExpect(content().string(allOf(containsString("&lt;b&gt;buyer&lt;/b&gt;@example.com"),
                        not(containsString("<b>buyer</b>")))));
    }

    @ParameterizedTest
    @EnumSource(LicenceState.class)
    void everyStateHasALabel(LicenceState state) throws Exception {
        when(licensing.current()).thenReturn(view(state, state == LicenceState.UNLICENSED ? null : "mssg-AAAAA-BBBBB"));

        mvc.perform(get("/licence").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>" + LicenceController.label(state) + "</strong>")));
    }

    @Test
    void buyingSendsTheBrowserToStripeCheckout() throws Exception {
        when(licensing.startCheckout(Optional.of("me@example.com"))).thenReturn(URI.create("https://checkout.stripe.com/c/pay/cs_1"));

        mvc.perform(post("/licence/buy").with(owner()).with(csrf()).param("email", "me@example.com"))
                .andExpect(redirectedUrl("https://checkout.stripe.com/c/pay/cs_1"));
    }

    @Test
    void aFailedCheckoutComesBackWithTheReason() throws Exception {
        when(licensing.startCheckout(Optional.of(""))).thenThrow(new LicensingException("The licence server cannot be reached right now."));

        mvc.perform(post("/licence/buy").with(owner()).with(csrf()))
                .andExpect(redirectedUrl("/licence"))
                .andExpect(flash().attribute("toast", "The licence server cannot be reached right now."))
                .andExpect(flash().attribute("toastLevel", "error"));
    }

    @Test
    void manageBillingOpensThePortal() throws Exception {
        when(licensing.manageBilling()).thenReturn(URI.create("https://billing.stripe.com/p/session/bps_1"));

        mvc.perform(post("/licence/billing").with(owner()).with(csrf()))
                .andExpect(redirectedUrl("https://billing.stripe.com/p/session/bps_1"));
    }

    @Test
    void aPastedKeyIsActivated() throws Exception {
        when(licensing.activate("mssg-AAAAA-BBBBB")).thenReturn(view(LicenceState.ACTIVE, "mssg-AAAAA-BBBBB"));

        mvc.perform(post("/licence/activate").with(owner()).with(csrf()).param("licenceKey", "mssg-AAAAA-BBBBB"))
                .andExpect(redirectedUrl("/licence"))
                .andExpect(flash().attribute("toast", "Licence activated: Active."));
    }

    @Test
    void aRefusedKeyShowsWhy() throws Exception {
        when(licensing.activate("mssg-WRONG")).thenThrow(new LicensingException("No licence with that key."));

        mvc.perform(post("/licence/activate").with(owner()).with(csrf()).param("licenceKey", "mssg-WRONG"))
                .andExpect(redirectedUrl("/licence"))
                .andExpect(flash().attribute("toast", "No licence with that key."))
                .andExpect(flash().attribute("toastLevel", "error"));
    }

    @Test
    void activatingNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/licence/activate").with(owner()).param("licenceKey", "mssg-AAAAA-BBBBB"))
                .andExpect(status().isForbidden());

        verify(licensing, never()).activate("mssg-AAAAA-BBBBB");
    }
}
