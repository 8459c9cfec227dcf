/**
 * Where the browser may be sent back to: a path on the portal's own origin, never another host.
 *
 * Decided by parsing, not by looking at prefixes: browsers read `//host`, `/\host`, `\\host`, a tab
 * or newline inside `/\t/host`, and dot segments (`/..//host` resolves to `//host`) as other hosts,
 * and no prefix check catches them all. Pure, with the origin as a parameter, so the browser and
 * the local runtime use the same rule and it is unit-tested in Node.
 */

/** Longer than any address the portal makes; a longer one is refused rather than parsed. */
export const MAX_RETURN_ADDRESS_LENGTH = 2048;

/** Printable ASCII only: the portal's own addresses are percent-encoded, so anything else is crafted. */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** How many layers of percent-encoding are looked through for a hidden `//` or `\`. */
const DECODE_LAYERS = 4;

/** A path that a browser, or a server that decodes it, could read as another host. */
function readsAsAnotherHost(path: string): boolean {
  let layer = path;
  for (let i = 0; i <= DECODE_LAYERS; i++) {
    if (/^[/\\]{2}/.test(layer) || layer.includes('\\') || /\p{Cc}/u.test(layer)) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      // Broken percent-encoding: the portal never makes it, and a lenient decoder could read anything into it.
      return true;
    }
    if (decoded === layer) return false;
    layer = decoded;
  }
  // Still encoded after every layer looked at: only a crafted address is encoded so deeply.
  return true;
}

/**
 * `value` as a path (with its query and fragment) on `origin`, or null if it is not one: another
 * origin or scheme, a backslash, a control character or space anywhere, a path that (decoded)
 * starts with two slashes, or an over-long value. Leading slashes the resolution leaves (from dot
 * segments) are collapsed to one, so the answer can never be read as protocol-relative.
 */
export function sameOriginPath(value: string | null | undefined, origin: string): string | null {
  if (!value || value.length > MAX_RETURN_ADDRESS_LENGTH || !PRINTABLE_ASCII.test(value)) return null;
  if (value.includes('\\')) return null;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.origin === 'null') return null;
  const pathname = url.pathname.replace(/^\/+/, '/');
  if (readsAsAnotherHost(pathname)) return null;
  const path = `${pathname}${url.search}${url.hash}`;
  // The answer must itself resolve to this origin, whatever the origin is (belt and braces).
  for (const check of [base, new URL('https://return-address.invalid')]) {
    if (new URL(path, check).origin !== check.origin) return null;
  }
  return path;
}

/**
 * Where to go after signing in: a same-origin path, or '/' for anything else. The sign-in and
 * callback pages themselves are refused, so signing in cannot loop.
 */
export function safeReturnAddress(value: string | null | undefined, origin: string): string {
  const path = sameOriginPath(value, origin);
  if (!path || path.startsWith('/sign-in') || path.startsWith('/auth/')) return '/';
  return path;
}
