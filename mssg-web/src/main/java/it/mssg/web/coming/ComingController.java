package it.mssg.web.coming;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Screens of later releases say so honestly instead of showing made-up data. */
@Controller
class ComingController {

    @GetMapping("/campaigns")
    String campaigns(Model model) {
        model.addAttribute("title", "Campaigns");
        model.addAttribute("nav", "campaigns");
        model.addAttribute("what", "Send a message to a group of contacts, safely: one at a time, with pauses, "
                + "quiet hours and daily caps, never to people who opted out.");
        return "coming";
    }
}
