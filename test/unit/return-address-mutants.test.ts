import { describe, expect, it } from 'vitest';
import {
  MAX_RETURN_ADDRESS_LENGTH,
  safeReturnAddress,
  sameOriginPath,
} from '../../shared/platform/return-address.ts';

const ORIGIN = 'https://portal.example';
const encoded = (value: string, times: number) => {
  let out = value;
  for (let i = 0; i < times; i++) out = encodeURIComponent(out);
  return out;
};

/** Each check on its own: an address one layer would refuse is refused, not merely made harmless by another. */
describe('the return address, check by check', () => {
  it.each([
    ['a letter outside printable ASCII', '/café'],
    ['a backslash inside the path', '/referrals\\x'],
    ['slashes hidden by percent-encoding', '/%2F%2Fevil.example'],
    ['a line feed hidden by percent-encoding', '/referrals/%0A'],
    ['broken percent-encoding', '/%E0%A4%A'],
    ['five layers of encoding', `/guidance/${encoded('a b', 5)}`],
    ['one character too long', `/${'a'.repeat(MAX_RETURN_ADDRESS_LENGTH)}`],
  ])('refuses %s', (_why, value) => {
    expect(sameOriginPath(value, ORIGIN)).toBeNull();
    expect(safeReturnAddress(value, ORIGIN)).toBe('/');
  });

  it('accepts four layers of encoding and an address of the longest length', () => {
    const deep = `/guidance/${encoded('a b', 4)}`;
    expect(sameOriginPath(deep, ORIGIN)).toBe(deep);
    const longest = `/${'a'.repeat(MAX_RETURN_ADDRESS_LENGTH - 1)}`;
    expect(sameOriginPath(longest, ORIGIN)).toBe(longest);
  });

  it('refuses everything when the origin is not one a browser can come back to', () => {
    expect(sameOriginPath('/referrals/', 'file:///')).toBeNull();
    expect(sameOriginPath('/referrals/', 'not an address')).toBeNull();
  });

  it('sends the sign-in and callback pages home, and keeps any other page with its query and fragment', () => {
    expect(safeReturnAddress('/sign-in/', ORIGIN)).toBe('/');
    expect(safeReturnAddress('/auth/callback/?code=x', ORIGIN)).toBe('/');
    expect(safeReturnAddress('/referrals/?view=open#top', ORIGIN)).toBe('/referrals/?view=open#top');
  });
});
