/**
 * /agencies/: the directory of partner agencies. Everyone signed in reads it; the admin role also
 * adds agencies, renames them, sets the safeguarding mailbox their notifications are emailed to, and
 * deactivates or reactivates them (never deletes: records point at them).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import type { Agency } from '../../../shared/directory/schema.ts';
import { apiGet } from '../../platform/api.ts';
import { signInUrl } from '../../platform/auth.ts';
import { boot, loadMe } from '../../platform/chrome.ts';
import {
  ButtonLink,
  ErrorSummary,
  type ErrorSummaryItem,
  Loading,
  LoadingPage,
  mount,
  NotificationBanner,
  PageHeading,
  ProblemPage,
  ShowMore,
  setTitle,
} from '../../platform/ui.ts';
import { AddAgencyForm } from './agencies/add-agency-form.ts';
import { AgencyTable } from './agencies/agency-table.ts';
import { EditAgency } from './agencies/edit-agency.ts';
import { editIdFromUrl, go, onLinkClick } from './agencies/navigation.ts';

interface AgencyPage {
  items: Agency[];
  nextCursor: string | null;
}

const PAGE_SIZE = 100;

type ListState =
  | { kind: 'loading' }
  | { kind: 'loaded'; page: AgencyPage }
  | { kind: 'failed'; error: unknown };
type MeState = { kind: 'loading' } | { kind: 'loaded'; me: Me | null } | { kind: 'failed'; error: unknown };

function AgenciesPage(): VNode {
  const [meState, setMeState] = useState<MeState>({ kind: 'loading' });
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [editId, setEditId] = useState<string | null>(editIdFromUrl());
  const [flash, setFlash] = useState<{ id: number; text: string } | null>(null);
  const [addErrors, setAddErrors] = useState<ErrorSummaryItem[]>([]);
  const [addSubmissions, setAddSubmissions] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  /** Coming back to the list moves focus to its heading, so the change of view is announced. */
  const [cameBack, setCameBack] = useState(false);

  const loadList = useCallback(() => {
    setList((current) => (current.kind === 'loaded' ? current : { kind: 'loading' }));
    apiGet<AgencyPage>(`/agencies?limit=${PAGE_SIZE}`).then(
      (page) => setList({ kind: 'loaded', page }),
      (error: unknown) => setList({ kind: 'failed', error }),
    );
  }, []);

  const start = useCallback(() => {
    setMeState({ kind: 'loading' });
    loadMe().then(
      (me) => {
        setMeState({ kind: 'loaded', me });
        if (me) loadList();
      },
      (error: unknown) => setMeState({ kind: 'failed', error }),
    );
  }, [loadList]);

  useEffect(start, []);
  useEffect(() => {
    const onPop = () => {
      const id = editIdFromUrl();
      setEditId(id);
      setConflict(false);
      setCameBack(id === null);
      if (id !== null) {
        setFlash(null);
        setAddErrors([]);
      }
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (!editId) setTitle('Partner agencies', addErrors.length > 0);
  }, [editId, addErrors.length]);

  const loadMore = async (cursor: string) => {
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      const next = await apiGet<AgencyPage>(
        `/agencies?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor)}`,
      );
      setList((current) =>
        current.kind === 'loaded'
          ? {
              kind: 'loaded',
              page: { items: [...current.page.items, ...next.items], nextCursor: next.nextCursor },
            }
          : current,
      );
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  };

  const replaceAgency = (agency: Agency) =>
    setList((current) =>
      current.kind === 'loaded'
        ? {
            kind: 'loaded',
            page: {
              ...current.page,
              items: current.page.items.map((a) => (a.id === agency.id ? agency : a)),
            },
          }
        : current,
    );

  const showFlash = (text: string) => setFlash((current) => ({ id: (current?.id ?? 0) + 1, text }));

  if (meState.kind === 'loading' || (meState.kind === 'loaded' && meState.me && list.kind === 'loading')) {
    return html`<${LoadingPage} heading="Partner agencies" text="Loading the partner agencies…" />`;
  }
  if (meState.kind === 'failed') {
    return html`<${ProblemPage} heading="Partner agencies" error=${meState.error} what="the partner agencies" onRetry=${start} />`;
  }
  const me = meState.me;
  if (!me) {
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${PageHeading} text="Partner agencies" />
        <p class="govuk-body">The directory of partner agencies is for people who work in the partnership.</p>
        <p class="govuk-body">Sign in to see it.</p>
        <${ButtonLink} href=${signInUrl('/agencies/')} text="Sign in" />
      </div></div>
    `;
  }
  if (list.kind === 'failed') {
    return html`<${ProblemPage} heading="Partner agencies" error=${list.error} what="the partner agencies" onRetry=${loadList} />`;
  }
  if (list.kind !== 'loaded') return html`<${Loading} text="Loading the partner agencies…" />`;

  const canManage = me.roles.includes('admin');
  // The directory reads best by name; the API pages by its own key.
  const agencies = [...list.page.items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

  if (editId && canManage) {
    const agency = agencies.find((a) => a.id === editId);
    if (!agency) {
      return html`
        <a href="/agencies/" class="govuk-back-link" onClick=${onLinkClick(null)}>Back to partner agencies</a>
        <${PageHeading} text="Agency not found" focus=${true} />
        <p class="govuk-body">There is no agency with that reference in the directory.</p>
      `;
    }
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        <${EditAgency}
          key=${agency.id}
          agency=${agency}
          conflict=${conflict}
          onSaved=${(saved: Agency, message: string) => {
            replaceAgency(saved);
            setConflict(false);
            showFlash(message);
            go(null);
          }}
          onConflict=${(current: Agency | null) => {
            setConflict(true);
            if (current) replaceAgency(current);
            else loadList();
          }}
        />
      </div></div>
    `;
  }

  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-full">
      ${addErrors.length > 0 ? html`<${ErrorSummary} key=${addSubmissions} items=${addErrors} />` : null}
      ${flash ? html`<${NotificationBanner} key=${flash.id} type="success" heading=${flash.text} />` : null}
      <${PageHeading} text="Partner agencies" focus=${cameBack && flash === null && addErrors.length === 0} />
      <p class="govuk-body-l">The agencies that work together in the Northshire Safeguarding Partnership.</p>
      ${
        agencies.length === 0
          ? html`<p class="govuk-body">No agencies have been added yet.${canManage ? ' Add the first one below.' : ''}</p>`
          : html`<${AgencyTable} agencies=${agencies} me=${me} canManage=${canManage} />`
      }
      <${ShowMore}
        hasMore=${Boolean(list.page.nextCursor)}
        text="Show more agencies"
        busy=${loadingMore}
        failed=${moreFailed}
        failedText="The next agencies could not be loaded. Try again."
        onClick=${() => list.page.nextCursor && loadMore(list.page.nextCursor)}
      />
      ${
        canManage
          ? html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              <${AddAgencyForm}
                onAdded=${(agency: Agency) => {
                  showFlash(`${agency.name} has been added to the directory.`);
                  loadList();
                }}
                onErrors=${(items: ErrorSummaryItem[]) => {
                  if (items.length > 0) setFlash(null);
                  setAddSubmissions((n) => n + 1);
                  setAddErrors(items);
                }}
              />
            </div></div>`
          : null
      }
    </div></div>
  `;
}

boot();
mount(html`<${AgenciesPage} />`);
