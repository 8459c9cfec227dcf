/**
 * The plan's filters: by RAG, theme and owner, kept in the address so a filtered plan can be shared,
 * printed or come back to.
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  RAG_LABELS,
  RAG_RATINGS,
  type Rag,
  THEME_LABELS,
  type Theme,
} from '../../../../shared/board/labels.ts';
import type { ActionSummary } from '../../../../shared/board/schema.ts';
import { type AgencyName, agencyName } from '../../../platform/agencies.ts';
import { Button, Select, type SelectOption } from '../../../platform/ui.ts';

export interface Filters {
  rag: string;
  theme: string;
  owner: string;
}

export function readFilters(): Filters {
  const params = new URLSearchParams(window.location.search);
  return { rag: params.get('rag') ?? '', theme: params.get('theme') ?? '', owner: params.get('owner') ?? '' };
}

export function writeFilters(filters: Filters): void {
  const params = new URLSearchParams();
  if (filters.rag) params.set('rag', filters.rag);
  if (filters.theme) params.set('theme', filters.theme);
  if (filters.owner) params.set('owner', filters.owner);
  const query = params.toString();
  window.history.replaceState(null, '', `/board/${query ? `?${query}` : ''}`);
}

export function matches(action: ActionSummary, filters: Filters): boolean {
  return (
    (!filters.rag || action.rag === filters.rag) &&
    (!filters.theme || action.theme === filters.theme) &&
    (!filters.owner || action.ownerAgencyId === filters.owner)
  );
}

export function describeFilters(filters: Filters, agencies: AgencyName[]): string {
  const parts = [
    filters.rag ? `RAG ${RAG_LABELS[filters.rag as Rag]?.toLowerCase() ?? filters.rag}` : '',
    filters.theme ? `theme ${THEME_LABELS[filters.theme as Theme] ?? filters.theme}` : '',
    filters.owner ? `owned by ${agencyName(agencies, filters.owner)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'every action';
}

/**
 * The filters' selects, applied with a button (a choice made with the arrow keys must not change the
 * page under the person making it), and a link to clear them once any is set.
 */
export function PlanFilters(props: {
  filters: Filters;
  themes: Theme[];
  owners: SelectOption[];
  onApply: (next: Filters) => void;
  onClear: (event: Event) => void;
}): VNode {
  const { filters } = props;
  const [chosen, setChosen] = useState<Filters>(filters);
  // Cleared or changed from outside (the address, "Clear filters"): show what is applied.
  useEffect(() => setChosen(filters), [filters]);
  const selects: { key: keyof Filters; label: string; placeholder: string; options: SelectOption[] }[] = [
    {
      key: 'rag',
      label: 'RAG',
      placeholder: 'Any RAG',
      options: RAG_RATINGS.map((r) => ({ value: r, text: RAG_LABELS[r] })),
    },
    {
      key: 'theme',
      label: 'Theme',
      placeholder: 'Any theme',
      options: props.themes.map((t) => ({ value: t, text: THEME_LABELS[t] })),
    },
    { key: 'owner', label: 'Owner agency', placeholder: 'Any agency', options: props.owners },
  ];
  return html`
    <form
      class="app-board-filters app-no-print"
      novalidate
      aria-labelledby="plan-filters-heading"
      onSubmit=${(event: Event) => {
        event.preventDefault();
        props.onApply(chosen);
      }}
    >
      <h2 class="govuk-heading-m" id="plan-filters-heading">Filter the plan</h2>
      <div class="app-board-filters__row">
        ${selects.map(
          (s) => html`<${Select}
            key=${s.key}
            id=${`filter-${s.key}`}
            name=${s.key}
            label=${s.label}
            value=${chosen[s.key]}
            placeholder=${s.placeholder}
            options=${s.options}
            onChange=${(value: string) => setChosen((c) => ({ ...c, [s.key]: value }))}
          />`,
        )}
      </div>
      <${Button} text="Apply filters" variant="secondary" />
      ${isFiltered(filters) ? html`<p class="govuk-body"><a class="govuk-link" href="/board/" onClick=${props.onClear}>Clear filters</a></p>` : null}
    </form>
  `;
}

export function isFiltered(filters: Filters): boolean {
  return Boolean(filters.rag || filters.theme || filters.owner);
}
