/**
 * A record's page whose forms each have an address of their own (`?id=<record>&do=<form>`), so Back
 * and Forward move between the record and its forms without reloading: the route in the address and
 * the links that change it, the navigations counted (a banner belongs to the view it was made for),
 * the shell and buttons of every form, and the sending of a form's change through the page, which
 * handles "saved" and "someone else changed it first". The board's action and the early-help episode
 * are such records.
 */
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../shared/directory/me.ts';
import type { AgencyName } from './agencies.ts';
import { FormPage, type FormState } from './form-page.ts';
import type { Refusal } from './refusal.ts';
import { Button, PageHeading, setTitle } from './ui-basics.ts';

/** The record in the address and, when one is open, its form. */
export interface RecordRoute<S extends string> {
  id: string;
  step: S | null;
}

/** A saved change's banner, on the record's own view. */
export interface Flash {
  heading: string;
  body?: string;
}

/** A message for one view: shown while the page is on the navigation it was made for. */
export type ForView<T> = T & { at: number };

/**
 * The page's `send`, that each form writes through: `request` makes the change against the record as
 * read (`Read`: its version, or the record), `flash` words the banner once it is saved.
 */
export type SendChange<Read, Saved> = (
  what: string,
  request: (read: Read) => Promise<Saved>,
  flash: (saved: Saved) => Flash,
) => Promise<'saved' | 'conflict' | unknown>;

/** What each form gets from the page, besides the record itself. */
export interface RecordFormProps<Read, Saved, C> {
  me: Me;
  agencies: AgencyName[];
  /** Arrived at by a link (its heading takes focus), not by loading the page. */
  focus: boolean;
  /** Someone else changed the record first: what was not saved. */
  conflict: C | null;
  send: SendChange<Read, Saved>;
}

/** One change to the record, and how the page words it. */
export interface RecordChange<Saved, Method extends string> {
  /** What is not saved when someone else changed the record first: "Your progress update". */
  what: string;
  method: Method;
  /** After the record's address in the API. */
  path: string;
  body: unknown;
  flash: (saved: Saved) => Flash;
  /** The input a problem goes to when the API names no field the form shows. */
  fallbackId: string;
}

/**
 * Sends a form's change through the page's `send`, busy meanwhile: `request` makes it against the
 * record as read. Once saved, or refused because someone else changed the record first (the page
 * says so), the form's messages clear; otherwise `refusal` words what the API said, as the error
 * summary and the fields' messages.
 */
export async function sendRecordChange<Read, Saved>(
  state: FormState,
  send: SendChange<Read, Saved>,
  change: RecordChange<Saved, string>,
  request: (read: Read) => Promise<Saved>,
  refusal: (error: unknown) => Refusal,
): Promise<void> {
  state.setBusy(true);
  const outcome = await send(change.what, request, change.flash);
  state.setBusy(false);
  if (outcome === 'saved' || outcome === 'conflict') {
    state.clear();
    return;
  }
  const { fields, items } = refusal(outcome);
  state.setFields(fields);
  state.setErrors(items);
}

/** The links and moves between a record's views: `pageUrl` is the record page's address. */
export function recordAddresses<S extends string>(
  pageUrl: (id: string, extra: string) => string,
  steps: readonly S[],
) {
  const stepUrl = (id: string, step: S | null) => pageUrl(id, step ? `&do=${step}` : '');

  function readRoute(): RecordRoute<S> {
    const params = new URLSearchParams(window.location.search);
    const step = params.get('do');
    return { id: params.get('id') ?? '', step: steps.includes(step as S) ? (step as S) : null };
  }

  /** To the record's view (step null) or one of its forms; `replace` keeps Back from coming here. */
  function go(id: string, step: S | null, replace = false): void {
    if (replace) window.history.replaceState(null, '', stepUrl(id, step));
    else window.history.pushState(null, '', stepUrl(id, step));
    window.dispatchEvent(new PopStateEvent('popstate'));
  }

  /** A same-page link: the address changes (so Back works) without reloading. */
  function StepLink(props: {
    id: string;
    step: S | null;
    children: ComponentChildren;
    classes?: string;
    /** GOV.UK's button look, for the next thing to do. */
    button?: boolean;
  }): VNode {
    const onClick = (event: MouseEvent) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go(props.id, props.step);
    };
    // Space presses a link that looks like a button, as it would a button.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!props.button || event.key !== ' ') return;
      event.preventDefault();
      go(props.id, props.step);
    };
    return html`<a
      class=${props.button ? 'govuk-button' : (props.classes ?? 'govuk-link')}
      role=${props.button ? 'button' : undefined}
      draggable=${props.button ? 'false' : undefined}
      href=${stepUrl(props.id, props.step)}
      onClick=${onClick}
      onKeyDown=${onKeyDown}
    >${props.children}</a>`;
  }

  /** Back to the record's own view, by its reference. */
  function BackLink(props: { id: string; reference: string }): VNode {
    return html`<${StepLink} id=${props.id} step=${null} classes="govuk-back-link">Back to ${props.reference}</${StepLink}>`;
  }

  /** A form's button, and Cancel back to the record. */
  function FormButtons(props: {
    id: string;
    busy: boolean;
    text: string;
    busyText: string;
    variant?: 'warning';
  }): VNode {
    return html`
      <div class="govuk-button-group">
        <${Button} text=${props.busy ? props.busyText : props.text} disabled=${props.busy} variant=${props.variant} />
        <${StepLink} id=${props.id} step=${null}>Cancel</${StepLink}>
      </div>
    `;
  }

  return { stepUrl, readRoute, go, StepLink, BackLink, FormButtons };
}

export type RecordAddresses<S extends string> = ReturnType<typeof recordAddresses<S>>;

/**
 * The page's side of its addresses: the route, the navigations so far (key each view by it, so a
 * form starts afresh when arrived at), and the banners, each shown on the view it was made for.
 * `firstFlash`: a banner for the view the page opens on.
 */
export function useRecordPage<S extends string, C>(
  addresses: RecordAddresses<S>,
  firstFlash: () => Flash | null = () => null,
) {
  const [route, setRoute] = useState<RecordRoute<S>>(addresses.readRoute);
  const [navigations, setNavigations] = useState(0);
  const navigated = useRef(0);
  const [flashFor, setFlash] = useState<ForView<Flash> | null>(() => {
    const first = firstFlash();
    return first ? { ...first, at: 0 } : null;
  });
  const [conflictFor, setConflict] = useState<ForView<C> | null>(null);

  useEffect(() => {
    const onPop = () => {
      navigated.current += 1;
      setRoute(addresses.readRoute());
      setNavigations(navigated.current);
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  return {
    route,
    navigations,
    flash: flashFor?.at === navigations ? flashFor : null,
    conflict: conflictFor?.at === navigations ? conflictFor : null,
    /** A change saved: its banner on the record's view, where the page goes now. */
    saved(id: string, flash: Flash): void {
      setConflict(null);
      setFlash({ ...flash, at: navigated.current + 1 });
      addresses.go(id, null);
    },
    /**
     * Someone else changed the record first: said on this form, or (`leave`, when the record can no
     * longer take the change) on the record's view, where the page goes instead.
     */
    conflicted(id: string, conflict: C, leave: boolean): void {
      setFlash(null);
      setConflict({ ...conflict, at: navigated.current + (leave ? 1 : 0) });
      if (leave) addresses.go(id, null, true);
    },
  };
}

/** What an area's shell around one of the record's forms takes. */
export interface FormShellProps<F> {
  form: F;
  state: FormState;
  heading: string;
  children: ComponentChildren;
}

/**
 * The shell of each of the record's forms: the way back, the error summary, the banner after someone
 * else's change, and the heading under the record's caption; the title names the record.
 */
export function RecordFormShell(
  props: FormShellProps<{ focus: boolean; conflict: unknown }> & {
    /** The record's reference, in the title: "Close the action – BA-004". */
    reference: string;
    caption: string;
    back: ComponentChildren;
    /** After someone else's change: the banner that says so. */
    banner: ComponentChildren;
  },
): VNode {
  const { focus, conflict } = props.form;
  const { errors, submissions } = props.state;
  useEffect(
    () => setTitle(`${props.heading} – ${props.reference}`, errors.length > 0),
    [props.heading, errors.length],
  );
  return html`
    <${FormPage} back=${props.back} errors=${errors} submissions=${submissions} banner=${props.banner}>
      <${PageHeading}
        caption=${props.caption}
        text=${props.heading}
        size="l"
        focus=${focus && errors.length === 0 && !conflict}
      />
      ${props.children}
    </${FormPage}>
  `;
}
