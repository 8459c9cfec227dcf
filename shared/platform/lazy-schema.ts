/**
 * A schema built the first time something uses it, not when its module loads.
 *
 * zod builds a schema's whole tree where it is declared, and an area's Lambda function loads every
 * schema of its area (and the OpenAPI-only response schemas) at cold start, while any one request
 * needs one route's. Building them all cost each function 30-50 ms before its first request
 * (`npm run bench`, cold start). Wrapped in `lazySchema`, a schema costs nothing until a request,
 * another schema or the OpenAPI document touches it; it is then built once and every use reaches that
 * one schema, so parsing, `.extend()`, `z.infer` and the OpenAPI generator see an ordinary zod schema.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = () => {
    built ??= build();
    return built;
  };
  // A stand-in object: every way of looking at it is answered by the built schema.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported as configurable: a proxy may not claim a fixed property its stand-in does not have.
    getOwnPropertyDescriptor: (_, key) => {
      const found = Reflect.getOwnPropertyDescriptor(schema(), key);
      return found && { ...found, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
