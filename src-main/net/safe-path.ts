/**
 * Decoding a request path without letting a malformed escape (`/%E0%A4%A`) throw out of a
 * request handler: `decodeURIComponent` throws URIError on it, and an uncaught throw there
 * used to take the whole host down. Both functions answer null instead; the caller answers 400.
 */

/** The path part of a request target (`/a/b?x=1#y` → `/a/b`), still encoded; null if it does not start with `/`. */
function rawPathOf(rawUrl: string | undefined): string | null {
  if (typeof rawUrl !== 'string' || !rawUrl.startsWith('/')) return null;
  const end = rawUrl.search(/[?#]/);
  return end < 0 ? rawUrl : rawUrl.slice(0, end);
}

function decodeOrNull(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text);
    // A NUL byte has no business in a path and truncates file names in native code.
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/** The decoded pathname, or null when the target is not a path or holds a malformed escape. Never throws. */
export function decodePathSafely(rawUrl: string | undefined): string | null {
  const raw = rawPathOf(rawUrl);
  return raw === null ? null : decodeOrNull(raw);
}

/**
 * The path's segments, each decoded on its own (so `%2F` inside an id stays inside that id),
 * empty segments dropped; null as for decodePathSafely. Never throws.
 */
export function decodePathSegments(rawUrl: string | undefined): string[] | null {
  const raw = rawPathOf(rawUrl);
  if (raw === null) return null;
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '') continue;
    const decoded = decodeOrNull(part);
    if (decoded === null) return null;
    segments.push(decoded);
  }
  return segments;
}
