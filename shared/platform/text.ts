import * as z from './zod.ts';

/**
 * The one rule for text people type: names, one-line answers and multi-line free text. Every text
 * field of the request schemas is made here, so each refuses the same characters with the same reasons.
 *
 * Refused, because they make text read differently from what is stored (a name that looks like
 * another, a line whose end is shown first) or break what reads it later (CSV, logs, e-mail):
 * - control characters (C0, DEL, C1); multi-line text keeps tab, line feed and carriage return;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069); in names also
 *   the left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C);
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF). Multi-line text keeps the zero-width
 *   joiner and non-joiner between two visible characters: emoji sequences (👩‍👧) and Persian or
 *   Indic writing need them, and free text is never compared as a name is;
 * - unpaired surrogates (not text at all: they cannot be encoded as UTF-8).
 * Everything else is kept, emoji and every script included, normalised to NFC so that one word
 * typed two ways is stored one way.
 */
export type TextKind = 'name' | 'line' | 'multiline';

export const TEXT_REASONS = {
  control: 'must not contain control characters',
  invisible: 'must not contain invisible or direction-changing characters',
  surrogate: 'must not contain broken characters (unpaired surrogates)',
} as const;

/** `\p{Cc}` is C0, DEL and C1; line and paragraph separators break a line as a newline does. */
const CONTROL = {
  name: /[\p{Cc}\u2028\u2029]/u,
  line: /[\p{Cc}\u2028\u2029]/u,
  multiline: /(?![\t\n\r])\p{Cc}/u,
} as const;

const BIDI_CONTROLS = '\u202a-\u202e\u2066-\u2069';
const BIDI_MARKS = '\u200e\u200f\u061c';
const ZERO_WIDTH = '\u200b-\u200d\u2060\ufeff';

const INVISIBLE = {
  name: new RegExp(`[${BIDI_CONTROLS}${BIDI_MARKS}${ZERO_WIDTH}]`, 'u'),
  line: new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`, 'u'),
  // Joiners are checked on their own below.
  multiline: new RegExp(`[${BIDI_CONTROLS}\u200b\u2060\ufeff]`, 'u'),
} as const;

/** A joiner with nothing visible on one side of it: at either end, or beside a space or another joiner. */
const STRAY_JOINER = /(?:^|[\s\u200c\u200d])[\u200c\u200d]|[\u200c\u200d](?:$|\s)/u;

/** Without the `u` flag, so a lone half of a surrogate pair is seen as such. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first reason `value` is refused as text of this kind, if any. */
export function textProblem(value: string, kind: TextKind): string | undefined {
  if (LONE_SURROGATE.test(value)) return TEXT_REASONS.surrogate;
  if (CONTROL[kind].test(value)) return TEXT_REASONS.control;
  if (INVISIBLE[kind].test(value)) return TEXT_REASONS.invisible;
  if (kind === 'multiline' && STRAY_JOINER.test(value)) return TEXT_REASONS.invisible;
  return undefined;
}

/**
 * A text field of up to `max` characters (after trimming and NFC): names and one-line answers by
 * default, `multiline` for free text. Add `.check(z.minLength(1, …))` for a required field.
 */
/**
 * 5000 → "5,000", as en-GB writes it. Not `toLocaleString`: its first call loads the locale data,
 * which at module load (every schema calls this) cost a cold start about 20 ms.
 */
const withThousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function text(max: number, kind: TextKind = 'line') {
  return z.string().check(
    // Looked at before trimming: trim() would quietly drop a leading or trailing U+FEFF.
    z.superRefine((value, ctx) => {
      const reason = textProblem(value, kind);
      if (reason) ctx.addIssue({ code: 'custom', message: reason, input: value });
    }),
    z.normalize('NFC'),
    z.trim(),
    z.maxLength(max, `Use ${withThousands(max)} characters or fewer`),
  );
}
