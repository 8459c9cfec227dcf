/**
 * What a page with one form keeps and shows around it: the state of a submission (field messages,
 * the error summary, how many times it was sent, whether it is being sent) and the page's shell (the
 * way back, the error summary, a banner, then the page's heading and form).
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorSummary, type ErrorSummaryItem } from './ui-basics.ts';

export function useFormState() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [busy, setBusy] = useState(false);
  /** Counts a submission (its error summary takes focus again); false while one is under way. */
  const start = (event?: Event) => {
    event?.preventDefault();
    if (busy) return false;
    setSubmissions((n) => n + 1);
    return true;
  };
  /**
   * Shows the problems found (by field), summarised in `order`. A summary item links to the field's
   * input, or to the one `anchors` names (a date's day, month or year).
   */
  const fail = (found: Record<string, string>, order: string[], anchors: Record<string, string> = {}) => {
    setFields(found);
    setErrors(
      order.filter((id) => found[id]).map((id) => ({ href: `#${anchors[id] ?? id}`, text: found[id] ?? '' })),
    );
  };
  const clear = () => {
    setFields({});
    setErrors([]);
  };
  return { fields, errors, submissions, busy, setBusy, start, setFields, setErrors, fail, clear };
}

export type FormState = ReturnType<typeof useFormState>;

/**
 * A form's page: the way back, then in two thirds of the width the error summary (keyed by
 * submission, so each failed attempt takes focus again), a banner (someone else's change), and the
 * page's heading and form.
 */
export function FormPage(props: {
  back?: ComponentChildren;
  errors: ErrorSummaryItem[];
  /** The error summary's heading, when not GOV.UK's "There is a problem". */
  errorsTitle?: string;
  submissions: number;
  banner?: ComponentChildren;
  children: ComponentChildren;
}): VNode {
  return html`
    ${props.back}
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${props.errors.length > 0 ? html`<${ErrorSummary} key=${props.submissions} title=${props.errorsTitle} items=${props.errors} />` : null}
      ${props.banner}
      ${props.children}
    </div></div>
  `;
}
