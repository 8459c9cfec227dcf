import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/directory/openapi.ts';

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const doc = openApiDocument() as Document;
const operation = (method: string, path: string) => doc.paths[path]?.[method];

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes path, query and header parameters from the schemas that validate them', () => {
    const read = operation('get', '/api/referrals/{id}');
    const id = read?.parameters?.find((p) => p.in === 'path' && p.name === 'id');
    expect(id?.required).toBe(true);
    expect(id?.schema.pattern).toBeDefined();
    const list = operation('get', '/api/board/actions');
    const limit = list?.parameters?.find((p) => p.name === 'limit');
    // A caller may leave out a field with a default: it is described as the caller sends it.
    expect(limit).toMatchObject({ in: 'query', required: false });
    const update =
      operation('patch', '/api/board/actions/{id}') ?? operation('put', '/api/board/actions/{id}');
    expect(update?.parameters?.some((p) => p.in === 'header' && p.name === 'if-match')).toBe(true);
  });

  it("gives request bodies their schema's fields, limits and messages' rules", () => {
    const create = operation('post', '/api/agencies');
    const body = create?.requestBody?.content['application/json']?.schema as {
      properties?: Record<string, { maxLength?: number }>;
      additionalProperties?: unknown;
    };
    expect(body.properties?.name?.maxLength).toBeGreaterThan(0);
    // Strict objects refuse unknown fields, and say so.
    expect(body.additionalProperties).toBe(false);
  });

  it('documents the audit routes beside every other area', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/audit/subject-access',
        '/api/guidance',
        '/api/referrals',
        '/api/people/{id}/suspend',
      ]),
    );
  });

  it('writes patterns JSON Schema reads as the portal does: no flags, so lower-case postcodes and references still match', () => {
    const patterns: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'pattern' && typeof value === 'string') patterns.push(value);
          else walk(value);
        }
      }
    };
    walk(doc.paths);
    expect(patterns.length).toBeGreaterThan(20);
    // A JSON Schema validator compiles each pattern as it stands, with no flags.
    for (const pattern of patterns) expect(() => new RegExp(pattern, 'u')).not.toThrow();
    const body = (method: string, path: string) =>
      JSON.stringify(operation(method, path)?.requestBody?.content['application/json']?.schema);
    const postcode = /"postcode":\{[^}]*"pattern":"((?:[^"\\]|\\.)*)"/.exec(
      body('post', '/api/referrals'),
    )?.[1];
    expect(postcode).toBeDefined();
    for (const value of ['NS1 2AB', 'ns1 2ab', 'Ns12Ab'])
      expect(new RegExp(JSON.parse(`"${postcode}"`), 'u').test(value)).toBe(true);
    expect(new RegExp(JSON.parse(`"${postcode}"`), 'u').test('not a postcode')).toBe(false);
    const reference = /"reference":\{[^}]*"pattern":"((?:[^"\\]|\\.)*)"/.exec(
      body('post', '/api/board/actions'),
    )?.[1];
    expect(reference).toBeDefined();
    for (const value of ['BA-014', 'ba-014'])
      expect(new RegExp(JSON.parse(`"${reference}"`), 'u').test(value)).toBe(true);
  });
});
