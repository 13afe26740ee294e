package kz.qorgau.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qorgau.server.directory.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step (a TOTP code), enrolment at the first sign-in of a member whose role
 * requires it, and voluntary enrolment from a signed-in session. Every code tried is counted by {@link
 * LoginThrottle} for the account, separately from its passwords.
 */
@Controller
class SecondStepPages {

    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final SignIns signIns;

    SecondStepPages(SecondFactor secondFactor, LoginThrottle throttle, SignIns signIns) {
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @GetMapping(SignIns.CODE_STEP)
    String codeStep(@AuthenticationPrincipal StaffMember me) {
        if (secondFactor.state(me.id()) != SecondFactor.State.ENROLLED) {
            return "redirect:" + SignIns.ENROL_STEP;
        }
        return "security/code";
    }

    @PostMapping(SignIns.CODE_STEP)
    String checkCode(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return switch (tryCode(me, code, request, true)) {
            case ACCEPTED -> {
                signIns.complete(request, response, me);
                yield "redirect:" + SignIns.INBOX;
            }
            case WRONG -> {
                model.addAttribute("wrongCode", true);
                yield "security/code";
            }
            case THROTTLED -> {
                response.setStatus(429);
                model.addAttribute("throttled", true);
                yield "security/code";
            }
        };
    }

    @GetMapping(SignIns.ENROL_STEP)
    String enrolStep(@AuthenticationPrincipal StaffMember me, Model model) {
        if (secondFactor.state(me.id()) == SecondFactor.State.ENROLLED) {
            return "redirect:" + SignIns.CODE_STEP;
        }
        model.addAttribute("enrolment", secondFactor.begin(me));
        model.addAttribute("action", SignIns.ENROL_STEP);
        return "security/enrol";
    }

    @PostMapping(SignIns.ENROL_STEP)
    String confirmEnrolment(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (secondFactor.state(me.id()) == SecondFactor.State.ENROLLED) {
            return "redirect:" + SignIns.CODE_STEP;
        }
        Outcome outcome = tryCode(me, code, request, false);
        if (outcome == Outcome.ACCEPTED) {
            signIns.complete(request, response, me);
            return "redirect:" + SignIns.INBOX;
        }
        return enrolmentAgain(me, outcome, response, model, SignIns.ENROL_STEP);
    }

    @GetMapping("/staff/second-factor")
    String ownSecondFactor(@AuthenticationPrincipal StaffMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("required", secondFactor.required(me));
        if (secondFactor.state(me.id()) == SecondFactor.State.ENROLLED) {
            model.addAttribute("enrolled", true);
            return "security/second-factor";
        }
        model.addAttribute("enrolment", secondFactor.begin(me));
        model.addAttribute("action", "/staff/second-factor");
        return "security/second-factor";
    }

    @PostMapping("/staff/second-factor")
    String confirmOwnSecondFactor(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (secondFactor.state(me.id()) == SecondFactor.State.ENROLLED) {
            return "redirect:/staff/second-factor";
        }
        Outcome outcome = tryCode(me, code, request, false);
        if (outcome == Outcome.ACCEPTED) {
            return "redirect:/staff/second-factor?enrolled";
        }
        model.addAttribute("me", me);
        model.addAttribute("required", secondFactor.required(me));
        return enrolmentAgain(me, outcome, response, model, "/staff/second-factor");
    }

    private String enrolmentAgain(
            StaffMember me, Outcome outcome, HttpServletResponse response, Model model, String action) {
        if (outcome == Outcome.THROTTLED) {
            response.setStatus(429);
            model.addAttribute("throttled", true);
        } else {
            model.addAttribute("wrongCode", true);
        }
        model.addAttribute("enrolment", secondFactor.begin(me));
        model.addAttribute("action", action);
        return action.equals(SignIns.ENROL_STEP) ? "security/enrol" : "security/second-factor";
    }

    private enum Outcome {
        ACCEPTED,
        WRONG,
        THROTTLED
    }

    private Outcome tryCode(StaffMember me, @Nullable String code, HttpServletRequest request, boolean enrolled) {
        LoginThrottle.Admission admission = throttle.admit(throttle.secondFactor(me.id(), request.getRemoteAddr()));
        if (!(admission instanceof LoginThrottle.Admitted admitted)) {
            return Outcome.THROTTLED;
        }
        String typed = code == null ? "" : code;
        boolean accepted = enrolled ? secondFactor.verify(me, typed) : secondFactor.confirm(me, typed);
        if (!accepted) {
            return Outcome.WRONG;
        }
        throttle.succeeded(admitted);
        return Outcome.ACCEPTED;
    }
}
