/**
 * Every key of the board table, made and read here only: an action is `ACTION#<id> / ACTION`, its
 * progress updates `… / UPDATE#<at>#<ulid>` (append only); the plan is gsi1 `PLAN`, soonest due first
 * (`<effective due date>#<id>`); references are claimed by `REFERENCE#<reference>` (in capitals, so
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
