import { describe, expect, it } from 'vitest';

import { expandConfigVariables, listConfigVariables } from '../../src/index.js';
import { catchConfigError } from './catchConfigError.js';

describe('expandConfigVariables', () => {
  it.each([
    ['Bearer ${TOKEN}', { TOKEN: 'abc' }, 'Bearer abc'],
    ['${HOST:-localhost}:${PORT:-80}', { PORT: '' }, 'localhost:80'],
    ['${HOST:-localhost}', { HOST: 'example.com' }, 'example.com'],
    ['$${TOKEN} costs $5', { TOKEN: 'abc' }, '${TOKEN} costs $5'],
    ['plain', {}, 'plain'],
  ])('%j with %j is %j', (text, env, value) => {
    expect(expandConfigVariables(text, env)).toEqual({ ok: true, value });
  });

  it('names the first variable that is not set', () => {
    expect(expandConfigVariables('${A:-a}${B}${C}', {})).toEqual({ ok: false, missing: 'B' });
    expect(expandConfigVariables('${EMPTY}', { EMPTY: '' })).toEqual({ ok: true, value: '' });
  });

  it.each([
    [
      '${UNCLOSED',
      'Invalid gateway config: unclosed "${"; write ${VAR} or ${VAR:-default}, or $${ for a literal "${"',
    ],
    [
      '${1X}',
      'Invalid gateway config: "${1X}" is not a valid variable reference; expected ${NAME} or ${NAME:-default} with NAME of letters, digits and "_" (not starting with a digit), or $${ for a literal "${"',
    ],
  ])('rejects the malformed reference %j', (text, message) => {
    expect(catchConfigError(() => expandConfigVariables(text, {})).message).toBe(message);
  });
});

describe('listConfigVariables', () => {
  it('lists every reference in order with its default, and none for $${', () => {
    expect(listConfigVariables('${HOST:-localhost}:${PORT} $${LITERAL} ${HOST}')).toEqual([
      { name: 'HOST', fallback: 'localhost' },
      { name: 'PORT', fallback: undefined },
      { name: 'HOST', fallback: undefined },
    ]);
    expect(listConfigVariables('Bearer abc')).toEqual([]);
  });

  it('rejects a malformed reference', () => {
    expect(catchConfigError(() => listConfigVariables('${no good}')).message).toMatch(
      /"\$\{no good\}" is not a valid variable reference/,
    );
  });
});
