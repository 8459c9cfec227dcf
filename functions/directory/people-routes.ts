import * as z from '../../shared/platform/zod.ts';
import { bearer, createRoute, idParams, json, problem } from '../platform/routing.ts';

/**
 * People's access, as the system owner withdraws and restores it: suspending refuses the person on
 * every route within the standing check's bound (functions/platform/access.ts) and stops new tokens
 * being issued; restoring lets tokens issued afterwards work. Both are idempotent, so no If-Match.
 */
export const PersonAccessSchema = z.object({
  /** The person's Cognito `sub`. */
  userId: z.string(),
  suspended: z.boolean(),
  /** Tokens issued before this moment are refused. */
  revokedBefore: z.optional(z.iso.datetime()),
  updatedAt: z.iso.datetime(),
});
export type PersonAccess = z.infer<typeof PersonAccessSchema>;

const PersonParams = idParams(/^[A-Za-z0-9-]{1,64}$/, 'a person’s id (their sub)');

export const suspendPerson = createRoute({
  method: 'post',
  path: '/api/people/{id}/suspend',
  tags: ['directory'],
  summary:
    'Withdraw a person’s access (admin): their tokens are refused within 30 seconds and no new ones are issued',
  security: bearer,
  request: { params: PersonParams },
  responses: {
    200: json('Suspended (or already suspended)', PersonAccessSchema),
    400: problem('Not a person’s id'),
    401: problem('Not signed in'),
    403: problem('Not an admin'),
    422: problem('You cannot suspend yourself'),
  },
});

export const restorePerson = createRoute({
  method: 'post',
  path: '/api/people/{id}/restore',
  tags: ['directory'],
  summary: 'Restore a person’s access (admin): tokens issued from now on work; older ones stay refused',
  security: bearer,
  request: { params: PersonParams },
  responses: {
    200: json('Restored (or was not suspended)', PersonAccessSchema),
    400: problem('Not a person’s id'),
    401: problem('Not signed in'),
    403: problem('Not an admin'),
  },
});

export const peopleRoutes = [suspendPerson, restorePerson];
