/**
 * Views the referral pages share: status and due-time tags with a live countdown, the referral with
 * its timeline, and the loading of what every referral page needs. Types only from
 * shared/referrals/schema.ts (its zod schemas would add ~80 KB to each page); the rules come from the
 * zod-free shared/referrals/rules.ts, shared/platform/working-days.ts and shared/guidance/check.ts.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Agency } from '../../shared/directory/schema.ts';
import type { Framework, GuidanceVersion, LevelNumber } from '../../shared/guidance/schema.ts';
import { LevelTag } from '../../shared/guidance/views/basics.ts';
import { STATUS_LABELS } from '../../shared/referrals/labels.ts';
import type { Referral, ReferralStatus, TimelineEntry } from '../../shared/referrals/schema.ts';
import { ApiError, apiGet, apiRequest, orNotFound } from '../platform/api.ts';
import { signInUrl } from '../platform/auth.ts';
import { describeRefusal as describe, type Refusal } from '../platform/refusal.ts';
import {
  ChangedBanner,
  dateTimeParts,
  PageHeading,
  Tag,
  type TagColour,
  ukDateTimeFormat,
} from '../platform/ui.ts';

export type ReferralWithTimeline = Referral & { timeline: TimelineEntry[] };

// Loading ------------------------------------------------------------------------------------------

/** The referral in the address (`?id=`), or null when there is none that could be one. */
export function referralIdFromUrl(): string | null {
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? id : null;
}

export function loadReferral(id: string): Promise<ReferralWithTimeline> {
  return apiGet<ReferralWithTimeline>(`/referrals/${encodeURIComponent(id)}`);
}

/** A referral action (`POST /referrals/{id}/{action}`) against the version the page read. */
export async function referralAction<T = Referral>(
  referral: { id: string; version: number },
  action: string,
  body?: unknown,
): Promise<T> {
  const path = `/referrals/${encodeURIComponent(referral.id)}${action ? `/${action}` : ''}`;
  return (
    await apiRequest<T>(path, {
      method: 'POST',
      ifMatch: referral.version,
      ...(body === undefined ? {} : { body }),
    })
  ).data;
}

/**
 * The referral in the address and the guidance it is read against; no referral when the address
 * names none this person can see (the API answers 404 for both).
 */
export async function loadAddressedReferral(): Promise<{
  referral: ReferralWithTimeline | null;
  guidance: GuidanceVersion | null;
}> {
  const id = referralIdFromUrl();
  if (!id) return { referral: null, guidance: null };
  const [referral, guidance] = await Promise.all([
    orNotFound(loadReferral(id)),
    loadGuidance().catch(() => null),
  ]);
  return { referral, guidance };
}

let guidancePromise: Promise<GuidanceVersion | null> | undefined;

/** The current published guidance (null if none is published); read once per page. */
export function loadGuidance(): Promise<GuidanceVersion | null> {
  guidancePromise ??= apiGet<GuidanceVersion>('/guidance').catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    guidancePromise = undefined;
    throw error;
  });
  return guidancePromise;
}

/** Agency names by id. A failure leaves the ids showing: the names are a convenience. */
export function useAgencyNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    apiGet<{ items: Agency[] }>('/agencies?limit=200').then(
      ({ items }) => setNames(new Map(items.map((a) => [a.id, a.name]))),
      () => {},
    );
  }, []);
  return names;
}

export const agencyName = (names: Map<string, string>, id: string | null | undefined): string =>
  id ? (names.get(id) ?? id) : '';

/** The time now, moving on every `everyMs`, for live countdowns. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

// Words --------------------------------------------------------------------------------------------

const dueParts = ukDateTimeFormat({ weekday: 'long' });

/** "5pm on Tuesday 7 April" (the year only when it is not this year), UK time. */
export function formatDue(value: string, now: Date = new Date()): string {
  const get = dateTimeParts(dueParts, value);
  if (!get) return value;
  const minute = get('minute');
  const time = `${get('hour')}${minute === '00' ? '' : `:${minute}`}${get('dayPeriod').toLowerCase()}`;
  const year = get('year');
  const thisYear = String(now.getFullYear());
  return `${time} on ${get('weekday')} ${get('day')} ${get('month')}${year === thisYear ? '' : ` ${year}`}`;
}

export function childNameOf(referral: Pick<Referral, 'child'>): string {
  const child = referral.child ?? {};
  const name = [child.firstName, child.lastName].filter(Boolean).join(' ');
  return name || 'Child not named yet';
}

const STATUS_COLOURS: Record<ReferralStatus, TagColour> = {
  draft: 'grey',
  submitted: 'blue',
  in_review: 'purple',
  decided: 'green',
  closed: 'grey',
  withdrawn: 'orange',
};

export function StatusTag(props: { status: ReferralStatus }): VNode {
  return html`<${Tag} text=${STATUS_LABELS[props.status]} colour=${STATUS_COLOURS[props.status]} />`;
}

/** Whether a referral is waiting on the front door's decision. */
export const awaitingDecision = (status: ReferralStatus): boolean =>
  status === 'submitted' || status === 'in_review';

// States ------------------------------------------------------------------------------------------

/** What anyone gets for a referral they may not read, exactly as for one that does not exist. */
export function ReferralNotFound(): VNode {
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} text="Referral not found" size="l" />
      <p class="govuk-body">There is no referral at this address that you can see.</p>
      <p class="govuk-body">
        If you typed or pasted the address, check it is complete. You can only see referrals your own agency made.
      </p>
      <p class="govuk-body"><a class="govuk-link" href="/referrals/">Go to your referrals</a></p>
    </div></div>
  `;
}

/** "Someone else changed this referral": focused when it appears, with the way to reload. */
export function ConflictBanner(props: { detail?: string | undefined }): VNode {
  return html`
    <${ChangedBanner} heading="This referral changed since you opened this page" reload="Reload the page">
      ${props.detail ? `${props.detail}. ` : ''}What you entered on this page was not saved. Reload the page to see
      the referral as it is now, then enter your answers again if they are still needed.
    </${ChangedBanner}>
  `;
}

export const isConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 409 || error.status === 412);

/** A refused write as error-summary items, and each field's reason by the id of its input. */
export function describeRefusal(
  error: unknown,
  idFor: (apiField: string) => string,
  fallbackId: string,
): Refusal {
  return describe(error, idFor, fallbackId, {
    byStatus: {
      // The referrals area's forms keep what was typed through signing in again (kept-answers.ts).
      401: {
        href: signInUrl(),
        text: 'Your sign-in has ended. Sign in again: what you typed on this page is kept.',
      },
    },
  });
}

/** "Level 3" as a tag, then the level's name, for a level number in a framework. */
export function LevelName(props: {
  level: LevelNumber | undefined;
  framework: Framework | undefined;
}): VNode {
  const record = props.level ? props.framework?.levels.find((l) => l.level === props.level) : undefined;
  if (!props.level) return html`<span>Not suggested yet</span>`;
  if (!record) return html`<span>Level ${props.level}</span>`;
  return html`<span><${LevelTag} level=${record.level} framework=${props.framework} /> ${record.name}</span>`;
}
