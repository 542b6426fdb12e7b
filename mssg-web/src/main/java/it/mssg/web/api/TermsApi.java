package it.mssg.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.AcknowledgementView;
import it.mssg.core.api.SettingsApi;
import it.mssg.core.api.SettingsView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The first-run acknowledgement for scripts: the rest of the API answers only once it is given. */
@RestController
@RequestMapping("/api/terms")
@Tag(name = "Terms of use")
class TermsApi {

    private final SettingsApi settings;

    TermsApi(SettingsApi settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Whether the current terms of use are accepted, and their version (the text is on the"
            + " dashboard's first page, /welcome). Answers before they are accepted, as does this whole path.")
    TermsJson status() {
        return TermsJson.of(settings.get());
    }

    @PostMapping
    @Operation(summary = "Accept the terms of use, the privacy promise and that you are 18 or over, as the dashboard's"
            + " first page does: all three true, and termsVersion the current version")
    TermsJson accept(@RequestBody TermsAcceptance acceptance) {
        settings.acknowledge(acceptance.acknowledgement());
        return TermsJson.of(settings.get());
    }

    /** The boxes as a script sends them; one left out counts as not ticked, and is named in the answer. */
    record TermsAcceptance(Boolean termsAccepted, Boolean privacyAccepted, Boolean adult, String termsVersion) {

        Acknowledgement acknowledgement() {
            return new Acknowledgement(Boolean.TRUE.equals(termsAccepted), Boolean.TRUE.equals(privacyAccepted),
                    Boolean.TRUE.equals(adult), termsVersion);
        }
    }

    /** @param howToAccept while not accepted: the request that accepts them, after reading /welcome */
    record TermsJson(boolean accepted, String currentVersion, String acceptedVersion, Instant acceptedAt, String howToAccept) {

        static TermsJson of(SettingsView s) {
            AcknowledgementView given = s.acknowledgement();
            return new TermsJson(s.acknowledged(), s.currentTermsVersion(), given == null ? null : given.termsVersion(),
                    given == null ? null : given.acceptedAt(), s.acknowledged() ? null
                    : "POST /api/terms with {\"termsAccepted\": true, \"privacyAccepted\": true, \"adult\": true,"
                    + " \"termsVersion\": \"" + s.currentTermsVersion() + "\"} once you have read them on /welcome");
        }
    }
}
