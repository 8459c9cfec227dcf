/**
 * Business metrics as CloudWatch embedded metric format: one JSON line on standard output, which
 * Lambda's log delivery turns into metrics with no API call and no extra permission. Numbers only,
 * never anything about a person.
 */
export const METRICS_NAMESPACE = 'PartnershipPortal';

export type MetricWriter = (values: Record<string, number>) => void;

/** A writer of EMF lines (to standard output unless `write` is given), each value a Count. */
export function createMetricWriter(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: () => Date = () => new Date(),
): MetricWriter {
  return (values) => {
    const names = Object.keys(values);
    if (names.length === 0) return;
    write(
      JSON.stringify({
        _aws: {
          Timestamp: clock().getTime(),
          CloudWatchMetrics: [
            {
              Namespace: METRICS_NAMESPACE,
              Dimensions: [[]],
              Metrics: names.map((Name) => ({ Name, Unit: 'Count' })),
            },
          ],
        },
        ...values,
      }),
    );
  };
}

/** For tests and the local runtime: metrics go nowhere. */
export const noMetrics: MetricWriter = () => {};
