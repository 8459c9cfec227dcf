import * as z from '../../shared/platform/zod.ts';
import { ConsultationInputSchema, ConsultationSchema } from '../../shared/referrals/consultation-schema.ts';
import { CONSULTATION_VIEWS } from '../../shared/referrals/consultations.ts';
import { ListQuerySchema, listPageOf } from '../platform/pagination.ts';
import {
  jsonBody as body,
  createRoute,
  json,
  problem,
  bearer as security,
  ulidParams,
} from '../platform/routing.ts';

/** The HTTP contract of the front door's consultation calls (consultations.ts). */
const tags = ['consultations'];

export const recordConsultation = createRoute({
  method: 'post',
  path: '/api/consultations',
  tags,
  summary:
    'Record a consultation call: who called, when, the level discussed and the advice. When a written request is needed, it is due within 4 hours and is linked to the call when it arrives (front door). Send an Idempotency-Key: a retry returns the same call',
  security,
  request: {
    headers: z.object({ 'idempotency-key': z.optional(z.string()) }),
    body: body(ConsultationInputSchema),
  },
  responses: {
    201: json('The call, recorded', ConsultationSchema),
    200: json('The call an earlier request with this key recorded', ConsultationSchema),
    400: problem('Invalid fields or no Idempotency-Key'),
    401: problem('Not signed in'),
    403: problem('Not the front door'),
    422: problem(
      'A call in the future or too long ago, a written request asked for without the child, or a key used for another call',
    ),
  },
});

export const listConsultations = createRoute({
  method: 'get',
  path: '/api/consultations',
  tags,
  summary:
    'The front door’s consultation calls: those waiting for their written request, soonest due first; or those received, or needing none, newest first (front door)',
  security,
  request: {
    query: z.extend(ListQuerySchema, {
      view: z._default(
        z.enum(CONSULTATION_VIEWS, { error: 'must be awaiting, received or not_needed' }),
        'awaiting',
      ),
    }),
  },
  responses: {
    200: json('A page of calls', listPageOf(ConsultationSchema)),
    400: problem('Bad limit, cursor or view'),
    401: problem('Not signed in'),
    403: problem('Not the front door'),
  },
});

export const getConsultation = createRoute({
  method: 'get',
  path: '/api/consultations/{id}',
  tags,
  summary: 'One consultation call, with the referral its written request became (front door)',
  security,
  request: { params: ulidParams('a consultation id') },
  responses: {
    200: json('The call', ConsultationSchema),
    400: problem('A bad id'),
    401: problem('Not signed in'),
    403: problem('Not the front door'),
    404: problem('No such call'),
  },
});

export const consultationRoutes = [recordConsultation, listConsultations, getConsultation];
