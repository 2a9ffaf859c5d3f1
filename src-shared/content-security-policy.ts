/**
 * The one policy for the screens, whether Electron or host mode serves them: our own scripts only,
 * no frames, no plugins, no form posts, network only back to where the page came from.
 * (src-renderer/index.html repeats it in a meta tag for pages opened without these headers.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
