/**
 * The renderer's Content Security Policy: only our own bundled scripts and styles, no eval,
 * no inline script, no remote content. index.html carries it as a meta tag (a test keeps them equal);
 * main's app:// handler and the loopback bridge also send it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')

/** Only enforceable as a header (browsers ignore it in a meta tag). */
export const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`
