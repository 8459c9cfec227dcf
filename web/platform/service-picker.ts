/**
 * Choosing services from the published directory inside another form (the team around the family, the
 * front door's signposting): the chosen ones as ticked checkboxes (untick to remove), and a search of
 * the directory whose results are unticked checkboxes (tick to add). Searching never submits the
 * form around it; the results are announced.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { serviceSnapshot } from '../../shared/services/rules.ts';
import type { ServiceMatch, ServiceSnapshot } from '../../shared/services/schema.ts';
import { apiGet } from './api.ts';
import { ErrorMessage } from './form-inputs.ts';

/** At most this many results a search: enough to choose from, short enough to read. */
const RESULTS = 10;

type Search =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; q: string; found: ServiceSnapshot[] }
  | { kind: 'failed' };

async function searchDirectory(q: string): Promise<ServiceSnapshot[]> {
  const query = new URLSearchParams({ limit: String(RESULTS) });
  if (q) query.set('q', q);
  const page = await apiGet<{ items: ServiceMatch[] }>(`/services?${query}`);
  return page.items.map((m) => serviceSnapshot(m.service));
}

const contactOf = (s: ServiceSnapshot) => [s.phone, s.email, s.website].filter(Boolean).join(', ');

function ServiceBox(props: {
  id: string;
  service: ServiceSnapshot;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}): VNode {
  const { service } = props;
  return html`
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id=${props.id} type="checkbox" value=${service.id}
        checked=${props.checked} disabled=${props.disabled} aria-describedby=${`${props.id}-hint`}
        onChange=${(event: Event) => props.onChange((event.currentTarget as HTMLInputElement).checked)} />
      <label class="govuk-label govuk-checkboxes__label" for=${props.id}>${service.name}</label>
      <div id=${`${props.id}-hint`} class="govuk-hint govuk-checkboxes__hint">
        ${service.provider}${contactOf(service) ? ` · ${contactOf(service)}` : ''}
      </div>
    </div>
  `;
}

export function ServicePicker(props: {
  id: string;
  legend: string;
  hint: string;
  chosen: ServiceSnapshot[];
  onChange: (chosen: ServiceSnapshot[]) => void;
  max: number;
  error?: string | undefined;
}): VNode {
  const { id, chosen, max } = props;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ kind: 'idle' });
  // What the list shows stays put until the next search, so ticking or unticking never moves focus.
  const [shown, setShown] = useState<ServiceSnapshot[]>(() => chosen);
  const chosenIds = new Set(chosen.map((s) => s.id));
  const full = chosen.length >= max;

  const run = async () => {
    setSearch({ kind: 'busy' });
    try {
      const found = await searchDirectory(q.trim());
      setShown([...chosen, ...found.filter((s) => !chosenIds.has(s.id))]);
      setSearch({ kind: 'done', q: q.trim(), found });
    } catch {
      setSearch({ kind: 'failed' });
    }
  };
  const toggle = (service: ServiceSnapshot) => (on: boolean) =>
    props.onChange(on ? [...chosen, service] : chosen.filter((c) => c.id !== service.id));
  const errorId = props.error ? `${id}-error` : undefined;
  const matched = search.kind === 'done' ? search.found.length : 0;

  return html`
    <div class=${`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`} id=${id}>
      <fieldset class="govuk-fieldset" aria-describedby=${[`${id}-hint`, errorId].filter(Boolean).join(' ')}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${props.legend}</legend>
        <div id=${`${id}-hint`} class="govuk-hint">${props.hint}</div>
        ${props.error && errorId ? html`<${ErrorMessage} id=${errorId} text=${props.error} />` : null}
        <div class="govuk-form-group govuk-!-margin-bottom-4">
          <label class="govuk-label" for=${`${id}-q`}>Search the services directory</label>
          <div id=${`${id}-q-hint`} class="govuk-hint">A word from its name or what it offers, or nothing to list from A</div>
          <input class="govuk-input govuk-!-width-two-thirds" id=${`${id}-q`} type="search" value=${q}
            aria-describedby=${`${id}-q-hint`} autocomplete="off"
            onInput=${(e: Event) => setQ((e.currentTarget as HTMLInputElement).value)}
            onKeyDown=${(e: KeyboardEvent) => {
              // Enter searches here; it must not send the form around the picker.
              if (e.key === 'Enter') {
                e.preventDefault();
                void run();
              }
            }} />
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" id=${`${id}-search`}
            data-module="govuk-button" disabled=${search.kind === 'busy'} onClick=${() => void run()}>
            Search<span class="govuk-visually-hidden"> the services directory</span>
          </button>
        </div>
        <p class="govuk-body" aria-live="polite" id=${`${id}-status`}>${
          search.kind === 'busy'
            ? 'Searching…'
            : search.kind === 'failed'
              ? 'The directory could not be searched just now. Try again.'
              : search.kind === 'done'
                ? `${matched ? `${matched} ${matched === 1 ? 'service' : 'services'}` : 'No services'} ${search.q ? `match “${search.q}”` : 'listed'}. ${chosen.length} chosen${full ? `, the most there can be` : ''}.`
                : `${chosen.length} chosen.`
        }</p>
        ${
          shown.length
            ? html`<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                ${shown.map((s, i) => {
                  const checked = chosenIds.has(s.id);
                  return html`<${ServiceBox} key=${s.id} id=${`${id}-${i}`} service=${s} checked=${checked}
                    disabled=${full && !checked} onChange=${toggle(s)} />`;
                })}
              </div>`
            : null
        }
      </fieldset>
    </div>
  `;
}
