/**
 * The smallest views of the threshold guidance: a level's tag, where an indicator sits, telephone
 * numbers as links and a level's consent rule. Apart from the larger guidance views, so pages that
 * need only these (the referral form) do not carry the rest: every page is held to a weight budget.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { Tag, type TagColour } from '../../views/govuk-components.ts';
import { findSubDomain } from '../check.ts';
import type { Framework, Indicator, Level, LevelNumber } from '../schema.ts';

const LEVEL_COLOURS: Record<LevelNumber, TagColour> = { 1: 'green', 2: 'yellow', 3: 'orange', 4: 'red' };

/** "Level 3" as a tag in the level's colour. */
export function LevelTag(props: {
  level: LevelNumber;
  framework?: Framework | null;
  classes?: string;
}): VNode {
  const record = props.framework?.levels.find((l) => l.level === props.level);
  return html`<${Tag}
    text=${`Level ${props.level}`}
    colour=${record?.colour ?? LEVEL_COLOURS[props.level]}
    classes=${props.classes ?? 'app-tag--inline'}
  />`;
}

/** "Parenting capacity: Basic care and food" */
export function whereIs(framework: Framework, indicator: Indicator): string {
  const found = findSubDomain(framework, indicator.subDomainId);
  return found ? `${found.domain.name}: ${found.subDomain.name}` : indicator.subDomainId;
}

// 999 and 101 (the police's numbers), 0300 000 0000 and 01632 960000 as the guidance writes them.
const PHONE = /(^|[^\d])(999|101|0\d{3} \d{3} \d{4}|0\d{4} \d{6})(?!\d)/g;

/** Text with its telephone numbers as tel: links, so a phone can call them with one tap. */
export function PhoneText(props: { text: string; inverse?: boolean }): VNode {
  const nodes: ComponentChildren[] = [];
  let last = 0;
  const linkClass = props.inverse ? 'govuk-link govuk-link--inverse' : 'govuk-link';
  for (const match of props.text.matchAll(PHONE)) {
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const number = match[2] ?? '';
    if (start > last) nodes.push(props.text.slice(last, start));
    nodes.push(
      html`<a class=${`${linkClass} app-tel`} href=${`tel:${number.replace(/\s/g, '')}`}>${number}</a>`,
    );
    last = start + number.length;
  }
  if (last < props.text.length) nodes.push(props.text.slice(last));
  return html`${nodes}`;
}

export function consentRule(level: Level): string {
  return level.consent.required
    ? 'The family’s informed consent is needed.'
    : 'Consent is not needed, but record why you did not seek it.';
}
