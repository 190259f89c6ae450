import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { assertDockerfile, readDockerfileStages } from '../../src/build/checkDockerfile.js';

describe('readDockerfileStages', () => {
  it.each([
    ['FROM node:24-slim\n', []],
    ['FROM node:24-slim AS build\nFROM build AS Runner\n', ['build', 'runner']],
    ['from --platform=$BUILDPLATFORM node:24 as base\n', ['base']],
    ['FROM node:24-slim \\\n  AS observability\n', ['observability']],
    ['# FROM runner AS observability\nFROM node:24-slim\n', []],
    ['FROM runner AS observability # not a comment: an argument\n', []],
    ['RUN echo "FROM x AS observability"\nFROM node:24 AS runner\n', ['runner']],
  ])('reads the stages of %j', (text, stages) => {
    expect(readDockerfileStages(text)).toEqual(stages);
  });
});

describe('assertDockerfile', () => {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-mcp-dockerfile-'));
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:24-slim AS runner\n');
  writeFileSync(
    join(root, 'Dockerfile.otel'),
    'FROM node:24-slim AS runner\nFROM runner AS observability\n',
  );

  it('accepts a Dockerfile without stages when observability is off, and one with the stage when on', () => {
    expect(() =>
      assertDockerfile(root, { dockerfile: 'Dockerfile', observability: false }),
    ).not.toThrow();
    expect(() =>
      assertDockerfile(root, { dockerfile: 'Dockerfile.otel', observability: true }),
    ).not.toThrow();
  });

  it('names the missing stage, how to add it, and the caller’s way out', () => {
    expect(() =>
      assertDockerfile(root, {
        dockerfile: 'Dockerfile',
        observability: true,
        withoutObservability: 'drop --observability',
      }),
    ).toThrow(
      'Dockerfile has no stage named observability, which observability builds (docker build --target observability): add a stage "FROM <your runtime stage> AS observability" that installs ADOT for Node (the Dockerfile agentcore-mcp init generates has one), or drop --observability',
    );
  });

  it('names a missing Dockerfile and the fix', () => {
    expect(() =>
      assertDockerfile(root, {
        dockerfile: 'gone/Dockerfile',
        observability: false,
        missingFix: 'pass --dockerfile <path>',
      }),
    ).toThrow(`The Dockerfile gone/Dockerfile is missing from ${root}: pass --dockerfile <path>`);
  });
});
