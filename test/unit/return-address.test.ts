import { describe, expect, it } from 'vitest';
import { safeReturnAddress, sameOriginPath } from '../../shared/platform/return-address.ts';

const ORIGIN = 'https://portal.example';

/** Where a browser on the portal would really go if sent to `path`. */
const landsOn = (path: string) => new URL(path, `${ORIGIN}/sign-in/`).origin;

describe('the return address after signing in', () => {
  const hostile: [string, string][] = [
    ['dot segments leave two slashes', '/..//evil.example/x'],
    ['a dot segment leaves two slashes', '/.//evil.example/x'],
    ['encoded dot segments leave two slashes', '/%2e%2e//evil.example/x'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['protocol-relative', '//evil.example'],
    ['three slashes', '///evil.example'],
    ['slash backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['another origin', 'https://evil.example'],
    ['another origin with the portal as a user name', 'https://portal.example@evil.example/'],
    ['the portal over another scheme', 'http://portal.example/'],
    ['a script', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['encoded slashes', '/%2F%2Fevil.example'],
    ['encoded slashes, lower case', '/%2f%2fevil.example'],
    ['doubly encoded slashes', '/%252F%252Fevil.example'],
    ['an encoded slash and backslash', '/%2F%5Cevil.example'],
    ['a tab between the slashes', '/\t/evil.example'],
    ['a newline between the slashes', '/\n/evil.example'],
    ['a carriage return between the slashes', '/\r/evil.example'],
    ['a NUL', '/referrals/\u0000'],
    ['spaces before the slashes', '/  //evil.example'],
    ['a leading space', ' //evil.example'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['very long', `/${'a'.repeat(5000)}`],
    ['empty', ''],
    ['the sign-in page', '/sign-in/?returnTo=/referrals/'],
    ['the sign-in page, through a dot segment', '/guidance/../sign-in/'],
    ['the sign-in callback', '/auth/callback/?code=x'],
  ];

  it.each(hostile)('%s (%j) goes home instead', (_why, value) => {
    const path = safeReturnAddress(value, ORIGIN);
    expect(landsOn(path)).toBe(ORIGIN);
    expect(path).not.toMatch(/^[/\\]{2}/);
    expect(new URL(path, ORIGIN).host).toBe('portal.example');
  });

  it('never answers a path another host could be read from, for every hostile form', () => {
    for (const [, value] of hostile) {
      const path = sameOriginPath(value, ORIGIN);
      if (path === null) continue;
      // What dot segments leave is collapsed to a path on the portal (a not-found page, not another host).
      expect(path, value).toMatch(/^\/[^/\\]/);
      expect(landsOn(path)).toBe(ORIGIN);
      expect(new URL(path, 'http://elsewhere.test/').host).toBe('elsewhere.test');
    }
  });

  it('refuses what cannot be a same-origin path outright', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
    ]) {
      expect(sameOriginPath(value, ORIGIN), value).toBeNull();
    }
    expect(sameOriginPath(null, ORIGIN)).toBeNull();
    expect(sameOriginPath(undefined, ORIGIN)).toBeNull();
  });

  const good: [string, string][] = [
    ['/referrals/?id=1#x', '/referrals/?id=1#x'],
    ['/ok?x=//host', '/ok?x=//host'],
    ['/guidance/', '/guidance/'],
    ['/check/answer/?ids=a%2Cb', '/check/answer/?ids=a%2Cb'],
    [
      '/referrals/view/?id=01J0000000000000000000000&tab=notes',
      '/referrals/view/?id=01J0000000000000000000000&tab=notes',
    ],
    ['/guidance/../referrals/', '/referrals/'],
    [`${ORIGIN}/board/`, '/board/'],
  ];

  it.each(good)('%j is followed as %j', (value, expected) => {
    expect(safeReturnAddress(value, ORIGIN)).toBe(expected);
  });

  it('works the same on a local origin with a port', () => {
    expect(safeReturnAddress('/agencies/', 'http://localhost:3000')).toBe('/agencies/');
    expect(safeReturnAddress('http://localhost:3001/agencies/', 'http://localhost:3000')).toBe('/');
    expect(safeReturnAddress('/..//localhost:3001/', 'http://localhost:3000')).toBe('/localhost:3001/');
  });
});
