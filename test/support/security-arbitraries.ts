import fc from 'fast-check';
import type { $ZodType } from 'zod/v4/core';

/**
 * fast-check arbitraries derived from the routes' own zod schemas (zod 4's `_zod.def`), for the
 * hostile-input suite: `validFor` makes values a schema should accept; `hostileFor` mixes those with
 * values broken in every way a caller could break them: wrong types, missing and unknown fields,
 * huge and deeply nested values, unicode edge cases and impossible dates.
 */

type Def = {
  type: string;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  options?: $ZodType[];
  innerType?: $ZodType;
  in?: $ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
};
type CheckDef = {
  check: string;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  length?: number;
};

const defOf = (schema: $ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

/** Characters that break naive code: lone surrogates, direction overrides, zero-width, NUL, emoji, markup. */
export const EDGE_STRINGS = [
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDBFF',
  '\u202E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\r\n',
  '\t',
  '\u00A0',
  '\u2028',
  'e\u0301',
  '👩‍👩‍👧‍👦',
  '🏴󠁧󠁢󠁥󠁮󠁧󠁿',
  '𝕬',
  'ﷺ',
  'ǅ',
  'İ',
  'ß',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE referrals; --",
  ['$', '{7*7}'].join(''),
  '{{7*7}}',
  '%00',
  '%2e%2e%2f',
  '../../etc/passwd',
  '=HYPERLINK("http://example.org")',
  '#',
  '__proto__',
  'constructor',
  'toString',
  'undefined',
  'null',
  'NaN',
  '-0',
  'REFERRAL#',
  'AGENCY#x',
  ':pk',
  '#status',
];

const edgeUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(' ', 'a', 'E', 'z', '1', '-', '.') },
);

/** Text up to `max` units long, often at the edges of what the schema allows. */
export function text(min = 0, max = 200): fc.Arbitrary<string> {
  const cap = Math.min(max, 300);
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: edgeUnit, minLength: Math.min(min, cap), maxLength: cap }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max)) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max + 1)) },
    { weight: 1, arbitrary: fc.constant(' '.repeat(Math.max(1, min))) },
  );
}

export const INVALID_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '2026-1-1',
  ' 2026-01-01',
  '2026-01-01T00:00:00Z',
  '01/02/2026',
  '+275760-09-13',
  '-000001-01-01',
  '9999-99-99',
  '2026-01-32',
  '',
  'today',
];

const validDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Deeply nested arrays or objects, as JSON text would carry them. */
export const deep = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Any value at all, biased to the ones that break parsers and validators. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 0.1 + 0.2, 2 ** 53),
  text(0, 80),
  fc.constantFrom(...INVALID_DATES),
  fc.constant('x'.repeat(20_000)),
  deep,
  fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
  fc.dictionary(
    fc.oneof(text(0, 10), fc.constantFrom('__proto__', 'constructor', '', '\u0000')),
    fc.jsonValue({ maxDepth: 2 }),
    {
      maxKeys: 4,
    },
  ),
  fc.jsonValue({ maxDepth: 4 }),
);

function regexArb(pattern: RegExp): fc.Arbitrary<string> {
  const flags = pattern.flags.replace(/[iu]/g, '');
  return fc.stringMatching(new RegExp(pattern.source, flags)).filter((s) => s.length <= 200);
}

/** Values `schema` should accept (nearly always: text can still fail a check the walker does not know). */
export function validFor(schema: $ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(def);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        model[key] = validFor(field);
        const t = defOf(field).type;
        if (t !== 'optional' && t !== 'default') required.push(key);
      }
      return fc.record(model, { requiredKeys: required });
    }
    case 'string': {
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 200;
      const regex = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
      if (def.format === 'date') return validDate;
      if (def.format === 'datetime') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (def.format === 'url')
        return fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= max && URL.canParse(u));
      if (regex) return regexArb(regex);
      // Mostly plain words, so that most "valid" requests get past the schema to the handler.
      return fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .stringMatching(/^[A-Za-z][A-Za-z ,.'-]{0,40}$/)
            .filter((s) => s.trim().length >= min && s.length <= max),
        },
        { weight: 1, arbitrary: text(Math.max(min, 1), max).filter((s) => s.trim().length >= min) },
      );
    }
    case 'number': {
      const lo = checks.find((c) => c.check === 'greater_than')?.value ?? -1000;
      const hi = checks.find((c) => c.check === 'less_than')?.value ?? 1000;
      const value = fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
      return def.coerce ? fc.oneof(value, value.map(String)) : value;
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'union':
      return fc.oneof(...(def.options ?? []).map(validFor));
    case 'optional':
    case 'default':
    case 'readonly':
    case 'catch':
      return validFor(def.innerType as $ZodType);
    case 'nullable':
      return fc.oneof(fc.constant(null), validFor(def.innerType as $ZodType));
    case 'pipe':
      return validFor(def.in as $ZodType);
    case 'array': {
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 10;
      const exact = checks.find((c) => c.check === 'length_equals')?.length;
      return fc.array(validFor(def.element as $ZodType), {
        minLength: exact ?? min,
        maxLength: exact ?? Math.max(min, Math.min(max, 4)),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Values built from the schema but broken on purpose, at any depth: a field of the wrong type, a
 * required one missing, an unknown one added, text too long or full of edge cases, dates that do
 * not exist; mixed with valid values and with junk that has nothing to do with the schema.
 */
export function hostileFor(schema: $ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const broken = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: depth === 0 ? 2 : 6, arbitrary: a }, { weight: 1, arbitrary: junk });
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape)) model[key] = hostileFor(field, depth + 1);
      const fields = fc.record(model, { requiredKeys: [] });
      const extra = fc.dictionary(
        fc.oneof(
          fc.constantFrom('agencyId', 'roles', 'status', 'version', 'id', '__proto__', 'constructor', ''),
          text(1, 12),
        ),
        junk,
        { maxKeys: 2 },
      );
      return broken(
        fc.oneof(
          { weight: 4, arbitrary: validFor(schema) },
          { weight: 4, arbitrary: fields },
          {
            weight: 1,
            arbitrary: fc.tuple(fields, extra).map(([a, b]) => ({ ...(a as object), ...b })),
          },
        ),
      );
    }
    case 'string': {
      const max = checksOf(def).find((c) => c.check === 'max_length')?.maximum ?? 200;
      if (def.format === 'date' || def.format === 'datetime')
        return broken(fc.oneof(validFor(schema), fc.constantFrom(...INVALID_DATES)));
      return broken(
        fc.oneof({ weight: 2, arbitrary: validFor(schema) }, { weight: 2, arbitrary: text(0, max) }),
      );
    }
    case 'array': {
      const max = checksOf(def).find((c) => c.check === 'max_length')?.maximum ?? 10;
      return broken(
        fc.oneof(
          fc.array(hostileFor(def.element as $ZodType, depth + 1), { maxLength: 5 }),
          fc.array(validFor(def.element as $ZodType), { minLength: max + 1, maxLength: max + 2 }),
        ),
      );
    }
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return hostileFor(def.innerType as $ZodType, depth);
    case 'pipe':
      return hostileFor(def.in as $ZodType, depth);
    default:
      return broken(validFor(schema));
  }
}

/** JSON text that is not JSON, or is JSON of the wrong shape entirely. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{"a":NaN}',
    '{"a":Infinity}',
    '{"a":undefined}',
    '{/* comment */}',
    '\uFEFF{}',
    '{"a":1}{"b":2}',
    '{"a":"\\uD800"}',
    '{"a":"\\u0000"}',
    '{"a":1e999}',
    '{"a":-}',
    '[1,2',
    'null',
    'true',
    '"a string"',
    '42',
    '[]',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
    `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
);
