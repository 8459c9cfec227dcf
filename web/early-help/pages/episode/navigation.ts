/**
 * The episode page's views, one address each (`&do=`), so Back works: links between them change the
 * address without reloading.
 */
import type { EpisodeAction } from '../../../../shared/early-help/lifecycle.ts';
import { type RecordRoute, recordAddresses } from '../../../platform/record-forms.ts';
import { episodeUrl } from '../../api.ts';

/** Each form's address, and the action the server must allow for it. */
export const STEPS = {
  'ask-lead': 'ask_lead',
  answer: 'answer_lead',
  consent: 'set_consent',
  team: 'set_team',
  assessment: 'record_assessment',
  plan: 'agree_plan',
  review: 'record_review',
  close: 'close',
} as const satisfies Record<string, EpisodeAction>;
export type Step = keyof typeof STEPS;

export type Route = RecordRoute<Step>;

export const ADDRESSES = recordAddresses(episodeUrl, Object.keys(STEPS) as Step[]);
export const { readRoute, stepUrl, go, StepLink } = ADDRESSES;

/** Back to the episode's own view. */
export const BackToEpisode = ADDRESSES.BackLink;
