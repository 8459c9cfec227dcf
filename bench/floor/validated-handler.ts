import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { validator } from 'hono/validator';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import * as z from '../../shared/platform/zod.ts';

/**
 * A reference for the cold-start benchmark, not a budget: the floor (./handler.ts) plus the least an
 * area function must add to be safe — its configuration checked with zod, one request validated
 * with zod through Hono's validator, the caller's token verified with jose — written as the functions
 * write them (zod/mini with its English messages). What this costs over the floor is room in the 1.3×
 * budget that no area function can win back while it uses those libraries.
 */
const nonEmpty = z.string().check(z.minLength(1));
const config = z.parse(
  z.object({ TABLE_NAME: nonEmpty, AUTH_ISSUER: z.url(), AUTH_CLIENT_ID: nonEmpty }),
  process.env,
);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
// Made on first use, as functions/platform/identity.ts does (jose's remote key set loads Node's fetch).
let keys: JWTVerifyGetKey | undefined;
const Params = z.object({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)) });

const app = new Hono();
app.get(
  '/api/items/:id',
  validator('param', (value, c) => {
    const result = z.safeParse(Params, value);
    return result.success ? result.data : c.json({ title: 'Invalid request' }, 400);
  }),
  async (c) => {
    keys ??= createRemoteJWKSet(new URL(`${config.AUTH_ISSUER}/.well-known/jwks.json`));
    await jwtVerify(c.req.header('authorization')?.slice(7) ?? '', keys, { issuer: config.AUTH_ISSUER });
    const { Item } = await db.send(
      new GetCommand({
        TableName: config.TABLE_NAME,
        Key: { pk: `ITEM#${c.req.valid('param').id}`, sk: 'ITEM' },
      }),
    );
    return Item ? c.json(Item) : c.json({ title: 'Not found' }, 404);
  },
);

export const handler = handle(app);
