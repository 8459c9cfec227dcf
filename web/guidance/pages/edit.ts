/**
 * The guidance editor's pages (role guidance-editor):
 *
 *   /guidance/edit/                                 every version, including the draft; start a draft
 *   /guidance/edit/draft/?v=N[&q=word]              the draft's indicators, to find and change
 *   /guidance/edit/draft/?v=N&indicator=ID          change an indicator's level, text, search words
 *   /guidance/edit/draft/?v=N&remove=ID             remove it (after confirming)
 *   /guidance/edit/draft/?v=N&add=1                 add an indicator
 *   /guidance/edit/compare/?v=N                     what the draft changes, against the current version
 *   /guidance/edit/publish/?v=N                     change summary and effective date, then publish
 *                                                   (once a second editor has approved the draft)
 *
 * Every save is a PUT of the whole framework with If-Match: the draft's revision. A refused save
 * (409) says someone else changed the draft and offers a reload; nothing is overwritten silently.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/directory/me.ts';
import type { GuidanceVersion } from '../../../shared/guidance/schema.ts';
import { ApiError, apiGet } from '../../platform/api.ts';
import { signInUrl } from '../../platform/auth.ts';
import { boot, loadMe } from '../../platform/chrome.ts';
import { ButtonLink, Loading, mount, PageHeading, ProblemState, setTitle } from '../../platform/ui.ts';
import {
  BackLink,
  type Flash,
  NavLink,
  navigate,
  type Route,
  readRoute,
  takePendingFlash,
  urls,
} from './edit/navigation.ts';
import { VersionPage } from './edit/version-page.ts';
import { VersionsList } from './edit/versions-list.ts';

type MeState = { kind: 'loading' } | { kind: 'loaded'; me: Me | null } | { kind: 'failed'; error: unknown };

type DraftState =
  | { kind: 'idle' }
  | { kind: 'loading'; number: number }
  | { kind: 'loaded'; number: number; draft: GuidanceVersion }
  | { kind: 'missing'; number: number }
  | { kind: 'failed'; number: number; error: unknown };

function EditorPage(): VNode {
  const [route, setRoute] = useState<Route>(readRoute);
  const [navigations, setNavigations] = useState(0);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [meState, setMeState] = useState<MeState>({ kind: 'loading' });
  const [draftState, setDraftState] = useState<DraftState>({ kind: 'idle' });
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    loadMe().then(
      (me) => setMeState({ kind: 'loaded', me }),
      (error: unknown) => setMeState({ kind: 'failed', error }),
    );
    const onPop = () => {
      setRoute(readRoute());
      setNavigations((n) => n + 1);
      const next = takePendingFlash();
      setFlash((current) => (next ? { ...next, id: (current?.id ?? 0) + 1 } : null));
      window.scrollTo(0, 0);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const wanted = 'version' in route ? route.version : null;
  const isEditor = meState.kind === 'loaded' && meState.me?.roles.includes('guidance-editor') === true;

  useEffect(() => {
    if (wanted === null || !isEditor) return;
    if (draftState.kind !== 'idle' && draftState.number === wanted && draftState.kind !== 'failed') return;
    setDraftState({ kind: 'loading', number: wanted });
    apiGet<GuidanceVersion>(`/guidance/versions/${wanted}`).then(
      (draft) => setDraftState({ kind: 'loaded', number: wanted, draft }),
      (error: unknown) =>
        setDraftState(
          error instanceof ApiError && error.status === 404
            ? { kind: 'missing', number: wanted }
            : { kind: 'failed', number: wanted, error },
        ),
    );
  }, [wanted, isEditor, attempt]);

  const focus = navigations > 0 && flash === null;
  const heading = (text: string) => html`<${PageHeading} text=${text} />`;

  if (meState.kind === 'loading')
    return html`${heading('Edit the threshold guidance')}<${Loading} text="Checking who you are…" />`;
  if (meState.kind === 'failed') {
    return html`${heading('Edit the threshold guidance')}<${ProblemState} error=${meState.error} what="the guidance editor" onRetry=${() => window.location.reload()} />`;
  }
  const { me } = meState;
  if (!me) {
    setTitle('Edit the threshold guidance');
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${heading('Edit the threshold guidance')}
        <p class="govuk-body">Guidance editors in the partnership's business unit draft and publish the threshold guidance.</p>
        <p class="govuk-body">Sign in to edit it. Anyone can <a class="govuk-link" href="/guidance/">read the current guidance</a> without signing in.</p>
        <${ButtonLink} href=${signInUrl()} text="Sign in" />
      </div></div>
    `;
  }
  if (!isEditor) {
    setTitle('You need to be a guidance editor');
    return html`
      <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
        ${heading('You need to be a guidance editor')}
        <p class="govuk-body">
          Only the partnership's guidance editors can draft and publish the threshold guidance. You are signed in as ${me.name},
          who is not one.
        </p>
        <p class="govuk-body">If you think you should be, ask your portal administrator.</p>
        <p class="govuk-body"><a class="govuk-link" href="/guidance/">Read the threshold guidance</a></p>
      </div></div>
    `;
  }

  if (route.page === 'not-found') {
    setTitle('Page not found');
    return html`
      ${heading('Page not found')}
      <p class="govuk-body"><${NavLink} href=${urls.list()}>Go to the versions of the guidance</${NavLink}></p>
    `;
  }
  if (route.page === 'list') {
    return html`<${VersionsList}
      flash=${flash}
      focus=${focus}
      onDraft=${(draft: GuidanceVersion) => setDraftState({ kind: 'loaded', number: draft.version, draft })}
    />`;
  }

  if (draftState.kind === 'idle' || draftState.kind === 'loading' || draftState.number !== route.version) {
    return html`${heading(`Version ${route.version}`)}<${Loading} text="Loading the draft…" />`;
  }
  if (draftState.kind === 'missing') {
    setTitle('Version not found');
    return html`
      <${BackLink} href=${urls.list()} text="All versions" />
      ${heading('Version not found')}
      <p class="govuk-body">There is no version ${route.version}.</p>
    `;
  }
  if (draftState.kind === 'failed') {
    return html`${heading(`Version ${route.version}`)}<${ProblemState} error=${draftState.error} what="this version" onRetry=${() => setAttempt((n) => n + 1)} />`;
  }
  return html`<${VersionPage}
    route=${route}
    draft=${draftState.draft}
    me=${me}
    flash=${flash}
    focus=${focus}
    published=${publishedVersion === route.version}
    onSaved=${(saved: GuidanceVersion, next: Omit<Flash, 'id'>) => {
      setDraftState({ kind: 'loaded', number: saved.version, draft: saved });
      navigate(urls.draft(saved.version), next);
    }}
    onPublished=${(v: GuidanceVersion) => {
      setDraftState({ kind: 'loaded', number: v.version, draft: v });
      setPublishedVersion(v.version);
      window.scrollTo(0, 0);
    }}
  />`;
}

boot();
mount(html`<${EditorPage} />`);
