package it.mssg.web.layout;

import it.mssg.core.api.SessionControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page's layout needs: the session chip. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final SessionControl session;

    LayoutAdvice(SessionControl session) {
        this.session = session;
    }

    @ModelAttribute("sessionChip")
    SessionChip sessionChip() {
        return SessionChip.of(session.status());
    }
}
