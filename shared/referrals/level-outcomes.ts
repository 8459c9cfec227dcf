/**
 * Which outcomes a decided level of need allows: the partnership's table, held as data. A level 1
 * concern is not a strategy discussion, and a level 4 one is not closed with a leaflet; a decision
 * outside the table is refused by name, so the front door either changes the level or the outcome.
 * Pure and free of zod, so the decision form can show the same choices the API accepts.
 */
import type { LevelNumber } from '../guidance/schema.ts';
import { OUTCOME_LABELS, type Outcome } from './labels.ts';

export const LEVEL_OUTCOMES: Readonly<Record<LevelNumber, readonly Outcome[]>> = {
  1: ['no_further_action', 'advice_signposting', 'early_help_single_agency', 'already_open'],
  2: [
    'no_further_action',
    'advice_signposting',
    'early_help_single_agency',
    'targeted_early_help',
    'already_open',
  ],
  3: ['targeted_early_help', 'early_help_single_agency', 'social_care_assessment', 'already_open'],
  4: ['social_care_assessment', 'strategy_discussion', 'already_open'],
};

export function outcomeFitsLevel(level: LevelNumber, outcome: Outcome): boolean {
  return LEVEL_OUTCOMES[level].includes(outcome);
}

/** The problem with a level and outcome that do not go together, naming the outcome field. */
export function levelOutcomeProblems(
  level: LevelNumber,
  outcome: Outcome,
): { field: string; reason: string }[] {
  if (outcomeFitsLevel(level, outcome)) return [];
  const allowed = LEVEL_OUTCOMES[level].map((o) => OUTCOME_LABELS[o].toLowerCase());
  return [
    {
      field: 'outcome',
      reason: `At level ${level} the outcome must be one of: ${allowed.join('; ')}. Change the level or the outcome`,
    },
  ];
}
