import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import * as z from 'zod';

/**
 * A reference for the cold-start benchmark, not a budget: the floor (./handler.ts) plus the least an
 * area function must add to be safe — its configuration checked with zod, one request validated
 * with zod through Hono's validator, the caller's token verified with jose. What this costs over the
 * floor is room in the 1.3× budget that no area function can win back while it uses those libraries.
 */
const config = z
  .object({ TABLE_NAME: z.string().min(1), AUTH_ISSUER: z.url(), AUTH_CLIENT_ID: z.string().min(1) })
  .parse(process.env);
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
// Made on first use, as functions/platform/identity.ts does (jose's remote key set loads Node's fetch).
let keys: JWTVerifyGetKey | undefined;

const app = new Hono();
app.get(
  '/api/items/:id',
  zValidator('param', z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/) })),
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
