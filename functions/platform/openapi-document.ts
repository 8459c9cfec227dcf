import type { $ZodType } from 'zod/v4/core';
import { ProblemSchema } from '../../shared/platform/problem.ts';
import * as z from '../../shared/platform/zod.ts';
import { type MediaContent, type ResponseDeclaration, type RouteDeclaration, takesJson } from './routing.ts';

/**
 * An OpenAPI 3.1 document from route declarations, with zod's own JSON Schema output (draft 2020-12,
 * the dialect OpenAPI 3.1 uses). Requests are described as a caller sends them (`io: 'input'`: a
 * field with a default is optional), responses as the portal answers them.
 */
type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

/**
 * JSON Schema's `pattern` has no flags: a regex with `i` (or `m`, `s`…) would be written into the
 * document without it and refuse data the portal accepts. So the document is not made from one.
 */
function refuseFlaggedPatterns(schema: $ZodType): void {
  const checks = (schema._zod.def as { checks?: { _zod: { def: { pattern?: unknown } } }[] }).checks ?? [];
  for (const check of checks) {
    const pattern = check._zod.def.pattern;
    if (!(pattern instanceof RegExp)) continue;
    if (pattern.flags.replace(/[gu]/g, ''))
      throw new Error(`${pattern} has flags JSON Schema cannot carry: spell them out (e.g. [A-Za-z])`);
  }
}

function jsonSchema(schema: $ZodType, io: Io): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    // A transform or a custom check has no JSON Schema: it is described as what it accepts.
    unrepresentable: 'any',
    override: ({ zodSchema }) => refuseFlaggedPatterns(zodSchema as $ZodType),
  }) as JsonSchema;
  return rest;
}

function content(media: MediaContent, io: Io): Record<string, { schema: JsonSchema }> {
  return Object.fromEntries(
    Object.entries(media).map(([type, { schema }]) => [type, { schema: jsonSchema(schema, io) }]),
  );
}

/** An object schema's properties as OpenAPI parameters of one kind (path, query or header). */
function parameters(schema: $ZodType | undefined, where: 'path' | 'query' | 'header'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

const notJson = {
  description: 'The body is not JSON',
  content: { 'application/problem+json': { schema: ProblemSchema } },
};

function operation(route: RouteDeclaration): JsonSchema {
  const request = route.request;
  // Every route that takes a JSON body refuses another type (routing.ts).
  const responses = takesJson(route) ? { ...route.responses, 415: notJson } : route.responses;
  const params = [
    ...parameters(request?.params, 'path'),
    ...parameters(request?.query, 'query'),
    ...parameters(request?.headers, 'header'),
  ];
  return {
    ...(route.tags ? { tags: route.tags } : {}),
    ...(route.summary ? { summary: route.summary } : {}),
    ...(route.description ? { description: route.description } : {}),
    ...(route.security ? { security: route.security } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(request?.body
      ? {
          requestBody: {
            required: request.body.required ?? false,
            ...(request.body.description ? { description: request.body.description } : {}),
            content: content(request.body.content, 'input'),
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(responses as Record<string, ResponseDeclaration>).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(response.headers).map(([name, header]) => [
                    name,
                    {
                      description: header.description,
                      ...(header.schema ? { schema: jsonSchema(header.schema, 'output') } : {}),
                    },
                  ]),
                ),
              }
            : {}),
          ...(response.content ? { content: content(response.content, 'output') } : {}),
        },
      ]),
    ),
  };
}

export function openApiDocumentOf(
  routes: readonly RouteDeclaration[],
  info: { title: string; version: string; description: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    const operations = paths[route.path] as Record<string, JsonSchema>;
    if (operations[route.method]) throw new Error(`${route.method} ${route.path} is declared twice`);
    operations[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}
