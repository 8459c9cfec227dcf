import * as z from '../../shared/platform/zod.ts';
import { CalibrationSchema, OwnAgreementSchema } from '../../shared/referrals/calibration-schema.ts';
import { createRoute, json, problem, bearer as security } from '../platform/routing.ts';

/** The HTTP contract of threshold calibration by indicator and an agency's own agreement (stats-routes.ts). */
const tags = ['referrals'];

export const referralCalibration = createRoute({
  method: 'get',
  path: '/api/stats/referrals/calibration',
  tags,
  summary:
    'Threshold calibration by indicator: for each indicator chosen on decided referrals, how often the front door set a higher or lower level than the indicators suggested, under one guidance version (the newest with figures unless asked), for every agency or one (front door and board; a guidance editor, for every agency only). Small counts, and counts that would reveal them, are not shown',
  security,
  request: {
    query: z.strictObject({
      version: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100000))),
      agency: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
    }),
  },
  responses: {
    200: json('The figures', CalibrationSchema),
    403: problem('Not the front door, the board or a guidance editor; or an editor asking for one agency'),
  },
});

export const ownAgencyAgreement = createRoute({
  method: 'get',
  path: '/api/stats/referrals/agreement/mine',
  tags,
  summary:
    "The caller's own agency's threshold agreement by quarter, this year and last: how often the front door decided the level its referrals' indicators suggested, and the level its referrers thought (referrers). No other agency's figures. Small counts are not shown",
  security,
  responses: {
    200: json('The figures', OwnAgreementSchema),
    403: problem('Not a referrer with an agency'),
  },
});

export const calibrationRoutes = [referralCalibration, ownAgencyAgreement];
