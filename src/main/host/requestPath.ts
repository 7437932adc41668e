/** A request's target, decoded once, in the only form the host decides anything on. */
export interface RequestTarget {
  /** Decoded segments joined by '/', no leading slash: '' for the root, 'assets/x.js'. */
  path: string;
  /** The `token` query parameter, or null. */
  token: string | null;
}

// Characters that, once decoded, would let a segment mean something else to the file system
// (a separator, a drive or NTFS stream, the end of a C string) or a log reader (controls).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_SEGMENT = /[/\\:\u0000-\u001f\u007f]/;

/**
 * Reads a raw request target (`req.url`). The token gate and the static files must judge the
 * same path: deciding on the encoded form and serving the decoded one let `/%69ndex.html`
 * reach the page without the token. So the path is decoded here, once, and anything that only
 * an encoding could express (encoded slashes, backslashes, NUL, dot segments, empty
 * segments, Windows aliases such as a trailing dot) is refused: undefined means 400.
 */
export function readRequestTarget(rawUrl: string | undefined): RequestTarget | undefined {
  // Origin-form only ("/path?query"): browsers send nothing else to this host.
  if (!rawUrl || !rawUrl.startsWith('/') || rawUrl.includes('#')) return undefined;
  const q = rawUrl.indexOf('?');
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
  if (rawPath === '/') return { path: '', token: query.get('token') };
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      FORBIDDEN_IN_SEGMENT.test(segment) ||
      /[. ]$/.test(segment)
    ) {
      return undefined;
    }
    segments.push(segment);
  }
  return { path: segments.join('/'), token: query.get('token') };
}

/**
 * Whether a path is the page, which needs the token. Any HTML name counts, in any case: a
 * case-insensitive file system serves `INDEX.HTML` as the page too.
 */
export function isPagePath(path: string): boolean {
  return path === '' || /\.html?$/i.test(path);
}
