/**
 * /referrals/consultations/: the front door's consultation calls. Those waiting for the written
 * request come soonest due first, each with a live countdown that turns amber in its last hour and
 * red once overdue (the urgent clock); those received link to the referral, on time or late.
 * The view is in the address (`?view=`), so Back, refresh and links all work.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Framework } from '../../../shared/guidance/schema.ts';
import { isOverdue } from '../../../shared/platform/working-days.ts';
import type { Consultation } from '../../../shared/referrals/consultation-schema.ts';
import {
  CONSULTATION_VIEW_LABELS,
  CONSULTATION_VIEWS,
  type ConsultationView,
} from '../../../shared/referrals/consultations.ts';
import { apiGet, orNotFound } from '../../platform/api.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import {
  ButtonLink,
  formatDate,
  formatDateTime,
  mount,
  NotificationBanner,
  PageHeading,
  PendingPage,
  type Row,
  ShowMore,
  SummaryList,
  setTitle,
  Tag,
  Written,
} from '../../platform/ui.ts';
import { CALLS_URL, childNameOfCall, NEW_CALL_URL } from '../consultations.ts';
import { DueTime } from '../status.ts';
import { agencyName, formatDue, LevelName, loadGuidance, useAgencyNames, useNow } from '../views.ts';

const HEADING = 'Consultation calls';
const PAGE_SIZE = 50;
const isFrontDoor = (me: { roles: readonly string[] }) => me.roles.includes('triage');

const EMPTY: Record<ConsultationView, string> = {
  awaiting: 'No written requests are waiting: every call that asked for one has had it.',
  received: 'No written requests have arrived for calls yet.',
  not_needed: 'No calls have been recorded without a written request.',
};

interface CallPage {
  items: Consultation[];
  nextCursor?: string | null;
}

function readAddress() {
  const p = new URLSearchParams(window.location.search);
  const view = CONSULTATION_VIEWS.find((v) => v === p.get('view')) ?? 'awaiting';
  const id = p.get('id') ?? '';
  const recorded = p.get('done') === 'recorded' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id) ? id : null;
  return { view, recorded };
}

const listQuery = (view: ConsultationView, cursor?: string) =>
  `/consultations?${new URLSearchParams({ view, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) })}`;

const dueOf = (call: Consultation, now: Date) =>
  call.view === 'awaiting' && call.writtenRequestDueAt
    ? isOverdue(new Date(call.writtenRequestDueAt), now, false)
    : false;

function ViewLinks(props: { view: ConsultationView }): VNode {
  return html`
    <nav aria-label="Which calls">
      <ul class="govuk-list app-view-links">
        ${CONSULTATION_VIEWS.map((v) => {
          const href = v === 'awaiting' ? CALLS_URL : `${CALLS_URL}?view=${v}`;
          const text = CONSULTATION_VIEW_LABELS[v];
          return html`<li key=${v}>
            ${
              v === props.view
                ? html`<a class="govuk-link govuk-link--no-visited-state" href=${href} aria-current="page"><strong>${text}</strong></a>`
                : html`<a class="govuk-link govuk-link--no-visited-state" href=${href}>${text}</a>`
            }
          </li>`;
        })}
      </ul>
    </nav>
  `;
}

function CallCard(props: {
  call: Consultation;
  agencies: Map<string, string>;
  framework: Framework | undefined;
  now: Date;
}): VNode {
  const { call, now } = props;
  const { caller, child, linkedReferral: link } = call;
  const rows: Row[] = [];
  if (call.view === 'awaiting' && call.writtenRequestDueAt)
    rows.push({
      key: 'Written request due',
      // With the time: the countdown alone, as a tag, would be cut short by GOV.UK's tag width.
      value: html`<${DueTime} dueAt=${call.writtenRequestDueAt} status="submitted" now=${now} priority="urgent" showTime=${true} />`,
    });
  if (link)
    rows.push({
      key: 'Written request',
      value: html`<a class="govuk-link" href=${`/referrals/view/?id=${encodeURIComponent(link.referralId)}`}>${link.reference}</a>${' '}
        <${Tag} text=${link.onTime ? 'On time' : 'Late'} colour=${link.onTime ? 'green' : 'red'} />
        <span class="app-block">Received ${formatDateTime(link.submittedAt)}</span>`,
    });
  const who = [caller.name, caller.role, caller.agencyId ? agencyName(props.agencies, caller.agencyId) : '']
    .filter(Boolean)
    .join(', ');
  const born = child?.dateOfBirth ? `Born ${formatDate(child.dateOfBirth)}` : '';
  rows.push(
    { key: 'Called', value: formatDateTime(call.calledAt) },
    {
      key: 'Caller',
      value: html`${who}${caller.phone ? html`<span class="app-block">${caller.phone}</span>` : null}`,
    },
    {
      key: 'Child',
      value: child
        ? html`${childNameOfCall(call)}${[born, child.postcode].filter(Boolean).map((t) => html`<span class="app-block">${t}</span>`)}`
        : html`<span class="app-not-given">Not given</span>`,
    },
    {
      key: 'Level discussed',
      value: html`<${LevelName} level=${call.levelDiscussed} framework=${props.framework} />`,
    },
    { key: 'Advice', value: html`<${Written} text=${call.advice} />` },
    { key: 'Recorded by', value: `${call.recordedBy.name}, ${formatDateTime(call.recordedAt)}` },
  );
  return html`
    <div class="govuk-summary-card" id=${`call-${call.id}`}>
      <div class="govuk-summary-card__title-wrapper">
        <h2 class="govuk-summary-card__title">${childNameOfCall(call)}</h2>
        ${dueOf(call, now) ? html`<${Tag} text="Overdue" colour="red" />` : null}
      </div>
      <div class="govuk-summary-card__content"><${SummaryList} rows=${rows} /></div>
    </div>
  `;
}

/** "Call recorded", and when its written request is due. */
function RecordedBanner(props: { call: Consultation | null; now: Date }): VNode {
  const { call } = props;
  return html`
    <${NotificationBanner} type="success" heading="Call recorded">
      ${
        call?.writtenRequestDueAt
          ? html`<p class="govuk-body">
              The written request from ${call.caller.name} about ${childNameOfCall(call)} is due by
              ${' '}${formatDue(call.writtenRequestDueAt, props.now)}.
            </p>`
          : call
            ? html`<p class="govuk-body">No written request was asked for.</p>`
            : null
      }
    </${NotificationBanner}>
  `;
}

function CallsPage(): VNode {
  const [address] = useState(readAddress);
  const { view } = address;
  const agencies = useAgencyNames();
  const now = useNow();
  const { state, retry, replace } = useSignedInLoad(
    isFrontDoor,
    async () => {
      const [page, guidance] = await Promise.all([
        apiGet<CallPage>(listQuery(view)),
        loadGuidance().catch(() => null),
      ]);
      const id = address.recorded;
      // The banner's call is usually on the first page; if not, it is read on its own.
      const recorded = id
        ? (page.items.find((c) => c.id === id) ??
          (await orNotFound(apiGet<Consultation>(`/consultations/${id}`)).catch(() => null)))
        : null;
      return { ...page, framework: guidance?.framework, recorded };
    },
    { redirect: true },
  );
  const [more, setMore] = useState({ busy: false, failed: false });
  useEffect(() => setTitle(HEADING), []);

  if (state.kind === 'not-allowed')
    return html`<${PageHeading} text=${HEADING} size="l" />
      <p class="govuk-body">Consultation calls are for the Front Door. You are signed in as ${state.me.name}.</p>`;
  if (state.kind !== 'loaded')
    return html`<${PendingPage} state=${state} heading=${HEADING} size="l" loading="Loading the calls…" what="the calls" onRetry=${retry} />`;

  const { items, nextCursor, framework, recorded } = state;
  const loadMore = async () => {
    if (!nextCursor || more.busy) return;
    setMore({ busy: true, failed: false });
    try {
      const page = await apiGet<CallPage>(listQuery(view, nextCursor));
      replace({ ...page, items: [...items, ...page.items], framework, recorded });
      setMore({ busy: false, failed: false });
    } catch {
      setMore({ busy: false, failed: true });
    }
  };
  const overdue = items.filter((c) => dueOf(c, now)).length;
  return html`
    ${address.recorded ? html`<${RecordedBanner} call=${recorded} now=${now} />` : null}
    <${PageHeading} text=${HEADING} size="l" />
    <p class="govuk-body">
      Calls from practitioners asking the front door’s advice about a child. When a call asks for a written request,
      it is linked here when the referral arrives.
    </p>
    <${ButtonLink} href=${NEW_CALL_URL} text="Record a call" />
    <${ViewLinks} view=${view} />
    <p class="govuk-body" id="calls-summary">
      <strong>${CONSULTATION_VIEW_LABELS[view]}</strong>.${' '}
      ${
        view === 'awaiting'
          ? html`Soonest due first.${' '}
              ${overdue > 0 ? html`<strong class="app-overdue-count">${overdue} overdue</strong>` : 'Nothing is overdue.'}`
          : 'Newest first.'
      }
    </p>
    ${
      items.length === 0
        ? html`<p class="govuk-body">${EMPTY[view]}</p>`
        : items.map(
            (call) =>
              html`<${CallCard} key=${call.id} call=${call} agencies=${agencies} framework=${framework} now=${now} />`,
          )
    }
    <${ShowMore}
      announce=${true}
      hasMore=${Boolean(nextCursor)}
      busy=${more.busy}
      failed=${more.failed}
      text="Load more calls"
      failedText="More calls could not be loaded. Try again."
      onClick=${loadMore}
    />
  `;
}

boot();
mount(html`<${CallsPage} />`);
