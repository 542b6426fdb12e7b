package it.mssg.licensing.server;

import it.mssg.licensing.server.domain.Licence;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.Optional;

/** The pages Stripe Checkout returns the buyer to. The success page shows the licence key to paste into mssg. */
@RestController
class CheckoutPagesController {

    private final LicenceService licences;

    CheckoutPagesController(LicenceService licences) {
        this.licences = licences;
    }

    @GetMapping(path = "/checkout/complete", produces = MediaType.TEXT_HTML_VALUE)
    String complete(@RequestParam("session_id") String sessionId) {
        if (!sessionId.matches("cs_[A-Za-z0-9_]{1,200}")) {
            return page("Unknown checkout", "<p>This link does not name a checkout.</p>");
        }
        Optional<Licence> licence = licences.licenceForCheckout(sessionId);
        if (licence.isEmpty()) {
            return page("Payment not finished", "<p>Stripe has not confirmed this payment yet. Reload this page in a moment.</p>");
        }
        return page("Thank you", "<p>Your licence key:</p><p><code id=\"licence-key\">"
                + HtmlUtils.htmlEscape(licence.get().licenceId())
                + "</code></p><p>Open mssg, go to <strong>Licence</strong>, and paste this key.</p>");
    }

    @GetMapping(path = "/checkout/canceled", produces = MediaType.TEXT_HTML_VALUE)
    String canceled() {
        return page("Checkout canceled", "<p>Nothing was charged. You can close this page.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mssg licence — " + title
                + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }
}
