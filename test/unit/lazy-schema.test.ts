import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazySchema } from '../../shared/platform/lazy-schema.ts';

/**
 * Schemas declared with lazySchema are built on first use (shared/platform/lazy-schema.ts), so an area's
 * function builds none of them at cold start. What must hold: nothing is built until the schema is
 * used, it is built once, and it behaves in every way as the schema it stands for.
 */
function counted() {
  let builds = 0;
  const schema = lazySchema(() => {
    builds += 1;
    return z.strictObject({
      name: z.string().trim().min(1, 'Enter a name'),
      age: z.number().int().optional(),
    });
  });
  return { schema, builds: () => builds };
}

describe('a lazily built schema', () => {
  it('is not built when declared, nor when another schema or a route declaration refers to it', () => {
    const { schema, builds } = counted();
    const outer = z.object({ person: schema, people: z.array(schema) });
    const route = { request: { body: { content: { 'application/json': { schema } } } } };
    expect(builds()).toBe(0);
    expect(outer).toBeDefined();
    expect(route.request.body.content['application/json'].schema).toBe(schema);
  });

  it('is built once, on first use, and then validates exactly as the schema itself', () => {
    const { schema, builds } = counted();
    expect(schema.parse({ name: '  Ada ' })).toEqual({ name: 'Ada' });
    const refused = schema.safeParse({ name: ' ', extra: 1 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join('.') || '(body)', i.message])).toEqual([
      ['name', 'Enter a name'],
      ['(body)', 'Unrecognized key: "extra"'],
    ]);
    expect(builds()).toBe(1);
  });

  it('can be extended, made optional and nested, and is a zod schema to whoever checks', () => {
    const { schema } = counted();
    const extended = schema.extend({ email: z.email() });
    expect(extended.safeParse({ name: 'Ada', email: 'not-an-email' }).success).toBe(false);
    expect(z.object({ p: schema.optional() }).parse({})).toEqual({});
    expect(z.object({ p: schema }).safeParse({ p: { name: '' } }).error?.issues[0]?.path).toEqual([
      'p',
      'name',
    ]);
    expect(schema instanceof z.ZodObject).toBe(true);
    expect(Object.keys(schema.shape)).toEqual(['name', 'age']);
  });
});
