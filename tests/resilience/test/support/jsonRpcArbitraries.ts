import fc from 'fast-check';

/** Keys that attack prototypes when a server copies or merges objects naively. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const METHODS = [
  'ping',
  'initialize',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/read',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'notifications/cancelled',
  'notifications/initialized',
  ...PROTOTYPE_KEYS,
];

/** A JSON object as text whose keys may be `__proto__` and friends (kept as own keys). */
function objectText(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'message', 'name'), fc.string());
  return fc
    .array(fc.tuple(key, value), { maxLength: 5 })
    .map(
      (entries) =>
        `{${entries.map(([name, text]) => `${JSON.stringify(name)}:${text}`).join(',')}}`,
    );
}

const jsonText = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null');

/**
 * Request bodies from nonsense to nearly valid: any string, any JSON, and JSON-RPC-shaped objects
 * with wrong types, unknown or prototype-named methods, and arguments keyed `__proto__`.
 *
 * @param echoTool - The surface's name for example-server's echo tool, so some calls are valid.
 * @returns An arbitrary of raw bodies.
 */
export function hostileBody(echoTool: string): fc.Arbitrary<string> {
  const toolParams = fc
    .record({
      name: fc.oneof(
        fc.constant(JSON.stringify(echoTool)),
        fc.constantFrom(...PROTOTYPE_KEYS).map((key) => JSON.stringify(key)),
        jsonText,
      ),
      arguments: fc.oneof(objectText(jsonText), jsonText),
    })
    .map(({ name, arguments: args }) => `{"name":${name},"arguments":${args}}`);
  const field = (name: string, value: fc.Arbitrary<string>) =>
    fc.option(
      value.map((text) => `${JSON.stringify(name)}:${text}`),
      { nil: undefined },
    );
  const message = fc
    .tuple(
      field('jsonrpc', fc.oneof(fc.constant('"2.0"'), jsonText)),
      field(
        'id',
        fc.oneof(
          fc.integer().map(String),
          fc.string().map((id) => JSON.stringify(id)),
          jsonText,
        ),
      ),
      field(
        'method',
        fc.oneof(
          fc.constantFrom(...METHODS).map((method) => JSON.stringify(method)),
          jsonText,
        ),
      ),
      field('params', fc.oneof(toolParams, objectText(jsonText), jsonText)),
      field('__proto__', objectText(jsonText)),
    )
    .map((fields) => `{${fields.filter((text) => text !== undefined).join(',')}}`);
  return fc.oneof(
    { arbitrary: message, weight: 6 },
    {
      arbitrary: fc.array(message, { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      weight: 1,
    },
    { arbitrary: jsonText, weight: 1 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  );
}
