import { BUDGETS } from '../budgets.ts';
import { fmtMs, fmtRatio } from '../lib/format.ts';
import { barChart } from '../lib/svg.ts';
import type { ScaleResult } from '../results.ts';
import { SCALE_ENDPOINTS } from '../scale.ts';
import { table } from './markdown.ts';

/** Section 3 of the report; adds its chart to `charts`. */
export function scaleSection(s: ScaleResult, charts: Map<string, string>): string {
  const { small, large } = s;
  charts.set(
    'scale.svg',
    barChart({
      title: `p50 latency at ${large.referrals.toLocaleString('en-GB')} referrals (grey: at ${small.referrals.toLocaleString('en-GB')})`,
      unit: 'ms',
      legend: [
        `${large.referrals.toLocaleString('en-GB')} referrals`,
        `${small.referrals.toLocaleString('en-GB')} referrals`,
      ],
      bars: SCALE_ENDPOINTS.map((e) => ({
        label: e.id,
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
    `Two sets of tables in the one DynamoDB Local, each behind its own local portal with the demo data: one with ${small.referrals.toLocaleString('en-GB')} referrals, one with ${large.referrals.toLocaleString('en-GB')}. The synthetic referrals are written in bulk straight into the referrals table with the app's own \`referralItem\` (BatchWriteItem, 25 a request, several in flight), with the dashboard counters they imply. The open queue holds ${small.openReferrals} synthetic referrals at both sizes (plus the demo data's); the rest are decided, closed, withdrawn or drafts, spread over up to three years. The large size also holds the drafts the warm runs created. One client; the two sizes are measured in alternation (six rounds each, endpoint by endpoint), so other work on the machine falls on both alike.`,
    '',
    s.note ? `**Size:** ${s.note}\n` : '',
    table(
      ['seeding', 'referrals', 'seconds', 'writes/s', 'batches in flight'],
      s.seeding.map((b, i) => [
        i === 0 ? 'to the small size' : 'to the large size',
        b.referrals.toLocaleString('en-GB'),
        b.seconds.toFixed(1),
        b.perSecond.toFixed(0),
        b.inFlight,
      ]),
    ),
    '',
    table(
      [
        'endpoint',
        'items on page 1',
        `p50 at ${small.referrals.toLocaleString('en-GB')}`,
        `p50 at ${large.referrals.toLocaleString('en-GB')}`,
        'ratio',
        `p99 at ${small.referrals.toLocaleString('en-GB')}`,
        `p99 at ${large.referrals.toLocaleString('en-GB')}`,
        'budget',
      ],
      SCALE_ENDPOINTS.map((e) => {
        const a = small.results[e.id];
        const b = large.results[e.id];
        const ratio = (b?.latency.p50 ?? Number.NaN) / (a?.latency.p50 ?? Number.NaN);
        return [
          `${e.label}: GET ${e.path}`,
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
