/**
 * Search highlighting: the words of a query the guidance search matches on, and an indicator's text
 * with those words marked. Used wherever people search the guidance: the guidance page, the checker and
 * the editor.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { searchTokens } from '../check.ts';
import type { Indicator } from '../schema.ts';

/** Words too common to narrow a search, as the search rule in shared/guidance/check.ts drops them. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have i in is it of on or the to was with'.split(' '),
);

/** The words of a query that the search matches on. */
export function queryWords(query: string): string[] {
  return [...new Set(searchTokens(query).filter((w) => !STOP_WORDS.has(w)))];
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcher(words: readonly string[]): RegExp | null {
  const stems = words
    .flatMap((w) => (w.length > 3 && w.endsWith('s') ? [w, w.slice(0, -1)] : [w]))
    .sort((a, b) => b.length - a.length);
  if (stems.length === 0) return null;
  // A match starts a word (as the search does) and runs to the word's end: "bruis" marks "bruising".
  return new RegExp(`(^|[^\\p{L}\\p{N}])((?:${stems.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*)`, 'giu');
}

/**
 * The text with each word that matches the query wrapped in <mark>, as Preact elements (never HTML
 * strings). `matched` says whether anything was marked.
 */
export function highlight(
  text: string,
  words: readonly string[],
): { nodes: ComponentChildren; matched: boolean } {
  const re = matcher(words);
  if (!re) return { nodes: text, matched: false };
  const nodes: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(re)) {
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const word = match[2] ?? '';
    if (start > last) nodes.push(text.slice(last, start));
    nodes.push(html`<mark class="app-mark">${word}</mark>`);
    last = start + word.length;
  }
  if (nodes.length === 0) return { nodes: text, matched: false };
  if (last < text.length) nodes.push(text.slice(last));
  return { nodes, matched: true };
}

/** The indicator's search words that match the query (for results found by a search word alone). */
export function matchingSearchWords(indicator: Indicator, words: readonly string[]): string[] {
  const re = matcher(words);
  if (!re) return [];
  return indicator.searchWords.filter((w) => {
    re.lastIndex = 0;
    return re.test(w);
  });
}

/** An indicator's text with the query's words marked, and the search words that found it if its text has none. */
export function HighlightedIndicator(props: { indicator: Indicator; words: readonly string[] }): VNode {
  const { nodes, matched } = highlight(props.indicator.text, props.words);
  const viaWords = matched ? [] : matchingSearchWords(props.indicator, props.words);
  return html`${nodes}${
    viaWords.length > 0
      ? html` <span class="app-found-by">(found by: ${viaWords.map((w, i) => html`${i > 0 ? ', ' : ''}<mark class="app-mark">${w}</mark>`)})</span>`
      : null
  }`;
}
