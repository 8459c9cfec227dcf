import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/**
 * The floor of this architecture for the cold-start benchmark: a Hono app with one route that makes
 * one GetItem through the document client, bundled exactly as the area functions are. Nothing else.
 */
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const tableName = process.env.TABLE_NAME ?? 'floor';

const app = new Hono();
app.get('/api/items/:id', async (c) => {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: { pk: `ITEM#${c.req.param('id')}`, sk: 'ITEM' } }),
  );
  return Item ? c.json(Item) : c.json({ title: 'Not found' }, 404);
});

export const handler = handle(app);
