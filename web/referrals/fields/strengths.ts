/**
 * The partnership's questions beside the worries: what is going well, what needs to change, and what
 * the referrer is asking the Front Door for.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { Textarea } from '../../platform/ui.ts';
import { type FieldsProps, opt } from './shared.ts';

const QUESTIONS = [
  {
    key: 'goingWell',
    id: 'going-well',
    label: 'What is going well?',
    hint: 'The child’s and the family’s strengths: what is working, and who helps them.',
  },
  {
    key: 'needsToChange',
    id: 'needs-to-change',
    label: 'What needs to change?',
    hint: 'For the child to be safe and well: what would be different if things were better.',
  },
  {
    key: 'askingFor',
    id: 'asking-for',
    label: 'What are you asking the Front Door for?',
    hint: 'For example, a family support worker, a parenting programme, advice, or a meeting of the agencies involved.',
  },
] as const;

type Key = (typeof QUESTIONS)[number]['key'];

export function StrengthsFields(props: FieldsProps): VNode {
  const stored = props.referral.strengths;
  const [v, setV] = useState<Record<Key, string>>({
    goingWell: stored?.goingWell ?? '',
    needsToChange: stored?.needsToChange ?? '',
    askingFor: stored?.askingFor ?? '',
  });

  props.bind(() => {
    const next: Partial<Record<Key, string>> = {};
    for (const { key } of QUESTIONS) {
      const value = opt(v[key]);
      if (value) next[key] = value;
    }
    // Nothing written and nothing to clear: leave it not started.
    return { patch: Object.keys(next).length || stored ? { strengths: next } : {} };
  });

  return html`
    <h1 class="govuk-heading-l">Strengths and needs</h1>
    <p class="govuk-body">
      Beside your worries, the Front Door needs to know what is working for the family, and what you hope will happen.
    </p>
    ${QUESTIONS.map(
      (q) => html`<${Textarea}
        key=${q.id}
        id=${q.id}
        name=${q.key}
        label=${q.label}
        labelClasses="govuk-label--m"
        hint=${q.hint}
        rows=${5}
        value=${v[q.key]}
        error=${props.errors[q.id]}
        onInput=${(value: string) => setV((current) => ({ ...current, [q.key]: value }))}
      />`,
    )}
  `;
}
