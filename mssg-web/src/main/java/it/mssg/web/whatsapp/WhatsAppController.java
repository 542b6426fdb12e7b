package it.mssg.web.whatsapp;

import it.mssg.core.api.SessionControl;
import it.mssg.web.Toasts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The WhatsApp screen: state, QR code, sync progress, restart / log out / visible window, the session window. */
@Controller
class WhatsAppController {

    private final SessionControl session;
    private final SessionWindow window;

    WhatsAppController(SessionControl session, SessionWindow window) {
        this.session = session;
        this.window = window;
    }

    @GetMapping("/whatsapp")
    String show(Model model) {
        model.addAttribute("panel", SessionPanel.of(session.status(), session.simulatorControlUrl().orElse(null)));
        model.addAttribute("blocked", BlockedRequestsPanel.of(session.blockedRequests()));
        return "whatsapp";
    }

    /** The privacy card alone, which the screen reloads now and then: counts grow while it is open. */
    @GetMapping("/whatsapp/blocked")
    String blocked(Model model) {
        model.addAttribute("blocked", BlockedRequestsPanel.of(session.blockedRequests()));
        return "fragments/whatsapp :: blocked";
    }

    @GetMapping(path = "/whatsapp/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return window.open();
    }

    @PostMapping("/whatsapp/restart")
    String restart(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                   RedirectAttributes redirect) {
        session.restart();
        return done("Restarting the WhatsApp session.", htmx, response, redirect);
    }

    @PostMapping("/whatsapp/logout")
    String logout(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                  RedirectAttributes redirect) {
        session.logout();
        return done("Logging out of WhatsApp.", htmx, response, redirect);
    }

    @PostMapping("/whatsapp/visible")
    String visible(@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
                   RedirectAttributes redirect) {
        session.openVisibleWindow();
        return done("Opening WhatsApp in a visible browser window.", htmx, response, redirect);
    }

    private String done(String message, String htmx, HttpServletResponse response, RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute("toast", message);
            return "redirect:/whatsapp";
        }
        Toasts.success(response, message);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return null;
    }
}
