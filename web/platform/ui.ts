/**
 * GOV.UK Frontend components as Preact views (htm templates escape every value: never build
 * HTML strings from data). Markup follows GOV.UK Frontend 6's templates.
 */
import { NotificationBanner as GovukNotificationBanner } from 'govuk-frontend';
import { html } from 'htm/preact';
import { type ComponentChildren, render, type VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cx } from './ui-basics.ts';

export * from './date-input.ts';
export * from './form-inputs.ts';
export * from './form-page.ts';
export * from './page-states.ts';
export * from './summary-list.ts';
export * from './table.ts';
export * from './ui-basics.ts';

export function NotificationBanner(props: {
  type?: 'success' | 'important';
  heading: string;
  children?: ComponentChildren;
}): VNode {
  const ref = useRef<HTMLDivElement>(null);
  const success = props.type === 'success';
  useEffect(() => {
    if (ref.current) new GovukNotificationBanner(ref.current);
  }, []);
  return html`
    <div
      class=${cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role=${success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
      ref=${ref}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">
          ${success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">${props.heading}</p>
        ${props.children}
      </div>
    </div>
  `;
}

/**
 * A GOV.UK notification banner that takes focus when it appears, so it is read out as the answer to
 * pressing a button. Not `NotificationBanner`: these are focused, under a title id of their own.
 */
export function FocusedBanner(props: {
  title: 'Important' | 'Success';
  titleId: string;
  /** `alert` for what has just happened; `region` for a problem to read and act on. */
  role: 'alert' | 'region';
  classes?: string;
  /** Marked up with GOV.UK Frontend's module name, as its own banners are. */
  module?: boolean;
  children?: ComponentChildren;
}): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return html`
    <div
      class=${cx('govuk-notification-banner', props.classes)}
      role=${props.role}
      aria-labelledby=${props.titleId}
      data-module=${props.module ? 'govuk-notification-banner' : undefined}
      tabindex="-1"
      ref=${ref}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id=${props.titleId}>${props.title}</h2>
      </div>
      <div class="govuk-notification-banner__content">
        ${props.children}
      </div>
    </div>
  `;
}

/**
 * "Someone else changed this": what was not saved (`children`) and the way to reload the page and
 * see the record as it is now.
 */
export function ChangedBanner(props: {
  heading: string;
  reload: string;
  children: ComponentChildren;
}): VNode {
  return html`
    <${FocusedBanner} title="Important" titleId="conflict-title" role="region">
      <p class="govuk-notification-banner__heading">${props.heading}</p>
      <p class="govuk-body">${props.children}</p>
      <p class="govuk-body">
        <a class="govuk-notification-banner__link" href=${window.location.href}>${props.reload}</a>
      </p>
    </${FocusedBanner}>
  `;
}

/** Each `AfterPaint` waits for the one before it and then for a frame to be drawn. */
let turns: Promise<void> = Promise.resolve();
function nextTurn(): Promise<void> {
  const turn = turns.then(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
  turns = turn;
  return turn;
}

/**
 * Draws its children one frame after the blocks before it, so a long page (the dashboard's dozen
 * charts and tables) shows its first screen at once and never holds the main thread for long: a
 * tablet stays responsive to a tap while the rest appears below.
 */
export function AfterPaint(props: { children: ComponentChildren }): VNode | null {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    nextTurn().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready ? html`${props.children}` : null;
}

/** Mounts a page's view into #app, replacing the static loading state. */
export function mount(view: VNode): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  root.textContent = '';
  render(view, root);
}
