import { describe, expect, it } from 'vitest';

import { findNpmNameProblem, toImageName, toNpmName } from '../../src/init/npmPackageName.js';

describe('npm package names', () => {
  it.each([
    ['my-server', undefined],
    ['@acme/weather.server_2', undefined],
    ['', 'it is empty'],
    ['My-Server', 'it has uppercase letters'],
    [' my-server', 'it has leading or trailing spaces'],
    ['.hidden', 'it starts with "." or "_"'],
    ['@acme/_private', 'it starts with "." or "_"'],
    ['my server', 'it has characters that are not URL-safe (only a-z, 0-9, "-", "." and "_")'],
    ['wow!', "it has one of ~'!()*"],
    ['http', '"http" is a Node.js core module'],
    ['node_modules', '"node_modules" is reserved'],
    ['@acme/', 'its scope or name is empty'],
    ['a'.repeat(215), 'it is longer than 214 characters'],
  ])('findNpmNameProblem(%j) → %j', (name, problem) => {
    expect(findNpmNameProblem(name)).toBe(problem);
  });

  it.each([
    ['My MCP Server', 'my-mcp-server'],
    ['__weather__', 'weather__'],
    ['!!!', 'mcp-server'],
    ['http', 'mcp-server'],
  ])('toNpmName(%j) → %j, which npm accepts', (input, name) => {
    expect(toNpmName(input)).toBe(name);
    expect(findNpmNameProblem(name)).toBeUndefined();
  });

  it('toImageName drops the scope', () => {
    expect(toImageName('@acme/weather-server')).toBe('weather-server');
    expect(toImageName('weather')).toBe('weather');
  });
});
