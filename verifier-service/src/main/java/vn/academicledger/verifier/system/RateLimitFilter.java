package vn.academicledger.verifier.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client address ({@code request.getRemoteAddr()}; behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so that it is the client's). A client may make
 * {@code burst} requests at once and {@code perSecond} on average; a PDF upload costs
 * {@code pdfCost} tokens. Over the limit: 429 with problem details and Retry-After. Static files and
 * the health check are not counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RateLimitFilter extends OncePerRequestFilter {
    private final VerifierProperties.RateLimit limit;
    private final Problems problems;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(VerifierProperties properties, Problems problems) {
        this.limit = properties.rateLimit();
        this.problems = problems;
        if (limit.burst() < 1 || limit.perSecond() <= 0) {
            throw new IllegalArgumentException("verifier.rate-limit: burst must be at least 1 and per-second above 0");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!limit.enabled()) {
            return true;
        }
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico")
                || path.startsWith("/swagger-ui/") || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int cost = isPdfUpload(request) ? Math.min(limit.pdfCost(), limit.burst()) : 1;
        long wait = bucketOf(request.getRemoteAddr()).take(cost, System.nanoTime());
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        Duration retryAfter = Duration.ofSeconds(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
        Problem problem = problems.rateLimited(retryAfter);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        if (ProblemHandlers.wantsHtml(request)) {
            response.setStatus(problem.status().value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                    + " content=\"width=device-width, initial-scale=1\"><title>429</title></head><body style=\"font-family:"
                    + "sans-serif;max-width:40em;margin:2em auto;padding:0 1em\"><h1>Quá nhiều yêu cầu / Too many requests</h1>"
                    + "<p>Vui lòng đợi " + retryAfter.toSeconds() + " giây rồi thử lại.</p><p>" + problem.detail()
                    + "</p></body></html>");
            return;
        }
        ProblemJsonView.write(problems.detail(problem, request.getRequestURI()), response);
    }

    private static boolean isPdfUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null && type.startsWith("multipart/");
    }

    private Bucket bucketOf(String client) {
        Bucket bucket = buckets.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= limit.maxClients()) {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> b.fullAt(now));
            if (buckets.size() >= limit.maxClients()) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(limit.burst(), limit.perSecond()));
    }

    /** Tokens refill continuously at {@code perSecond} up to {@code capacity}. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(int capacity, double perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        /** Takes {@code cost} tokens and returns 0, or takes none and returns the nanoseconds until it could. */
        synchronized long take(int cost, long now) {
            refill(now);
            if (tokens >= cost) {
                tokens -= cost;
                return 0;
            }
            return (long) Math.ceil((cost - tokens) / perNano);
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - last;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * perNano);
                last = now;
            }
        }
    }
}
