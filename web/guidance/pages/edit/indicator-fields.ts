/** The indicator form's fields: checking them, and making a new indicator's id. */
import type { Framework } from '../../../../shared/guidance/schema.ts';

export interface IndicatorFields {
  text: string;
  level: string;
  subDomainId: string;
  searchWords: string;
  immediateDanger: boolean;
}

const FIELD_IDS: Record<string, string> = {
  text: 'indicator-text',
  level: 'indicator-level',
  subDomainId: 'indicator-sub-domain',
  searchWords: 'indicator-search-words',
};

export function splitWords(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\n,]/)
        .map((w) => w.trim())
        .filter(Boolean),
    ),
  ];
}

export function validateIndicator(fields: IndicatorFields): Record<string, string> {
  const errors: Record<string, string> = {};
  const text = fields.text.trim();
  if (!text) errors['indicator-text'] = 'Enter what the indicator says';
  else if (text.length > 300) errors['indicator-text'] = 'The indicator must be 300 characters or fewer';
  if (!['1', '2', '3', '4'].includes(fields.level)) errors['indicator-level'] = 'Choose the level of need';
  if (!fields.subDomainId) errors['indicator-sub-domain'] = 'Choose the area of need';
  const words = splitWords(fields.searchWords);
  if (words.length > 20) errors['indicator-search-words'] = 'Enter 20 search words or fewer';
  else if (words.some((w) => w.length > 40))
    errors['indicator-search-words'] = 'Each search word must be 40 characters or fewer';
  return errors;
}

/** A new indicator's id: its sub-domain and the first words of its text, made unique. */
export function newIndicatorId(framework: Framework, subDomainId: string, text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 5)
    .join('-');
  const base = `${subDomainId}-${words || 'indicator'}`.slice(0, 74).replace(/-+$/, '');
  const taken = new Set(framework.indicators.map((i) => i.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Maps an API field such as `framework.indicators.12.text` to the form's field id. */
export function indicatorFieldFor(apiField: string): string | null {
  const m = /^framework\.indicators\.\d+\.(\w+)/.exec(apiField);
  return m?.[1] ? (FIELD_IDS[m[1]] ?? null) : null;
}
