import { Hono } from 'hono';
import { checkIndicators } from '../../shared/guidance/check.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import { calibrationCounts } from '../../shared/referrals/calibration.ts';
import { quarterOf } from '../../shared/referrals/consistency.ts';
import { isReReferral, managerReviewCount } from '../../shared/referrals/duplicates.ts';
import { levelOutcomeProblems } from '../../shared/referrals/level-outcomes.ts';
import { priorityDueAt, priorityOf } from '../../shared/referrals/priority.ts';
import { consentRuleOf, decisionProblems, submissionProblems } from '../../shared/referrals/rules.ts';
import type { DecisionInput, Referral } from '../../shared/referrals/schema.ts';
import { unmetNeedCounts } from '../../shared/referrals/unmet-need.ts';
import { Unprocessable } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http.ts';
import { bindRoute } from '../platform/routing.ts';
import { chosenServices } from '../platform/services-source.ts';
import type { ReferralsDeps } from './app.ts';
import { transitionRunner } from './apply-transition.ts';
import { linkCalls } from './consultations.ts';
import {
  agencyAudience,
  calibrationCounterSk,
  FRONT_DOOR_AUDIENCE,
  monthCounterSk,
  quarterCounterSk,
  unmetCounterSk,
} from './keys.ts';
import { closeReferral, decideReferral, reviewReferral, submitReferral, withdrawReferral } from './routes.ts';
import { guidanceSuggestion } from './suggestion.ts';
import { person } from './timeline-entries.ts';
import { notificationTo } from './views.ts';

/** At most this many earlier referrals are flagged by one submission (a transaction holds 100 writes). */
const MAX_FLAGGED_PRIORS = 10;

/** A referral's way through the lifecycle: submitted, withdrawn, reviewed, decided and closed. */
export function createTransitionRoutes(
  deps: Pick<
    ReferralsDeps,
    'store' | 'audit' | 'clock' | 'subjectKey' | 'guidance' | 'childKeys' | 'services' | 'metrics'
  >,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  const transition = transitionRunner(deps);
  const suggest = guidanceSuggestion(deps.guidance);

  /**
   * What the decision keeps of its signposts: the published services as they are now (a draft or
   * unknown id refused by position), or that none fitted, for a need the current guidance has.
   */
  const signpostsOf = async (input: DecisionInput['signposts']) => {
    if (!input) return undefined;
    if (input.noneFitted) {
      const { framework } = await deps.guidance.current();
      const needs = framework.domains.flatMap((d) => d.subDomains.map((s) => s.id));
      if (!needs.includes(input.noneFitted.need))
        throw new Unprocessable('The decision is not complete', [
          { field: 'signposts.noneFitted.need', reason: 'Choose a need from the threshold guidance' },
        ]);
      return { services: [], noneFitted: input.noneFitted };
    }
    return { services: await chosenServices(deps.services, input.serviceIds, 'signposts.serviceIds') };
  };

  /** Whether any chosen indicator is one the current guidance marks as immediate danger. */
  const inImmediateDanger = async (indicatorIds: readonly string[] | undefined) => {
    if (!indicatorIds?.length) return false;
    const { framework } = await deps.guidance.current();
    return checkIndicators(framework, indicatorIds).immediateDanger;
  };

  /**
   * The earlier referrals of the child still waiting for a decision, each flagged with this one, so
   * the front door sees the pair from either side. Their versions move on: a reviewer who read one
   * before the flag is told it changed rather than deciding without it.
   */
  const flagOpenPriors = async (
    priors: Awaited<ReturnType<typeof store.priorForChild>>,
    later: Referral,
    at: string,
  ) => {
    const flagged = [];
    for (const prior of priors.slice(0, MAX_FLAGGED_PRIORS)) {
      const earlier = await store.get(prior.referralId);
      if (!earlier || (earlier.status !== 'submitted' && earlier.status !== 'in_review')) continue;
      const flag = {
        referralId: later.id,
        reference: later.reference,
        agencyId: later.agencyId,
        submittedAt: at,
        reason: `${prior.matchedOn === 'child' ? 'Same child: name, date of birth and postcode' : 'Same name and date of birth'}; referred again since`,
      };
      const others = (earlier.possibleDuplicates ?? []).filter((d) => d.referralId !== later.id);
      flagged.push({
        referral: {
          ...earlier,
          possibleDuplicates: [...others, flag],
          updatedAt: at,
          version: earlier.version + 1,
        },
        action: 'referral.flag_duplicate',
      });
    }
    return flagged;
  };

  bindRoute(app, submitReferral, (c) =>
    transition(c, 'submit', async (referral, me, at) => {
      const suggestion = await suggest(referral.indicatorIds);
      // The consent rule is the current guidance's own for the suggested level, as its suggestion is.
      const { framework } = await deps.guidance.current();
      const rule = consentRuleOf(framework, suggestion.suggestedLevel);
      const problems = submissionProblems(referral, rule, new Date(at), me.agencyKind);
      if (problems.length) throw new Unprocessable('This referral cannot be submitted yet', problems);
      const child = referral.child ?? {};
      const identity = {
        firstName: child.firstName ?? '',
        lastName: child.lastName ?? '',
        dateOfBirth: child.dateOfBirth ?? child.expectedDateOfBirth,
        postcode: child.address?.postcode,
      };
      const childKeys = deps.childKeys(identity);
      const submittedAt = new Date(at);
      const priors = await store.priorForChild(childKeys, referral.id);
      const possibleDuplicates = priors.map((p) => ({
        referralId: p.referralId,
        reference: p.reference,
        agencyId: p.agencyId,
        submittedAt: p.submittedAt,
        reason: [
          p.matchedOn === 'child'
            ? 'Same child: name, date of birth and postcode'
            : 'Same name and date of birth',
          isReReferral(new Date(p.submittedAt), submittedAt)
            ? 're-referral within 12 months'
            : 'referred before',
        ].join('; '),
      }));
      const requests = managerReviewCount(
        priors.map((p) => new Date(p.submittedAt)),
        submittedAt,
      );
      const managerReview = requests
        ? { requestsInTwelveMonths: requests, reason: `${requests} requests for this child in 12 months` }
        : undefined;
      const priority = priorityOf(suggestion.suggestedLevel, await inImmediateDanger(referral.indicatorIds));
      // The consultation calls this referral is the written request for.
      const calls = linkCalls(await store.awaitingCallsForChild(childKeys), referral, at);
      const submittedReferral: Referral = {
        ...referral,
        ...suggestion,
        submittedAt: at,
        priority,
        decisionDueAt: priorityDueAt(priority, submittedAt).toISOString(),
        ...(possibleDuplicates.length ? { possibleDuplicates } : {}),
        ...(managerReview ? { managerReview } : {}),
        ...(calls.consultation ? { consultation: calls.consultation } : {}),
      };
      return {
        referral: submittedReferral,
        related: await flagOpenPriors(priors, submittedReferral, at),
        consultations: calls.consultations,
        childKeys,
        counters: [{ sk: monthCounterSk(at, referral.agencyId), add: { submitted: 1 } }],
        messages: [notificationTo(FRONT_DOOR_AUDIENCE, 'submitted', at, submittedReferral)],
      };
    }),
  );

  bindRoute(app, withdrawReferral, (c) =>
    transition(c, 'withdraw', async (referral, _me, at) => {
      const { reason } = c.req.valid('json');
      return { referral: { ...referral, withdrawn: { reason, at } }, entryText: reason };
    }),
  );

  bindRoute(app, reviewReferral, (c) =>
    transition(c, 'review', async (referral, me, at) => ({
      referral: { ...referral, reviewer: { ...person(me), at } },
    })),
  );

  bindRoute(app, decideReferral, (c) =>
    transition(c, 'decide', async (referral, me, at) => {
      const input = c.req.valid('json');
      const problems = [
        ...levelOutcomeProblems(input.levelOfNeed, input.outcome),
        ...decisionProblems(input),
      ];
      if (problems.length) throw new Unprocessable('The decision is not complete', problems);
      const signposts = await signpostsOf(input.signposts);
      const onTime = referral.decisionDueAt ? at <= referral.decisionDueAt : false;
      const add: Record<string, number> = {
        decided: 1,
        decidedOnTime: onTime ? 1 : 0,
        [`o_${input.outcome}`]: 1,
      };
      if (referral.suggestedLevel) add[`m${referral.suggestedLevel}${input.levelOfNeed}`] = 1;
      // The referrer's own view of the level, against the decision: the other half of consistency.
      if (referral.referrerLevel) add[`r${referral.referrerLevel}${input.levelOfNeed}`] = 1;
      const quarter = quarterOf(at);
      const { signposts: _ids, ...decided } = input;
      const noneFitted = signposts?.noneFitted;
      return {
        referral: {
          ...referral,
          decision: { ...decided, ...(signposts ? { signposts } : {}), decidedAt: at, decidedBy: person(me) },
        },
        counters: [
          { sk: quarterCounterSk(quarter, referral.agencyId), add },
          // By indicator, under the version that suggested the level: one item, whatever the count.
          ...(referral.guidanceVersion && referral.suggestedLevel && referral.indicatorIds?.length
            ? [
                {
                  sk: calibrationCounterSk(referral.guidanceVersion, referral.agencyId),
                  add: calibrationCounts(referral.indicatorIds, referral.suggestedLevel, input.levelOfNeed),
                },
              ]
            : []),
          // In the decision's own transaction, so a retry that is refused counts nothing twice.
          ...(noneFitted
            ? [
                {
                  sk: unmetCounterSk(quarter),
                  add: unmetNeedCounts(referral, noneFitted, ukDateOf(new Date(at))),
                },
              ]
            : []),
        ],
        messages: [notificationTo(agencyAudience(referral.agencyId), 'decided', at, referral)],
      };
    }),
  );

  bindRoute(app, closeReferral, (c) =>
    transition(c, 'close', async (referral, _me, at) => ({ referral: { ...referral, closedAt: at } })),
  );

  return app;
}
