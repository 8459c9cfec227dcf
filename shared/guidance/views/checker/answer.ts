/**
 * The threshold checker's step 2: the suggested level and what to do now (the same rule as POST
 * /api/guidance/check), or why there is none. Only the guidance function renders these: the page needs
 * nothing from the browser but the account line and moving focus to an immediate-danger interruption.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ButtonLink, formatDate, PageHeading, setTitle } from '../../../views/govuk-components.ts';
import { type LevelCheckOutcome, levelLabel } from '../../check.ts';
import type { CheckerServices } from '../../checker-services.ts';
import type { GuidanceVersion, Level } from '../../schema.ts';
import { routesFor } from '../../specific-routes.ts';
import { consentRule, LevelTag, PhoneText } from '../basics.ts';
import { LevelHeadingText } from '../levels.ts';
import { AnswerRoutes } from '../specific-routes.ts';
import { stepUrl } from './address.ts';
import { AnswerServices } from './services.ts';

export type CheckResult = Omit<LevelCheckOutcome, 'unknownIds'> & { version: number };

function ImmediateDanger(props: { result: CheckResult; urgent: Level | null }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { result, urgent } = props;
  return html`
    <div class="govuk-panel govuk-panel--interruption app-interruption" tabindex="-1" ref=${ref} id="immediate-danger">
      <h1 class="govuk-panel__title">Call 999 if a child is in immediate danger, then the Front Door now</h1>
      <div class="govuk-panel__body">
        <p class="govuk-body">
          You chose ${result.immediateDangerIndicators.length === 1 ? 'an indicator' : 'indicators'} that can mean a child is
          in immediate danger:
        </p>
        <ul class="govuk-list govuk-list--bullet">
          ${result.immediateDangerIndicators.map((i) => html`<li key=${i.id}>${i.text}</li>`)}
        </ul>
        ${
          urgent
            ? html`<p class="govuk-body govuk-!-font-weight-bold"><${PhoneText} text=${urgent.response.whoToContact} inverse=${true} /></p>`
            : html`<p class="govuk-body govuk-!-font-weight-bold"><${PhoneText} text=${result.reasons[0] ?? 'Call 999.'} inverse=${true} /></p>`
        }
        <p class="govuk-body">Do not wait to finish this checker or to make a referral in the portal. Make the call first.</p>
      </div>
    </div>
  `;
}

export function Answer(props: {
  result: CheckResult;
  guidance: GuidanceVersion | null;
  ids: string[];
  /** At levels 1 and 2, the services that meet the needs (looked up by the server), shown after consent:
   * a family is referred to a service with their agreement. */
  services?: CheckerServices | null;
}): VNode {
  const { result, guidance } = props;
  const record = result.record;
  const urgent =
    result.level === 4 ? record : (guidance?.framework.levels.find((l) => l.level === 4) ?? null);
  const others = result.chosen.filter((i) => !result.drivers.some((d) => d.id === i.id));
  const chosenIds = result.chosen.map((i) => i.id);
  const routes = guidance ? routesFor(guidance.framework, chosenIds) : [];
  const LevelHeading = result.immediateDanger ? 'h2' : 'h1';
  // After a call to make first, the referral is the second thing to do, and looks it.
  const referralVariant = result.immediateDanger ? 'secondary' : undefined;

  useEffect(() => {
    setTitle(
      result.immediateDanger
        ? 'Call 999 if a child is in immediate danger – Check a level of need'
        : `${levelLabel(record)} – Check a level of need`,
    );
  }, [result]);

  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${
          // Immediate danger comes before anything else, even the way back.
          result.immediateDanger
            ? html`<${ImmediateDanger} result=${result} urgent=${urgent} />`
            : html`<a class="govuk-back-link" href=${stepUrl('/check/', { ids: chosenIds })}>Change your indicators</a>`
        }
        <span class="govuk-caption-l">Check a level of need – step 2 of 2</span>
        <${LevelHeading} class="govuk-heading-l app-answer__level" id="answer-level">
          <span class="govuk-visually-hidden">Suggested level: </span><${LevelHeadingText} level=${record} />
        </${LevelHeading}>
        <p class="govuk-body-l">${record.summary}</p>
        ${
          result.considerHigher && result.nextLevel
            ? html`<div class="govuk-inset-text app-consider-higher">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">Consider ${levelLabel(result.nextLevel)}</h2>
                <p class="govuk-body govuk-!-margin-bottom-0">
                  You chose ${result.drivers.length} indicators at level ${result.level}. Several needs at one level can
                  together mean the child needs more. ${result.nextLevel.summary}
                </p>
              </div>`
            : null
        }
        <${AnswerRoutes} routes=${routes} />

        <h2 class="govuk-heading-m">What to do now</h2>
        <p class="govuk-body">${record.response.doNow}</p>

        <h2 class="govuk-heading-m">Who to contact</h2>
        <p class="govuk-body"><${PhoneText} text=${record.response.whoToContact} /></p>

        <h2 class="govuk-heading-m">Assessment</h2>
        <p class="govuk-body">${record.response.assessment}</p>
        ${
          record.response.earlyHelpPlanExpected
            ? html`<p class="govuk-body">An Early Help Assessment and plan should normally already be in place.</p>`
            : null
        }

        <h2 class="govuk-heading-m">Consent</h2>
        <p class="govuk-body govuk-!-font-weight-bold">${consentRule(record)}</p>
        <p class="govuk-body">${record.consent.guidance}</p>

        <${AnswerServices} services=${props.services ?? null} level=${result.level} ids=${chosenIds} />

        <h2 class="govuk-heading-m">Why this level</h2>
        <ul class="govuk-list govuk-list--bullet">
          ${result.reasons.map((reason) => html`<li key=${reason}>${reason}</li>`)}
        </ul>
        <h3 class="govuk-heading-s">
          ${result.drivers.length === 1 ? 'The indicator that decided the level' : 'The indicators that decided the level'}
        </h3>
        <ul class="govuk-list govuk-list--bullet">
          ${result.drivers.map((i) => html`<li key=${i.id}>${i.text}</li>`)}
        </ul>
        ${
          others.length > 0
            ? html`
              <h3 class="govuk-heading-s">Your other chosen indicators</h3>
              <ul class="govuk-list govuk-list--bullet">
                ${others.map((i) => html`<li key=${i.id}><${LevelTag} level=${i.level} framework=${guidance?.framework} /> ${i.text}</li>`)}
              </ul>
            `
            : null
        }

        <h2 class="govuk-heading-m">What next</h2>
        <p class="govuk-body">
          Use your professional judgement: the checker suggests a level, it does not decide one. If you are not sure, talk
          to your designated safeguarding lead or ring the number above for advice.
        </p>
        <div class="govuk-button-group">
          <${ButtonLink}
            href=${`/referrals/new/?indicators=${chosenIds.join(',')}`}
            text="Make a referral with these indicators"
            variant=${referralVariant}
          />
          <a class="govuk-link" href=${stepUrl('/check/', { ids: chosenIds })}>Change your indicators</a>
          <a class="govuk-link" href="/check/">Start again</a>
        </div>
        <p class="govuk-body-s app-answer__version">
          This answer uses version ${result.version} of the threshold guidance${
            guidance?.version === result.version && guidance.effectiveFrom
              ? `, in effect from ${formatDate(guidance.effectiveFrom)}`
              : ''
          }.${' '}
          <a class="govuk-link" href="/guidance/">Read the threshold guidance</a>
        </p>
      </div>
    </div>
  `;
}

/** Step 2 without any chosen indicator (an address with none, or only unknown ones). */
export function NothingChosen(): VNode {
  return html`
    <${PageHeading} caption="Check a level of need" text="You have not chosen any indicators" />
    <p class="govuk-body">Choose at least one indicator that describes the child to see the level it suggests.</p>
    <${ButtonLink} href="/check/" text="Choose indicators" />
  `;
}

/** Step 2 from an old link: some indicators are no longer in the current guidance. */
export function UnknownIndicators(props: { unknownIds: string[]; knownIds: string[] }): VNode {
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} caption="Check a level of need" text="Some indicators are not in the current guidance" />
      <p class="govuk-body">
        The threshold guidance has changed since this link was made, so ${props.unknownIds.length === 1 ? 'this indicator is' : 'these indicators are'} no
        longer in it:
      </p>
      <ul class="govuk-list govuk-list--bullet">${props.unknownIds.map((id) => html`<li key=${id}>${id}</li>`)}</ul>
      <p class="govuk-body">Choose the indicators again from the current guidance.</p>
      <div class="govuk-button-group">
        <${ButtonLink} href=${stepUrl('/check/', { ids: props.knownIds })} text="Choose indicators again" />
        <a class="govuk-link" href="/check/">Start again</a>
      </div>
    </div></div>
  `;
}

/** The checker before any guidance is published. */
export function CheckerWithoutGuidance(): VNode {
  return html`
    <${PageHeading} text="Check a level of need" />
    <p class="govuk-body">No threshold guidance has been published yet, so the checker cannot suggest a level.</p>
    <p class="govuk-body">Ask your designated safeguarding lead, or contact the Front Door for advice. If a child is in immediate danger, call 999.</p>
  `;
}
