/**
 * What the episode's forms share: what a form gets from the page, the write itself (sent with the
 * version read; the page handles success and "someone else changed it"), the problems found before
 * sending or by the API in a form's words, a date input's state, and the shell around every form
 * (back link, banners, error summary, heading, buttons).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { FieldProblem } from '../../../../shared/early-help/rules.ts';
import { ukDateOf } from '../../../../shared/platform/working-days.ts';
import { ApiError, type FieldError } from '../../../platform/api.ts';
import { signInUrl } from '../../../platform/auth.ts';
import {
  type FormShellProps,
  type RecordChange,
  type RecordFormProps,
  RecordFormShell,
  sendRecordChange,
} from '../../../platform/record-forms.ts';
import { describeRefusal, fieldRefusal, type Refusal } from '../../../platform/refusal.ts';
import {
  ChangedBanner,
  type DateParts,
  dateParts,
  type FormState,
  parseDateParts,
} from '../../../platform/ui.ts';
import { changeEpisode, type Episode, type EpisodeRead } from '../../api.ts';
import { childName } from '../../views.ts';
import { ADDRESSES, BackToEpisode } from './navigation.ts';

export type { Flash, ForView } from '../../../platform/record-forms.ts';

/** Someone else changed the episode first: what was not saved, and the API's reason. */
export interface Conflict {
  what: string;
  detail: string;
}

/** What a form gets from the page: the episode, and `send` with the version read. */
export interface FormProps extends RecordFormProps<Episode, EpisodeRead, Conflict> {
  episode: Episode;
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

/** One change to the episode (`/episodes/{id}/{path}`) and how the form words it. */
export interface Change extends RecordChange<EpisodeRead, 'POST' | 'PUT'> {
  /** Where a refused field of the API's is shown, or null for one the form does not show. */
  target: (field: string) => FieldTarget | null;
}

/** Sends a change, keeping the error summary and field messages in step with what the API said. */
export function run(state: FormState, form: FormProps, change: Change): Promise<void> {
  const request = (episode: Episode) => changeEpisode(episode, change.method, change.path, change.body);
  return sendRecordChange(state, form.send, change, request, (outcome) => refusalOf(outcome, change));
}

/**
 * One press of a form's button: what the form finds wrong before sending (each input's message in
 * `found`, by id; for a date, the box the error summary links to in `anchors`), then `send`: what was
 * found shown, or the change sent.
 */
export function checkAndSend(state: FormState, form: FormProps) {
  const found: Record<string, string> = {};
  const anchors: Record<string, string> = {};
  const any = () => Object.keys(found).length > 0;
  return {
    found,
    anchors,
    any,
    /** A date input's value, or undefined with its problem recorded. */
    date: (parts: DateParts, id: string, what: string) => readDate(parts, id, what, found, anchors),
    /** The rules' problems, each input keeping a message found before it. */
    rules(
      problems: FieldProblem[],
      target: (field: string) => FieldTarget | null,
      fallback: FieldTarget,
    ): void {
      for (const [id, text] of Object.entries(problemsFound(problems, target, fallback, anchors))) {
        found[id] ??= text;
      }
    },
    /** Shows what was found, summarised in `order`; or, when nothing was, sends the change. */
    async send(order: string[], change: Change): Promise<void> {
      if (any()) {
        state.fail(found, order, anchors);
        return;
      }
      await run(state, form, change);
    },
  };
}

/** A date input's state, starting at `iso` or, without one, today. */
export function useDateParts(iso?: string) {
  return useState<DateParts>(() => dateParts(iso ?? today()));
}

/** What the API refused, in the form's words; a field's message links to its date's day box. */
function refusalOf(outcome: unknown, change: Change): Refusal {
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
  return {
    fields: refusal.fields,
    items: refusal.items.map((item) => ({ ...item, href: anchors.get(item.href) ?? item.href })),
  };
}

export function FormShell(props: FormShellProps<FormProps>): VNode {
  const { episode, conflict } = props.form;
  const banner = conflict
    ? html`<${EpisodeChanged} key=${`conflict-${episode.version}`} conflict=${conflict} onForm=${true} />`
    : null;
  return html`<${RecordFormShell}
    ...${props}
    reference=${episode.reference}
    caption=${`${episode.reference}: ${childName(episode.child)}`}
    back=${html`<${BackToEpisode} id=${episode.id} reference=${episode.reference} />`}
    banner=${banner}
  />`;
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
  const { episode, ...button } = props;
  return html`<${ADDRESSES.FormButtons} id=${episode.id} ...${button} />`;
}
