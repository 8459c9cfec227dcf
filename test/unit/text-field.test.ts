import { describe, expect, it } from 'vitest';
import { TEXT_REASONS, text } from '../../shared/platform/text.ts';

// The field itself, imported alone: the request schemas build their fields with `text` as they
// load, so a broken `text` would stop a test file that imports them from loading at all.
describe('a text field', () => {
  it('stores the text normalised to NFC and trimmed', () => {
    expect(text(60, 'name').parse('  Sia\u0302n  ')).toBe('Siân');
    expect(text(200, 'multiline').parse('\tDear front door,\n')).toBe('Dear front door,');
  });

  it('counts the length after normalising and trimming, and says the limit in British English', () => {
    expect(text(4, 'name').safeParse(' Sia\u0302n ').success).toBe(true);
    const result = text(1000).safeParse('x'.repeat(1001));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Use 1,000 characters or fewer']);
  });

  it('refuses with a custom issue that gives the reason', () => {
    const result = text(60, 'name').safeParse('Mai\u200bsie');
    expect(result.error?.issues).toMatchObject([{ code: 'custom', message: TEXT_REASONS.invisible }]);
  });
});
