package io.lormas.identity.login;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (served at the gateway's {@code /login}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(name = "code-invalid", required = false) @Nullable String codeInvalid,
            @RequestParam(required = false) @Nullable String suspended,
            @RequestParam(required = false) @Nullable String logout,
            @Nullable HttpSession session, Model model) {
        String message = null;
        String notice = null;
        if (error != null) {
            message = "Wrong email or password.";
        } else if (codeInvalid != null) {
            message = "The authentication code is not valid. Enter your password and a current code again.";
        } else if (suspended != null) {
            message = "This account is suspended. Contact your administrator.";
        } else if (code != null) {
            notice = "This account uses two-factor authentication: enter your password again and the code from your "
                    + "authenticator app (or a recovery code).";
        } else if (logout != null) {
            notice = "You are signed out.";
        }
        boolean codeRequired = code != null || codeInvalid != null;
        Object email = session == null ? null : session.getAttribute(LoginHandlers.EMAIL_ATTRIBUTE);
        model.addAttribute("message", message);
        model.addAttribute("notice", notice);
        model.addAttribute("codeRequired", codeRequired);
        model.addAttribute("email", email == null ? "" : email.toString());
        return "login";
    }
}
