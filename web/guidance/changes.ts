/**
 * What changed between two versions of the threshold guidance, and each version's status: the views
 * the version pages and the guidance editor share. Types only from shared/guidance/schema.ts (its zod schemas
 * would add ~80 KB to every page).
 */
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { levelLabel } from '../../shared/guidance/check.ts';
import { countChanges, type GuidanceChanges } from '../../shared/guidance/diff.ts';
import type { Framework, LevelNumber, SpecificRoute } from '../../shared/guidance/schema.ts';
import { LevelTag } from '../../shared/guidance/views/basics.ts';
import { IndicatorItem } from '../../shared/guidance/views/indicators.ts';
import { Tag } from '../../shared/views/govuk-components.ts';
import { Table } from '../platform/table.ts';
import { plural } from '../platform/ui-basics.ts';

/** "1 indicator moved level, 2 added" */
export function describeChanges(changes: GuidanceChanges): string {
  const parts = [
    changes.moved.length ? `${plural(changes.moved.length, 'indicator', 'indicators')} moved level` : '',
    changes.added.length ? `${changes.added.length} added` : '',
    changes.removed.length ? `${changes.removed.length} removed` : '',
    changes.reworded.length ? `${changes.reworded.length} reworded` : '',
    changes.levelsChanged.length
      ? `${plural(changes.levelsChanged.length, 'level’s response', 'levels’ responses')} changed`
      : '',
    changes.routesAdded.length
      ? `${plural(changes.routesAdded.length, 'specific route', 'specific routes')} added`
      : '',
    changes.routesRemoved.length
      ? `${plural(changes.routesRemoved.length, 'specific route', 'specific routes')} removed`
      : '',
    changes.routesChanged.length
      ? `${plural(changes.routesChanged.length, 'specific route', 'specific routes')} changed`
      : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No changes';
}

/**
 * Indicators added, removed, moved level (from → to) and reworded, and levels whose response changed.
 * `headingLevel` is the level of this view's own section headings.
 */
export function ChangesView(props: {
  changes: GuidanceChanges;
  framework?: Framework | null;
  headingLevel?: 2 | 3;
}): VNode {
  const { changes, framework } = props;
  const tag = `h${props.headingLevel ?? 3}`;
  const headingClass = props.headingLevel === 2 ? 'govuk-heading-m' : 'govuk-heading-s';
  if (countChanges(changes) === 0)
    return html`<p class="govuk-body">No indicators, levels or specific routes changed.</p>`;
  const levelName = (n: LevelNumber) => framework?.levels.find((l) => l.level === n)?.name;
  return html`
    <p class="govuk-body">${describeChanges(changes)}.</p>
    ${
      changes.moved.length > 0
        ? html`
          <${Table}
            classes="govuk-table--small-text-until-tablet app-changes"
            caption=${`Moved to another level (${changes.moved.length})`}
            captionSize=${props.headingLevel === 2 ? 'm' : 's'}
            head=${['Indicator', 'From', 'To']}
          >
            ${changes.moved.map(
              (m) => html`
                <tr class="govuk-table__row" key=${m.indicator.id}>
                  <td class="govuk-table__cell">${m.indicator.text}</td>
                  <td class="govuk-table__cell">
                    <${LevelTag} level=${m.fromLevel} framework=${framework} />
                    ${levelName(m.fromLevel) ? html`<span class="govuk-visually-hidden">${levelName(m.fromLevel)}</span>` : null}
                  </td>
                  <td class="govuk-table__cell">
                    <${LevelTag} level=${m.toLevel} framework=${framework} />
                    ${levelName(m.toLevel) ? html`<span class="govuk-visually-hidden">${levelName(m.toLevel)}</span>` : null}
                  </td>
                </tr>
              `,
            )}
          </${Table}>
        `
        : null
    }
    ${
      changes.added.length > 0
        ? html`
          <${tag} class=${headingClass}>Added (${changes.added.length})</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.added.map((i) => html`<${IndicatorItem} key=${i.id} indicator=${i} framework=${framework ?? undefined} showLevel=${true} />`)}
          </ul>
        `
        : null
    }
    ${
      changes.removed.length > 0
        ? html`
          <${tag} class=${headingClass}>Removed (${changes.removed.length})</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.removed.map((i) => html`<${IndicatorItem} key=${i.id} indicator=${i} framework=${framework ?? undefined} showLevel=${true} />`)}
          </ul>
        `
        : null
    }
    ${
      changes.reworded.length > 0
        ? html`
          <${tag} class=${headingClass}>Reworded (${changes.reworded.length})</${tag}>
          ${changes.reworded.map(
            (r) => html`
              <dl class="govuk-summary-list app-reworded" key=${r.id}>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">Before</dt>
                  <dd class="govuk-summary-list__value">${r.before}</dd>
                </div>
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">After</dt>
                  <dd class="govuk-summary-list__value">${r.after}</dd>
                </div>
              </dl>
            `,
          )}
        `
        : null
    }
    ${
      changes.levelsChanged.length > 0
        ? html`
          <${tag} class=${headingClass}>Levels whose description or response changed</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.levelsChanged.map((n) => {
              const record = framework?.levels.find((l) => l.level === n);
              return html`<li key=${n}>${record ? levelLabel(record) : `Level ${n}`}</li>`;
            })}
          </ul>
        `
        : null
    }
    <${RouteChanges} changes=${changes} tag=${tag} headingClass=${headingClass} />
  `;
}

/** Specific routes added, removed, and changed (with the parts that changed). */
function RouteChanges(props: { changes: GuidanceChanges; tag: string; headingClass: string }): VNode {
  const { changes, tag, headingClass } = props;
  const list = (heading: string, routes: SpecificRoute[]) =>
    routes.length > 0
      ? html`
        <${tag} class=${headingClass}>${heading} (${routes.length})</${tag}>
        <ul class="govuk-list govuk-list--bullet">${routes.map((r) => html`<li key=${r.id}>${r.title}</li>`)}</ul>
      `
      : null;
  return html`
    ${list('Specific routes added', changes.routesAdded)}
    ${list('Specific routes removed', changes.routesRemoved)}
    ${
      changes.routesChanged.length > 0
        ? html`
          <${tag} class=${headingClass}>Specific routes changed (${changes.routesChanged.length})</${tag}>
          <ul class="govuk-list govuk-list--bullet">
            ${changes.routesChanged.map(
              ({ route, parts }) => html`<li key=${route.id}>${route.title}: ${parts.join(', ')}</li>`,
            )}
          </ul>
        `
        : null
    }
  `;
}

/** A version as GET /api/guidance/versions lists it. */
export interface VersionSummary {
  version: number;
  status: 'draft' | 'published' | 'superseded';
  changeSummary?: string;
  effectiveFrom?: string;
  publishedAt?: string;
  /** The second guidance editor who approved it, and when. */
  approvedBy?: { id: string; name: string };
  approvedAt?: string;
  updatedAt: string;
}

/** What GET /api/guidance/versions/{n}/changes answers. */
export interface VersionChanges extends GuidanceChanges {
  from: number;
  to: number;
}

/** The version's status as a tag. */
export function StatusTag(props: { status: string; current?: boolean }): VNode {
  if (props.status === 'draft') return html`<${Tag} text="Draft" colour="blue" />`;
  if (props.status === 'published') return html`<${Tag} text="Current" colour="green" />`;
  return html`<${Tag} text="Superseded" colour="grey" />`;
}
