/**
 * Metrics as CloudWatch embedded metric format (EMF): one JSON line on standard output, which
 * Lambda's log delivery turns into metrics with no API call and no extra permission. Numbers only,
 * never anything about a person: dimensions are low-cardinality labels (an area, a route pattern).
 */
export const METRICS_NAMESPACE = 'PartnershipPortal';

/** The CloudWatch units the portal uses (EMF accepts CloudWatch's whole list; these are enough). */
export type MetricUnit = 'Count' | 'Milliseconds' | 'Seconds' | 'Bytes' | 'None';

export interface MetricOptions {
  /** Dimension name to value, e.g. `{ Area: 'referrals' }`: never an id, a name or a concrete path. */
  readonly dimensions?: Readonly<Record<string, string>>;
  /** The unit of each metric named here; any other is a Count. */
  readonly units?: Readonly<Record<string, MetricUnit>>;
}

export type MetricWriter = (values: Record<string, number>, options?: MetricOptions) => void;

/** A writer of EMF lines, to standard output unless `write` is given. */
export function createMetricWriter(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: () => Date = () => new Date(),
): MetricWriter {
  return (values, options = {}) => {
    const names = Object.keys(values);
    if (names.length === 0) return;
    const dimensions = options.dimensions ?? {};
    write(
      JSON.stringify({
        _aws: {
          Timestamp: clock().getTime(),
          CloudWatchMetrics: [
            {
              Namespace: METRICS_NAMESPACE,
              // One dimension set of all the names given; `[[]]` (no dimensions) when none are.
              Dimensions: [Object.keys(dimensions)],
              Metrics: names.map((Name) => ({ Name, Unit: options.units?.[Name] ?? 'Count' })),
            },
          ],
        },
        // EMF reads dimension values and metric values from the line's top level.
        ...dimensions,
        ...values,
      }),
    );
  };
}

/** For tests and the local runtime: metrics go nowhere. */
export const noMetrics: MetricWriter = () => {};
