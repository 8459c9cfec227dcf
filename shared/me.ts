import * as z from 'zod';
import { AgencySchema } from './agency.ts';
import { lazySchema } from './lazy-schema.ts';
import { ROLES } from './roles.ts';

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
