// Two real upstream servers with the same tool names behind one gateway: the prefix modes, the
// allow/deny filters and the 64-character limit, seen by a real MCP client.
import { toolText } from '@agentcore-mcp/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { type ProxyGateway, startProxyGateway } from './support/startProxyGateway.js';
import { startUpstreamFixture } from './support/upstreamProcesses.js';

type Upstream = Awaited<ReturnType<typeof startUpstreamFixture>>;

const ALL_TOOLS = ['echo', 'slow', 'progress', 'whoami', 'ask_model', 'ask_user'];

describe('tool naming across two targets with the same tool names', () => {
  let alpha: Upstream;
  let beta: Upstream;
  const open: ProxyGateway[] = [];

  /** alpha serves every fixture tool, beta only echo and whoami. */
  const start = async (gateway: Record<string, unknown>, servers?: Record<string, unknown>) => {
    const proxy = await startProxyGateway({
      mcpServers: servers ?? { alpha: { url: alpha.url }, beta: { url: beta.url } },
      gateway,
    });
    open.push(proxy);
    return { proxy, client: await proxy.connect() };
  };
  const toolNames = async (client: Awaited<ReturnType<typeof start>>['client']) =>
    (await client.listTools()).tools.map((tool) => tool.name).sort();

  beforeAll(async () => {
    [alpha, beta] = await Promise.all([
      startUpstreamFixture({ name: 'alpha' }),
      startUpstreamFixture({ name: 'beta', tools: ['echo', 'whoami'] }),
    ]);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((proxy) => proxy.close()));
  });
  afterAll(async () => {
    await Promise.all([alpha?.stop(), beta?.stop()]);
  });

  it('always: exposes every tool of both targets prefixed, each routed to its own target', async () => {
    const { proxy, client } = await start({ toolNamePrefix: 'always' });
    expect(await toolNames(client)).toEqual(
      [
        ...ALL_TOOLS.map((tool) => `alpha___${tool}`),
        'beta___echo',
        'beta___whoami',
        'gateway_status',
      ].sort(),
    );
    const echo = (name: string) => client.callTool({ name, arguments: { message: 'hi' } });
    expect(toolText(await echo('alpha___echo'))).toBe('alpha: hi');
    expect(toolText(await echo('beta___echo'))).toBe('beta: hi');
    expect(proxy.gateway.status().problems).toEqual([]);
  });

  it('on-collision: prefixes only the names both targets serve', async () => {
    const { proxy, client } = await start({ toolNamePrefix: 'on-collision' });
    expect(await toolNames(client)).toEqual(
      [
        'alpha___echo',
        'alpha___whoami',
        'beta___echo',
        'beta___whoami',
        'slow',
        'progress',
        'ask_model',
        'ask_user',
        'gateway_status',
      ].sort(),
    );
    expect(toolText(await client.callTool({ name: 'slow', arguments: { ms: 0 } }))).toBe(
      'alpha: slept 0 ms',
    );
    expect(
      toolText(await client.callTool({ name: 'beta___echo', arguments: { message: 'x' } })),
    ).toBe('beta: x');
    expect(proxy.gateway.status().problems).toEqual([]);
  });

  it('never: the first target in configuration order wins; the other is reported, not fatal', async () => {
    const { proxy, client } = await start(
      { toolNamePrefix: 'never' },
      { beta: { url: beta.url }, alpha: { url: alpha.url } },
    );
    expect(await toolNames(client)).toEqual([...ALL_TOOLS, 'gateway_status'].sort());
    expect(toolText(await client.callTool({ name: 'echo', arguments: { message: 'x' } }))).toBe(
      'beta: x',
    );
    expect(toolText(await client.callTool({ name: 'slow', arguments: { ms: 0 } }))).toBe(
      'alpha: slept 0 ms',
    );
    const problems = proxy.gateway.status().problems;
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'collision', name: 'echo', target: 'alpha' }),
      expect.objectContaining({ kind: 'collision', name: 'whoami', target: 'alpha' }),
    ]);
    expect(problems[0]?.message).toBe(
      'tool "echo" of target "alpha" is already served by target "beta"; it is left out: set "toolNamePrefix" to "always" or "on-collision", give the targets different prefixes, or deny the tool on one of them',
    );
    const status = (await (await fetch(new URL('/status', proxy.url))).json()) as {
      healthyTargets: number;
      problems: unknown[];
    };
    expect(status.healthyTargets).toBe(2);
    expect(status.problems).toEqual(problems);
  });

  it('filters tools with allow and deny globs over the upstream names', async () => {
    const { client } = await start(
      {},
      {
        alpha: { url: alpha.url, tools: { allow: ['ask_*', 'echo', 'slo?'], deny: ['ask_user'] } },
        beta: { url: beta.url, tools: { deny: ['who*'] } },
      },
    );
    expect(await toolNames(client)).toEqual(
      ['alpha___ask_model', 'alpha___echo', 'alpha___slow', 'beta___echo', 'gateway_status'].sort(),
    );
    for (const name of ['alpha___ask_user', 'beta___whoami', 'alpha___progress']) {
      await expect(client.callTool({ name, arguments: {} })).rejects.toMatchObject({
        code: -32602,
        message: expect.stringContaining(`Unknown tool "${name}"`) as unknown,
      });
    }
  });

  it('leaves out a tool whose prefixed name would exceed 64 characters, saying how to fix it', async () => {
    const prefix = 'p'.repeat(55);
    const { proxy, client } = await start({}, { alpha: { url: alpha.url, prefix } });
    // 55 + "___" + "whoami" is exactly 64; "progress", "ask_model" and "ask_user" are too long.
    expect(await toolNames(client)).toEqual(
      [`${prefix}___echo`, `${prefix}___slow`, `${prefix}___whoami`, 'gateway_status'].sort(),
    );
    expect(
      toolText(await client.callTool({ name: `${prefix}___echo`, arguments: { message: 'm' } })),
    ).toBe('alpha: m');
    const problems = proxy.gateway.status().problems;
    expect(problems.map((problem) => [problem.kind, problem.target, problem.name])).toEqual([
      ['name-too-long', 'alpha', `${prefix}___progress`],
      ['name-too-long', 'alpha', `${prefix}___ask_model`],
      ['name-too-long', 'alpha', `${prefix}___ask_user`],
    ]);
    expect(problems[0]?.message).toBe(
      `Gateway tool name "${prefix}___progress" is 66 characters, longer than the 64-character limit: use a target prefix of at most 53 characters instead of "${prefix}" (target "alpha"; the tool is left out)`,
    );
  });
});
