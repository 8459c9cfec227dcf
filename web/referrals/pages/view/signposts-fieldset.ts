/**
 * The decision's signposting, for "advice or signposting" and "no further action": the services in
 * the directory the family can turn to (up to five), or that none fitted, why, and the need left
 * unmet. The referrer's feedback names the services with their contact details; a "none fitted" is
 * counted for the board as unmet need.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { Framework } from '../../../../shared/guidance/schema.ts';
import type { SignpostsInput } from '../../../../shared/referrals/schema.ts';
import {
  NONE_FITTED_LABELS,
  NONE_FITTED_REASONS,
  type NoneFittedReason,
} from '../../../../shared/services/labels.ts';
import type { ServiceSnapshot } from '../../../../shared/services/schema.ts';
import { ServicePicker } from '../../../platform/service-picker.ts';
import { Checkbox, Radios, Select, Textarea } from '../../../platform/ui.ts';

/** At most this many services a decision names (the API's limit too). */
const MOST = 5;

export interface SignpostsState {
  services: ServiceSnapshot[];
  noneFitted: boolean;
  reason: NoneFittedReason | null;
  need: string;
  note: string;
}

/** Where the API's field names land on this form. */
export function signpostsFieldId(field: string): string | null {
  if (field === 'signposts' || field.startsWith('signposts.serviceIds')) return 'signposts-q';
  if (field === 'signposts.noneFitted') return 'none-fitted';
  if (field === 'signposts.noneFitted.reason') return 'none-fitted-reason';
  if (field === 'signposts.noneFitted.need') return 'none-fitted-need';
  if (field === 'signposts.noneFitted.note') return 'none-fitted-note';
  return null;
}

/** The need a referral's first indicator is about, to start the "unmet need" question with. */
export function firstNeed(
  framework: Framework | undefined,
  indicatorIds: readonly string[] | undefined,
): string {
  const first = framework?.indicators.find((i) => i.id === indicatorIds?.[0]);
  return first?.subDomainId ?? '';
}

/** What the form checks before sending (the API checks the same); ids of the fields at fault. */
export function signpostsProblems(state: SignpostsState): [string, string][] {
  if (state.noneFitted) {
    // Ticking "none fitted" clears the services, so only its own questions can be missing.
    const problems: [string, string][] = [];
    if (!state.reason) problems.push(['none-fitted-reason', 'Choose why no service fitted']);
    if (!state.need) problems.push(['none-fitted-need', 'Choose the need no service met']);
    return problems;
  }
  return state.services.length
    ? []
    : [['signposts-q', 'Choose the services the family can turn to, or say that none fitted']];
}

export function signpostsInput(state: SignpostsState): SignpostsInput {
  if (!state.noneFitted) return { serviceIds: state.services.map((s) => s.id) };
  return {
    serviceIds: [],
    noneFitted: {
      reason: state.reason ?? 'no-service',
      need: state.need,
      ...(state.note.trim() ? { note: state.note.trim() } : {}),
    },
  };
}

export function SignpostsFieldset(props: {
  state: SignpostsState;
  onChange: (state: SignpostsState) => void;
  framework: Framework | undefined;
  fields: Record<string, string>;
}): VNode {
  const { state, fields } = props;
  const set = (change: Partial<SignpostsState>) => props.onChange({ ...state, ...change });
  const needs = (props.framework?.domains ?? []).map((d) => ({
    label: d.name,
    options: d.subDomains.map((s) => ({ value: s.id, text: s.name })),
  }));
  return html`
    <h2 class="govuk-heading-m">Services for the family</h2>
    <p class="govuk-body">
      The referrer reads the services you choose with their contact details. If none in the directory
      fits, say why: the board sees unmet need by quarter when it commissions services.
    </p>
    ${
      state.noneFitted
        ? null
        : html`<${ServicePicker}
            id="signposts"
            legend="Which services can the family turn to?"
            hint=${`Up to ${MOST} services from the directory.`}
            chosen=${state.services}
            onChange=${(services: ServiceSnapshot[]) => set({ services })}
            max=${MOST}
            error=${fields['signposts-q']}
          />`
    }
    <${Checkbox}
      id="none-fitted"
      name="noneFitted"
      label="No service in the directory fitted"
      checked=${state.noneFitted}
      onChange=${(noneFitted: boolean) => set({ noneFitted, ...(noneFitted ? { services: [] } : {}) })}
    />
    ${
      state.noneFitted
        ? html`<div class="govuk-inset-text">
            <${Radios}
              idPrefix="none-fitted-reason"
              name="noneFittedReason"
              legend="Why did no service fit?"
              legendClasses="govuk-fieldset__legend--s"
              items=${NONE_FITTED_REASONS.map((value) => ({ value, text: NONE_FITTED_LABELS[value] }))}
              value=${state.reason}
              error=${fields['none-fitted-reason']}
              onChange=${(reason: string) => set({ reason: reason as NoneFittedReason })}
            />
            <${Select}
              id="none-fitted-need"
              name="noneFittedNeed"
              label="Which need went unmet?"
              hint="The area of need in the threshold guidance"
              placeholder="Choose a need"
              value=${state.need}
              groups=${needs}
              error=${fields['none-fitted-need']}
              onChange=${(need: string) => set({ need })}
            />
            <${Textarea}
              id="none-fitted-note"
              name="noneFittedNote"
              label="Anything the board should know (optional)"
              hint="For example, how long the waiting list is. No names or details of the family."
              rows=${2}
              value=${state.note}
              error=${fields['none-fitted-note']}
              onInput=${(note: string) => set({ note })}
            />
          </div>`
        : null
    }
  `;
}
