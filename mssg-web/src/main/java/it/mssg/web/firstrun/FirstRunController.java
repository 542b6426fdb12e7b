package it.mssg.web.firstrun;

import it.mssg.core.api.Acknowledgement;
import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.SettingsApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first-run page: the terms, the privacy promise in plain words, and the 18+ acknowledgement. */
@Controller
class FirstRunController {

    private final SettingsApi settings;

    FirstRunController(SettingsApi settings) {
        this.settings = settings;
    }

    @GetMapping("/welcome")
    String welcome(Model model) {
        model.addAttribute("settings", settings.get());
        return "welcome";
    }

    @PostMapping("/welcome")
    String accept(@RequestParam(defaultValue = "false") boolean terms,
                  @RequestParam(defaultValue = "false") boolean privacy,
                  @RequestParam(defaultValue = "false") boolean adult,
                  @RequestParam String termsVersion, Model model) {
        try {
            settings.acknowledge(new Acknowledgement(terms, privacy, adult, termsVersion));
            return "redirect:/";
        } catch (InvalidInputException e) {
            model.addAttribute("settings", settings.get());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("terms", terms);
            model.addAttribute("privacy", privacy);
            model.addAttribute("adult", adult);
            return "welcome";
        }
    }
}
