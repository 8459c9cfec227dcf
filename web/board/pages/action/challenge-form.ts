/**
 * The independent chair's challenge on an action, and the owner agency's response to one: a question
 * page each. The response is due 10 working days after the challenge.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { CHALLENGE_RESPONSE_WORKING_DAYS } from '../../../../shared/board/challenges.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { formatDate, formatDateTime, Textarea, useFormState } from '../../../platform/ui.ts';
import { tooLong } from '../../forms.ts';
import { canChallenge, canRespondTo } from '../../views.ts';
import { FormButtons, type FormProps, run } from './form-helpers.ts';
import { FormShell } from './form-shell.ts';
import { readPart } from './navigation.ts';

const MAX_CHALLENGE = 2000;

function TextForm(props: {
  form: FormProps;
  heading: string;
  intro: VNode;
  label: string;
  hint: string;
  max: number;
  empty: string;
  what: string;
  path: string;
  flash: string;
  button: string;
}): VNode {
  const [text, setText] = useState('');
  const s = useFormState();
  const onSubmit = async (event: Event) => {
    if (!s.start(event)) return;
    const value = text.trim();
    const problem = !value ? props.empty : tooLong(props.what, value, props.max);
    if (problem) {
      s.fail({ text: problem }, ['text']);
      return;
    }
    await run(s, props.form, {
      what: `Your ${props.what.toLowerCase()}`,
      method: 'POST',
      path: props.path,
      body: { text: value },
      flash: () => ({ heading: props.flash }),
      fieldId: (field) => (field === 'text' ? 'text' : null),
      fallbackId: 'text',
    });
  };
  return html`
    <${FormShell} form=${props.form} state=${s} heading=${props.heading}>
      ${props.intro}
      <form novalidate onSubmit=${onSubmit}>
        <${Textarea}
          id="text"
          name="text"
          label=${props.label}
          labelClasses="govuk-label--m"
          hint=${props.hint}
          value=${text}
          error=${s.fields.text}
          rows=${6}
          onInput=${setText}
        />
        <${FormButtons} action=${props.form.action} busy=${s.busy} text=${props.button} busyText="Sending…" />
      </form>
    </${FormShell}>
  `;
}

function Refused(props: { form: FormProps; heading: string; why: string }): VNode {
  const s = useFormState();
  return html`
    <${FormShell} form=${props.form} state=${s} heading=${props.heading}>
      <p class="govuk-body">${props.why}</p>
    </${FormShell}>
  `;
}

export function ChallengeForm(props: FormProps): VNode {
  if (!canChallenge(props.me)) {
    return html`<${Refused}
      form=${props}
      heading="You cannot challenge this action"
      why="Only the board's independent chair records challenges on the action plan."
    />`;
  }
  const owner = agencyName(props.agencies, props.action.ownerAgencyId);
  return html`<${TextForm}
    form=${props}
    heading="Challenge the action"
    intro=${html`<p class="govuk-body">
      ${owner}, the owner agency, is asked to respond within ${CHALLENGE_RESPONSE_WORKING_DAYS} working days. The
      challenge shows on the action and on the dashboard until they do.
    </p>`}
    label="What is your challenge?"
    hint=${`Say what the board needs to see or know. Up to ${MAX_CHALLENGE.toLocaleString('en-GB')} characters.`}
    max=${MAX_CHALLENGE}
    empty="Enter the challenge"
    what="Challenge"
    path="/challenges"
    flash="Challenge recorded"
    button="Record the challenge"
  />`;
}

export function RespondForm(props: FormProps): VNode {
  const { action, me } = props;
  const challenge = action.challenges.find((c) => c.id === readPart('challenge'));
  if (!challenge || !canRespondTo(me, action, challenge)) {
    const owner = agencyName(props.agencies as AgencyName[], action.ownerAgencyId);
    const why = !challenge
      ? 'There is no such challenge on this action.'
      : challenge.response
        ? `${challenge.response.by.name} responded on ${formatDateTime(challenge.response.at)}.`
        : challenge.by.userId === me.userId
          ? 'You made this challenge: the owner agency responds to it.'
          : `Only a board member of ${owner}, the action's owner agency, can respond to this challenge.`;
    return html`<${Refused} form=${props} heading="You cannot respond to this challenge" why=${why} />`;
  }
  return html`<${TextForm}
    form=${props}
    heading="Respond to the challenge"
    intro=${html`<div class="govuk-inset-text">
      <p class="govuk-body govuk-!-margin-bottom-1">
        ${challenge.by.name} challenged on ${formatDate(challenge.at)}; the response is due by ${formatDate(challenge.dueDate)}:
      </p>
      <p class="govuk-body app-board-text govuk-!-margin-bottom-0">“${challenge.text}”</p>
    </div>`}
    label="Your response, for the owner agency"
    hint="Say what has been done or will be, and where the evidence is."
    max=${4000}
    empty="Enter the response"
    what="Response"
    path=${`/challenges/${challenge.id}/response`}
    flash="Response sent"
    button="Send the response"
  />`;
}
