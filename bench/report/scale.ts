import { BUDGETS } from '../budgets.ts';
import { fmtMs, fmtRatio } from '../lib/format.ts';
import { barChart } from '../lib/svg.ts';
import type { ScaleResult } from '../results.ts';
import { SCALE_ENDPOINTS, sizeOf } from '../scale.ts';
import { table } from './markdown.ts';

const n = (x: number) => x.toLocaleString('en-GB');

/** Section 3 of the report; adds its chart to `charts`. */
export function scaleSection(s: ScaleResult, charts: Map<string, string>): string {
  const { small, large } = s;
  charts.set(
    'scale.svg',
    barChart({
      title: 'p50 latency at the large size (grey: at the small size)',
      unit: 'ms',
      legend: ['large size', 'small size'],
      bars: SCALE_ENDPOINTS.map((e) => ({
        label: `${e.id}: ${n(sizeOf(large, e))} vs ${n(sizeOf(small, e))}`,
        value: large.results[e.id]?.latency.p50 ?? Number.NaN,
        compare: small.results[e.id]?.latency.p50 ?? Number.NaN,
        highlight:
          (large.results[e.id]?.latency.p50 ?? 0) >
          (small.results[e.id]?.latency.p50 ?? 0) * BUDGETS.scaleRatio,
      })),
    }),
  );
  return [
    '## 3. Scale',
    '',
    `Two sets of tables in the one DynamoDB Local, each behind its own local portal with the demo data: one with ${n(small.referrals)} referrals and ${n(small.episodes)} early-help episodes, one with ${n(large.referrals)} and ${n(large.episodes)}. The synthetic referrals are written in bulk straight into the referrals table with the app's own \`referralItem\` (BatchWriteItem, 25 a request, several in flight), with the dashboard counters they imply. The open queue holds ${small.openReferrals} synthetic referrals at both sizes (plus the demo data's); the rest are decided, closed, withdrawn or drafts, spread over up to three years. The large size also holds the drafts the warm runs created. The episodes' items are those on an index of what the early-help store's own \`create\` writes (the episode itself and one list item per agency working it, as the API leaves them in the episode's last state), written in bulk the same way with the dashboard counters the area's \`counterChanges\` adds up; as with the referrals, what no measured endpoint reads (snapshot, claim, reviews, child index, audit) is left out. ${small.openEpisodes} open at both sizes (waiting for a lead, assessing, planning or reviewing, about a third overdue), the rest closed over up to three years. The services directory holds ${n(small.services)} published services at the small size (the demo's and synthetic ones) and ${n(large.services)} at the large: each synthetic entry is written with the services store's own \`publishedServiceItems\` (the entry and its whole search listing), with needs, levels, ages, districts and access drawn from a seeded generator. One client; the two sizes are measured in alternation (six rounds each, endpoint by endpoint), so other work on the machine falls on both alike.`,
    '',
    s.note ? `**Size:** ${s.note}\n` : '',
    table(
      ['seeding', 'records', 'seconds', 'records/s', 'batches in flight'],
      s.seeding.map((b) => [
        `${b.kind}, to the ${b.size} size`,
        n(b.records),
        b.seconds.toFixed(1),
        b.perSecond.toFixed(0),
        b.inFlight,
      ]),
    ),
    '',
    table(
      [
        'endpoint',
        'size (small / large)',
        'items on page 1',
        'p50 small',
        'p50 large',
        'ratio',
        'p99 small',
        'p99 large',
        'budget',
      ],
      SCALE_ENDPOINTS.map((e) => {
        const a = small.results[e.id];
        const b = large.results[e.id];
        const ratio = (b?.latency.p50 ?? Number.NaN) / (a?.latency.p50 ?? Number.NaN);
        return [
          `${e.label}: GET ${e.path}`,
          `${n(sizeOf(small, e))} / ${n(sizeOf(large, e))} ${e.of}`,
          `${a?.items ?? '—'} / ${b?.items ?? '—'}`,
          fmtMs(a?.latency.p50 ?? Number.NaN),
          fmtMs(b?.latency.p50 ?? Number.NaN),
          fmtRatio(ratio),
          fmtMs(a?.latency.p99 ?? Number.NaN),
          fmtMs(b?.latency.p99 ?? Number.NaN),
          ratio <= BUDGETS.scaleRatio ? 'PASS' : 'MISS',
        ];
      }),
    ),
    '',
    '![Scale](scale.svg)',
    '',
  ].join('\n');
}
