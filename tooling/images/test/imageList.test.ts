import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { IMAGES } from '../src/imageList.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('the image list', () => {
  it('names each image once and holds every app that has a Dockerfile', () => {
    const names = IMAGES.map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const app of ['example-server', 'external-server', 'gateway-service', 'deploy-cli'])
      expect(names).toContain(app);
  });

  it('holds the project of every template agentcore-mcp init writes, as init-<template>', () => {
    const templates = readdirSync(join(root, 'apps/deploy-cli/templates'));
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) {
      const spec = IMAGES.find(({ name }) => name === `init-${template}`);
      expect(spec?.prepare, template).toBeTypeOf('function');
      expect(spec?.dockerfile).toBe(`apps/deploy-cli/templates/${template}/Dockerfile`);
    }
  });

  it.each(IMAGES.map((spec) => [spec.name, spec] as const))(
    '%s: its context and Dockerfile exist, and every --target is a stage of it',
    (_name, spec) => {
      expect(existsSync(join(root, spec.context))).toBe(true);
      const dockerfile = readFileSync(join(root, spec.dockerfile), 'utf8');
      for (const { target } of spec.targets ?? [])
        expect(dockerfile).toMatch(new RegExp(`^FROM \\S+ AS ${target}$`, 'm'));
    },
  );

  it('builds the observability stage of every Dockerfile that has one, and checks ADOT starts', () => {
    for (const spec of IMAGES) {
      const dockerfile = readFileSync(join(root, spec.dockerfile), 'utf8');
      const observability = spec.targets?.find(({ target }) => target === 'observability');
      expect(observability !== undefined, spec.name).toBe(
        /^FROM \S+ AS observability$/m.test(dockerfile),
      );
      if (observability !== undefined)
        expect(observability.expectLine?.proves).toBe('ADOT started');
    }
  });
});
