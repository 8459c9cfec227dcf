import * as z from 'zod';
import { lazySchema } from '../platform/lazy-schema.ts';
import { ROLES } from '../platform/roles.ts';
import { AgencySchema } from './schema.ts';

export const MeSchema = lazySchema(() =>
  z.object({
    userId: z.string(),
    name: z.string(),
    email: z.string().optional(),
    roles: z.array(z.enum(ROLES)),
    agency: AgencySchema.nullable(),
  }),
);
export type Me = z.infer<typeof MeSchema>;
