import { createHash } from 'node:crypto';
import { REVIEW_DECISION_LABELS } from '../../shared/early-help/labels.ts';
import type { Review, ReviewInput } from '../../shared/early-help/schema.ts';
import { checkIndicators } from '../../shared/guidance/check.ts';
import type { Framework } from '../../shared/guidance/schema.ts';
import type { FieldProblem } from '../../shared/referrals/rules.ts';
import { consentRuleOf, submissionProblems } from '../../shared/referrals/rules.ts';
import type { ReferralContent } from '../../shared/referrals/schema.ts';
import { type EpisodeRecord, type EpisodeSnapshot, leadAcceptedOn } from './records.ts';

/**
 * A step-up: the front-door referral a review makes when early help is no longer enough. It carries
 * the episode's history (the child, household, indicators and consent the episode kept from its
 * referral; the review's concerns and views; what was tried, in plain words), so the front door
 * need not ask for it again.
 */

const TRIED_SO_FAR_MAX = 3000;
const OTHER_AGENCIES_MAX = 1000;

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * The referrals API's Idempotency-Key for this review's step-up: the same review sent again (a retry
 * after a failure part way) makes no second referral.
 */
export function stepUpKey(episodeId: string, review: ReviewInput): string {
  const digest = createHash('sha256').update(JSON.stringify(review)).digest('hex').slice(0, 24);
  return `step-up-${episodeId}-${digest}`;
}

/** What was tried, in plain words: the assessment, the plan's outcomes and every review's scores. */
export function historyOf(
  record: EpisodeRecord,
  reviews: readonly Review[],
  names: Map<string, string>,
): string {
  const name = (agencyId: string) => names.get(agencyId) ?? agencyId;
  const lines = [
    `Early help episode ${record.reference} (level ${record.level}), started on ${record.startedOn}${
      record.referral ? ` from referral ${record.referral.reference}` : ''
    }.`,
  ];
  const lead = record.lead;
  if (lead?.practitioner)
    lines.push(
      `Lead practitioner: ${lead.practitioner.name}, ${name(lead.agencyId)}, since ${leadAcceptedOn(record)}.`,
    );
  if (record.assessment?.completedOn) {
    lines.push(`Early Help Assessment completed on ${record.assessment.completedOn}.`);
    if (record.assessment.needs) lines.push(`Needs found: ${clip(record.assessment.needs, 600)}`);
  }
  const plan = record.plan;
  if (plan) {
    const revised = plan.revisedOn ? `, last agreed again on ${plan.revisedOn}` : '';
    lines.push(
      `Plan agreed on ${plan.agreedOn}${revised}. Progress on each outcome at the reviews (0 to 10):`,
    );
    for (const outcome of plan.outcomes) {
      const scores = reviews.flatMap((r) =>
        r.progress.filter((p) => p.outcomeId === outcome.id).map((p) => `${p.score} on ${r.heldOn}`),
      );
      lines.push(`- ${clip(outcome.title, 200)}: ${scores.length ? scores.join(', ') : 'not yet reviewed'}`);
    }
  }
  if (reviews.length) {
    const held = reviews.map((r) => `${r.heldOn} (${REVIEW_DECISION_LABELS[r.decision].toLowerCase()})`);
    lines.push(`Reviews held: ${held.join('; ')}.`);
  }
  return clip(lines.join('\n'), TRIED_SO_FAR_MAX);
}

/** The referral the step-up sends, from the episode, what it kept of its referral, and the review. */
export function stepUpContent(
  record: EpisodeRecord,
  snapshot: EpisodeSnapshot,
  reviews: readonly Review[],
  review: ReviewInput,
  names: Map<string, string>,
): ReferralContent {
  const team = record.team.map((m) => `${m.name}, ${m.role} (${names.get(m.agencyId) ?? m.agencyId})`);
  return {
    child: snapshot.child,
    ...(snapshot.household ? { household: snapshot.household } : {}),
    ...(team.length
      ? { otherAgencies: clip(`Team around the family: ${team.join('; ')}`, OTHER_AGENCIES_MAX) }
      : {}),
    concerns: review.notes ?? '',
    indicatorIds: review.indicatorIds?.length ? review.indicatorIds : snapshot.indicatorIds,
    triedSoFar: historyOf(record, reviews, names),
    earlyHelpAssessmentInPlace: true,
    childViews: review.childViews,
    ...(review.familyViews ? { parentViews: review.familyViews } : {}),
    ...(snapshot.consent ? { consent: snapshot.consent } : {}),
    stepUpFrom: { episodeId: record.id, episodeReference: record.reference },
  };
}

/**
 * What would stop the front door receiving the step-up, found before anything is sent: the review's
 * own fields by their names (the concerns are its notes), the rest as the referral's.
 */
export function stepUpProblems(
  content: ReferralContent,
  snapshot: EpisodeSnapshot,
  now: Date,
  framework: Framework,
): FieldProblem[] {
  // The indicators are the review's to give when the episode kept none (a step-down's).
  const ownFields: Record<string, string> = {
    concerns: 'notes',
    childViews: 'childViews',
    ...(snapshot.indicatorIds.length ? {} : { indicatorIds: 'indicatorIds' }),
  };
  // The consent rule of the level the step-up's indicators suggest, as the front door will read it.
  const level = checkIndicators(framework, content.indicatorIds ?? []).level ?? snapshot.suggestedLevel;
  return submissionProblems(content, consentRuleOf(framework, level), now).map((p) => ({
    field: ownFields[p.field] ?? `referral.${p.field}`,
    reason: p.reason,
  }));
}
