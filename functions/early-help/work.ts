import { Hono } from 'hono';
import { monotonicFactory } from 'ulid';
import {
  assessmentProblems,
  leadAnswerProblems,
  planProblems,
  teamProblems,
} from '../../shared/early-help/rules.ts';
import type { AppEnv } from '../platform/http.ts';
import { bindRoute } from '../platform/routing.ts';
import { chosenServices } from '../platform/services-source.ts';
import { episodeAnswers, refuseProblems } from './answers.ts';
import type { EarlyHelpParts } from './app.ts';
import { knownAgencies, person } from './creation.ts';
import { type EpisodeRecord, leadAcceptedOn } from './records.ts';
import { agreePlan, answerLead, askLead, recordAssessment, setConsent, setTeam } from './routes.ts';

/** Outcome and action ids: made here, and kept on every later agreement so reviews still point at them. */
const nextId = monotonicFactory();

type Plan = NonNullable<EpisodeRecord['plan']>;

/** The episode's work before its reviews: the lead, the consent and team, the assessment and the plan. */
export function createWorkRoutes(deps: EarlyHelpParts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { change } = episodeAnswers(deps);

  bindRoute(app, askLead, async (c) => {
    const { agencyId } = c.req.valid('json');
    return change(c, 'ask_lead', 'episode.lead-request', async (record, me, at) => {
      await knownAgencies(deps, [{ field: 'agencyId', agencyId }]);
      return {
        record: { ...record, lead: { agencyId, answer: 'asked', askedAt: at, askedBy: person(me) } },
        detail: `asked ${agencyId}`,
      };
    });
  });

  bindRoute(app, answerLead, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'answer_lead', 'episode.lead-answer', async (record, me, at) => {
      refuseProblems('The answer is not complete', leadAnswerProblems(input));
      const lead = record.lead;
      if (!lead) throw new Error('answer_lead is allowed only with an agency asked');
      if (input.answer === 'accepted') {
        return {
          record: {
            ...record,
            state: 'assessing',
            lead: { ...lead, answer: 'accepted', practitioner: person(me), answeredAt: at },
          },
          detail: 'accepted',
        };
      }
      const reason = input.reason?.trim() ?? '';
      return {
        record: {
          ...record,
          lead: { ...lead, answer: 'declined', answeredAt: at, declineReason: reason },
          declined: [...record.declined, { agencyId: lead.agencyId, reason, at }],
        },
        detail: 'declined',
      };
    });
  });

  bindRoute(app, setConsent, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'set_consent', 'episode.consent', async (record, _me, at, today) => {
      await knownAgencies(
        deps,
        input.shareWithAgencyIds.map((agencyId, i) => ({ field: `shareWithAgencyIds.${i}`, agencyId })),
      );
      const problems =
        input.agreedOn > today ? [{ field: 'agreedOn', reason: 'must be today or in the past' }] : [];
      // Narrowing the consent must not leave an agency in the team the family no longer agrees to.
      const left = teamProblems({ members: record.team }, input);
      if (left.length)
        problems.push({
          field: 'shareWithAgencyIds',
          reason: 'The team includes an agency this leaves out: change the team first',
        });
      refuseProblems('The consent cannot be recorded', problems);
      return { record: { ...record, consent: { ...input, recordedAt: at } } };
    });
  });

  bindRoute(app, setTeam, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'set_team', 'episode.team', async (record) => {
      refuseProblems('The team cannot be set', teamProblems(input, record.consent));
      // Services are the directory's published entries, kept as they are now; left out, they stay.
      const teamServices = input.services
        ? await chosenServices(deps.services, input.services, 'services')
        : (record.teamServices ?? []);
      return {
        record: { ...record, team: input.members, teamServices },
        detail: `${input.members.length} members, ${teamServices.length} services`,
      };
    });
  });

  bindRoute(app, recordAssessment, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'record_assessment', 'episode.assessment', async (record, _me, _at, today) => {
      const accepted = leadAcceptedOn(record) ?? record.startedOn;
      refuseProblems('The assessment cannot be saved', assessmentProblems(input, accepted, today));
      const complete = input.completedOn !== undefined;
      return {
        record: { ...record, assessment: input, ...(complete ? { state: 'planning' as const } : {}) },
        detail: complete ? 'completed' : 'saved',
      };
    });
  });

  bindRoute(app, agreePlan, async (c) => {
    const input = c.req.valid('json');
    return change(c, 'agree_plan', 'episode.plan', async (record, _me, at, today) => {
      const completedOn = record.assessment?.completedOn ?? record.startedOn;
      const before = record.plan;
      // Agreed again, the plan's actions still date from its first agreement; the new date is checked on its own.
      const problems = planProblems(
        before ? { ...input, agreedOn: before.agreedOn } : input,
        completedOn,
        today,
      );
      if (before && input.agreedOn > today)
        problems.push({ field: 'agreedOn', reason: 'must be today or in the past' });
      if (before && input.agreedOn < (before.revisedOn ?? before.agreedOn)) {
        problems.push({ field: 'agreedOn', reason: 'must be on or after the day the plan was last agreed' });
      }
      const outcomeIds = new Map(
        (before?.outcomes ?? []).map((o) => [o.id, new Set(o.actions.map((a) => a.id))]),
      );
      // An id given twice would leave a review's score pointing at two outcomes.
      const given = new Set<string>();
      const once = (id: string | undefined, field: string) => {
        if (id && given.has(id)) problems.push({ field, reason: 'is given twice' });
        if (id) given.add(id);
      };
      const outcomes = input.outcomes.map((outcome, o) => {
        const actionIds = outcome.id ? outcomeIds.get(outcome.id) : undefined;
        once(outcome.id, `outcomes.${o}.id`);
        if (outcome.id && !actionIds)
          problems.push({ field: `outcomes.${o}.id`, reason: 'is not an outcome of this plan' });
        return {
          id: outcome.id ?? nextId(Date.parse(at)),
          title: outcome.title,
          actions: outcome.actions.map((action, a) => {
            once(action.id, `outcomes.${o}.actions.${a}.id`);
            if (action.id && !actionIds?.has(action.id))
              problems.push({
                field: `outcomes.${o}.actions.${a}.id`,
                reason: 'is not an action of this outcome',
              });
            return {
              id: action.id ?? nextId(Date.parse(at)),
              what: action.what,
              owner: action.owner,
              dueOn: action.dueOn,
            };
          }),
        };
      });
      refuseProblems('The plan cannot be agreed', problems);
      // The timers run from the first agreement; a later one is the plan's revision.
      const plan: Plan = before
        ? { agreedOn: before.agreedOn, revisedOn: input.agreedOn, outcomes }
        : { agreedOn: input.agreedOn, outcomes };
      return {
        record: { ...record, plan, ...(before ? {} : { state: 'reviewing' as const }) },
        detail: before ? 'agreed again' : 'agreed',
      };
    });
  });

  return app;
}
