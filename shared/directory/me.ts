import { ROLES } from '../platform/roles.ts';
import * as z from '../platform/zod.ts';
import { AgencySchema } from './schema.ts';

export const MeSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  roles: z.array(z.enum(ROLES)),
  agency: z.nullable(AgencySchema),
});
export type Me = z.infer<typeof MeSchema>;
