package it.mssg.web.coming;

import org.springframework.stereotype.Controller;

/** Screens of later releases say so honestly instead of showing made-up data. */
@Controller
class ComingController {

}
