package kz.qorgau.server.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security processes the form it posts. */
@Controller
class LoginPage {

    @GetMapping("/staff/login")
    String login() {
        return "staff/login";
    }
}
