import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';

import { createCommandContext } from '../src/commandContext.js';
import { createOutput } from '../src/output.js';

const output = createOutput({ stdout: { write: () => true }, stderr: { write: () => true } });

describe('createCommandContext', () => {
  it('keeps what it was given and fills in the process defaults', () => {
    const context = createCommandContext({ output, cwd: '/project', env: {}, interactive: false });

    expect(context).toMatchObject({ output, cwd: '/project', env: {}, interactive: false });
    expect(context.now()).toBeInstanceOf(Date);
    expect(Object.keys(context.prompts).sort()).toEqual(['confirm', 'input', 'select']);
  });

  it('lets a test replace any part', () => {
    const now = () => new Date(0);
    const context = createCommandContext({ output, cwd: '/', env: {}, interactive: true, now });

    expect(context.now).toBe(now);
    expect(context.interactive).toBe(true);
  });

  it('opens AWS on first use: clients for the region and a sender that records in a dry run', async () => {
    const context = createCommandContext({ output, cwd: '/', env: {}, interactive: false });

    const { clients, aws } = await context.openAws({
      region: 'eu-west-1',
      profile: 'dev',
      dryRun: true,
    });
    const answer = await aws.send(
      clients.s3,
      new PutObjectCommand({ Bucket: 'b', Key: 'k' }),
      () => 'recorded',
    );

    expect(clients.target).toEqual({ region: 'eu-west-1', profile: 'dev' });
    expect(answer).toBe('recorded');
    expect(aws.requests).toEqual([
      { service: 's3', operation: 'PutObject', input: { Bucket: 'b', Key: 'k' } },
    ]);
  });
});
