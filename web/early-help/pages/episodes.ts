/**
 * /early-help/: the early-help families. A practitioner sees "Your families": the episodes their
 * agency leads, is asked to lead or is in the team of. The front door sees every episode, open,
 * overdue or closed (`?view=`, so Back and links work). The most urgent come first, and an episode
 * past a standard's date (the drift alarm) is tagged "Overdue".
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { EpisodeView } from '../../../shared/early-help/labels.ts';
import { boot } from '../../platform/chrome.ts';
import { useSignedInLoad } from '../../platform/signed-in.ts';
import { ButtonLink, mount, PageHeading, plural, ShowMore, setTitle } from '../../platform/ui.ts';
import { isTriage, loadAgencies, loadEpisodes } from '../api.ts';
import { canUseEarlyHelp, EarlyHelpPageState } from '../views.ts';
import { EpisodeTable } from './episodes/table.ts';
import { FRONT_DOOR_VIEWS, readView, ViewLinks } from './episodes/views.ts';

const EMPTY: Record<EpisodeView, string> = {
  mine: 'Your agency has no early help families at the moment. When the front door asks your agency to lead a family’s early help, it shows here.',
  open: 'There are no open early help episodes.',
  overdue: 'Nothing is overdue: every open episode is within the partnership’s standards.',
  closed: 'No early help episodes have closed yet.',
};

function EpisodesPage(): VNode {
  const [asked] = useState(readView);
  const { state, retry, replace } = useSignedInLoad(
    canUseEarlyHelp,
    async (me) => {
      const view: EpisodeView = isTriage(me) ? asked : 'mine';
      // The names are a convenience: without them the agencies' ids show.
      const [page, agencies] = await Promise.all([loadEpisodes(view), loadAgencies().catch(() => [])]);
      return { view, ...page, agencies };
    },
    { redirect: true },
  );
  const [more, setMore] = useState({ busy: false, failed: false });
  const heading = state.kind === 'loaded' && state.view === 'mine' ? 'Your families' : 'Early help';
  const viewText = state.kind === 'loaded' ? FRONT_DOOR_VIEWS.find((v) => v.value === state.view)?.text : '';
  useEffect(() => {
    if (state.kind === 'loaded') setTitle(state.view === 'mine' ? heading : `${heading}: ${viewText}`);
  }, [state.kind, heading, viewText]);

  if (state.kind !== 'loaded') {
    return html`<${EarlyHelpPageState} state=${state} heading="Early help" loading="Loading the families…" what="the families" onRetry=${retry} />`;
  }
  const { view, items, agencies, nextCursor } = state;
  const loadMore = async () => {
    if (!nextCursor || more.busy) return;
    setMore({ busy: true, failed: false });
    try {
      const page = await loadEpisodes(view, nextCursor);
      replace({ view, agencies, items: [...items, ...page.items], nextCursor: page.nextCursor });
      setMore({ busy: false, failed: false });
    } catch {
      setMore({ busy: false, failed: true });
    }
  };
  // The API lists them by the running timer's due date; an overdue one always leads.
  const ordered = [...items.filter((e) => e.drift), ...items.filter((e) => !e.drift)];
  const overdue = ordered.filter((e) => e.drift).length;

  return html`
    <${PageHeading} text=${heading} size="l" />
    ${
      view === 'mine'
        ? html`<p class="govuk-body">The families your agency leads early help for, is asked to lead, or works with in the team around the family. Most urgent first.</p>`
        : html`
            <p class="govuk-body">Episodes start from your decisions of early help, or here when children’s social care steps a child down.</p>
            <${ButtonLink} href="/early-help/step-down/" text="Record a step-down from social care" variant="secondary" />
            <${ViewLinks} view=${view} />`
    }
    ${
      view !== 'closed' && items.length > 0
        ? html`<p class="govuk-body" id="episodes-summary">
            ${overdue > 0 ? html`<strong class="app-overdue-count">${plural(overdue, 'episode is', 'episodes are')} overdue</strong>` : 'Nothing is overdue.'}
          </p>`
        : null
    }
    ${
      items.length === 0
        ? html`<p class="govuk-body">${EMPTY[view]}</p>`
        : html`<${EpisodeTable} items=${ordered} agencies=${agencies} closed=${view === 'closed'} />`
    }
    <${ShowMore}
      announce=${true}
      hasMore=${Boolean(nextCursor)}
      busy=${more.busy}
      failed=${more.failed}
      text="Load more families"
      failedText="More families could not be loaded. Try again."
      onClick=${loadMore}
    />
  `;
}

boot();
mount(html`<${EpisodesPage} />`);
