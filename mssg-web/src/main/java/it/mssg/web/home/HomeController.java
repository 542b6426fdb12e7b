package it.mssg.web.home;

import it.mssg.core.api.HomeQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** Home: counts and the live session state. */
@Controller
class HomeController {

    private final HomeQueries home;

    HomeController(HomeQueries home) {
        this.home = home;
    }

    @GetMapping("/")
    String home(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("counts", home.counts());
        return htmx != null ? "home :: counts" : "home";
    }
}
