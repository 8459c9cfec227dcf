/**
 * A review of the plan with the family: who came, progress on each outcome (0, no progress, to 10,
 * achieved), the child's and the family's views, and what happens next. A step-up says what has
 * changed, because the front door reads it with the referral the step-up makes.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import {
  PROGRESS_SCALE_MAX,
  PROGRESS_SCALE_MIN,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  type ReviewDecision,
} from '../../../../shared/early-help/labels.ts';
import { reviewProblems } from '../../../../shared/early-help/rules.ts';
import { DateInput, formatDate, Radios, Select, Textarea, useFormState } from '../../../platform/ui.ts';
import { isWhole } from '../../api.ts';
import {
  checkAndSend,
  type FieldTarget,
  FormButtons,
  type FormProps,
  FormShell,
  today,
  useDateParts,
} from './form-shell.ts';

const SCORES = Array.from({ length: PROGRESS_SCALE_MAX - PROGRESS_SCALE_MIN + 1 }, (_, i) => {
  const n = PROGRESS_SCALE_MIN + i;
  const words = n === PROGRESS_SCALE_MIN ? ': no progress' : n === PROGRESS_SCALE_MAX ? ': achieved' : '';
  return { value: String(n), text: `${n}${words}` };
});

const TARGETS: Record<string, FieldTarget> = {
  heldOn: { id: 'held-on', label: 'The date it was held', anchor: 'held-on-day' },
  attendees: { id: 'attendees', label: 'Who came' },
  childViews: { id: 'child-views', label: 'The child’s views' },
  familyViews: { id: 'family-views', label: 'The family’s views' },
  decision: { id: 'decision', label: 'What happens next' },
  notes: { id: 'step-up-notes', label: 'What has changed' },
  progress: { id: 'progress-0-score', label: 'The progress' },
};

function target(field: string): FieldTarget | null {
  const p = /^progress\.(\d+)\.(score|note|outcomeId)$/.exec(field);
  if (p)
    return p[2] === 'note'
      ? { id: `progress-${p[1]}-note`, label: 'The note' }
      : { id: `progress-${p[1]}-score`, label: 'The score' };
  return TARGETS[field] ?? null;
}

export function ReviewForm(props: FormProps): VNode {
  const { episode } = props;
  const outcomes = episode.plan?.outcomes ?? [];
  const [heldOn, setHeldOn] = useDateParts();
  const [attendees, setAttendees] = useState('');
  const [scores, setScores] = useState<string[]>(() => outcomes.map(() => ''));
  const [notes, setNotes] = useState<string[]>(() => outcomes.map(() => ''));
  const [childViews, setChildViews] = useState('');
  const [familyViews, setFamilyViews] = useState('');
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [stepUp, setStepUp] = useState('');
  const s = useFormState();
  const lastReview = [...episode.reviews]
    .map((r) => r.heldOn)
    .sort()
    .at(-1);
  const at = (list: string[], i: number, value: string) => list.map((x, j) => (j === i ? value : x));

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const checks = checkAndSend(s, props);
    const { found } = checks;
    const order = [
      'held-on',
      'attendees',
      ...outcomes.flatMap((_, i) => [`progress-${i}-score`, `progress-${i}-note`]),
      'child-views',
      'family-views',
      'decision',
      'step-up-notes',
    ];
    const held = checks.date(heldOn, 'held-on', 'The date it was held');
    if (!attendees.trim()) found.attendees = 'Enter who came to the review';
    outcomes.forEach((o, i) => {
      if (!scores[i]) found[`progress-${i}-score`] = `Choose a score for “${o.title}”`;
    });
    if (!decision) found.decision = 'Choose what happens next';
    const input = {
      heldOn: held ?? '',
      attendees: attendees.trim(),
      progress: outcomes.map((o, i) => ({
        outcomeId: o.id,
        score: Number(scores[i] || 0),
        ...(notes[i]?.trim() ? { note: notes[i]?.trim() } : {}),
      })),
      childViews: childViews.trim(),
      familyViews: familyViews.trim(),
      decision: decision ?? 'continue',
      ...(decision === 'step_up' && stepUp.trim() ? { notes: stepUp.trim() } : {}),
    };
    if (!checks.any() && episode.plan) {
      checks.rules(
        reviewProblems(input, episode.plan, lastReview, today()),
        target,
        TARGETS.heldOn as FieldTarget,
      );
    }
    await checks.send(order, {
      what: 'The review',
      method: 'POST',
      path: 'reviews',
      body: input,
      flash: (saved) => {
        if (decision === 'step_up') {
          const to = isWhole(saved) ? saved.steppedUpTo : undefined;
          return {
            heading: 'The review is recorded and the family is stepped up to the front door',
            body: `${to ? `The front door has referral ${to.reference}, with the episode’s history. ` : ''}The episode is closed.`,
          };
        }
        if (decision !== 'continue') return { heading: 'The review is recorded and the episode is closed' };
        const next = isWhole(saved) ? saved.timers.find((t) => t.kind === 'review' && !t.metOn) : undefined;
        return {
          heading: 'The review is recorded',
          ...(next ? { body: `The next review is due by ${formatDate(next.dueOn)}.` } : {}),
        };
      },
      target,
      fallbackId: 'held-on-day',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Record a review">
      <form novalidate onSubmit=${onSubmit}>
        <${DateInput} id="held-on" name="heldOn" legend="When was the review held?" legendClasses="govuk-fieldset__legend--s" hint=${lastReview ? `On or after the last review, ${formatDate(lastReview)}` : undefined} value=${heldOn} error=${s.fields['held-on']} onChange=${setHeldOn} />
        <${Textarea} id="attendees" name="attendees" label="Who came?" labelClasses="govuk-label--s" hint="Names and who they are, including the child and family" rows=${3} value=${attendees} error=${s.fields.attendees} onInput=${setAttendees} />
        <h2 class="govuk-heading-m">Progress on each outcome</h2>
        <p class="govuk-body">Ask the family: on a scale of ${PROGRESS_SCALE_MIN} to ${PROGRESS_SCALE_MAX}, where ${PROGRESS_SCALE_MIN} is no progress and ${PROGRESS_SCALE_MAX} is achieved, where are things now?</p>
        ${outcomes.map(
          (o, i) => html`
            <fieldset class="govuk-fieldset" key=${o.id}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Outcome ${i + 1}: ${o.title}</legend>
              <${Select} id=${`progress-${i}-score`} name=${`progress-${i}-score`} label="Score" placeholder="Choose a score" value=${scores[i] ?? ''} options=${SCORES} error=${s.fields[`progress-${i}-score`]} onChange=${(v: string) => setScores((all) => at(all, i, v))} />
              <${Textarea} id=${`progress-${i}-note`} name=${`progress-${i}-note`} label="What has changed (optional)" rows=${2} value=${notes[i] ?? ''} error=${s.fields[`progress-${i}-note`]} onInput=${(v: string) => setNotes((all) => at(all, i, v))} />
            </fieldset>
          `,
        )}
        <${Textarea} id="child-views" name="childViews" label="The child’s views" labelClasses="govuk-label--s" hint="In their words, if you can" rows=${4} value=${childViews} error=${s.fields['child-views']} onInput=${setChildViews} />
        <${Textarea} id="family-views" name="familyViews" label="The family’s views" labelClasses="govuk-label--s" rows=${4} value=${familyViews} error=${s.fields['family-views']} onInput=${setFamilyViews} />
        <${Radios}
          idPrefix="decision"
          name="decision"
          legend="What happens next?"
          legendClasses="govuk-fieldset__legend--m"
          items=${REVIEW_DECISIONS.map((value) => ({
            value,
            text: REVIEW_DECISION_LABELS[value],
            ...(value === 'step_up'
              ? {
                  hint: 'This sends a referral to the front door with the episode’s history, and closes the episode.',
                  conditional: html`<${Textarea} id="step-up-notes" name="notes" label="What has changed, and what are you worried about now?" hint="The front door reads this with the referral." rows=${5} value=${stepUp} error=${s.fields['step-up-notes']} onInput=${setStepUp} />`,
                }
              : {}),
          }))}
          value=${decision}
          error=${s.fields.decision}
          onChange=${(v: string) => setDecision(v as ReviewDecision)}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Record the review" busyText="Recording…" />
      </form>
    </${FormShell}>
  `;
}
