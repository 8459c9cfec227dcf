/**
 * The threshold checker's two steps as views. The guidance function renders them on
 * the server, so the checker works without JavaScript; pages/check.ts renders the same views in the
 * browser, where choosing updates in place.
 *
 *   /check/?indicators=a,b&q=hungry      step 1: search (or ?sub=<sub-domain> to browse) and choose
 *   /check/answer/?indicators=a,b        step 2: the suggested level and what to do now
 *
 * The chosen indicators live in the address, so Back, refresh and sharing a link all work. Every
 * control is a link or a GET form that the page handles in place when it can.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Framework, GuidanceVersion, Indicator, Level } from '../../shared/guidance.ts';
import {
  findSubDomain,
  type LevelCheckOutcome,
  levelLabel,
  searchIndicators,
} from '../../shared/guidance-check.ts';
import {
  consentRule,
  describeAgeBands,
  HighlightedIndicator,
  LevelHeadingText,
  LevelTag,
  PhoneText,
  queryWords,
  whereIs,
} from './guidance-views.ts';
import {
  Button,
  ButtonLink,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  PageHeading,
  setTitle,
  Tag,
} from './ui-basics.ts';

/** The API takes at most this many indicators in one check. */
export const MAX_CHOSEN = 60;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface Address {
  ids: string[];
  query: string;
  sub: string;
}

/**
 * The checker's address: `indicators` comes as one comma-separated list (links) or repeated (a form's
 * ticked boxes without JavaScript), or both.
 */
export function readAddress(params: URLSearchParams): Address {
  const ids = [
    ...new Set(
      params
        .getAll('indicators')
        .flatMap((value) => value.split(','))
        .map((s) => s.trim())
        .filter((s) => ID.test(s) && s.length <= 80),
    ),
  ];
  return {
    ids,
    query: (params.get('q') ?? '').trim().slice(0, 100),
    sub: params.get('sub') ?? '',
  };
}

/** The address of a step; ids are slugs, so the comma-separated list needs no escaping. */
export function stepUrl(path: '/check/' | '/check/answer/', address: Partial<Address>): string {
  const parts: string[] = [];
  if (address.ids?.length) parts.push(`indicators=${address.ids.join(',')}`);
  if (address.query) parts.push(`q=${encodeURIComponent(address.query)}`);
  else if (address.sub) parts.push(`sub=${encodeURIComponent(address.sub)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

function EmergencyWarning(): VNode {
  return html`<div class="govuk-warning-text">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text">
      <span class="govuk-visually-hidden">Warning</span> If a child is in immediate danger, call 999 now. Use this
      checker afterwards.
    </strong>
  </div>`;
}

// Step 1: choose -------------------------------------------------------------------------------------

function IndicatorCheckboxes(props: {
  items: Indicator[];
  framework: Framework;
  words: string[];
  chosen: Set<string>;
  legend: string;
  showWhere: boolean;
  /** Where the list came from, kept when the form is sent without JavaScript. */
  address: Address;
  onToggle: (id: string, checked: boolean) => void;
}): VNode {
  const shown = new Set(props.items.map((i) => i.id));
  const chosenElsewhere = [...props.chosen].filter((id) => !shown.has(id));
  // With JavaScript each tick is kept at once; without it, the buttons send the ticks with the address.
  return html`
    <form action="/check/" method="get" novalidate onSubmit=${(event: Event) => event.preventDefault()}>
    <${AddressFields} ids=${chosenElsewhere} query=${props.address.query} sub=${props.address.sub} />
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="choose-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${props.legend}</legend>
        <div id="choose-hint" class="govuk-hint">Select all that apply. Your choices are kept when you search again.</div>
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          ${props.items.map((indicator) => {
            const id = `indicator-${indicator.id}`;
            const ages = indicator.ageBands ? describeAgeBands(indicator.ageBands) : null;
            const where = props.showWhere ? whereIs(props.framework, indicator) : null;
            const level = props.framework.levels.find((l) => l.level === indicator.level);
            return html`
              <div class="govuk-checkboxes__item" key=${indicator.id}>
                <input
                  class="govuk-checkboxes__input"
                  id=${id}
                  name="indicators"
                  type="checkbox"
                  value=${indicator.id}
                  checked=${props.chosen.has(indicator.id)}
                  aria-describedby=${`${id}-hint`}
                  onChange=${(e: Event) => props.onToggle(indicator.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <label class="govuk-label govuk-checkboxes__label" for=${id}>
                  ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" /> ` : null}
                  <${HighlightedIndicator} indicator=${indicator} words=${props.words} />
                </label>
                <div id=${`${id}-hint`} class="govuk-hint govuk-checkboxes__hint">
                  ${level ? levelLabel(level) : `Level ${indicator.level}`}${where ? ` · ${where}` : ''}${ages ? ` · ${ages}` : ''}
                </div>
              </div>
            `;
          })}
        </div>
      </fieldset>
    </div>
    <div class="govuk-button-group app-no-js-only">
      <button type="submit" class="govuk-button" data-module="govuk-button" formaction="/check/answer/">
        See the suggested level
      </button>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Keep these choices and search again
      </button>
    </div>
    </form>
  `;
}

function Browse(props: { framework: Framework; ids: string[]; onBrowse: (sub: string) => void }): VNode {
  return html`
    <h2 class="govuk-heading-m" id="results-heading" tabindex="-1">Or browse by area of need</h2>
    ${props.framework.domains.map(
      (domain) => html`
        <h3 class="govuk-heading-s" key=${domain.id}>${domain.name}</h3>
        <ul class="govuk-list" key=${`${domain.id}-list`}>
          ${domain.subDomains.map((sub) => {
            const count = props.framework.indicators.filter((i) => i.subDomainId === sub.id).length;
            const href = stepUrl('/check/', { ids: props.ids, sub: sub.id });
            return html`<li key=${sub.id}>
              <a class="govuk-link" href=${href} onClick=${followInPage(() => props.onBrowse(sub.id))}>${sub.name}</a>
              <span class="govuk-hint app-inline-hint"> (${count})</span>
            </li>`;
          })}
        </ul>
      `,
    )}
  `;
}

/** A link the page follows itself (keeping focus management), unless opened in a new tab or window. */
function followInPage(go: () => void) {
  return (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    go();
  };
}

/** Hidden fields that carry the rest of the address through a GET form (the no-JavaScript path). */
function AddressFields(props: { ids: string[]; query?: string; sub?: string }): VNode {
  return html`
    ${props.ids.length ? html`<input type="hidden" name="indicators" value=${props.ids.join(',')} />` : null}
    ${props.query ? html`<input type="hidden" name="q" value=${props.query} />` : props.sub ? html`<input type="hidden" name="sub" value=${props.sub} />` : null}
  `;
}

/** Stops a form's own submission when the page handles it in place. */
function handledInPage(handle: () => void) {
  return (event: Event) => {
    event.preventDefault();
    handle();
  };
}

function Chosen(props: {
  framework: Framework;
  ids: string[];
  address: Address;
  onRemove: (id: string) => void;
  onContinue: () => void;
}): VNode {
  const indicators = props.ids
    .map((id) => props.framework.indicators.find((i) => i.id === id))
    .filter((i): i is Indicator => i !== undefined);
  return html`
    <div class="app-chosen">
      <h2 class="govuk-heading-m" id="chosen-heading" tabindex="-1">
        Your chosen indicators${indicators.length ? ` (${indicators.length})` : ''}
      </h2>
      ${
        indicators.length === 0
          ? html`<p class="govuk-body">None yet. Search or browse, then tick each one that describes the child.</p>`
          : html`<ul class="govuk-list app-chosen__list">
              ${indicators.map(
                (indicator) => html`
                  <li class="app-chosen__item" key=${indicator.id}>
                    <p class="govuk-body-s govuk-!-margin-bottom-1">
                      <${LevelTag} level=${indicator.level} framework=${props.framework} />
                      ${indicator.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" />` : null}
                    </p>
                    <p class="govuk-body-s govuk-!-margin-bottom-1">${indicator.text}</p>
                    <form action="/check/" method="get" onSubmit=${handledInPage(() => props.onRemove(indicator.id))}>
                      <${AddressFields}
                        ids=${props.ids.filter((id) => id !== indicator.id)}
                        query=${props.address.query}
                        sub=${props.address.sub}
                      />
                      <button type="submit" class="govuk-button govuk-button--secondary app-chosen__remove" data-module="govuk-button">
                        Remove<span class="govuk-visually-hidden"> ${indicator.text}</span>
                      </button>
                    </form>
                  </li>
                `,
              )}
            </ul>`
      }
      <form action="/check/answer/" method="get" novalidate onSubmit=${handledInPage(props.onContinue)}>
        <${AddressFields} ids=${props.ids} />
        <${Button} text="See the suggested level" classes="app-chosen__continue" />
      </form>
    </div>
  `;
}

export function Choose(props: { guidance: GuidanceVersion; initial: Address }): VNode {
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
  if (address.query) {
    const found = searchIndicators(framework, address.query);
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
        ${errors.length > 0 ? html`<${ErrorSummary} key=${submissions} items=${errors} />` : null}
        <${PageHeading} caption="Check a level of need – step 1 of 2" text="What are you worried about?" />
        <p class="govuk-body">
          Search for words that describe what you have seen or heard, or browse by area of need. Tick every indicator
          that fits the child; you can search as many times as you need. Then see the level they suggest and what to
          do now.
        </p>
        <${EmergencyWarning} />
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
        <${Chosen} framework=${framework} ids=${ids} address=${address} onRemove=${remove} onContinue=${onContinue} />
      </div>
    </div>
    <p class="govuk-visually-hidden" role="status">${announce}</p>
  `;
}

// Step 2: the answer ---------------------------------------------------------------------------------

export type CheckResult = Omit<LevelCheckOutcome, 'unknownIds'> & { version: number };

function ImmediateDanger(props: { result: CheckResult; urgent: Level | null }): VNode {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { result, urgent } = props;
  return html`
    <div class="govuk-panel govuk-panel--interruption app-interruption" tabindex="-1" ref=${ref} id="immediate-danger">
      <h1 class="govuk-panel__title">Call 999 if a child is in immediate danger, then the Front Door now</h1>
      <div class="govuk-panel__body">
        <p class="govuk-body">
          You chose ${result.immediateDangerIndicators.length === 1 ? 'an indicator' : 'indicators'} that can mean a child is
          in immediate danger:
        </p>
        <ul class="govuk-list govuk-list--bullet">
          ${result.immediateDangerIndicators.map((i) => html`<li key=${i.id}>${i.text}</li>`)}
        </ul>
        ${
          urgent
            ? html`<p class="govuk-body govuk-!-font-weight-bold"><${PhoneText} text=${urgent.response.whoToContact} inverse=${true} /></p>`
            : html`<p class="govuk-body govuk-!-font-weight-bold"><${PhoneText} text=${result.reasons[0] ?? 'Call 999.'} inverse=${true} /></p>`
        }
        <p class="govuk-body">Do not wait to finish this checker or to make a referral in the portal. Make the call first.</p>
      </div>
    </div>
  `;
}

export function Answer(props: {
  result: CheckResult;
  guidance: GuidanceVersion | null;
  ids: string[];
}): VNode {
  const { result, guidance } = props;
  const record = result.record;
  const urgent =
    result.level === 4 ? record : (guidance?.framework.levels.find((l) => l.level === 4) ?? null);
  const others = result.chosen.filter((i) => !result.drivers.some((d) => d.id === i.id));
  const chosenIds = result.chosen.map((i) => i.id);
  const LevelHeading = result.immediateDanger ? 'h2' : 'h1';

  useEffect(() => {
    setTitle(
      result.immediateDanger
        ? 'Call 999 if a child is in immediate danger – Check a level of need'
        : `${levelLabel(record)} – Check a level of need`,
    );
  }, [result]);

  return html`
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        ${
          // Immediate danger comes before anything else, even the way back.
          result.immediateDanger
            ? html`<${ImmediateDanger} result=${result} urgent=${urgent} />`
            : html`<a class="govuk-back-link" href=${stepUrl('/check/', { ids: chosenIds })}>Change your indicators</a>`
        }
        <span class="govuk-caption-l">Check a level of need – step 2 of 2</span>
        <${LevelHeading} class="govuk-heading-l app-answer__level" id="answer-level">
          <span class="govuk-visually-hidden">Suggested level: </span><${LevelHeadingText} level=${record} />
        </${LevelHeading}>
        <p class="govuk-body-l">${record.summary}</p>
        ${
          result.considerHigher && result.nextLevel
            ? html`<div class="govuk-inset-text app-consider-higher">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">Consider ${levelLabel(result.nextLevel)}</h2>
                <p class="govuk-body govuk-!-margin-bottom-0">
                  You chose ${result.drivers.length} indicators at level ${result.level}. Several needs at one level can
                  together mean the child needs more. ${result.nextLevel.summary}
                </p>
              </div>`
            : null
        }

        <h2 class="govuk-heading-m">What to do now</h2>
        <p class="govuk-body">${record.response.doNow}</p>

        <h2 class="govuk-heading-m">Who to contact</h2>
        <p class="govuk-body"><${PhoneText} text=${record.response.whoToContact} /></p>

        <h2 class="govuk-heading-m">Assessment</h2>
        <p class="govuk-body">${record.response.assessment}</p>
        ${
          record.response.earlyHelpPlanExpected
            ? html`<p class="govuk-body">An Early Help Assessment and plan should normally already be in place.</p>`
            : null
        }

        <h2 class="govuk-heading-m">Consent</h2>
        <p class="govuk-body govuk-!-font-weight-bold">${consentRule(record)}</p>
        <p class="govuk-body">${record.consent.guidance}</p>

        <h2 class="govuk-heading-m">Why this level</h2>
        <ul class="govuk-list govuk-list--bullet">
          ${result.reasons.map((reason) => html`<li key=${reason}>${reason}</li>`)}
        </ul>
        <h3 class="govuk-heading-s">
          ${result.drivers.length === 1 ? 'The indicator that decided the level' : 'The indicators that decided the level'}
        </h3>
        <ul class="govuk-list govuk-list--bullet">
          ${result.drivers.map((i) => html`<li key=${i.id}>${i.text}</li>`)}
        </ul>
        ${
          others.length > 0
            ? html`
              <h3 class="govuk-heading-s">Your other chosen indicators</h3>
              <ul class="govuk-list govuk-list--bullet">
                ${others.map((i) => html`<li key=${i.id}><${LevelTag} level=${i.level} framework=${guidance?.framework} /> ${i.text}</li>`)}
              </ul>
            `
            : null
        }

        <h2 class="govuk-heading-m">What next</h2>
        <p class="govuk-body">
          Use your professional judgement: the checker suggests a level, it does not decide one. If you are not sure, talk
          to your designated safeguarding lead or ring the number above for advice.
        </p>
        <div class="govuk-button-group">
          <${ButtonLink} href=${`/referrals/new/?indicators=${chosenIds.join(',')}`} text="Make a referral with these indicators" />
          <a class="govuk-link" href=${stepUrl('/check/', { ids: chosenIds })}>Change your indicators</a>
          <a class="govuk-link" href="/check/">Start again</a>
        </div>
        <p class="govuk-body-s app-answer__version">
          This answer uses version ${result.version} of the threshold guidance${
            guidance?.version === result.version && guidance.effectiveFrom
              ? `, in effect from ${formatDate(guidance.effectiveFrom)}`
              : ''
          }.${' '}
          <a class="govuk-link" href="/guidance/">Read the threshold guidance</a>
        </p>
      </div>
    </div>
  `;
}

/** Step 2 without any chosen indicator (an address with none, or only unknown ones). */
export function NothingChosen(): VNode {
  return html`
    <${PageHeading} caption="Check a level of need" text="You have not chosen any indicators" />
    <p class="govuk-body">Choose at least one indicator that describes the child to see the level it suggests.</p>
    <${ButtonLink} href="/check/" text="Choose indicators" />
  `;
}

/** Step 2 from an old link: some indicators are no longer in the current guidance. */
export function UnknownIndicators(props: { unknownIds: string[]; knownIds: string[] }): VNode {
  return html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <${PageHeading} caption="Check a level of need" text="Some indicators are not in the current guidance" />
      <p class="govuk-body">
        The threshold guidance has changed since this link was made, so ${props.unknownIds.length === 1 ? 'this indicator is' : 'these indicators are'} no
        longer in it:
      </p>
      <ul class="govuk-list govuk-list--bullet">${props.unknownIds.map((id) => html`<li key=${id}>${id}</li>`)}</ul>
      <p class="govuk-body">Choose the indicators again from the current guidance.</p>
      <div class="govuk-button-group">
        <${ButtonLink} href=${stepUrl('/check/', { ids: props.knownIds })} text="Choose indicators again" />
        <a class="govuk-link" href="/check/">Start again</a>
      </div>
    </div></div>
  `;
}

/** The checker before any guidance is published. */
export function CheckerWithoutGuidance(): VNode {
  return html`
    <${PageHeading} text="Check a level of need" />
    <p class="govuk-body">No threshold guidance has been published yet, so the checker cannot suggest a level.</p>
    <p class="govuk-body">Ask your designated safeguarding lead, or contact the Front Door for advice. If a child is in immediate danger, call 999.</p>
  `;
}
