import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  BedrockAgentCoreControlClient,
  GetGatewayTargetCommand,
  SynchronizeGatewayTargetsCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { syncManagedTargets } from '../../src/gateway/syncManagedTargets.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import { testContext } from '../testContext.js';
import { FILES_ID, GATEWAY_ID, registeredProject, TARGET_ID } from './managedGatewayFixture.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({ 'bedrock-agentcore': agentCore });

beforeAll(() => {
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
beforeEach(() => {
  agentCore.reset();
});

const sync = (targetId: string) => ({
  service: 'bedrock-agentcore',
  operation: 'SynchronizeGatewayTargets',
  input: { gatewayIdentifier: GATEWAY_ID, targetIdList: [targetId] },
});
const get = (targetId: string) => ({
  service: 'bedrock-agentcore',
  operation: 'GetGatewayTarget',
  input: { gatewayIdentifier: GATEWAY_ID, targetId },
});

describe('gateway sync', () => {
  it('synchronizes each recorded target with one target id per call and waits for READY', async () => {
    agentCore.on(SynchronizeGatewayTargetsCommand).resolves({ targets: [] });
    agentCore
      .on(GetGatewayTargetCommand, { targetId: TARGET_ID })
      .resolvesOnce({ targetId: TARGET_ID, status: 'SYNCHRONIZING' })
      .resolves({ targetId: TARGET_ID, status: 'READY' });
    agentCore
      .on(GetGatewayTargetCommand, { targetId: FILES_ID })
      .resolves({ targetId: FILES_ID, status: 'READY' });
    const context = testContext({ cwd: registeredProject() });

    await syncManagedTargets({}, context);

    expect(context.aws.requests).toEqual([
      sync(TARGET_ID),
      get(TARGET_ID),
      get(TARGET_ID),
      sync(FILES_ID),
      get(FILES_ID),
    ]);
    expect(context.sleeps).toEqual([5_000]);
    expect(context.stdout).toEqual([
      `Synchronizing target weather-api (${TARGET_ID})`,
      'Target weather-api is READY: its tools were listed again',
      `Synchronizing target files (${FILES_ID})`,
      'Target files is READY: its tools were listed again',
    ]);
  });

  it('--target picks one target by its config name', async () => {
    agentCore.on(SynchronizeGatewayTargetsCommand).resolves({ targets: [] });
    agentCore.on(GetGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'READY' });
    const context = testContext({ cwd: registeredProject() });

    await syncManagedTargets({ target: 'weather_api' }, context);

    expect(context.aws.requests).toEqual([sync(TARGET_ID), get(TARGET_ID)]);
  });

  it('reports SYNCHRONIZE_UNSUCCESSFUL with its reasons on one line', async () => {
    agentCore.on(SynchronizeGatewayTargetsCommand).resolves({ targets: [] });
    agentCore.on(GetGatewayTargetCommand).resolves({
      targetId: FILES_ID,
      status: 'SYNCHRONIZE_UNSUCCESSFUL',
      statusReasons: ['MCP server returned 503'],
    });
    const context = testContext({ cwd: registeredProject() });

    await expect(syncManagedTargets({ target: 'files' }, context)).rejects.toThrow(
      `Target files (${FILES_ID}) is SYNCHRONIZE_UNSUCCESSFUL: MCP server returned 503 — AgentCore could not list the server's tools: it must answer MCP over streamable HTTP at a public https:// URL without credentials; fix it, then run agentcore-mcp gateway sync --target files`,
    );
  });

  it('--dry-run prints the requests', async () => {
    const context = testContext({ cwd: registeredProject(), dryRun: true });

    await syncManagedTargets({ target: 'files' }, context);

    expect(context.stdout).toEqual([
      `Synchronizing target files (${FILES_ID})`,
      'Dry run: nothing was sent. The 2 AWS requests, in order:',
      `  1. bedrock-agentcore:SynchronizeGatewayTargets {"gatewayIdentifier":"${GATEWAY_ID}","targetIdList":["${FILES_ID}"]}`,
      `  2. bedrock-agentcore:GetGatewayTarget {"gatewayIdentifier":"${GATEWAY_ID}","targetId":"${FILES_ID}"}`,
    ]);
    expect(agentCore.calls()).toEqual([]);
  });

  it.each([
    [
      'an unknown target',
      (cwd: string) => ({ cwd, target: 'nope' }),
      'No target "nope" in .agentcore-mcp/managed-gateway.json (recorded: weather_api, files); pass one of those, or run register-managed after adding it to the config',
    ],
    [
      'no state file',
      () => ({ cwd: mkdtempSync(join(tmpdir(), 'agentcore-mcp-sync-')), target: undefined }),
      'run agentcore-mcp gateway register-managed --config gateway.json first',
    ],
  ])('refuses %s', async (_case, pick, message) => {
    const { cwd, target } = pick(registeredProject());
    const context = testContext({ cwd });

    await expect(syncManagedTargets({ target }, context)).rejects.toThrow(message);
    expect(context.aws.requests).toEqual([]);
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of gateway sync', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['gateway sync'], sentRequests())).toEqual([]);
  });
});
