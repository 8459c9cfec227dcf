/**
 * What the episode's forms share: what a form gets from the page, the write itself (sent with the
 * version read; the page handles success and "someone else changed it"), the problems found before
 * or by the API in a form's words, and the shell around every form (back link, banners, error
 * summary, heading, buttons).
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Me } from '../../../../shared/directory/me.ts';
import type { FieldProblem } from '../../../../shared/early-help/rules.ts';
import { ukDateOf } from '../../../../shared/platform/working-days.ts';
import { ApiError, type FieldError } from '../../../platform/api.ts';
import { signInUrl } from '../../../platform/auth.ts';
import { describeRefusal, fieldRefusal } from '../../../platform/refusal.ts';
import {
  Button,
  ChangedBanner,
  type DateParts,
  FormPage,
  type FormState,
  PageHeading,
  parseDateParts,
  setTitle,
} from '../../../platform/ui.ts';
import { type AgencyName, changeEpisode, type Episode, type EpisodeRead } from '../../api.ts';
import { childName } from '../../views.ts';
import { BackToEpisode, StepLink } from './navigation.ts';

export interface Flash {
  heading: string;
  body?: string;
}

/** Someone else changed the episode first: what was not saved, and the API's reason. */
export interface Conflict {
  what: string;
  detail: string;
}

/** A message for one view: shown while the page is on the navigation it was made for. */
export type ForView<T> = T & { at: number };

export interface FormProps {
  episode: Episode;
  me: Me;
  agencies: AgencyName[];
  focus: boolean;
  conflict: Conflict | null;
  send: (
    what: string,
    request: (episode: Episode) => Promise<EpisodeRead>,
    flash: (saved: EpisodeRead) => Flash,
  ) => Promise<'saved' | 'conflict' | unknown>;
}

/** Today in the UK, as the API judges dates by it. */
export const today = () => ukDateOf(new Date());

/** Where a field is shown: its input's id and its name in a sentence ("The date it was agreed"). */
export interface FieldTarget {
  id: string;
  label: string;
  /** What the error summary links to, when not the input itself: a date's day box. */
  anchor?: string;
}

/** A reason in words: the API's "must be …" follows the field's name; a whole sentence stands alone. */
export function reasonText(target: FieldTarget | null, reason: string): string {
  return target && /^[a-z]/.test(reason) ? `${target.label} ${reason}` : reason;
}

/** The rules' problems (shared/early-help/rules.ts) by input id, in the form's words. */
export function problemsFound(
  problems: FieldProblem[],
  target: (field: string) => FieldTarget | null,
  fallback: FieldTarget,
  anchors: Record<string, string> = {},
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const p of problems) {
    const at = target(p.field) ?? fallback;
    found[at.id] ??= reasonText(at, p.reason);
    if (at.anchor) anchors[at.id] = at.anchor;
  }
  return found;
}

/** A date input's value checked: the date, or its problem recorded against the input's day box. */
export function readDate(
  parts: DateParts,
  id: string,
  what: string,
  found: Record<string, string>,
  anchors: Record<string, string>,
): string | undefined {
  const parsed = parseDateParts(parts, what);
  if ('date' in parsed) return parsed.date;
  found[id] = parsed.error;
  anchors[id] = `${id}-${parsed.parts[0] ?? 'day'}`;
  return undefined;
}

/** One change to the episode and how the form words it. */
export interface Change {
  /** What is not saved when someone else changed the episode first: "Your answer". */
  what: string;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  flash: (saved: EpisodeRead) => Flash;
  /** Where a refused field of the API's is shown, or null for one the form does not show. */
  target: (field: string) => FieldTarget | null;
  fallbackId: string;
}

/** Sends a change, keeping the error summary and field messages in step with what the API said. */
export async function run(state: FormState, form: FormProps, change: Change): Promise<void> {
  state.setBusy(true);
  const outcome = await form.send(
    change.what,
    (episode) => changeEpisode(episode, change.method, change.path, change.body),
    change.flash,
  );
  state.setBusy(false);
  if (outcome === 'saved' || outcome === 'conflict') {
    state.clear();
    return;
  }
  const errors: FieldError[] =
    outcome instanceof ApiError
      ? outcome.fieldErrors.map((e) => ({
          field: e.field,
          reason: reasonText(change.target(e.field), e.reason),
        }))
      : [];
  const refusal =
    errors.length > 0
      ? fieldRefusal(errors, (field) => change.target(field)?.id ?? null, change.fallbackId)
      : describeRefusal(outcome, () => null, change.fallbackId, {
          byStatus: {
            401: { href: signInUrl(), text: 'Your sign-in has ended. Sign in again: nothing was saved.' },
          },
        });
  const anchors = new Map<string, string>(
    errors.flatMap((e) => {
      const at = change.target(e.field);
      return at?.anchor ? [[`#${at.id}`, `#${at.anchor}`] as [string, string]] : [];
    }),
  );
  state.setFields(refusal.fields);
  state.setErrors(refusal.items.map((item) => ({ ...item, href: anchors.get(item.href) ?? item.href })));
}

export function FormShell(props: {
  form: FormProps;
  state: FormState;
  heading: string;
  children: ComponentChildren;
}): VNode {
  const { episode, conflict, focus } = props.form;
  const { errors, submissions } = props.state;
  useEffect(
    () => setTitle(`${props.heading} – ${episode.reference}`, errors.length > 0),
    [props.heading, errors.length],
  );
  const banner = conflict
    ? html`<${EpisodeChanged} key=${`conflict-${episode.version}`} conflict=${conflict} onForm=${true} />`
    : null;
  return html`
    <${FormPage}
      back=${html`<${BackToEpisode} id=${episode.id} reference=${episode.reference} />`}
      errors=${errors}
      submissions=${submissions}
      banner=${banner}
    >
      <${PageHeading}
        caption=${`${episode.reference}: ${childName(episode.child)}`}
        text=${props.heading}
        size="l"
        focus=${focus && errors.length === 0 && !conflict}
      />
      ${props.children}
    </${FormPage}>
  `;
}

/** "Someone else changed this episode": what was not saved, why, and the way to reload. */
export function EpisodeChanged(props: { conflict: Conflict; onForm: boolean }): VNode {
  const { what, detail } = props.conflict;
  const next = props.onForm
    ? 'What you entered is still in the form: check it still applies, then send it again.'
    : 'The episode as it is now is below.';
  return html`
    <${ChangedBanner} heading="Someone else changed this episode while you were working on it" reload="Reload the page to see the episode as it is now">
      ${what} was not saved.${detail ? ` ${detail}.` : ''} ${next}
    </${ChangedBanner}>
  `;
}

/** The form's button, and Cancel back to the episode. */
export function FormButtons(props: {
  episode: Episode;
  busy: boolean;
  text: string;
  busyText: string;
  variant?: 'warning';
}): VNode {
  return html`
    <div class="govuk-button-group">
      <${Button} text=${props.busy ? props.busyText : props.text} disabled=${props.busy} variant=${props.variant} />
      <${StepLink} id=${props.episode.id} step=${null}>Cancel</${StepLink}>
    </div>
  `;
}
