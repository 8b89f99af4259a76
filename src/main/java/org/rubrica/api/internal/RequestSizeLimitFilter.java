package org.rubrica.api.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies above {@code rubrica.api.max-request-bytes} (document uploads: above
 * {@code rubrica.api.max-upload-bytes}) with 413 and a JSON body, whether or not the client declared the length. Built by the API security chain only (a bean would be applied to every request).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** An annex of up to 20 MB (the default per-file limit) and its multipart envelope. */
    static final long ANNEX_UPLOAD_BYTES = 21L * 1024 * 1024;

    private final long maxJsonBytes;
    private final long maxUploadBytes;
    private final ApiProblems problems;

    RequestSizeLimitFilter(long maxJsonBytes, long maxUploadBytes, ApiProblems problems) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.problems = problems;
    }

    /** Word documents and PDFs to verify travel as the raw request body of the paths that take them. */
    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.endsWith("/api/v1/verification")) {
            return org.rubrica.verification.Verification.MAX_UPLOAD_BYTES;
        }
        if (path.endsWith("/annexes")) {
            return ANNEX_UPLOAD_BYTES;
        }
        return path.endsWith("/docx") ? maxUploadBytes : maxJsonBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "api.error.too-large");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "api.error.too-large");
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** A request whose (undeclared-length) body was read ahead to measure it. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
