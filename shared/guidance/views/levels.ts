/**
 * A level of need as the guidance sets it out: its heading, what it prescribes (what to do now, who to
 * contact, the assessment and the consent rule) and its indicators.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { levelLabel } from '../check.ts';
import type { Framework, Level } from '../schema.ts';
import { consentRule, PhoneText } from './basics.ts';
import { groupIndicators, IndicatorGroups } from './indicators.ts';

/** The levels, lowest first. */
export function sortedLevels(framework: Framework): Level[] {
  return [...framework.levels].sort((a, b) => a.level - b.level);
}

/** What a level prescribes: what to do now, who to contact, the assessment and the consent rule. */
export function LevelResponse(props: { level: Level }): VNode {
  const { level } = props;
  return html`
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">What to do now</dt>
        <dd class="govuk-summary-list__value">${level.response.doNow}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Who to contact</dt>
        <dd class="govuk-summary-list__value"><${PhoneText} text=${level.response.whoToContact} /></dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Assessment</dt>
        <dd class="govuk-summary-list__value">
          ${level.response.assessment}
          ${
            level.response.earlyHelpPlanExpected
              ? html`<p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">An Early Help Assessment and plan should normally already be in place.</p>`
              : null
          }
        </dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Consent</dt>
        <dd class="govuk-summary-list__value">
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">${consentRule(level)}</p>
          <p class="govuk-body govuk-!-margin-bottom-0">${level.consent.guidance}</p>
        </dd>
      </div>
    </dl>
  `;
}

/** The level's heading content: its coloured tag, then its name. */
export function LevelHeadingText(props: { level: Level }): VNode {
  return html`<strong class=${`govuk-tag govuk-tag--${props.level.colour} app-level__tag`}>
      Level ${props.level.level}<span class="govuk-visually-hidden">:</span>
    </strong>${' '}${props.level.name}`;
}

/**
 * One level: its summary and response, then its indicators. Closed in a details element, or, for the
 * print-friendly view, listed in full. `actions` goes after the response (for example a print link).
 */
export function LevelSection(props: {
  framework: Framework;
  level: Level;
  expanded?: boolean;
  /** Leave out the level's own heading when the page's h1 already names it. */
  headingless?: boolean;
  actions?: ComponentChildren;
}): VNode {
  const { level, framework } = props;
  const groups = groupIndicators(framework, level.level);
  const count = groups.reduce((n, g) => n + g.subDomains.reduce((m, s) => m + s.indicators.length, 0), 0);
  const headingId = `level-${level.level}-heading`;
  const list = html`<${IndicatorGroups} groups=${groups} framework=${framework} />`;
  return html`
    <section
      class=${props.headingless ? 'app-level app-level--alone' : 'app-level'}
      id=${`level-${level.level}`}
      aria-labelledby=${props.headingless ? undefined : headingId}
      aria-label=${props.headingless ? levelLabel(level) : undefined}
    >
      ${props.headingless ? null : html`<h2 class="govuk-heading-l" id=${headingId}><${LevelHeadingText} level=${level} /></h2>`}
      <p class="govuk-body-l">${level.summary}</p>
      <${LevelResponse} level=${level} />
      ${props.actions}
      ${
        count === 0
          ? html`<p class="govuk-body">This version lists no indicators at level ${level.level}.</p>`
          : props.expanded
            ? html`<h2 class="govuk-heading-m">${`Indicators at level ${level.level} (${count})`}</h2>${list}`
            : html`
              <details class="govuk-details app-level__details">
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">${`Indicators at level ${level.level} (${count})`}</span>
                </summary>
                <div class="govuk-details__text">${list}</div>
              </details>
            `
      }
    </section>
  `;
}
