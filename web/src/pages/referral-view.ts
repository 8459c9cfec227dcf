/**
 * One referral, for the agency that made it and for the Front Door:
 *
 *   /referrals/view/?id=        status, due time, the decision and feedback, the timeline, the answers,
 *                               further information; for the Front Door, possible duplicates, and opening
 *                               a submitted referral starts the review (it becomes hers)
 *   /referrals/decide/?id=      the Front Door's decision: level of need, outcome, rationale, feedback
 *   /referrals/withdraw/?id=    the referrer withdraws it before review, with a reason
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Framework, GuidanceVersion, LevelNumber } from '../../../shared/guidance.ts';
import type { Me } from '../../../shared/me.ts';
import type { DecisionInput, Outcome, Referral, TimelineEntry } from '../../../shared/referral.ts';
import { ApiError, apiPost } from '../api.ts';
import { signInUrl } from '../auth.ts';
import { boot, loadMe } from '../chrome.ts';
import { ReferralAnswers } from '../referral-answers.ts';
import { OUTCOME_LABELS, OUTCOMES } from '../referral-labels.ts';
import { sectionUrl } from '../referral-sections.ts';
import { DueTime, Timeline } from '../referral-status.ts';
import {
  agencyName,
  awaitingDecision,
  ConflictBanner,
  childNameOf,
  describeRefusal,
  isConflict,
  LevelName,
  loadGuidance,
  loadReferral,
  ReferralNotFound,
  type ReferralWithTimeline,
  referralAction,
  referralIdFromUrl,
  StatusTag,
  SummaryList,
  useAgencyNames,
  useNow,
  Written,
} from '../referral-views.ts';
import {
  Button,
  cx,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDateTime,
  Loading,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemState,
  Radios,
  setTitle,
  Textarea,
} from '../ui.ts';

type PageKind = 'view' | 'decide' | 'withdraw';

const DONE_MESSAGES: Record<string, string> = {
  decided: 'Decision recorded. The referrer has been sent a message to read it.',
  withdrawn: 'Referral withdrawn. The Front Door will not act on it.',
  closed: 'Referral closed.',
  note: 'Further information added.',
  review: 'You are now reviewing this referral. Others see your name against it in the queue.',
};

const viewUrl = (id: string, done?: string) =>
  `/referrals/view/?id=${encodeURIComponent(id)}${done ? `&done=${done}` : ''}`;

const isTriage = (me: Me) => me.roles.includes('triage');

// The decision, as the referrer reads it ------------------------------------------------------------------

function DecisionBlock(props: {
  referral: Referral;
  framework: Framework | undefined;
  forTriage: boolean;
}): VNode | null {
  const decision = props.referral.decision;
  if (!decision) return null;
  return html`
    <div class="app-decision" id="decision">
      <h2 class="govuk-heading-m">The Front Door’s decision</h2>
      <${SummaryList}
        classes="govuk-!-margin-bottom-4"
        rows=${[
          {
            key: 'Level of need',
            value: html`<${LevelName} level=${decision.levelOfNeed} framework=${props.framework} />`,
          },
          { key: 'Outcome', value: OUTCOME_LABELS[decision.outcome] },
          { key: 'Decided by', value: `${decision.decidedBy.name}, ${formatDateTime(decision.decidedAt)}` },
        ]}
      />
      <h3 class="govuk-heading-s">Feedback for you</h3>
      <div class="app-decision__feedback"><${Written} text=${decision.feedback} /></div>
      ${
        decision.alternativeSupport
          ? html`<h3 class="govuk-heading-s">Support the family can turn to</h3><${Written} text=${decision.alternativeSupport} />`
          : null
      }
      ${
        props.forTriage
          ? html`<h3 class="govuk-heading-s">Rationale (for the record)</h3><${Written} text=${decision.rationale} />`
          : null
      }
    </div>
  `;
}

// Possible duplicates -----------------------------------------------------------------------------------

function Duplicates(props: { referral: Referral; agencies: Map<string, string> }): VNode | null {
  const list = props.referral.possibleDuplicates ?? [];
  if (list.length === 0) return null;
  return html`
    <div class="govuk-notification-banner" role="region" aria-labelledby="duplicates-title" id="duplicates">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="duplicates-title">Possible duplicate</h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">
          This child may have been referred before: read ${list.length === 1 ? 'the earlier referral' : 'the earlier referrals'} too.
        </p>
        <ul class="govuk-list">
          ${list.map(
            (d) => html`<li key=${d.referralId}>
              <a class="govuk-notification-banner__link" href=${viewUrl(d.referralId)}>${d.reference}</a>
              ${' '}from ${agencyName(props.agencies, d.agencyId)}, sent ${formatDateTime(d.submittedAt)}.
              <span class="app-block govuk-body-s govuk-!-margin-bottom-0">${d.reason}</span>
            </li>`,
          )}
        </ul>
      </div>
    </div>
  `;
}

// Further information ----------------------------------------------------------------------------------

function AddNote(props: { referral: Referral; onAdded: (entry: TimelineEntry) => void }): VNode {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    if (!text.trim()) {
      setErrors([{ href: '#note', text: 'Enter the further information' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const entry = await apiPost<TimelineEntry>(
        `/referrals/${encodeURIComponent(props.referral.id)}/notes`,
        {
          text: text.trim(),
        },
      );
      setText('');
      setBusy(false);
      props.onAdded(entry);
    } catch (error) {
      setBusy(false);
      setErrors(describeRefusal(error, () => 'note', 'note').items);
    }
  };
  return html`
    <h2 class="govuk-heading-m" id="add-note-heading">Add further information</h2>
    ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
    <form novalidate onSubmit=${onSubmit} aria-labelledby="add-note-heading">
      <${Textarea}
        id="note"
        name="note"
        label="What else should the Front Door know?"
        labelClasses="govuk-label--s"
        hint="It is added to the referral’s history with your name. Anything urgent: call the Front Door."
        rows=${4}
        value=${text}
        error=${errors[0]?.text}
        onInput=${setText}
      />
      <${Button} text=${busy ? 'Adding…' : 'Add information'} variant="secondary" disabled=${busy} />
    </form>
  `;
}

// The referral -------------------------------------------------------------------------------------------

function ReferralPage(props: {
  me: Me;
  referral: ReferralWithTimeline;
  framework: Framework | undefined;
  done: string | null;
  reload: (done?: string) => void;
  /** A note was added: it goes on the history at once, without reading the referral again. */
  onNote: (entry: TimelineEntry) => void;
}): VNode {
  const { me, referral, framework } = props;
  const agencies = useAgencyNames();
  const now = useNow();
  const triage = isTriage(me);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorSummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const childName = childNameOf(referral);
  // Recorded by the API when it was sent, against the guidance of the day.
  const level = referral.suggestedLevel;
  useEffect(() => setTitle(`${referral.reference} – Referral`), [referral.reference]);

  const close = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await referralAction(referral, 'close');
      props.reload('closed');
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict(error.detail ?? '');
      else setFailure(describeRefusal(error, () => 'close-button', 'close-button').items);
    }
  };

  const doneMessage = props.done ? DONE_MESSAGES[props.done] : undefined;
  const canNote =
    referral.status !== 'closed' && referral.status !== 'withdrawn' && referral.status !== 'draft';
  const canWithdraw = !triage && (referral.status === 'draft' || referral.status === 'submitted');
  const reviewer = referral.reviewer;

  return html`
    <a class="govuk-back-link" href=${triage ? '/referrals/queue/' : '/referrals/'}>${triage ? 'Back to the queue' : 'Back to your referrals'}</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${doneMessage ? html`<${NotificationBanner} type="success" heading=${doneMessage} />` : null}
      ${failure.length > 0 ? html`<${ErrorSummary} items=${failure} />` : null}
      ${conflict !== null ? html`<${ConflictBanner} detail=${conflict} />` : null}
      <span class="govuk-caption-l">Request for early help${triage ? ` from ${agencyName(agencies, referral.agencyId)}` : ''}</span>
      <h1 class="govuk-heading-l app-referral-heading">
        ${childName}<span class="govuk-visually-hidden">,</span>${' '}
        <span class="app-referral-heading__reference">${referral.reference}</span>
      </h1>
      ${triage ? html`<${Duplicates} referral=${referral} agencies=${agencies} />` : null}
      ${
        referral.status === 'decided' || referral.status === 'closed'
          ? html`<${DecisionBlock} referral=${referral} framework=${framework} forTriage=${triage} />`
          : null
      }
      <h2 class="govuk-heading-m">${triage ? 'Where it is' : 'Where your referral is'}</h2>
      <${SummaryList}
        rows=${[
          { key: 'Status', value: html`<${StatusTag} status=${referral.status} />` },
          ...(referral.decisionDueAt
            ? [
                {
                  key: 'Decision due',
                  value: html`<${DueTime} dueAt=${referral.decisionDueAt} status=${referral.status} now=${now} showTime=${true} />`,
                },
              ]
            : []),
          ...(reviewer
            ? [{ key: 'Reviewed by', value: `${reviewer.name}, since ${formatDateTime(reviewer.at)}` }]
            : []),
          { key: 'Made by', value: `${referral.createdBy.name}, ${agencyName(agencies, referral.agencyId)}` },
          ...(referral.submittedAt ? [{ key: 'Sent', value: formatDateTime(referral.submittedAt) }] : []),
          { key: 'Suggested level', value: html`<${LevelName} level=${level} framework=${framework} />` },
          ...(referral.withdrawn
            ? [
                {
                  key: 'Withdrawn',
                  value: `${formatDateTime(referral.withdrawn.at)}: ${referral.withdrawn.reason}`,
                },
              ]
            : []),
        ]}
      />
      ${
        !triage && awaitingDecision(referral.status)
          ? html`<p class="govuk-body">You will get a message when the Front Door has decided. You do not need to chase it.</p>`
          : null
      }
      ${
        referral.status === 'draft'
          ? html`<p class="govuk-body"><a class="govuk-link" href=${sectionUrl('', referral.id)}>Continue this draft</a></p>`
          : null
      }
      ${
        triage && referral.status === 'in_review'
          ? html`<a href=${`/referrals/decide/?id=${encodeURIComponent(referral.id)}`} role="button" draggable="false" class="govuk-button" data-module="govuk-button">Record the decision</a>`
          : null
      }
      ${
        triage && referral.status === 'decided'
          ? html`<button type="button" id="close-button" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=${busy} onClick=${close}>
              Close this referral
            </button>`
          : null
      }
      ${
        canWithdraw
          ? html`<p class="govuk-body"><a class="govuk-link" href=${`/referrals/withdraw/?id=${encodeURIComponent(referral.id)}`}>Withdraw this referral</a></p>`
          : null
      }
      <h2 class="govuk-heading-m app-section-heading">The referral</h2>
      <${ReferralAnswers} referral=${referral} framework=${framework} level=${level} headingLevel=${3} />
      ${canNote ? html`<${AddNote} referral=${referral} onAdded=${props.onNote} />` : null}
      <h2 class="govuk-heading-m app-section-heading">What has happened</h2>
      <${Timeline} entries=${referral.timeline as TimelineEntry[]} agencies=${agencies} />
    </div></div>
  `;
}

// The decision form ---------------------------------------------------------------------------------------

function DecisionForm(props: { referral: Referral; framework: Framework | undefined }): VNode {
  const { referral, framework } = props;
  const [levelOfNeed, setLevel] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [feedback, setFeedback] = useState('');
  const [alternative, setAlternative] = useState('');
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggested = referral.suggestedLevel;
  useEffect(() => setTitle('Record the decision', summary.length > 0), [summary.length]);

  const idFor = (field: string) =>
    ({
      levelOfNeed: 'level',
      outcome: 'outcome',
      rationale: 'rationale',
      feedback: 'feedback',
      alternativeSupport: 'alternative',
    })[field] ?? 'level';

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    const problems: [string, string][] = [];
    if (!levelOfNeed) problems.push(['level', 'Choose the level of need']);
    if (!outcome) problems.push(['outcome', 'Choose the outcome']);
    if (outcome === 'no_further_action' && !alternative.trim())
      problems.push(['alternative', 'Name the support the family can turn to instead']);
    if (!rationale.trim()) problems.push(['rationale', 'Enter the rationale for the decision']);
    if (!feedback.trim()) problems.push(['feedback', 'Enter the feedback the referrer will read']);
    if (problems.length || !levelOfNeed || !outcome) {
      setFields(Object.fromEntries([...problems].reverse()));
      setSummary(problems.map(([id, text]) => ({ href: `#${id}`, text })));
      return;
    }
    setSummary([]);
    setFields({});
    setBusy(true);
    const body: DecisionInput = {
      levelOfNeed: Number(levelOfNeed) as LevelNumber,
      outcome,
      rationale: rationale.trim(),
      feedback: feedback.trim(),
      ...(outcome === 'no_further_action' && alternative.trim()
        ? { alternativeSupport: alternative.trim() }
        : {}),
    };
    try {
      await referralAction(referral, 'decision', body);
      window.location.assign(viewUrl(referral.id, 'decided'));
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) {
        setConflict(error.detail ?? '');
        return;
      }
      const described = describeRefusal(error, idFor, 'level');
      setFields(described.fields);
      setSummary(described.items);
    }
  };

  const levels = framework ? [...framework.levels].sort((a, b) => a.level - b.level) : [];
  return html`
    <a class="govuk-back-link" href=${viewUrl(referral.id)}>Back to the referral</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${summary.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${summary} />` : null}
      ${conflict !== null ? html`<${ConflictBanner} key=${submissions} detail=${conflict} />` : null}
      <span class="govuk-caption-l">${referral.reference} – ${childNameOf(referral)}</span>
      <h1 class="govuk-heading-l">Record the decision</h1>
      <p class="govuk-body">The referrer’s indicators suggest <${LevelName} level=${suggested} framework=${framework} />.</p>
      <form novalidate onSubmit=${onSubmit}>
        <${Radios}
          idPrefix="level"
          name="levelOfNeed"
          legend="What is the child’s level of need?"
          legendClasses="govuk-fieldset__legend--m"
          items=${
            levels.length
              ? levels.map((l) => ({ value: String(l.level), text: `Level ${l.level}: ${l.name}` }))
              : [1, 2, 3, 4].map((n) => ({ value: String(n), text: `Level ${n}` }))
          }
          value=${levelOfNeed}
          error=${fields.level}
          onChange=${setLevel}
        />
        <div class=${cx('govuk-form-group', fields.outcome && 'govuk-form-group--error')}>
          <fieldset class="govuk-fieldset" aria-describedby=${fields.outcome ? 'outcome-error' : undefined}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">What happens next?</legend>
            ${fields.outcome ? html`<p id="outcome-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${fields.outcome}</p>` : null}
            <div class="govuk-radios">
              ${OUTCOMES.map((value, index) => {
                const id = index === 0 ? 'outcome' : `outcome-${index + 1}`;
                return html`
                  <div class="govuk-radios__item" key=${value}>
                    <input class="govuk-radios__input" id=${id} name="outcome" type="radio" value=${value} checked=${outcome === value} onChange=${() => setOutcome(value)} />
                    <label class="govuk-label govuk-radios__label" for=${id}>${OUTCOME_LABELS[value]}</label>
                  </div>
                  ${
                    value === 'no_further_action' && outcome === value
                      ? html`<div class="govuk-radios__conditional" key="nfa-conditional">
                          <${Textarea}
                            id="alternative"
                            name="alternativeSupport"
                            label="What support can the family turn to instead?"
                            hint="For example, the family hub, the school nurse drop-in, a parenting course"
                            rows=${3}
                            value=${alternative}
                            error=${fields.alternative}
                            onInput=${setAlternative}
                          />
                        </div>`
                      : null
                  }
                `;
              })}
            </div>
          </fieldset>
        </div>
        <${Textarea}
          id="rationale"
          name="rationale"
          label="Why did you reach this decision?"
          labelClasses="govuk-label--m"
          hint="The rationale, for the record: what you weighed, including anything from earlier referrals."
          rows=${6}
          value=${rationale}
          error=${fields.rationale}
          onInput=${setRationale}
        />
        <${Textarea}
          id="feedback"
          name="feedback"
          label="Feedback for the referrer"
          labelClasses="govuk-label--m"
          hint="The referrer reads this. Use plain words a school would understand: what will happen, who will contact the family and when, and what you would like the referrer to do now."
          rows=${6}
          value=${feedback}
          error=${fields.feedback}
          onInput=${setFeedback}
        />
        <${Button} text=${busy ? 'Recording…' : 'Record the decision'} disabled=${busy} />
      </form>
    </div></div>
  `;
}

// Withdrawing -------------------------------------------------------------------------------------------

function WithdrawForm(props: { referral: Referral }): VNode {
  const { referral } = props;
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setTitle('Withdraw this referral', summary.length > 0), [summary.length]);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSubmissions((n) => n + 1);
    if (!reason.trim()) {
      setSummary([{ href: '#reason', text: 'Enter why you are withdrawing this referral' }]);
      return;
    }
    setSummary([]);
    setBusy(true);
    try {
      await referralAction(referral, 'withdraw', { reason: reason.trim() });
      window.location.assign(viewUrl(referral.id, 'withdrawn'));
    } catch (error) {
      setBusy(false);
      if (isConflict(error)) setConflict(error.detail ?? '');
      else setSummary(describeRefusal(error, () => 'reason', 'reason').items);
    }
  };
  const back = referral.status === 'draft' ? sectionUrl('', referral.id) : viewUrl(referral.id);
  return html`
    <a class="govuk-back-link" href=${back}>Back</a>
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${summary.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${summary} />` : null}
      ${conflict !== null ? html`<${ConflictBanner} key=${submissions} detail=${conflict} />` : null}
      <span class="govuk-caption-l">${referral.reference} – ${childNameOf(referral)}</span>
      <form novalidate onSubmit=${onSubmit}>
        <div class=${cx('govuk-form-group', summary.length > 0 && 'govuk-form-group--error')}>
          <h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="reason">Why are you withdrawing this referral?</label></h1>
          <div id="reason-hint" class="govuk-hint">The Front Door will see your reason. Once withdrawn, a referral cannot be sent again: make a new one if you need to.</div>
          ${summary.length > 0 ? html`<p id="reason-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${summary[0]?.text}</p>` : null}
          <textarea
            class=${cx('govuk-textarea', summary.length > 0 && 'govuk-textarea--error')}
            id="reason"
            name="reason"
            rows="4"
            aria-describedby=${summary.length > 0 ? 'reason-hint reason-error' : 'reason-hint'}
            value=${reason}
            onInput=${(e: Event) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="govuk-button-group">
          <${Button} text=${busy ? 'Withdrawing…' : 'Withdraw referral'} variant="warning" disabled=${busy} />
          <a class="govuk-link" href=${back}>Cancel</a>
        </div>
      </form>
    </div></div>
  `;
}

// Loading ------------------------------------------------------------------------------------------------

type State =
  | { kind: 'loading' }
  | { kind: 'not-allowed'; me: Me }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'loaded'; me: Me; referral: ReferralWithTimeline; guidance: GuidanceVersion | null };

function Page(props: { kind: PageKind }): VNode {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('done'),
  );
  const reviewStarted = useRef(false);

  useEffect(() => {
    let cancelled = false;
    (async (): Promise<State | null> => {
      const me = await loadMe();
      if (!me) {
        window.location.replace(signInUrl());
        return null;
      }
      if (!me.roles.includes('referrer') && !isTriage(me)) return { kind: 'not-allowed', me };
      const id = referralIdFromUrl();
      if (!id) return { kind: 'not-found' };
      const [first, guidance] = await Promise.all([loadReferral(id), loadGuidance().catch(() => null)]);
      let referral = first;
      // The Front Door opening a submitted referral starts its review: it becomes hers.
      if (
        props.kind === 'view' &&
        isTriage(me) &&
        referral.status === 'submitted' &&
        !reviewStarted.current
      ) {
        reviewStarted.current = true;
        try {
          await referralAction(referral, 'review');
          if (!cancelled) setDone('review');
        } catch (error) {
          if (!(error instanceof ApiError && (error.status === 409 || error.status === 412))) throw error;
          // Someone else opened it first: show it as it now is.
        }
        referral = await loadReferral(id);
      }
      return { kind: 'loaded', me, referral, guidance };
    })().then(
      (next) => {
        if (next && !cancelled) setState(next);
      },
      (error: unknown) => {
        if (cancelled) return;
        setState(
          error instanceof ApiError && error.status === 404
            ? { kind: 'not-found' }
            : { kind: 'failed', error },
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    if (state.kind === 'not-found') setTitle('Referral not found');
    else if (state.kind !== 'loaded') setTitle('Referral');
  }, [state.kind]);

  switch (state.kind) {
    case 'loading':
      return html`<${PageHeading} text="Referral" size="l" /><${Loading} text="Loading the referral…" />`;
    case 'not-found':
      return html`<${ReferralNotFound} />`;
    case 'failed':
      return html`<${PageHeading} text="Referral" size="l" /><${ProblemState} error=${state.error} what="the referral" onRetry=${() => setAttempt((n) => n + 1)} />`;
    case 'not-allowed':
      return html`<${PageHeading} text="You cannot see referrals" size="l" />
        <p class="govuk-body">Referrals are for practitioners who make them and for the Front Door. You are signed in as ${state.me.name}.</p>`;
    case 'loaded': {
      const { me, referral, guidance } = state;
      const framework = guidance?.framework;
      if (props.kind === 'decide') {
        if (!isTriage(me) || referral.status !== 'in_review')
          return html`<${CannotDo} referral=${referral} what="decided" />`;
        return html`<${DecisionForm} referral=${referral} framework=${framework} />`;
      }
      if (props.kind === 'withdraw') {
        if (isTriage(me) || (referral.status !== 'draft' && referral.status !== 'submitted'))
          return html`<${CannotDo} referral=${referral} what="withdrawn" />`;
        return html`<${WithdrawForm} referral=${referral} />`;
      }
      return html`<${ReferralPage}
        me=${me}
        referral=${referral}
        framework=${framework}
        done=${done}
        reload=${(next?: string) => {
          setDone(next ?? null);
          setAttempt((n) => n + 1);
          window.scrollTo(0, 0);
        }}
        onNote=${(entry: TimelineEntry) => {
          setState({ ...state, referral: { ...referral, timeline: [...referral.timeline, entry] } });
          setDone('note');
          window.scrollTo(0, 0);
        }}
      />`;
    }
  }
}

function CannotDo(props: { referral: Referral; what: string }): VNode {
  useEffect(() => setTitle(`This referral cannot be ${props.what} now`), []);
  return html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <${PageHeading} text=${`This referral cannot be ${props.what} now`} size="l" />
    <p class="govuk-body">Referral ${props.referral.reference} is <${StatusTag} status=${props.referral.status} />.</p>
    <p class="govuk-body"><a class="govuk-link" href=${viewUrl(props.referral.id)}>Go to the referral</a></p>
  </div></div>`;
}

const path = window.location.pathname;
const kind: PageKind = path.startsWith('/referrals/decide')
  ? 'decide'
  : path.startsWith('/referrals/withdraw')
    ? 'withdraw'
    : 'view';
boot();
mount(html`<${Page} kind=${kind} />`);
