package it.mssg.web.settings;

import it.mssg.core.api.InvalidInputException;
import it.mssg.core.api.SettingsApi;
import it.mssg.web.DataDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings: the default country for phone numbers, and where the data lives. */
@Controller
class SettingsController {

    private final SettingsApi settings;
    private final DataDirectory dataDirectory;

    SettingsController(SettingsApi settings, DataDirectory dataDirectory) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
    }

    @GetMapping("/settings")
    String show(Model model) {
        model.addAttribute("settings", settings.get());
        model.addAttribute("regions", settings.regions());
        model.addAttribute("dataDir", dataDirectory.root().toString());
        return "settings";
    }

    @PostMapping("/settings/region")
    String region(@RequestParam(defaultValue = "") String region, RedirectAttributes redirect) {
        try {
            var saved = settings.setDefaultRegion(region);
            redirect.addFlashAttribute("toast", "Numbers without + are now read as "
                    + (saved.defaultRegionInfo() != null ? saved.defaultRegionInfo().name() : saved.defaultRegion()) + " numbers.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("toast", e.getMessage());
            redirect.addFlashAttribute("toastLevel", "error");
        }
        return "redirect:/settings";
    }
}
