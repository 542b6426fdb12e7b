package it.mssg.web.licence;

import it.mssg.licensing.api.LicenceState;
import it.mssg.licensing.api.LicenceView;
import it.mssg.licensing.api.Licensing;
import it.mssg.licensing.api.LicensingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Licence screen: the state, buying (Stripe Checkout opens in the user's browser), pasting a licence key,
 * managing billing, and exactly what licensing stores. Stripe pages open from forms with {@code target=_blank},
 * so the dashboard stays where it is.
 */
@Controller
class LicenceController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Licensing licensing;

    LicenceController(Licensing licensing) {
        this.licensing = licensing;
    }

    @GetMapping("/licence")
    String show(Model model) {
        LicenceView licence = licensing.current();
        model.addAttribute("licence", licence);
        model.addAttribute("stateLabel", label(licence.state()));
        model.addAttribute("stateTone", tone(licence.state()));
        model.addAttribute("validUntil", time(licence.validUntil()));
        model.addAttribute("graceUntil", time(licence.graceUntil()));
        model.addAttribute("lastRefreshed", time(licence.lastRefreshedAt()));
        model.addAttribute("stored", licensing.storedData());
        return "licence";
    }

    @PostMapping("/licence/buy")
    String buy(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        return toStripe(() -> licensing.startCheckout(Optional.of(email)), redirect);
    }

    @PostMapping("/licence/billing")
    String billing(RedirectAttributes redirect) {
        return toStripe(licensing::manageBilling, redirect);
    }

    @PostMapping("/licence/activate")
    String activate(@RequestParam(defaultValue = "") String licenceKey, RedirectAttributes redirect) {
        try {
            LicenceView licence = licensing.activate(licenceKey);
            redirect.addFlashAttribute("toast", "Licence activated: " + label(licence.state()) + ".");
        } catch (LicensingException e) {
            error(redirect, e);
        }
        return "redirect:/licence";
    }

    @PostMapping("/licence/refresh")
    String refresh(RedirectAttributes redirect) {
        LicenceView licence = licensing.refresh();
        redirect.addFlashAttribute("toast", "Licence checked: " + label(licence.state()) + ".");
        return "redirect:/licence";
    }

    /** Sends the browser tab to Stripe's page, or back to the Licence screen with the reason it could not. */
    private static String toStripe(Supplier<URI> page, RedirectAttributes redirect) {
        try {
            return "redirect:" + page.get();
        } catch (LicensingException e) {
            error(redirect, e);
            return "redirect:/licence";
        }
    }

    private static void error(RedirectAttributes redirect, LicensingException e) {
        redirect.addFlashAttribute("toast", e.getMessage());
        redirect.addFlashAttribute("toastLevel", "error");
    }

    static String label(LicenceState state) {
        return switch (state) {
            case UNLICENSED -> "No licence";
            case TRIAL -> "Trial";
            case ACTIVE -> "Active";
            case GRACE -> "Grace period";
            case EXPIRED -> "Expired";
            case CANCELED -> "Canceled";
            case INVALID -> "Not valid";
        };
    }

    /** The notice style of the existing stylesheet that fits the state. */
    static String tone(LicenceState state) {
        return switch (state) {
            case TRIAL, ACTIVE -> "ok";
            case GRACE -> "warn";
            case EXPIRED, CANCELED, INVALID -> "error";
            case UNLICENSED -> "";
        };
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
