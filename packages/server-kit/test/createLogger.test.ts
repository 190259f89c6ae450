import { describe, expect, it } from 'vitest';

import { createLogger } from '../src/index.js';

function capture(level?: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    name: 'unit',
    level,
    destination: {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON line with the level as a word, an ISO time and the service name', () => {
    const { logger, lines } = capture();
    logger.info({ port: 8000 }, 'listening');
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/) as unknown,
        service: 'unit',
        port: 8000,
        msg: 'listening',
      },
    ]);
  });

  it('redacts tokens and passwords even if a caller logs them', () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        authorization: 'Bearer eyJhbGciOi',
        token: 'abc',
        password: 'hunter2',
        headers: { authorization: 'Bearer x' },
      },
      'careless',
    );
    expect(JSON.stringify(lines)).not.toMatch(/eyJhbGciOi|hunter2|abc|Bearer x/);
    expect(lines[0]).toMatchObject({
      authorization: '[redacted]',
      token: '[redacted]',
      password: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => line.msg)).toEqual(['loud']);
  });
});
