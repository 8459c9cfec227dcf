import type { BudgetCheck } from './budgets.ts';
import type { ColdStartResult } from './cold-start.ts';
import type { MachineInfo } from './lib/machine.ts';
import type { PageResult } from './pages.ts';
import type { ScaleSample } from './scale.ts';
import type { SeedKind } from './scale-seeding.ts';
import type { WarmResult } from './warm.ts';

/** The scale section's figures, with how its two sizes were seeded. */
export interface ScaleResult {
  small: ScaleSample;
  large: ScaleSample;
  /** The large size asked for (100,000 referrals and episodes by default) and why another was used, if it was. */
  requestedLarge: number;
  note?: string;
  seeding: {
    kind: SeedKind;
    size: 'small' | 'large';
    records: number;
    seconds: number;
    /** Records a second (an episode is several items). */
    perSecond: number;
    inFlight: number;
  }[];
}

/** What one run measured: results.json, and everything the report is written from. */
export interface BenchResults {
  date: string;
  machine: MachineInfo;
  loadAverage: { start: number[]; end: number[] };
  /** The 1-minute load average as each section started: how busy the machine was while it ran. */
  sectionLoad: Record<string, number>;
  durationSeconds: number;
  settings: Record<string, number | string | boolean>;
  coldStart?: ColdStartResult;
  warm?: WarmResult;
  scale?: ScaleResult;
  pages?: PageResult[];
  budgets: BudgetCheck[];
  problems: { section: string; message: string }[];
}
