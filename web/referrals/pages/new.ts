/**
 * /referrals/new/?indicators=a,b: starting a referral, usually from the checker's
 * answer, whose indicators come with it. If a chosen indicator means immediate danger, or the level
 * is 4, "call the Front Door now" comes first, before signing in and before the form. Start now
 * creates the draft with an Idempotency-Key, kept until it is created, so a double click or a retry
 * makes one referral.
 */

import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import { checkIndicators } from '../../../shared/guidance/check.ts';
import type { Framework, GuidanceVersion } from '../../../shared/guidance/schema.ts';
import { LevelTag, PhoneText } from '../../../shared/guidance/views/basics.ts';
import { clockDescription } from '../../../shared/referrals/priority.ts';
import type { Referral, ReferralContent } from '../../../shared/referrals/schema.ts';
import { ApiError, apiRequest } from '../../platform/api.ts';
import { signInUrl } from '../../platform/auth.ts';
import { boot, loadMe } from '../../platform/chrome.ts';
import {
  type ErrorSummaryItem,
  FormPage,
  LoadingPage,
  mount,
  PageHeading,
  ProblemPage,
  setTitle,
} from '../../platform/ui.ts';
import { NotReferrer } from '../draft.ts';
import { sectionUrl } from '../sections.ts';
import { describeRefusal, loadGuidance } from '../views.ts';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Start ----------------------------------------------------------------------------------------------

const NEW_KEY = 'portal.referral.idempotencyKey';

/** One key per new referral, kept until it is created, so a double click or a retry makes one. */
function idempotencyKey(fresh = false): string {
  let key = fresh ? null : sessionStorage.getItem(NEW_KEY);
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem(NEW_KEY, key);
  }
  return key;
}

async function createDraft(indicatorIds: string[]): Promise<Referral> {
  const body: ReferralContent = indicatorIds.length ? { indicatorIds } : {};
  const post = (key: string) =>
    apiRequest<Referral>('/referrals', { method: 'POST', body, headers: { 'idempotency-key': key } });
  try {
    return (await post(idempotencyKey())).data;
  } catch (error) {
    // The kept key was used for a different start (other indicators): this is a new referral.
    if (error instanceof ApiError && error.status === 422 && error.fieldError('Idempotency-Key')) {
      return (await post(idempotencyKey(true))).data;
    }
    // A network failure keeps the key, so trying again is the same request and makes one referral.
    throw error;
  }
}

type StartState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loaded'; guidance: GuidanceVersion | null; me: Me | null };

function readIds(): string[] {
  const raw = new URLSearchParams(window.location.search).get('indicators') ?? '';
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => ID.test(s) && s.length <= 80),
    ),
  ].slice(0, 60);
}

function CallFrontDoorNow(props: { framework: Framework; ids: string[]; onContinue: () => void }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setTitle('Call the Front Door now');
    ref.current?.focus();
  }, []);
  const outcome = checkIndicators(props.framework, props.ids);
  const level4 = props.framework.levels.find((l) => l.level === 4);
  const urgent =
    outcome.level !== null
      ? [...outcome.immediateDangerIndicators, ...outcome.drivers.filter((i) => i.level === 4)]
      : [];
  const unique = [...new Map(urgent.map((i) => [i.id, i])).values()];
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <div class="govuk-panel govuk-panel--interruption app-interruption" tabindex="-1" ref=${ref} id="call-now">
        <h1 class="govuk-panel__title">Call the Front Door now</h1>
        <div class="govuk-panel__body">
          <p class="govuk-body">
            ${
              outcome.immediateDanger
                ? 'What you chose can mean the child is in immediate danger, and may be at risk of significant harm:'
                : 'What you chose suggests the child may be at risk of significant harm:'
            }
          </p>
          <ul class="govuk-list govuk-list--bullet">${unique.map((i) => html`<li key=${i.id}>${i.text}</li>`)}</ul>
          ${level4 ? html`<p class="govuk-body govuk-!-font-weight-bold"><${PhoneText} text=${level4.response.whoToContact} inverse=${true} /></p>` : null}
          <p class="govuk-body">Do not wait to make a referral in the portal. Make the call first.</p>
          <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--inverse" data-module="govuk-button" onClick=${props.onContinue}>
              I have called the Front Door: continue
            </button>
          </div>
        </div>
      </div>
    </div></div>
  `;
}

function StartPage(): VNode {
  const [ids] = useState(readIds);
  const [state, setState] = useState<StartState>({ kind: 'loading' });
  const [acknowledged, setAcknowledged] = useState(
    () => new URLSearchParams(window.location.search).get('called') === '1',
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ kind: 'loading' });
    Promise.all([loadGuidance(), loadMe()]).then(
      ([guidance, me]) => setState({ kind: 'loaded', guidance, me }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, [attempt]);

  const framework = state.kind === 'loaded' ? state.guidance?.framework : undefined;
  const outcome = framework ? checkIndicators(framework, ids) : null;
  const known = outcome?.chosen.map((i) => i.id) ?? [];
  const urgent =
    outcome !== null && outcome.level !== null && (outcome.immediateDanger || outcome.level === 4);
  const me = state.kind === 'loaded' ? state.me : null;

  // Signed out: the interruption first, then sign in and come back here.
  useEffect(() => {
    if (state.kind !== 'loaded' || me || (urgent && !acknowledged)) return;
    const params = new URLSearchParams();
    if (known.length) params.set('indicators', known.join(','));
    if (acknowledged) params.set('called', '1');
    const query = params.toString().replaceAll('%2C', ',');
    window.location.replace(signInUrl(`/referrals/new/${query ? `?${query}` : ''}`));
  }, [state.kind, acknowledged]);

  useEffect(() => {
    if (state.kind !== 'loaded' || (urgent && !acknowledged)) return;
    setTitle('Request early help for a child', failure.length > 0);
  }, [state.kind, acknowledged, failure.length]);

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setSubmissions((n) => n + 1);
    try {
      const referral = await createDraft(known);
      sessionStorage.removeItem(NEW_KEY);
      window.location.assign(sectionUrl('child', referral.id));
    } catch (error) {
      setBusy(false);
      setFailure(describeRefusal(error, () => 'start-button', 'start-button').items);
    }
  };

  if (state.kind === 'loading')
    return html`<${LoadingPage} heading="Request early help for a child" size="l" text="Loading…" />`;
  if (state.kind === 'failed')
    return html`<${ProblemPage} heading="Request early help for a child" size="l" error=${state.error} what="the referral form" onRetry=${() => setAttempt((n) => n + 1)} />`;
  if (framework && urgent && !acknowledged)
    return html`<${CallFrontDoorNow} framework=${framework} ids=${known} onContinue=${() => setAcknowledged(true)} />`;
  if (!me)
    return html`<${LoadingPage} heading="Request early help for a child" size="l" text="Taking you to sign in…" />`;
  if (!me.roles.includes('referrer')) return html`<${NotReferrer} me=${me} />`;

  const record = outcome?.level ? outcome.record : null;
  return html`
    <${FormPage}
      errors=${failure}
      submissions=${submissions}
      errorsTitle="Your referral was not started"
    >
      <${PageHeading} text="Request early help for a child" size="l" />
      <p class="govuk-body">
        Ask the Front Door for early help for a child and their family. They decide ${clockDescription('urgent')} when a
        child may be in danger, and ${clockDescription('standard')} at most, and tell you what they decided and why.
      </p>
      ${
        outcome && outcome.chosen.length > 0 && record
          ? html`
            <h2 class="govuk-heading-m">From your check</h2>
            <p class="govuk-body">These indicators come with you. You can change them in the form.</p>
            <ul class="govuk-list govuk-list--bullet">${outcome.chosen.map((i) => html`<li key=${i.id}>${i.text}</li>`)}</ul>
            <p class="govuk-body">Suggested level: <${LevelTag} level=${record.level} framework=${framework} /> ${record.name}</p>
          `
          : null
      }
      ${
        ids.length > known.length && framework
          ? html`<p class="govuk-body">Some indicators in the link are no longer in the guidance, so they were left out.</p>`
          : null
      }
      <h2 class="govuk-heading-m">Before you start</h2>
      <p class="govuk-body">You will need:</p>
      <ul class="govuk-list govuk-list--bullet">
        <li>the child’s name, date of birth and address</li>
        <li>who they live with, and who has parental responsibility</li>
        <li>what you are worried about, what has been tried, and what the child and their parents say</li>
        <li>
          ${record && !record.consent.required ? 'why you have not sought the family’s consent, if you have not' : 'the family’s informed consent: early help is voluntary, and at this level the guidance does not let you refer without it'}
        </li>
      </ul>
      <p class="govuk-body">
        Each page saves when you continue, so you can stop and come back to it from your referrals.
      </p>
      <button
        type="button"
        id="start-button"
        class="govuk-button govuk-button--start"
        data-module="govuk-button"
        disabled=${busy}
        aria-disabled=${busy ? 'true' : undefined}
        onClick=${start}
      >
        ${busy ? 'Starting…' : 'Start now'}
        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" /></svg>
      </button>
      <p class="govuk-body">Not sure it is early help? <a class="govuk-link" href="/check/">Check the level of need first</a>.</p>
    </${FormPage}>
  `;
}

boot();
mount(html`<${StartPage} />`);
