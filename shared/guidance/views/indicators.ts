/**
 * Indicators as people read them: grouped by domain and sub-domain, each with its level, whether it can
 * mean immediate danger, and the ages it applies to.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { Tag } from '../../views/govuk-components.ts';
import type { AgeBand, Domain, Framework, Indicator, SubDomain } from '../schema.ts';
import { LevelTag } from './basics.ts';

/** Each age band as the range of ages it covers; before birth is -1. */
const AGE_BAND_RANGES: Record<AgeBand, [number, number]> = {
  'pre-birth': [-1, -1],
  '0-4': [0, 4],
  '5-11': [5, 11],
  '12-17': [12, 17],
};

/** ['5-11', '12-17'] → "ages 5 to 17"; ['pre-birth', '0-4'] → "before birth to age 4". */
export function describeAgeBands(bands: readonly AgeBand[]): string {
  const ranges = bands.map((band) => AGE_BAND_RANGES[band]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged
    .map(([from, to]) => {
      if (from === -1) return to === -1 ? 'before birth' : `before birth to age ${to}`;
      return `ages ${from} to ${to}`;
    })
    .join(' and ');
}

export interface IndicatorGroup {
  domain: Domain;
  subDomains: { subDomain: SubDomain; indicators: Indicator[] }[];
}

/**
 * Indicators grouped by domain, then sub-domain, in the framework's order; empty groups left out.
 * With a level, only that level's indicators; without, all of them, lowest level first in each group.
 */
export function groupIndicators(
  framework: Framework,
  level?: number,
  indicators: readonly Indicator[] = framework.indicators,
): IndicatorGroup[] {
  const chosen =
    level === undefined
      ? [...indicators].sort((a, b) => a.level - b.level)
      : indicators.filter((i) => i.level === level);
  return framework.domains
    .map((domain) => ({
      domain,
      subDomains: domain.subDomains
        .map((subDomain) => ({
          subDomain,
          indicators: chosen.filter((i) => i.subDomainId === subDomain.id),
        }))
        .filter((group) => group.indicators.length > 0),
    }))
    .filter((group) => group.subDomains.length > 0);
}

export function IndicatorItem(props: {
  indicator: Indicator;
  framework?: Framework;
  showLevel?: boolean;
}): VNode {
  const { indicator } = props;
  const ages = indicator.ageBands ? describeAgeBands(indicator.ageBands) : null;
  return html`
    <li>
      ${props.showLevel ? html`<${LevelTag} level=${indicator.level} framework=${props.framework} /> ` : null}
      ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" /> ` : null}
      ${indicator.text}
      ${ages ? html` <span class="govuk-hint app-inline-hint">(${ages})</span>` : null}
    </li>
  `;
}

/** Indicators under domain (h3 or given) and sub-domain headings. */
export function IndicatorGroups(props: {
  groups: IndicatorGroup[];
  framework: Framework;
  showLevel?: boolean;
  headingLevel?: 2 | 3;
}): VNode {
  const h = props.headingLevel ?? 3;
  const domainTag = `h${h}`;
  const subTag = `h${h + 1}`;
  return html`${props.groups.map(
    (group) => html`
      <${domainTag} class=${h === 2 ? 'govuk-heading-l app-domain' : 'govuk-heading-m'} id=${`domain-${group.domain.id}`} key=${group.domain.id}>${group.domain.name}</${domainTag}>
      ${group.subDomains.map(
        ({ subDomain, indicators }) => html`
          <${subTag} class=${h === 2 ? 'govuk-heading-m' : 'govuk-heading-s'} key=${`${subDomain.id}-heading`}>${subDomain.name}</${subTag}>
          <ul class="govuk-list govuk-list--bullet app-indicators" key=${`${subDomain.id}-list`}>
            ${indicators.map(
              (indicator) =>
                html`<${IndicatorItem} key=${indicator.id} indicator=${indicator} framework=${props.framework} showLevel=${props.showLevel} />`,
            )}
          </ul>
        `,
      )}
    `,
  )}`;
}
