/**
 * Who leads the episode: the front door asks an agency (again, after a decline), and a practitioner
 * of the agency asked accepts, becoming the lead practitioner, or says why their agency cannot.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { leadAnswerProblems } from '../../../../shared/early-help/rules.ts';
import { formatDate, Radios, Select, Textarea, useFormState } from '../../../platform/ui.ts';
import { agencyName, isWhole } from '../../api.ts';
import { childName } from '../../views.ts';
import { checkAndSend, FormButtons, type FormProps, FormShell, run } from './form-shell.ts';

export function AskLeadForm(props: FormProps): VNode {
  const { episode, agencies } = props;
  const [agencyId, setAgencyId] = useState('');
  const s = useFormState();
  const declined = new Set(episode.declined.map((d) => d.agencyId));
  const options = agencies
    .filter((a) => a.active || a.id === agencyId)
    .map((a) => ({ value: a.id, text: declined.has(a.id) ? `${a.name} (said it cannot lead)` : a.name }));
  const asked = episode.lead?.answer === 'asked' ? episode.lead.agencyId : null;

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    if (!agencyId) {
      s.fail({ 'lead-agency': 'Choose the agency to ask to lead' }, ['lead-agency']);
      return;
    }
    const name = agencyName(agencies, agencyId);
    await run(s, props, {
      what: 'Your request',
      method: 'POST',
      path: 'lead-request',
      body: { agencyId },
      flash: () => ({
        heading: `${name} has been asked to lead`,
        body: 'Its practitioners see the family in their early help list, and can accept or say why they cannot.',
      }),
      target: (field) => (field === 'agencyId' ? { id: 'lead-agency', label: 'The agency' } : null),
      fallbackId: 'lead-agency',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading=${asked ? 'Ask a different agency to lead' : 'Ask an agency to lead'}>
      ${
        asked
          ? html`<p class="govuk-body">${agencyName(agencies, asked)} has been asked and has not answered yet. Asking another agency withdraws that request.</p>`
          : null
      }
      <form novalidate onSubmit=${onSubmit}>
        <${Select}
          id="lead-agency"
          name="agencyId"
          label="Which agency should lead the family’s early help?"
          labelClasses="govuk-label--m"
          hint="A practitioner there becomes the lead practitioner: they do the assessment with the family and coordinate the plan."
          placeholder="Choose an agency"
          value=${agencyId}
          options=${options}
          error=${s.fields['lead-agency']}
          onChange=${setAgencyId}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Ask them to lead" busyText="Asking…" />
      </form>
    </${FormShell}>
  `;
}

export function AnswerLeadForm(props: FormProps): VNode {
  const { episode } = props;
  const [answer, setAnswer] = useState<'accepted' | 'declined' | null>(null);
  const [reason, setReason] = useState('');
  const s = useFormState();
  const name = childName(episode.child);

  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    if (!answer) {
      s.fail({ answer: 'Say whether your agency can lead it' }, ['answer']);
      return;
    }
    const input = { answer, ...(answer === 'declined' ? { reason: reason.trim() } : {}) };
    const checks = checkAndSend(s, props);
    checks.rules(leadAnswerProblems(input), () => null, { id: 'decline-reason', label: 'The reason' });
    await checks.send(['decline-reason'], {
      what: 'Your answer',
      method: 'POST',
      path: 'lead',
      body: input,
      flash: (saved) => {
        if (answer === 'declined')
          return {
            heading: 'You have said your agency cannot lead it',
            body: 'The front door will ask another agency.',
          };
        const due = isWhole(saved)
          ? saved.timers.find((t) => t.kind === 'assessment' && !t.metOn)
          : undefined;
        return {
          heading: `You are now the lead practitioner for ${name}`,
          ...(due
            ? {
                body: `Record what the family agreed to share, then complete the Early Help Assessment by ${formatDate(due.dueOn)}.`,
              }
            : {}),
        };
      },
      target: (field) => (field === 'reason' ? { id: 'decline-reason', label: 'The reason' } : null),
      fallbackId: 'answer',
    });
  };

  return html`
    <${FormShell} form=${props} state=${s} heading="Can your agency lead this family’s early help?">
      <p class="govuk-body">
        The front door decided ${name} needs early help at level ${episode.level}, and asked your agency to lead it.
        The lead practitioner does the Early Help Assessment with the family and coordinates the plan.
      </p>
      <form novalidate onSubmit=${onSubmit}>
        <${Radios}
          idPrefix="answer"
          name="answer"
          legend="Your answer"
          legendClasses="govuk-fieldset__legend--m"
          items=${[
            { value: 'accepted', text: 'Yes, I will be the lead practitioner' },
            {
              value: 'declined',
              text: 'No, my agency cannot lead it',
              conditional: html`<${Textarea}
                id="decline-reason"
                name="reason"
                label="Why can your agency not lead it?"
                hint="The front door reads this when it asks another agency."
                rows=${4}
                value=${reason}
                error=${s.fields['decline-reason']}
                onInput=${setReason}
              />`,
            },
          ]}
          value=${answer}
          error=${s.fields.answer}
          onChange=${(value: string) => setAnswer(value as 'accepted' | 'declined')}
        />
        <${FormButtons} episode=${episode} busy=${s.busy} text="Send your answer" busyText="Sending…" />
      </form>
    </${FormShell}>
  `;
}
