/**
 * Northshire's postcode districts (a made-up county, as all the demo data is) and where each one's
 * middle lies on a kilometre grid, so a search can put the nearest services first. A real
 * partnership replaces this list with its own districts and their centroids.
 */
export const DISTRICTS = {
  NS1: { name: 'Northshire town centre', x: 50, y: 50 },
  NS2: { name: 'Northshire east', x: 58, y: 51 },
  NS3: { name: 'Northshire west', x: 42, y: 49 },
  NS4: { name: 'Brookfield', x: 52, y: 60 },
  NS5: { name: 'Ashgrove', x: 47, y: 39 },
  NS6: { name: 'Harbourside', x: 70, y: 45 },
  NS7: { name: 'Millbrook', x: 30, y: 55 },
  NS8: { name: 'Fenwick Moor', x: 35, y: 72 },
  NS9: { name: 'Kingsreach', x: 62, y: 75 },
  NS10: { name: 'Oldcastle', x: 22, y: 35 },
  NS11: { name: 'Saltmarsh', x: 80, y: 30 },
  NS12: { name: 'Highfold', x: 55, y: 20 },
} as const satisfies Record<string, { name: string; x: number; y: number }>;

export type District = keyof typeof DISTRICTS;
export const DISTRICT_IDS = Object.keys(DISTRICTS) as District[];

export function isDistrict(value: unknown): value is District {
  return typeof value === 'string' && Object.hasOwn(DISTRICTS, value);
}

/** Straight-line kilometres between two districts' middles, to the nearest whole kilometre. */
export function kilometresBetween(a: District, b: District): number {
  const from = DISTRICTS[a];
  const to = DISTRICTS[b];
  return Math.round(Math.hypot(from.x - to.x, from.y - to.y));
}
