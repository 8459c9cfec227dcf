/** /guidance/: the current published threshold guidance, for anyone, without signing in. */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type {
  AgeBand,
  Domain,
  Framework,
  GuidanceVersion,
  Indicator,
  Level,
  SubDomain,
} from '../../../shared/guidance.ts';
import { levelLabel } from '../../../shared/guidance-check.ts';
import { ApiError, apiGet } from '../api.ts';
import { boot } from '../chrome.ts';
import { formatDate, Loading, mount, PageHeading, ProblemState, setTitle, Tag } from '../ui.ts';

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

/** A level's indicators grouped by domain, then sub-domain, in the framework's order; empty groups left out. */
export function groupIndicators(framework: Framework, level: number): IndicatorGroup[] {
  const atLevel = framework.indicators.filter((i) => i.level === level);
  return framework.domains
    .map((domain) => ({
      domain,
      subDomains: domain.subDomains
        .map((subDomain) => ({
          subDomain,
          indicators: atLevel.filter((i) => i.subDomainId === subDomain.id),
        }))
        .filter((group) => group.indicators.length > 0),
    }))
    .filter((group) => group.subDomains.length > 0);
}

function IndicatorItem(props: { indicator: Indicator }): VNode {
  const { indicator } = props;
  const ages = indicator.ageBands ? describeAgeBands(indicator.ageBands) : null;
  return html`
    <li>
      ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" /> ` : null}
      ${indicator.text}
      ${ages ? html` <span class="govuk-hint app-inline-hint">(${ages})</span>` : null}
    </li>
  `;
}

function LevelSection(props: { framework: Framework; level: Level }): VNode {
  const { level, framework } = props;
  const groups = groupIndicators(framework, level.level);
  const count = groups.reduce((n, g) => n + g.subDomains.reduce((m, s) => m + s.indicators.length, 0), 0);
  const headingId = `level-${level.level}-heading`;
  return html`
    <section class="app-level" id=${`level-${level.level}`} aria-labelledby=${headingId}>
      <h2 class="govuk-heading-l" id=${headingId}>
        <strong class=${`govuk-tag govuk-tag--${level.colour} app-level__tag`}>
          Level ${level.level}<span class="govuk-visually-hidden">:</span>
        </strong>${' '}${level.name}
      </h2>
      <p class="govuk-body-l">${level.summary}</p>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">What to do now</dt>
          <dd class="govuk-summary-list__value">${level.response.doNow}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Who to contact</dt>
          <dd class="govuk-summary-list__value">${level.response.whoToContact}</dd>
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
            <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">
              ${level.consent.required ? 'The family’s informed consent is needed.' : 'Consent is not needed, but record why you did not seek it.'}
            </p>
            <p class="govuk-body govuk-!-margin-bottom-0">${level.consent.guidance}</p>
          </dd>
        </div>
      </dl>
      ${
        count === 0
          ? html`<p class="govuk-body">This version lists no indicators at level ${level.level}.</p>`
          : html`
            <details class="govuk-details">
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">
                  ${`Indicators at level ${level.level} (${count})`}
                </span>
              </summary>
              <div class="govuk-details__text">
                ${groups.map(
                  (group) => html`
                    <h3 class="govuk-heading-m" key=${group.domain.id}>${group.domain.name}</h3>
                    ${group.subDomains.map(
                      ({ subDomain, indicators }) => html`
                        <h4 class="govuk-heading-s" key=${`${subDomain.id}-heading`}>${subDomain.name}</h4>
                        <ul class="govuk-list govuk-list--bullet" key=${`${subDomain.id}-list`}>
                          ${indicators.map((indicator) => html`<${IndicatorItem} key=${indicator.id} indicator=${indicator} />`)}
                        </ul>
                      `,
                    )}
                  `,
                )}
              </div>
            </details>
          `
      }
    </section>
  `;
}

function Guidance(props: { guidance: GuidanceVersion }): VNode {
  const { guidance } = props;
  const { framework } = guidance;
  const levels = [...framework.levels].sort((a, b) => a.level - b.level);
  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <${PageHeading} caption="Threshold guidance" text=${framework.title} />
        <dl class="govuk-summary-list govuk-summary-list--no-border app-version">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Version</dt>
            <dd class="govuk-summary-list__value">${String(guidance.version)}</dd>
          </div>
          ${
            guidance.effectiveFrom
              ? html`<div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">In effect from</dt>
                  <dd class="govuk-summary-list__value">${formatDate(guidance.effectiveFrom)}</dd>
                </div>`
              : null
          }
          ${
            guidance.publishedAt
              ? html`<div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Published</dt>
                  <dd class="govuk-summary-list__value">${formatDate(guidance.publishedAt)}</dd>
                </div>`
              : null
          }
        </dl>
        ${
          framework.notice
            ? html`<div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  ${framework.notice}
                </strong>
              </div>`
            : null
        }
        ${
          guidance.changeSummary
            ? html`<div class="govuk-inset-text">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">What changed in version ${guidance.version}</h2>
                <p class="govuk-body govuk-!-margin-bottom-0">${guidance.changeSummary}</p>
              </div>`
            : null
        }
        <p class="govuk-body">
          Every partner agency in Northshire uses these four levels of need. For each level, the guidance says what to
          do now, who to contact and whether you need the family's consent. Open a level's indicators to see what needs
          at that level can look like.
        </p>
        <h2 class="govuk-heading-m">Levels of need</h2>
        <ul class="govuk-list">
          ${levels.map(
            (level) =>
              html`<li key=${level.level}><a class="govuk-link" href=${`#level-${level.level}`}>${levelLabel(level)}</a></li>`,
          )}
        </ul>
        ${levels.map((level) => html`<${LevelSection} key=${level.level} framework=${framework} level=${level} />`)}
      </div>
    </div>
  `;
}

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; guidance: GuidanceVersion }
  | { kind: 'none' }
  | { kind: 'failed'; error: unknown };

function GuidancePage(): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ kind: 'loading' });
    apiGet<GuidanceVersion>('/guidance').then(
      (guidance) => setState({ kind: 'loaded', guidance }),
      (error: unknown) =>
        setState(
          error instanceof ApiError && error.status === 404 ? { kind: 'none' } : { kind: 'failed', error },
        ),
    );
  }, [attempt]);

  useEffect(() => {
    setTitle(state.kind === 'failed' ? 'Threshold guidance could not be loaded' : 'Threshold guidance');
    // Opening /guidance/#level-3 scrolls to the level once it is on the page.
    if (state.kind === 'loaded' && window.location.hash) {
      document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
    }
  }, [state.kind]);

  switch (state.kind) {
    case 'loading':
      return html`<${PageHeading} text="Threshold guidance" /><${Loading} text="Loading the threshold guidance…" />`;
    case 'none':
      return html`
        <${PageHeading} text="Threshold guidance" />
        <p class="govuk-body">No threshold guidance has been published yet.</p>
        <p class="govuk-body">
          Until it is, ask your designated safeguarding lead, or contact the Children's Front Door for advice. If a child
          is in immediate danger, call 999.
        </p>
      `;
    case 'failed':
      return html`
        <${PageHeading} text="Threshold guidance" />
        <${ProblemState} error=${state.error} what="the threshold guidance" onRetry=${() => setAttempt((n) => n + 1)} />
        <p class="govuk-body">If a child is in immediate danger, call 999.</p>
      `;
    case 'loaded':
      return html`<${Guidance} guidance=${state.guidance} />`;
  }
}

boot();
mount(html`<${GuidancePage} />`);
