package vn.academicledger.verifier.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above the configured limits before anything parses them: JSON and form bodies
 * ({@code verifier.limits.json}) and multipart uploads ({@code verifier.limits.pdf}, which also
 * bounds Spring's multipart parser). A declared Content-Length over the limit is refused at once;
 * a chunked body is counted as it is read and refused when it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeFilter extends OncePerRequestFilter {
    private final long jsonLimit;
    private final long uploadLimit;
    private final Problems problems;

    BodySizeFilter(VerifierProperties properties, Problems problems) {
        this.jsonLimit = properties.limits().json().toBytes();
        // The multipart envelope adds a little around the file itself.
        this.uploadLimit = properties.limits().pdf().toBytes() + 64 * 1024;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.startsWith("multipart/");
        long limit = upload ? uploadLimit : jsonLimit;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Tell the client to stop sending; the container would otherwise read the rest first.
            response.setHeader("Connection", "close");
            ProblemJsonView.write(problems.detail(problems.of(VerifierException.payloadTooLarge(
                    upload ? "The upload" : "The request body", limit)), request.getRequestURI()), response);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counted(request, limit, upload), response);
    }

    /** Counts what is read of a body of unknown length. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private final boolean upload;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit, boolean upload) {
            super(request);
            this.limit = limit;
            this.upload = upload;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

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

                    private void count(int n) {
                        read += n;
                        if (read > limit) {
                            throw VerifierException.payloadTooLarge(upload ? "The upload" : "The request body", limit);
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
                };
            }
            return stream;
        }
    }
}
