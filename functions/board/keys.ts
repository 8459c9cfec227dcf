/**
 * Every key of the board table, made and read here only: an action is `ACTION#<id> / ACTION`, its
 * progress updates `… / UPDATE#<at>#<ulid>` (append only); the plan is gsi1 `PLAN`, soonest due first
 * (`<effective due date>#<id>`); the chair's challenges are `… / CHALLENGE#<ulid>`, and while one waits for
 * its response it is also in gsi1 `CHALLENGES#open`, soonest due first (`<due date>#<id>`); references are claimed by `REFERENCE#<reference>` (in capitals, so
 * two that differ only in case clash) so no two actions share one.
 */
type Key = { pk: string; sk: string };

const actionPartition = (id: string) => `ACTION#${id}`;
export const actionKey = (id: string): Key => ({ pk: actionPartition(id), sk: 'ACTION' });

export const UPDATE_PREFIX = 'UPDATE#';
export const updatesPartition = actionPartition;
export const updateKey = (actionId: string, at: string, updateId: string): Key => ({
  pk: actionPartition(actionId),
  sk: `${UPDATE_PREFIX}${at}#${updateId}`,
});

export const PLAN_PK = 'PLAN';
export const planKeys = (effectiveDueDate: string, id: string) => ({
  gsi1pk: PLAN_PK,
  gsi1sk: `${effectiveDueDate}#${id}`,
});

export const referenceClaimKey = (reference: string): Key => ({
  pk: `REFERENCE#${reference.toUpperCase()}`,
  sk: 'CLAIM',
});

export const CHALLENGE_PREFIX = 'CHALLENGE#';
export const challengeKey = (actionId: string, challengeId: string): Key => ({
  pk: actionPartition(actionId),
  sk: `${CHALLENGE_PREFIX}${challengeId}`,
});

/** The challenges waiting for a response, in the plan's index under a partition of their own. */
export const OPEN_CHALLENGES_PK = 'CHALLENGES#open';
export const openChallengeKeys = (dueDate: string, challengeId: string) => ({
  gsi1pk: OPEN_CHALLENGES_PK,
  gsi1sk: `${dueDate}#${challengeId}`,
});
