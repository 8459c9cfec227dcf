import { Hono } from 'hono';
import { monotonicFactory } from 'ulid';
import type { ClosureReason } from '../../shared/early-help/labels.ts';
import { closeProblems, reviewProblems } from '../../shared/early-help/rules.ts';
import type { Review } from '../../shared/early-help/schema.ts';
import { Unprocessable } from '../platform/errors.ts';
import type { AppEnv } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import { bindRoute } from '../platform/routing.ts';
import { episodeAnswers, refuseProblems } from './answers.ts';
import type { EarlyHelpParts } from './app.ts';
import { callerAuthorization, person } from './creation.ts';
import type { EpisodeRecord } from './records.ts';
import { closeEpisode, recordReview } from './routes.ts';
import { stepUpContent, stepUpKey, stepUpProblems } from './step-up.ts';

const nextReviewId = monotonicFactory();

/** What a review's decision closes the episode as; `continue` keeps it open. */
const CLOSES_AS = { close: 'outcomes_met', step_down: 'stepped_down', step_up: 'stepped_up' } as const;

const closed = (
  record: EpisodeRecord,
  reason: ClosureReason,
  closedOn: string,
  me: Principal,
  note?: string,
): EpisodeRecord => ({
  ...record,
  state: 'closed',
  closure: { reason, ...(note ? { note } : {}), closedOn, by: person(me) },
});

/** Reviews of the plan (continue, close, step down or step up) and closing an episode. */
export function createReviewRoutes(deps: EarlyHelpParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  const { change } = episodeAnswers(deps);

  bindRoute(app, recordReview, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'record_review', 'episode.review', async (record, me, at, today) => {
      const plan = record.plan;
      if (!plan) throw new Error('record_review is allowed only with a plan');
      const last = record.reviewsHeldOn.at(-1);
      refuseProblems('The review cannot be recorded', reviewProblems(input, plan, last, today));
      const review: Review = {
        ...input,
        id: nextReviewId(Date.parse(at)),
        recordedAt: at,
        recordedBy: person(me),
      };
      const reviewed: EpisodeRecord = { ...record, reviewsHeldOn: [...record.reviewsHeldOn, input.heldOn] };
      if (input.decision === 'continue') return { record: reviewed, review, detail: 'continue' };
      if (input.decision !== 'step_up') {
        return {
          record: closed(reviewed, CLOSES_AS[input.decision], input.heldOn, me),
          review,
          detail: input.decision,
        };
      }
      // Checked before anything is sent, so a refused step-up makes no referral at all.
      const [snapshot, earlier, names, guidance] = await Promise.all([
        store.snapshot(record.id),
        store.reviews(record.id),
        deps.agencies.names(),
        deps.guidance.current(),
      ]);
      if (!snapshot) throw new Error(`Episode ${record.id} has no snapshot of its referral`);
      const content = stepUpContent(reviewed, snapshot, [...earlier, review], input, names);
      refuseProblems(
        'The step-up cannot be sent to the front door',
        stepUpProblems(content, snapshot, new Date(at), guidance.framework),
      );
      let referral: Awaited<ReturnType<typeof deps.referrals.submitNew>>;
      try {
        referral = await deps.referrals.submitNew(
          content,
          stepUpKey(record.id, input),
          callerAuthorization(c),
        );
      } catch (error) {
        if (!(error instanceof Unprocessable)) throw error;
        throw new Unprocessable(
          `The step-up could not be sent to the front door: ${error.message}`,
          error.errors.map((e) => ({ field: `referral.${e.field}`, reason: e.reason })),
        );
      }
      return {
        record: {
          ...closed(reviewed, 'stepped_up', input.heldOn, me),
          steppedUpTo: { referralId: referral.id, reference: referral.reference },
        },
        review,
        detail: `step_up to referral ${referral.id}`,
      };
    });
  });

  bindRoute(app, closeEpisode, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'close', 'episode.close', async (record, me, _at, today) => {
      const problems = closeProblems(input);
      if (input.reason === 'stepped_up')
        problems.push({
          field: 'reason',
          reason: 'Step up through a review, so the front door receives a referral',
        });
      refuseProblems('The episode cannot be closed', problems);
      return { record: closed(record, input.reason, today, me, input.note), detail: input.reason };
    });
  });

  return app;
}
