import { describe, expect, it } from 'vitest';
import { EPISODE_STATES, type EpisodeState } from '../../shared/early-help/labels.ts';
import {
  type Actor,
  canAct,
  EPISODE_NOT_FOUND_MESSAGE,
  type EpisodeAction,
  type EpisodeRef,
  readingOf,
} from '../../shared/early-help/lifecycle.ts';

const LEAD = 'harbour-family-support';
const TEAM = 'northshire-academy';
const REFERRER = 'brookfield-primary';

const actors = {
  triage: { userId: 'grace', roles: ['triage'], agencyId: 'northshire-front-door' },
  'lead agency': { userId: 'joe', roles: ['referrer'], agencyId: LEAD },
  'team agency': { userId: 'nadia', roles: ['referrer'], agencyId: TEAM },
  'referrer’s agency': { userId: 'amira', roles: ['referrer'], agencyId: REFERRER },
  'another agency': { userId: 'dan', roles: ['referrer'], agencyId: 'northshire-police' },
  board: { userId: 'tom', roles: ['board'], agencyId: 'northshire-partnership' },
  admin: { userId: 'sam', roles: ['admin'], agencyId: 'northshire-council' },
  'referrer with no agency': { userId: 'x', roles: ['referrer'], agencyId: null },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;

/**
 * The episode as it stands in each state: waiting, the lead agency has been asked; from then on it
 * has accepted and a team agency has joined.
 */
function episodeIn(state: EpisodeState): EpisodeRef {
  return state === 'awaiting_lead'
    ? { state, referrerAgencyId: REFERRER, lead: { agencyId: LEAD, answer: 'asked' }, teamAgencyIds: [] }
    : {
        state,
        referrerAgencyId: REFERRER,
        lead: { agencyId: LEAD, answer: 'accepted' },
        teamAgencyIds: [TEAM],
      };
}

const ACTIONS: readonly EpisodeAction[] = [
  'ask_lead',
  'answer_lead',
  'set_team',
  'set_consent',
  'record_assessment',
  'agree_plan',
  'record_review',
  'close',
];

const NOBODY = 'N N N N N';
const NOTHING = 'F F F F F';
const always = (codes: string) =>
  Object.fromEntries(ACTIONS.map((a) => [a, codes])) as Record<EpisodeAction, string>;

/**
 * The expected outcome in each state, in the order
 *   awaiting_lead  assessing  planning  reviewing  closed
 * Y allowed; C conflict (409); F forbidden (403); N not found (404, as for a missing episode).
 */
const EXPECTED: Record<ActorName, Record<EpisodeAction, string>> = {
  triage: {
    ask_lead: 'Y C C C C',
    answer_lead: 'F C C C C',
    set_team: NOTHING,
    set_consent: NOTHING,
    record_assessment: NOTHING,
    agree_plan: NOTHING,
    record_review: NOTHING,
    close: 'Y Y Y Y C',
  },
  'lead agency': {
    ask_lead: NOTHING,
    answer_lead: 'Y C C C C',
    set_team: 'F Y Y Y C',
    set_consent: 'F Y Y Y C',
    record_assessment: 'F Y C C C',
    agree_plan: 'F C Y Y C',
    record_review: 'F C C Y C',
    close: 'F Y Y Y C',
  },
  'team agency': {
    ask_lead: 'N F F F F',
    answer_lead: 'N C C C C',
    set_team: 'N F F F F',
    set_consent: 'N F F F F',
    record_assessment: 'N F F F F',
    agree_plan: 'N F F F F',
    record_review: 'N F F F F',
    close: 'N F F F F',
  },
  'referrer’s agency': always(NOTHING),
  'another agency': always(NOBODY),
  board: always(NOBODY),
  admin: always(NOBODY),
  'referrer with no agency': always(NOBODY),
};

const code = { 'not-found': 'N', forbidden: 'F', conflict: 'C' } as const;

const cases = (Object.keys(actors) as ActorName[]).flatMap((actor) =>
  ACTIONS.flatMap((action) => {
    const expected = EXPECTED[actor][action].split(' ');
    return EPISODE_STATES.map((state, i) => ({ actor, action, state, expected: expected[i] }));
  }),
);

describe('readingOf: who reads an episode, and how much', () => {
  const waiting = episodeIn('awaiting_lead');
  const assessing = episodeIn('assessing');

  it.each([
    ['the front door', actors.triage, waiting, 'full'],
    ['the front door, with no lead asked yet', actors.triage, { ...waiting, lead: undefined }, 'full'],
    ['the front door, with no agency of its own', { ...actors.triage, agencyId: null }, assessing, 'full'],
    ['the agency asked to lead, while asked', actors['lead agency'], waiting, 'full'],
    ['the lead agency, once accepted', actors['lead agency'], assessing, 'full'],
    [
      'an agency that declined to lead',
      actors['lead agency'],
      { ...waiting, lead: { agencyId: LEAD, answer: 'declined' } },
      'none',
    ],
    ['a team agency', actors['team agency'], assessing, 'full'],
    ['a team agency before it joins the team', actors['team agency'], waiting, 'none'],
    ['the referrer’s agency, outside the team', actors['referrer’s agency'], assessing, 'summary'],
    [
      'the referrer’s agency, in the team',
      actors['referrer’s agency'],
      { ...assessing, teamAgencyIds: [REFERRER] },
      'full',
    ],
    [
      'the referrer’s agency, on a step-down with no referrer',
      actors['referrer’s agency'],
      { ...assessing, referrerAgencyId: undefined },
      'none',
    ],
    ['another agency', actors['another agency'], assessing, 'none'],
    ['the board', actors.board, assessing, 'none'],
    ['the board, in the referrer’s agency', { ...actors.board, agencyId: REFERRER }, assessing, 'none'],
    ['the board, in the lead agency', { ...actors.board, agencyId: LEAD }, assessing, 'none'],
    ['an admin', actors.admin, assessing, 'none'],
    ['a referrer with no agency', actors['referrer with no agency'], assessing, 'none'],
    [
      'a user with no roles in the lead agency',
      { userId: 'y', roles: [], agencyId: LEAD },
      assessing,
      'none',
    ],
  ] as const)('%s: %s', (_, actor, episode, reading) => {
    expect(readingOf(actor, episode)).toBe(reading);
  });
});

describe('canAct: every action × actor × state', () => {
  it('covers eight actions, five states and eight actors', () => {
    expect(cases).toHaveLength(8 * 5 * 8);
  });

  it.each(cases)('$actor → $action in $state: $expected', ({ actor, action, state, expected }) => {
    const result = canAct(action, actors[actor], episodeIn(state));
    expect(result.ok ? 'Y' : code[result.reason]).toBe(expected);
  });
});

describe('canAct: declined, unanswered and mixed cases', () => {
  const declined: EpisodeRef = {
    state: 'awaiting_lead',
    referrerAgencyId: REFERRER,
    lead: { agencyId: LEAD, answer: 'declined' },
    teamAgencyIds: [],
  };

  it('lets the front door ask again after a decline, and hides the episode from the agency that declined', () => {
    expect(canAct('ask_lead', actors.triage, declined)).toEqual({ ok: true });
    for (const action of ACTIONS) {
      expect(canAct(action, actors['lead agency'], declined)).toEqual({
        ok: false,
        reason: 'not-found',
        message: EPISODE_NOT_FOUND_MESSAGE,
      });
    }
  });

  it('lets the front door ask when no agency has been asked yet, and nobody answer', () => {
    const unasked: EpisodeRef = { ...declined, lead: undefined };
    expect(canAct('ask_lead', actors.triage, unasked)).toEqual({ ok: true });
    expect(canAct('answer_lead', actors.triage, unasked)).toMatchObject({ reason: 'forbidden' });
    expect(canAct('answer_lead', actors['referrer’s agency'], unasked)).toMatchObject({
      reason: 'forbidden',
    });
    expect(canAct('answer_lead', actors['lead agency'], unasked)).toMatchObject({ reason: 'not-found' });
  });

  it('gives the asked agency a conflict, not a yes, once an episode closes before it answers', () => {
    const closedWaiting: EpisodeRef = { ...episodeIn('awaiting_lead'), state: 'closed' };
    expect(canAct('answer_lead', actors['lead agency'], closedWaiting)).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This episode is closed',
    });
  });

  it('lets a front-door user who also practises in the asked agency answer for it', () => {
    const both: Actor = { userId: 'z', roles: ['referrer', 'triage'], agencyId: LEAD };
    expect(canAct('answer_lead', both, episodeIn('awaiting_lead'))).toEqual({ ok: true });
    expect(canAct('ask_lead', both, episodeIn('awaiting_lead'))).toEqual({ ok: true });
  });
});

describe('what the person is told', () => {
  const lead = actors['lead agency'];

  it.each([
    ['triage', 'ask_lead', 'assessing', 'A lead practitioner has already accepted this episode'],
    ['triage', 'close', 'closed', 'This episode is closed'],
    ['lead', 'answer_lead', 'planning', 'A lead practitioner has already accepted this episode'],
    ['lead', 'set_team', 'closed', 'This episode is closed'],
    ['lead', 'record_assessment', 'planning', 'The Early Help Assessment is already complete'],
    ['lead', 'record_assessment', 'reviewing', 'The Early Help Assessment is already complete'],
    ['lead', 'agree_plan', 'assessing', 'The Early Help Assessment must be completed before the plan'],
    ['lead', 'record_review', 'assessing', 'The plan must be agreed before a review'],
    ['lead', 'record_review', 'planning', 'The plan must be agreed before a review'],
  ] as const)('%s trying to %s in %s hears "%s"', (who, action, state, message) => {
    const result = canAct(action, who === 'triage' ? actors.triage : lead, episodeIn(state));
    expect(result).toEqual({ ok: false, reason: 'conflict', message });
  });

  it('says an episode still waiting has no lead, should a lead somehow be recorded before it moves on', () => {
    const inconsistent: EpisodeRef = { ...episodeIn('assessing'), state: 'awaiting_lead' };
    expect(canAct('set_team', lead, inconsistent)).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This episode has no lead practitioner yet',
    });
  });

  it.each([
    ['referrer’s agency', 'ask_lead', 'Only the front door can ask an agency to lead'],
    ['referrer’s agency', 'answer_lead', 'Only a practitioner of the agency asked to lead can answer'],
    ['triage', 'set_consent', 'Only the lead practitioner’s agency can change this episode'],
    ['team agency', 'agree_plan', 'Only the lead practitioner’s agency can change this episode'],
    ['team agency', 'close', 'Only the lead practitioner’s agency or the front door can close this episode'],
  ] as const)('%s trying to %s is refused: "%s"', (who, action, message) => {
    expect(canAct(action, actors[who], episodeIn('reviewing'))).toEqual({
      ok: false,
      reason: 'forbidden',
      message,
    });
  });

  it('tells an actor who may not read it only what it would hear of a missing episode', () => {
    const refs = [
      ...EPISODE_STATES.map(episodeIn),
      {
        state: 'awaiting_lead',
        referrerAgencyId: REFERRER,
        lead: { agencyId: LEAD, answer: 'declined' },
        teamAgencyIds: [],
      },
    ] satisfies EpisodeRef[];
    const readersOfNothing: Actor[] = [
      actors['another agency'],
      actors.board,
      actors.admin,
      actors['referrer with no agency'],
      { userId: 'g', roles: ['guidance-editor'], agencyId: REFERRER },
    ];
    const results = readersOfNothing.flatMap((actor) =>
      refs.flatMap((episode) => ACTIONS.map((action) => canAct(action, actor, episode))),
    );
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ ok: false, reason: 'not-found', message: EPISODE_NOT_FOUND_MESSAGE })]),
    );
    expect(EPISODE_NOT_FOUND_MESSAGE).toBe('Episode not found');
  });

  it('tells the referrer’s agency, a summary reader, the same for an action in every state', () => {
    for (const action of ACTIONS) {
      const messages = new Set(
        EPISODE_STATES.map((state) => {
          const result = canAct(action, actors['referrer’s agency'], episodeIn(state));
          return result.ok ? 'allowed' : `${result.reason}: ${result.message}`;
        }),
      );
      expect(messages.size, action).toBe(1);
      expect([...messages][0], action).toMatch(/^forbidden: /);
    }
  });

  it('never names an agency, a person or a decline in any refusal', () => {
    const everyone = [...Object.values(actors)] as Actor[];
    const messages = new Set(
      everyone.flatMap((actor) =>
        EPISODE_STATES.flatMap((state) =>
          ACTIONS.map((action) => {
            const result = canAct(action, actor, episodeIn(state));
            return result.ok ? '' : result.message;
          }),
        ),
      ),
    );
    for (const message of messages) {
      expect(message).not.toMatch(/harbour|northshire|brookfield|joe|nadia|amira|declined/i);
    }
  });
});
