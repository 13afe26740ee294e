package kz.qorgau.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Applies {@link ReceiptThrottle} where a receipt is presented: the reporter API ({@code X-Receipt}
 * on {@code /api/v1/reporter/**}, where a wrong receipt is a 404) and the reporter pages ({@code POST
 * /follow} with the form field {@code receipt}, where a wrong receipt shows the form again and a
 * right one redirects). It runs after Spring Security (so CSRF is checked first and the security
 * headers reach its answers). The answer to a wrong receipt is held back until it is known to be
 * wrong, so that it can still become a 429; right receipts pass unchanged. No receipt and no address
 * is stored or logged.
 */
@Component
@ConditionalOnWebApplication
@Order(0)
final class ReceiptThrottleFilter extends OncePerRequestFilter {

    static final String API_PREFIX = "/api/v1/reporter/";
    static final String RECEIPT_HEADER = "X-Receipt";
    static final String FOLLOW_PAGE = "/follow";

    private final ReceiptThrottle throttle;
    private final ProblemResponses problems;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;

    ReceiptThrottleFilter(
            ReceiptThrottle throttle, ProblemResponses problems, ITemplateEngine templates, LocaleResolver locales) {
        this.throttle = throttle;
        this.problems = problems;
        this.templates = templates;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith(API_PREFIX);
        boolean page = !api && path.equals(FOLLOW_PAGE) && "POST".equalsIgnoreCase(request.getMethod());
        String receipt = api ? request.getHeader(RECEIPT_HEADER) : page ? request.getParameter("receipt") : null;
        if (receipt == null || receipt.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ReceiptThrottle.Decision decision = throttle.before(receipt);
        if (decision instanceof ReceiptThrottle.Refuse(Duration retryAfter)) {
            refuse(request, response, api, retryAfter);
            return;
        }
        ReceiptThrottle.Proceed proceed = (ReceiptThrottle.Proceed) decision;
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        int status = held.getStatus();
        boolean wrong = api ? status == 404 : status >= 200 && status < 300;
        if (wrong && throttle.wrong(proceed) && !response.isCommitted()) {
            held.resetBuffer();
            refuse(request, response, api, throttle.globalRetryAfter());
            return;
        }
        held.copyBodyToResponse();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        response.setHeader("Retry-After", Long.toString(seconds));
        if (api) {
            problems.write(
                    response,
                    429,
                    "too-many-receipt-attempts",
                    "Too many attempts",
                    "Too many wrong receipts were tried. Check the receipt and try again in " + seconds + " seconds.");
            return;
        }
        Locale locale = locales.resolveLocale(request);
        WebContext context = new WebContext(
                JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(request, response),
                locale,
                Map.of("retryMinutes", Math.max(1, (seconds + 59) / 60)));
        String html = templates.process("security/too-many-attempts", context);
        response.setStatus(429);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
