/**
 * The Early Help Assessment, done with the family: their strengths, what they need, and what they
 * say in their own words. It can be saved as it goes and completed when it is done; completing it
 * starts the plan's timer.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { assessmentProblems } from '../../../../shared/early-help/rules.ts';
import { ukDateOf } from '../../../../shared/platform/working-days.ts';
import { DateInput, formatDate, Radios, Textarea, useFormState } from '../../../platform/ui.ts';
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

const TARGETS: Record<string, FieldTarget> = {
  startedOn: { id: 'started-on', label: 'The date it started', anchor: 'started-on-day' },
  completedOn: { id: 'completed-on', label: 'The date it was completed', anchor: 'completed-on-day' },
  strengths: { id: 'strengths', label: 'The family’s strengths' },
  needs: { id: 'needs', label: 'What the family needs' },
  familyWords: { id: 'family-words', label: 'The family’s own words' },
};
const target = (field: string) => TARGETS[field] ?? null;
const ORDER = ['started-on', 'strengths', 'needs', 'family-words', 'complete', 'completed-on'];

export function AssessmentForm(props: FormProps): VNode {
  const { episode } = props;
  const before = episode.assessment;
  const [startedOn, setStartedOn] = useDateParts(before?.startedOn);
  const [strengths, setStrengths] = useState(before?.strengths ?? '');
  const [needs, setNeeds] = useState(before?.needs ?? '');
  const [familyWords, setFamilyWords] = useState(before?.familyWords ?? '');
  const [complete, setComplete] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useDateParts();
  const s = useFormState();
  const answeredAt = episode.lead?.answeredAt;
  const acceptedOn = answeredAt ? ukDateOf(new Date(answeredAt)) : episode.startedOn;

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const checks = checkAndSend(s, props);
    const started = checks.date(startedOn, 'started-on', 'The date it started');
    if (!complete) checks.found.complete = 'Say whether the assessment is complete';
    const completed =
      complete === 'yes' ? checks.date(completedOn, 'completed-on', 'The date it was completed') : undefined;
    const input = {
      startedOn: started ?? '',
      ...(completed ? { completedOn: completed } : {}),
      strengths: strengths.trim(),
      needs: needs.trim(),
      familyWords: familyWords.trim(),
    };
    if (started && (complete === 'no' || completed)) {
      checks.rules(assessmentProblems(input, acceptedOn, today()), target, TARGETS.strengths as FieldTarget);
    }
    await checks.send(ORDER, {
      what: 'The assessment',
      method: 'PUT',
      path: 'assessment',
      body: input,
      flash: (saved) => {
        if (!completed)
          return {
            heading: 'The assessment is saved',
            body: 'It is not complete yet: come back to it when it is done.',
          };
        const plan = isWhole(saved) ? saved.timers.find((t) => t.kind === 'plan' && !t.metOn) : undefined;
        return {
          heading: 'The Early Help Assessment is complete',
          ...(plan ? { body: `Agree the plan with the family by ${formatDate(plan.dueOn)}.` } : {}),
        };
      },
      target,
      fallbackId: 'started-on-day',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Early Help Assessment">
      <p class="govuk-body">Write it with the family, in words they would recognise. You can save it and come back to it.</p>
      <form novalidate onSubmit=${onSubmit}>
        <${DateInput} id="started-on" name="startedOn" legend="When did the assessment start?" legendClasses="govuk-fieldset__legend--s" hint=${`On or after the day the lead practitioner accepted, ${formatDate(acceptedOn)}`} value=${startedOn} error=${s.fields['started-on']} onChange=${setStartedOn} />
        <${Textarea} id="strengths" name="strengths" label="The family’s strengths" labelClasses="govuk-label--s" hint="What is going well, and who they can count on" rows=${5} value=${strengths} error=${s.fields.strengths} onInput=${setStrengths} />
        <${Textarea} id="needs" name="needs" label="What the family needs" labelClasses="govuk-label--s" hint="The worries, and the help that would make a difference" rows=${5} value=${needs} error=${s.fields.needs} onInput=${setNeeds} />
        <${Textarea} id="family-words" name="familyWords" label="The family’s own words" labelClasses="govuk-label--s" hint="What the child and their family say about how things are and what they want to change" rows=${5} value=${familyWords} error=${s.fields['family-words']} onInput=${setFamilyWords} />
        <${Radios}
          idPrefix="complete"
          name="complete"
          legend="Is the assessment complete?"
          legendClasses="govuk-fieldset__legend--m"
          hint="Once it is complete, the plan is due within the partnership’s standard."
          items=${[
            { value: 'no', text: 'No, save my progress' },
            {
              value: 'yes',
              text: 'Yes, it is complete',
              conditional: html`<${DateInput} id="completed-on" name="completedOn" legend="When was it completed?" legendClasses="govuk-fieldset__legend--s" value=${completedOn} error=${s.fields['completed-on']} onChange=${setCompletedOn} />`,
            },
          ]}
          value=${complete}
          error=${s.fields.complete}
          onChange=${setComplete}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Save the assessment" busyText="Saving…" />
      </form>
    </${FormShell}>
  `;
}
