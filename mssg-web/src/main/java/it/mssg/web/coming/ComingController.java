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

    @GetMapping("/agent")
    String agent(Model model) {
        model.addAttribute("title", "Agent");
        model.addAttribute("nav", "agent");
        model.addAttribute("what", "An optional reply agent that answers common questions from your own "
                + "answers, on this computer, and hands anything else over to you.");
        return "coming";
    }
}
