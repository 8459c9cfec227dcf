/**
 * The indicators, chosen from the threshold guidance by search, with the level they suggest, live;
 * and the level the referrer thinks the child's needs are at.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { checkIndicators, levelLabel, searchIndicators } from '../../../shared/guidance/check.ts';
import type { Framework, Indicator, LevelNumber } from '../../../shared/guidance/schema.ts';
import { consentRule, LevelTag, PhoneText, whereIs } from '../../../shared/guidance/views/basics.ts';
import { cx, Radios, Tag, WarningText } from '../../platform/ui.ts';
import type { FieldsProps } from './shared.ts';

// Indicators ----------------------------------------------------------------------------------------

/** The level the chosen indicators suggest, live, with its consent rule; "call now" first if urgent. */
function SuggestedLevel(props: { framework: Framework; ids: string[] }): VNode {
  const outcome = checkIndicators(props.framework, props.ids);
  if (outcome.level === null) {
    return html`<div class="app-suggested" id="suggested-level">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">Suggested level</h2>
      <p class="govuk-body govuk-!-margin-bottom-0">Choose at least one indicator to see the level it suggests.</p>
    </div>`;
  }
  const level4 = props.framework.levels.find((l) => l.level === 4);
  return html`
    ${
      outcome.immediateDanger || outcome.level === 4
        ? html`<${WarningText}>
            ${outcome.immediateDanger ? 'If the child is in immediate danger, call 999. ' : ''}Call the Front Door now: do not wait to send this
            referral. ${level4 ? html`<${PhoneText} text=${level4.response.whoToContact} />` : null}
          </${WarningText}>`
        : null
    }
    <div class="app-suggested" id="suggested-level">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">Suggested level</h2>
      <p class="govuk-body govuk-!-margin-bottom-1">
        <${LevelTag} level=${outcome.level} framework=${props.framework} /> ${outcome.record.name}
      </p>
      <p class="govuk-body-s govuk-!-margin-bottom-0">${consentRule(outcome.record)} The Front Door decides the level.</p>
      ${
        outcome.considerHigher && outcome.nextLevel
          ? html`<p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              Several needs at this level: consider ${levelLabel(outcome.nextLevel)}.
            </p>`
          : null
      }
    </div>
  `;
}

/** The referrer's own view of the level, beside the one the indicators suggest. */
function ReferrerLevel(props: {
  framework: Framework | undefined;
  value: LevelNumber | null;
  error: string | undefined;
  onChange: (level: LevelNumber) => void;
}): VNode {
  const levels = props.framework?.levels.length
    ? props.framework.levels.map((l) => ({ value: String(l.level), text: levelLabel(l) }))
    : [1, 2, 3, 4].map((n) => ({ value: String(n), text: `Level ${n}` }));
  return html`<${Radios}
    idPrefix="referrer-level"
    name="referrerLevel"
    legend="What level of need do you think the child’s needs are at?"
    legendClasses="govuk-fieldset__legend--m"
    hint="The Front Door compares this with the level your indicators suggest"
    items=${levels}
    value=${props.value === null ? null : String(props.value)}
    error=${props.error}
    onChange=${(value: string) => props.onChange(Number(value) as LevelNumber)}
  />`;
}

export function IndicatorFields(props: FieldsProps): VNode {
  const framework = props.framework;
  const [ids, setIds] = useState<string[]>(props.referral.indicatorIds ?? []);
  const [referrerLevel, setReferrerLevel] = useState<LevelNumber | null>(
    props.referral.referrerLevel ?? null,
  );
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const known = new Set(framework?.indicators.map((i) => i.id) ?? []);
  const current = ids.filter((id) => known.has(id));
  const gone = framework ? ids.filter((id) => !known.has(id)) : [];

  props.bind(() => {
    if (current.length > 60) return { problems: [['indicator-search', 'Choose 60 indicators or fewer']] };
    const level = referrerLevel === null ? {} : { referrerLevel };
    // Without the guidance the choices cannot be checked: keep them as they are.
    return { patch: framework ? { indicatorIds: current, ...level } : level };
  });
  const levelQuestion = html`<${ReferrerLevel}
    framework=${framework}
    value=${referrerLevel}
    error=${props.errors['referrer-level']}
    onChange=${setReferrerLevel}
  />`;

  if (!framework) {
    return html`<h1 class="govuk-heading-l">Which indicators describe the child?</h1>
      <p class="govuk-body">The threshold guidance could not be loaded, so indicators cannot be chosen just now. Save and come back later.</p>
      ${levelQuestion}`;
  }

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id);
    setIds(next);
    setAnnounce(
      `${on ? 'Added' : 'Removed'}. ${next.length} ${next.length === 1 ? 'indicator' : 'indicators'} chosen.`,
    );
  };

  const found: Indicator[] = query ? searchIndicators(framework, query).slice(0, 30) : [];
  const chosen = current
    .map((id) => framework.indicators.find((i) => i.id === id))
    .filter((i): i is Indicator => i !== undefined);

  const onSearch = (event: Event) => {
    event.preventDefault();
    if (!input.trim()) {
      setSearchError('Enter a word to search for, for example hungry');
      return;
    }
    setSearchError(null);
    setQuery(input.trim());
    setFocus({ id: 'indicator-results' });
  };

  return html`
    <h1 class="govuk-heading-l">Which indicators describe the child?</h1>
    <p class="govuk-body">
      Choose them from the partnership’s threshold guidance. Together they suggest a level of need; the Front Door decides it.
    </p>
    <${SuggestedLevel} framework=${framework} ids=${current} />
    <h2 class="govuk-heading-m" id="chosen-indicators" tabindex="-1">Your chosen indicators${chosen.length ? ` (${chosen.length})` : ''}</h2>
    ${
      chosen.length === 0
        ? html`<p class="govuk-body">None yet. Search for what you have seen or heard, and tick each one that fits.</p>`
        : html`<ul class="govuk-list app-chosen-indicators">
            ${chosen.map(
              (i) => html`<li class="app-chosen-indicators__item" key=${i.id}>
                <p class="govuk-body govuk-!-margin-bottom-1">
                  <${LevelTag} level=${i.level} framework=${framework} />
                  ${i.immediateDanger ? html`<${Tag} text="Immediate danger" colour="red" classes="app-tag--inline" />` : null}
                  ${i.text}
                </p>
                <button
                  type="button"
                  class="govuk-button govuk-button--secondary app-chosen-indicators__remove"
                  data-module="govuk-button"
                  onClick=${() => {
                    toggle(i.id, false);
                    setFocus({ id: 'chosen-indicators' });
                  }}
                >
                  Remove<span class="govuk-visually-hidden"> ${i.text}</span>
                </button>
              </li>`,
            )}
          </ul>`
    }
    ${
      gone.length
        ? html`<p class="govuk-body">
            ${gone.length === 1 ? 'One indicator you chose is' : `${gone.length} indicators you chose are`} no longer in the
            current guidance and will be removed when you save.
          </p>`
        : null
    }
    <div class=${cx('govuk-form-group', searchError && 'govuk-form-group--error')}>
      <label class="govuk-label govuk-label--m" for="indicator-search">Search for an indicator</label>
      <div id="indicator-search-hint" class="govuk-hint">For example: hungry, shouting, attendance, bruise</div>
      ${searchError ? html`<p id="indicator-search-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${searchError}</p>` : null}
      <div class="app-search__row">
        <input
          class=${cx('govuk-input app-search__input', searchError && 'govuk-input--error')}
          id="indicator-search"
          name="q"
          type="search"
          maxlength="100"
          spellcheck=${false}
          autocomplete="off"
          aria-describedby=${searchError ? 'indicator-search-hint indicator-search-error' : 'indicator-search-hint'}
          value=${input}
          onInput=${(ev: Event) => setInput((ev.currentTarget as HTMLInputElement).value)}
          onKeyDown=${(ev: KeyboardEvent) => {
            if (ev.key === 'Enter') onSearch(ev);
          }}
        />
        <button type="button" class="govuk-button govuk-button--secondary app-search__button" data-module="govuk-button" onClick=${onSearch}>
          Search
        </button>
      </div>
    </div>
    ${
      query
        ? html`
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                <span id="indicator-results" tabindex="-1">
                  ${found.length === 0 ? `No indicators match “${query}”` : `${found.length} ${found.length === 1 ? 'indicator matches' : 'indicators match'} “${query}”`}
                </span>
              </legend>
              <div class="govuk-checkboxes govuk-checkboxes--small">
                ${found.map((i) => {
                  const id = `indicator-${i.id}`;
                  const level = framework.levels.find((l) => l.level === i.level);
                  return html`<div class="govuk-checkboxes__item" key=${i.id}>
                    <input
                      class="govuk-checkboxes__input"
                      id=${id}
                      name="indicators"
                      type="checkbox"
                      value=${i.id}
                      checked=${current.includes(i.id)}
                      aria-describedby=${`${id}-hint`}
                      onChange=${(ev: Event) => toggle(i.id, (ev.currentTarget as HTMLInputElement).checked)}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for=${id}>${i.text}</label>
                    <div id=${`${id}-hint`} class="govuk-hint govuk-checkboxes__hint">
                      ${level ? levelLabel(level) : `Level ${i.level}`} · ${whereIs(framework, i)}${i.immediateDanger ? ' · Immediate danger' : ''}
                    </div>
                  </div>`;
                })}
              </div>
            </fieldset>
          </div>
        `
        : null
    }
    ${levelQuestion}
    <p class="govuk-visually-hidden" role="status">${announce}</p>
  `;
}
