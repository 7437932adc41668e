/**
 * The renderer's Content Security Policy, sent by the host and by the app:// protocol
 * (index.html carries the same in a meta tag). SIP runs over WebSocket to the PBX, hence ws:/wss:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
