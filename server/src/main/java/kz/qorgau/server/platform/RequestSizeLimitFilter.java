package kz.qorgau.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit (1 MiB by default) with 413 problem+json before anything
 * reads them; bodies without a declared length are cut off at the same limit while being read.
 * Uploads ({@code multipart/form-data}) are limited by the multipart settings instead, and signal batches
 * under {@code /api/v1/signals/} by their own streaming limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(Limits limits) {
        this.maxBytes = limits.maxBody().toBytes();
    }

    /** @param maxBody the largest request body accepted outside uploads */
    @ConfigurationProperties("qorgau.limits")
    record Limits(@DefaultValue("1MB") DataSize maxBody) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        // Signal batches (up to 10,000 ads, millions of transactions) are streamed by their own
        // controllers under their own limit (qorgau.signals.max-input-size, after decompression).
        boolean signalBatch = request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/signals/");
        if (multipart || signalBatch) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        SecurityHeaders.applyTo(response); // answered before Spring Security's chain adds them
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream()
                .write(("{\"type\":\"https://qorgau.kz/problems/payload-too-large\",\"title\":\"Payload too large\","
                                + "\"status\":413,\"detail\":\"The request body is larger than "
                                + maxBytes + " bytes.\",\"field\":\"body\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Thrown while reading a body that turns out longer than the limit. */
    public static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
