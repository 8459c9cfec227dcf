import { describe, expect, it } from 'vitest';
import { InvalidRequest } from '../../functions/platform/errors.ts';
import { createCursorCodec } from '../../functions/platform/pagination.ts';

const key = { pk: 'AGENCY', sk: 'AGENCY#brookfield-primary' };

describe('list cursors', () => {
  let now = new Date('2026-11-23T10:00:00Z');
  const codec = createCursorCodec('a-secret-of-at-least-thirty-two-chars', () => now);

  it('round-trips the store key for the user it was issued to', () => {
    const cursor = codec.encode(key, 'user-1');
    expect(cursor).toEqual(expect.any(String));
    expect(cursor).not.toContain('brookfield');
    expect(codec.decode(cursor ?? '', 'user-1')).toEqual(key);
  });

  it('has no cursor at the end of a list', () => {
    expect(codec.encode(undefined, 'user-1')).toBeNull();
    expect(codec.decode(undefined, 'user-1')).toBeUndefined();
  });

  it.each([
    ['altered', (c: string) => `${c.slice(0, 10)}x${c.slice(11)}`],
    ['truncated', (c: string) => c.slice(0, -5)],
    ['not a cursor', () => 'hello'],
    [
      'signed with another secret',
      () => createCursorCodec('another-secret-of-thirty-two-chars!', () => now).encode(key, 'user-1') ?? '',
    ],
  ])('refuses a cursor that was %s', (_, mutate) => {
    const cursor = mutate(codec.encode(key, 'user-1') ?? '');
    expect(() => codec.decode(cursor, 'user-1')).toThrow(InvalidRequest);
  });

  const reasonFor = (decode: () => unknown): string => {
    try {
      decode();
    } catch (error) {
      if (error instanceof InvalidRequest)
        return error.errors.map((e) => `${e.field} ${e.reason}`).join('; ');
    }
    return 'accepted';
  };

  it("refuses another user's cursor and an expired one, saying which", () => {
    const cursor = codec.encode(key, 'user-1') ?? '';
    expect(reasonFor(() => codec.decode(cursor, 'user-2'))).toBe('cursor was issued to someone else');
    now = new Date(now.getTime() + 2 * 60 * 60 * 1000);
    expect(reasonFor(() => codec.decode(cursor, 'user-1'))).toMatch(/^cursor has expired/);
  });
});
