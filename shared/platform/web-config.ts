import * as z from './zod.ts';

/** What the web front end needs to sign people in: the local sign-in, or Cognito's hosted sign-in. */
export const WebConfigSchema = z.object({
  auth: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('local') }),
    z.object({
      mode: z.literal('cognito'),
      domain: z.url(),
      clientId: z.string(),
      redirectUri: z.url(),
      scopes: z.array(z.string()),
      logoutUri: z.optional(z.url()),
    }),
  ]),
});
export type WebConfig = z.infer<typeof WebConfigSchema>;
