import { toCsv } from '../../shared/platform/csv.ts';
import { DISTRICTS } from '../../shared/services/districts.ts';
import { ACCESS_LABELS } from '../../shared/services/labels.ts';
import type { ServiceView } from '../../shared/services/schema.ts';
import type { ServiceNeed } from './ports.ts';

const HEADERS = [
  'Name',
  'Provider',
  'What it offers',
  'Needs it meets',
  'Levels',
  'Ages',
  'Area',
  'Delivered from',
  'Cost',
  'How families reach it',
  'How to refer',
  'Phone',
  'Email',
  'Website',
  'Opening times',
  'Languages',
  'Accessibility',
  'Last checked',
  'Check due',
  'Illustrative (demo data)',
] as const;

/** The published directory as a spreadsheet: one row per service, its lists in words, `; ` between. */
export function servicesCsv(views: readonly ServiceView[], needs: readonly ServiceNeed[]): string {
  const needLabel = new Map(needs.map((n) => [n.id, n.label]));
  const rows = views.map(({ fields, lastCheckedOn, checkDue, illustrative }) => [
    fields.name,
    fields.provider.name,
    fields.summary,
    fields.needs.map((n) => needLabel.get(n) ?? n).join('; '),
    fields.levels.map((l) => `Level ${l}`).join('; '),
    `${fields.ages.from} to ${fields.ages.to}`,
    fields.area.wholeCounty ? 'The whole county' : fields.area.districts.join('; '),
    `${fields.baseDistrict} ${DISTRICTS[fields.baseDistrict].name}`,
    fields.cost.free ? 'Free' : (fields.cost.details ?? 'There is a charge'),
    fields.access.map((a) => ACCESS_LABELS[a]).join('; '),
    fields.contact.howToRefer,
    fields.contact.phone,
    fields.contact.email,
    fields.contact.website,
    fields.openingTimes,
    fields.languages.join('; '),
    fields.accessibility,
    lastCheckedOn,
    checkDue ? 'Yes' : 'No',
    illustrative ? 'Yes' : 'No',
  ]);
  return toCsv(HEADERS, rows, { bom: true });
}
