/**
 * What the referral form's question pages share: the props each section's fields get, the way they
 * hand back what to save, and the form pieces its pages use most (a one-question textarea, radios
 * with conditionally revealed questions). Each section's fields are a
 * module of their own, loaded only by their page.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework } from '../../../shared/guidance/schema.ts';
import type { Referral, ReferralContent } from '../../../shared/referrals/schema.ts';
import { type RadioItem, Radios, type RadiosProps, Textarea } from '../../platform/form-inputs.ts';

export interface SectionProps {
  referral: Referral;
  framework: Framework | undefined;
  /** The signed-in referrer's agency's kind (the directory's): a police referrer is asked more. */
  agencyKind: string | undefined;
  /** Each field's error, by its input's id. */
  errors: Record<string, string>;
}

/** A textarea whose label is the page's h1 (GOV.UK's one-question page). */
export function QuestionTextarea(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error?: string | undefined;
  rows?: number;
  onInput: (value: string) => void;
}): VNode {
  return html`<${Textarea} ...${props} name=${props.id} labelClasses="govuk-label--l" labelIsPageHeading=${true} rows=${props.rows ?? 8} />`;
}

export type ConditionalItem = RadioItem;

/** Radios with conditionally revealed questions: the legend a page heading or a medium heading. */
export function ConditionalRadios(props: Omit<RadiosProps, 'name' | 'legendClasses'>): VNode {
  return html`<${Radios}
    ...${props}
    name=${props.idPrefix}
    legendClasses=${props.legendIsPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m'}
  />`;
}

export const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A trimmed value, or undefined when blank (so the API stores nothing). */
export const opt = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export type Problems = [id: string, message: string][];
export type Collected = { problems: Problems } | { patch: ReferralContent };

/** What a section's fields get; they call `bind` with the function that checks them and gives the patch. */
export type FieldsProps = SectionProps & { bind: (collect: () => Collected) => void };
