package kz.qorgau.server.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resort for failures no feature handled (and not-found on pages), including those raised before any controller was
 * chosen (an unknown path, a wrong method or content type): problem+json under {@code /api/}, an
 * error page elsewhere.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FrameworkProblems {

    private static final Logger log = LoggerFactory.getLogger(FrameworkProblems.class);

    @ExceptionHandler(Exception.class)
    Object unhandled(Exception e, HttpServletRequest request) {
        HttpStatusCode status = e instanceof ErrorResponse response
                ? response.getStatusCode()
                : e instanceof NotFoundException || e instanceof TypeMismatchException
                        // a path whose id cannot be one (/staff/cases/x) names nothing that exists
                        ? HttpStatus.NOT_FOUND
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("unexpected {} at {}", e.getClass().getName(), request.getRequestURI(), e);
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = e instanceof ErrorResponse response
                    ? response.getBody()
                    : ProblemDetail.forStatusAndDetail(
                            status,
                            status.value() == 404
                                    ? e.getMessage()
                                    : "An unexpected error occurred; nothing was changed.");
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create("https://qorgau.kz/problems/http-" + status.value()));
            }
            ResponseEntity.BodyBuilder builder =
                    ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (e instanceof ErrorResponse response) {
                builder.headers(response.getHeaders());
            }
            return builder.body(problem);
        }
        ModelAndView page = new ModelAndView(status.value() == 404 ? "error/404" : "error");
        page.setStatus(status);
        return page;
    }
}
