/**
 * The threshold checker's step 1, search or browse and choose. The guidance function renders it on the
 * server, so the checker works without JavaScript; web/guidance/pages/check.ts takes over the same markup in
 * the browser, where choosing updates in place.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  type GovukBehaviours,
  PageHeading,
  setTitle,
} from '../../../views/govuk-components.ts';
import { findSubDomain, searchIndicators } from '../../check.ts';
import type { Framework, GuidanceVersion } from '../../schema.ts';
import { PhoneText } from '../basics.ts';
import { queryWords } from '../search.ts';
import { type Address, followInPage, MAX_CHOSEN, readAddress, stepUrl } from './address.ts';
import { Browse, Chosen, IndicatorCheckboxes } from './choices.ts';

function EmergencyWarning(): VNode {
  return html`<div class="govuk-warning-text">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text">
      <span class="govuk-visually-hidden">Warning</span> If a child is in immediate danger, call 999 now. Use this
      checker afterwards.
    </strong>
  </div>`;
}

/**
 * The moment an immediate-danger indicator is chosen, before the level is asked for: call now. An
 * alert, so a screen reader says it as soon as it appears; on the server-rendered page (no
 * JavaScript) it is there as soon as the tick has been sent.
 */
function CallNow(props: { framework: Framework; ids: string[] }): VNode | null {
  const danger = props.framework.indicators.filter((i) => i.immediateDanger && props.ids.includes(i.id));
  if (danger.length === 0) return null;
  const level4 = props.framework.levels.find((l) => l.level === 4);
  return html`<div class="govuk-panel govuk-panel--interruption app-interruption" id="call-now" role="alert">
    <h2 class="govuk-panel__title govuk-!-font-size-36">Call 999 if a child is in immediate danger, then the Front Door now</h2>
    <div class="govuk-panel__body">
      <p class="govuk-body">You chose ${danger.length === 1 ? 'an indicator' : 'indicators'} that can mean a child is in immediate danger: ${danger.map((i) => i.text).join('; ')}</p>
      ${level4 ? html`<p class="govuk-body govuk-!-font-weight-bold"><${PhoneText} text=${level4.response.whoToContact} inverse=${true} /></p>` : null}
      <p class="govuk-body">Do not wait to finish this checker or to make a referral in the portal. Make the call first.</p>
    </div>
  </div>`;
}

export function Choose(props: {
  guidance: GuidanceVersion;
  initial: Address;
  /** GOV.UK Frontend's behaviours, which only the browser has. */
  behaviours?: GovukBehaviours;
}): VNode {
  const { framework } = props.guidance;
  const [address, setAddress] = useState<Address>(props.initial);
  const [input, setInput] = useState(address.query);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [submissions, setSubmissions] = useState(0);
  const [announce, setAnnounce] = useState('');
  const [focusTarget, setFocusTarget] = useState<{ id: string; n: number } | null>(null);

  const known = new Set(framework.indicators.map((i) => i.id));
  // Ids this version does not know (an old link) are dropped quietly; the list shows what counts.
  const ids = address.ids.filter((id) => known.has(id));
  const chosen = new Set(ids);

  useEffect(() => {
    const onPop = () => {
      const next = readAddress(new URLSearchParams(window.location.search));
      setAddress(next);
      setInput(next.query);
      setErrors([]);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    setTitle(
      address.query ? `Search: ${address.query} – Check a level of need` : 'Check a level of need',
      errors.length > 0,
    );
  }, [address.query, errors.length]);

  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);

  const moveFocus = (id: string) => setFocusTarget((current) => ({ id, n: (current?.n ?? 0) + 1 }));

  const go = (next: Address, push: boolean) => {
    const url = stepUrl('/check/', next);
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setAddress(next);
  };

  const describeCount = (n: number) => `${n} ${n === 1 ? 'indicator' : 'indicators'} chosen.`;

  const toggle = (id: string, checked: boolean) => {
    const next = checked ? [...ids.filter((i) => i !== id), id] : ids.filter((i) => i !== id);
    if (checked && next.length > MAX_CHOSEN) {
      setSubmissions((n) => n + 1);
      setErrors([{ href: '#chosen-heading', text: `Choose ${MAX_CHOSEN} indicators or fewer` }]);
      return;
    }
    setErrors([]);
    go({ ...address, ids: next }, false);
    setAnnounce(`${checked ? 'Added' : 'Removed'}. ${describeCount(next.length)}`);
  };

  const remove = (id: string) => {
    const next = ids.filter((i) => i !== id);
    go({ ...address, ids: next }, false);
    setAnnounce(`Removed. ${describeCount(next.length)}`);
    moveFocus('chosen-heading');
  };

  const onSearch = (event: Event) => {
    event.preventDefault();
    const query = input.trim();
    setSubmissions((n) => n + 1);
    if (!query) {
      setErrors([{ href: '#search-q', text: 'Enter a word to search for, for example hungry' }]);
      return;
    }
    setErrors([]);
    go({ ids, query, sub: '' }, true);
    moveFocus('results-heading');
  };

  const browse = (sub: string) => {
    setErrors([]);
    setInput('');
    go({ ids, query: '', sub }, true);
    moveFocus('results-heading');
  };

  const showAll = () => {
    setErrors([]);
    setInput('');
    go({ ids, query: '', sub: '' }, true);
    moveFocus('results-heading');
  };

  const onContinue = () => {
    if (ids.length === 0) {
      setSubmissions((n) => n + 1);
      setErrors([{ href: '#search-q', text: 'Choose at least one indicator that describes the child' }]);
      return;
    }
    window.location.assign(stepUrl('/check/answer/', { ids }));
  };

  const searchError = errors.find((e) => e.href === '#search-q')?.text;
  const words = queryWords(address.query);
  const subDomain = address.sub ? findSubDomain(framework, address.sub) : undefined;
  const browseAllHref = stepUrl('/check/', { ids });

  let results: VNode;
  // Whether the page lists indicators to tick (a search with matches, or an area of need).
  let ticking = false;
  if (address.query) {
    const found = searchIndicators(framework, address.query);
    ticking = found.length > 0;
    results = html`
      <h2 class="govuk-heading-m" id="results-heading" tabindex="-1">
        ${
          found.length === 0
            ? `No indicators match “${address.query}”`
            : `${found.length} ${found.length === 1 ? 'indicator matches' : 'indicators match'} “${address.query}”`
        }
      </h2>
      ${
        found.length === 0
          ? html`<p class="govuk-body">
              Try a different or shorter word, for example “food” rather than “malnourished”, or browse by area of need.
            </p>`
          : html`<${IndicatorCheckboxes}
              items=${found}
              framework=${framework}
              words=${words}
              chosen=${chosen}
              legend="Choose the indicators that describe the child"
              showWhere=${true}
              address=${address}
              onToggle=${toggle}
            />`
      }
      <p class="govuk-body">
        <a class="govuk-link" href=${browseAllHref} onClick=${followInPage(showAll)}>Browse by area of need instead</a>
      </p>
    `;
  } else if (subDomain) {
    ticking = true;
    const items = framework.indicators
      .filter((i) => i.subDomainId === subDomain.subDomain.id)
      .sort((a, b) => a.level - b.level);
    results = html`
      <h2 class="govuk-heading-m" id="results-heading" tabindex="-1">
        <span class="govuk-caption-m">${subDomain.domain.name}</span>
        ${subDomain.subDomain.name}
      </h2>
      ${subDomain.subDomain.description ? html`<p class="govuk-body">${subDomain.subDomain.description}</p>` : null}
      <${IndicatorCheckboxes}
        items=${items}
        framework=${framework}
        words=${[]}
        chosen=${chosen}
        legend=${`Choose the indicators that describe the child`}
        showWhere=${false}
        address=${address}
        onToggle=${toggle}
      />
      <p class="govuk-body">
        <a class="govuk-link" href=${browseAllHref} onClick=${followInPage(showAll)}>All areas of need</a>
      </p>
    `;
  } else {
    results = html`<${Browse} framework=${framework} ids=${ids} onBrowse=${browse} />`;
  }

  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} behaviour=${props.behaviours?.errorSummary} />` : null}
        <${PageHeading} caption="Check a level of need – step 1 of 2" text="What are you worried about?" />
        <p class="govuk-body">
          Search for words that describe what you have seen or heard, or browse by area of need. Tick every indicator
          that fits the child; you can search as many times as you need. Then see the level they suggest and what to
          do now.
        </p>
        <${EmergencyWarning} />
        <${CallNow} framework=${framework} ids=${ids} />
        <form action="/check/" method="get" role="search" aria-label="Indicators" novalidate onSubmit=${onSearch}>
          ${ids.length ? html`<input type="hidden" name="indicators" value=${ids.join(',')} />` : null}
          <div class=${`govuk-form-group${searchError ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label govuk-label--m" for="search-q">Search for a worry</label>
            <div id="search-q-hint" class="govuk-hint">For example: hungry, attendance, county lines, bruise</div>
            ${
              searchError
                ? html`<p id="search-q-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${searchError}</p>`
                : null
            }
            <div class="app-search__row">
              <input
                class=${`govuk-input app-search__input${searchError ? ' govuk-input--error' : ''}`}
                id="search-q"
                name="q"
                type="search"
                maxlength="100"
                spellcheck=${false}
                autocomplete="off"
                aria-describedby=${searchError ? 'search-q-hint search-q-error' : 'search-q-hint'}
                value=${input}
                onInput=${(e: Event) => setInput((e.currentTarget as HTMLInputElement).value)}
              />
              <button type="submit" class="govuk-button app-search__button" data-module="govuk-button">Search</button>
            </div>
          </div>
        </form>
        ${
          ids.length > 0
            ? html`<p class="govuk-body app-chosen-jump">
                <a class="govuk-link" href="#chosen-heading">
                  ${`You have chosen ${ids.length} ${ids.length === 1 ? 'indicator' : 'indicators'}`}
                </a>: check them and see the suggested level
              </p>`
            : null
        }
        ${results}
      </div>
      <div class="govuk-grid-column-one-third">
        <${Chosen}
          framework=${framework}
          ids=${ids}
          address=${address}
          onRemove=${remove}
          onContinue=${onContinue}
          sendsWithChoices=${ticking}
        />
      </div>
    </div>
    <p class="govuk-visually-hidden" role="status">${announce}</p>
  `;
}
