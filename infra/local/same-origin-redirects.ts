import { sameOriginPath } from '../../shared/platform/return-address.ts';

/**
 * Every response the local runtime sends passes through here: a `Location` is made a path on the
 * request's own origin. A redirect built from the request's path (`GET //referrals` → `//referrals/`)
 * would otherwise be read by the browser as another host. Leading slashes and backslashes are read
 * as the path they came from; a location that is still not on this origin goes home.
 */
export function sameOriginRedirect(response: Response, requestUrl: string): Response {
  const location = response.headers.get('location');
  if (location === null) return response;
  const origin = new URL(requestUrl).origin;
  const path = sameOriginPath(location.replace(/^[/\\]+/, '/'), origin) ?? '/';
  if (path === location) return response;
  const headers = new Headers(response.headers);
  headers.set('location', path);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
