import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError } from '../src/errors.js';
import {
  assertRuntimeName,
  isRuntimeName,
  MAX_RUNTIME_NAME_LENGTH,
  toRuntimeName,
} from '../src/runtimeName.js';
import { catchError } from './support/catchError.js';

describe('assertRuntimeName and isRuntimeName', () => {
  it.each(['a', 'weather_server', 'Server2', `a${'b'.repeat(MAX_RUNTIME_NAME_LENGTH - 1)}`])(
    'accepts %j',
    (name) => {
      expect(() => assertRuntimeName(name)).not.toThrow();
      expect(isRuntimeName(name)).toBe(true);
    },
  );

  it.each([
    { case: 'a hyphen', name: 'weather-server', names: 'contains "-"', fix: 'weather_server' },
    {
      case: 'several bad characters',
      name: '@acme/weather.server',
      names: 'contains "@", "/", and "."',
      fix: 'acme_weather_server',
    },
    { case: 'a space', name: 'my server', names: 'contains " "', fix: 'my_server' },
    { case: 'a leading digit', name: '2fast', names: 'start with a letter', fix: 'mcp_2fast' },
    {
      case: 'a leading underscore',
      name: '_private',
      names: 'start with a letter',
      fix: 'private',
    },
    { case: 'an empty name', name: '', names: 'is required', fix: 'mcp_server' },
    {
      case: 'a name that is too long',
      name: 'a'.repeat(60),
      names: '60 characters long, but the limit is 48',
      fix: 'a'.repeat(48),
    },
  ])('rejects $case with a suggested fix', ({ name, names, fix }) => {
    expect(isRuntimeName(name)).toBe(false);
    const error = catchError(() => assertRuntimeName(name));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe('ERR_INVALID_RUNTIME_NAME');
    expect(error.message).toContain(`Invalid runtime name ${JSON.stringify(name)}`);
    expect(error.message).toContain(names);
    expect(error.message).toMatch(new RegExp(`try "${fix}"$`));
    expect(isRuntimeName(fix)).toBe(true);
  });

  it('rejects a non-string without a suggestion', () => {
    const error = catchError(() => assertRuntimeName(undefined));
    expect(error.code).toBe('ERR_INVALID_RUNTIME_NAME');
    expect(error.message).toBe('Invalid runtime name (undefined): a runtime name must be a string');
  });
});

describe('toRuntimeName', () => {
  it.each([
    { input: 'weather_server', name: 'weather_server' },
    { input: '@agentcore-mcp/example-server', name: 'agentcore_mcp_example_server' },
    { input: 'my--server!!', name: 'my_server' },
    { input: '123', name: 'mcp_123' },
    { input: '---', name: 'mcp_server' },
    { input: '', name: 'mcp_server' },
    { input: `${'a'.repeat(47)}-b`, name: 'a'.repeat(47) },
    // Deployable too: ECR and the image URI refuse `__` and a trailing `_`.
    { input: 'my__server', name: 'my_server' },
    { input: 'server_', name: 'server' },
    { input: 'a_-_b', name: 'a_b' },
  ])('turns $input into $name', ({ input, name }) => {
    expect(toRuntimeName(input)).toBe(name);
    expect(isRuntimeName(name)).toBe(true);
  });
});
