import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  findAwsStringProblem,
  firstLine,
  isAwsRegion,
  isRuntimeName,
  parseAuthorizerConfig,
  parseHeaderAllowlist,
} from '@agentcore-mcp/core';
import { parseDocument, stringify } from 'yaml';
import { z } from 'zod';

import { AWS_NAME_RULES } from '../aws/awsNameRules.js';
import { CliError } from '../errors.js';
import { PROJECT_CONFIG_FILE, type ProjectConfig, type RuntimeProject } from './projectConfig.js';

const AUTHORIZER_EXPECTED =
  'expected {customJWTAuthorizer: {discoveryUrl, allowedClients…}}, as the AgentCore API takes it';

const seconds = z.number().int().min(60).max(28_800);

const deploymentSchema = z.strictObject({
  account: z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id'),
  runtimeId: z.string().min(1),
  runtimeArn: z.string().min(1),
  runtimeVersion: z.string().optional(),
  executionRoleArn: z.string().min(1),
  ecrRepositoryUri: z.string().min(1),
  imageUri: z.string().min(1),
  codeBuildProject: z.string().optional(),
  sourceBucket: z.string().optional(),
  launchedAt: z.string().min(1),
});

const runtimeSchema = z.strictObject({
  name: z
    .string()
    .refine(isRuntimeName, 'expected a runtime name: a letter, then up to 47 letters, digits or _'),
  entrypoint: z.string().min(1, "expected the app directory, e.g. '.' or server"),
  dockerfile: z.string().min(1, 'expected the Dockerfile path, e.g. Dockerfile'),
  protocol: z.literal('MCP', 'expected MCP'),
  region: z.string().refine(isAwsRegion, 'expected an AWS region such as us-east-1'),
  // The API's union shape, which launch sends as is; parseAuthorizerConfig checks the inside.
  authorizer: z
    .strictObject(
      { customJWTAuthorizer: z.record(z.string(), z.unknown(), AUTHORIZER_EXPECTED) },
      AUTHORIZER_EXPECTED,
    )
    .optional(),
  requestHeaderAllowlist: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  lifecycle: z
    .strictObject({
      idleRuntimeSessionTimeout: seconds.optional(),
      maxLifetime: seconds.optional(),
    })
    .optional(),
  observability: z.boolean().optional(),
  outboundOauthProviders: z
    .array(
      z
        .string()
        .refine(
          (name) => findAwsStringProblem(AWS_NAME_RULES.credentialProviderName, name) === undefined,
          `expected the names of AgentCore Identity OAuth2 credential providers (${AWS_NAME_RULES.credentialProviderName.modelPattern}, ${AWS_NAME_RULES.credentialProviderName.shape})`,
        ),
    )
    .optional(),
  deployment: deploymentSchema.optional(),
});

const projectSchema = z.strictObject({
  version: z.literal(1, 'expected 1'),
  default: z.string().min(1),
  runtimes: z.record(z.string(), runtimeSchema),
});

/**
 * Reads and validates the project file.
 *
 * @param directory - The project root (where `configure` ran).
 * @returns The project, or `undefined` when there is no file yet.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` naming the file, the key and what is
 *   expected.
 */
export function readProjectConfig(directory: string): ProjectConfig | undefined {
  const path = join(directory, PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw invalid(path, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const [first] = document.errors;
    throw invalid(path, `not valid YAML (${first ? firstLine(first.message) : 'parse error'})`);
  }
  const parsed = projectSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const key = issue?.path.join('.') ?? '';
    throw invalid(path, `${key === '' ? '' : `${key}: `}${issue?.message ?? 'invalid'}`);
  }
  const project = parsed.data as ProjectConfig;
  for (const [key, runtime] of Object.entries(project.runtimes)) {
    checkRuntime(path, key, runtime);
  }
  if (!(project.default in project.runtimes)) {
    throw invalid(
      path,
      `default: "${project.default}" is not one of runtimes (${Object.keys(project.runtimes).join(', ')})`,
    );
  }
  return project;
}

/**
 * Picks the runtime a command works on.
 *
 * @param directory - The project root.
 * @param name - `--name`, or the project's default.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when the project is not configured or has
 *   no runtime of that name.
 */
export function requireRuntime(
  directory: string,
  name?: string,
): { project: ProjectConfig; runtime: RuntimeProject } {
  const project = readProjectConfig(directory);
  if (project === undefined) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `No ${PROJECT_CONFIG_FILE} in ${directory}: run agentcore-mcp configure -e <app directory> first`,
    );
  }
  const key = name ?? project.default;
  const runtime = project.runtimes[key];
  if (runtime === undefined) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `No runtime "${key}" in ${PROJECT_CONFIG_FILE} (configured: ${Object.keys(project.runtimes).join(', ')}): pass --name or run agentcore-mcp configure --name ${key}`,
    );
  }
  return { project, runtime };
}

/**
 * Writes the project file with a header that documents it. It never holds secrets: tokens and
 * passwords live in `.agentcore-mcp/` (mode 0600), never here.
 */
export function writeProjectConfig(directory: string, project: ProjectConfig): string {
  const path = join(directory, PROJECT_CONFIG_FILE);
  const header = [
    '# agentcore-mcp project configuration, written by `agentcore-mcp configure` and `launch`.',
    '# One entry per runtime under `runtimes`; `default` is used when --name is not given.',
    '# Fields: entrypoint (app directory), dockerfile, protocol (MCP), region, authorizer',
    '# (AgentCore customJWTAuthorizer; absent = IAM/SigV4), requestHeaderAllowlist, environment',
    '# (plain text: never put secrets here), lifecycle (seconds), observability (ADOT),',
    '# outboundOauthProviders (AgentCore Identity providers the code takes tokens from), and',
    '# deployment (filled in by launch: runtime ARN, image, role). Safe to commit: no secrets.',
    '',
  ].join('\n');
  writeFileSync(path, header + stringify(project, { lineWidth: 0 }), { mode: 0o644 });
  return path;
}

/** Replaces (or adds) one runtime and returns the new project. */
export function withRuntime(
  project: ProjectConfig | undefined,
  runtime: RuntimeProject,
  makeDefault: boolean,
): ProjectConfig {
  return {
    version: 1,
    default: makeDefault || project === undefined ? runtime.name : project.default,
    runtimes: { ...project?.runtimes, [runtime.name]: runtime },
  };
}

function checkRuntime(path: string, key: string, runtime: RuntimeProject): void {
  if (runtime.name !== key) {
    throw invalid(path, `runtimes.${key}.name: "${runtime.name}" must equal its key "${key}"`);
  }
  try {
    if (runtime.authorizer !== undefined) parseAuthorizerConfig(runtime.authorizer);
    if (runtime.requestHeaderAllowlist !== undefined)
      parseHeaderAllowlist(runtime.requestHeaderAllowlist);
  } catch (error) {
    throw invalid(
      path,
      `runtimes.${key}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function invalid(path: string, problem: string): CliError {
  return new CliError(
    'ERR_CONFIG_INVALID',
    `Invalid ${path}: ${problem}; fix it or run agentcore-mcp configure again`,
  );
}
