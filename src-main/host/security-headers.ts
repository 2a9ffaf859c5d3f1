import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy.ts';

/** Every host-mode response carries the same policy as the desktop window, and no sniffing or referrers. */
export const securityHeaders: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
