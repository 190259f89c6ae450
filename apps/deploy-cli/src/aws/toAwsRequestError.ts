import { firstLine } from '@agentcore-mcp/core';

import { AwsRequestError } from '../errors.js';
import {
  AWS_REQUEST_HINTS,
  type AwsRequestHints,
  type FailedAwsRequest,
  hintFor,
} from './awsRequestHints.js';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { requestId?: unknown };
  errors?: unknown;
}

/**
 * Turns whatever an AWS SDK call threw into an {@link AwsRequestError}: the message names the
 * request, the AWS error name and the first line of its message, then the hint from `hints`. An
 * `AwsRequestError` passes through unchanged.
 *
 * @param request - The service, operation, region (and local endpoint) of the request.
 * @param error - What the SDK threw.
 * @param hints - The hint data. Default: the deployment commands' `AWS_REQUEST_HINTS`.
 * @returns The error to throw.
 * @example
 * ```ts
 * throw toAwsRequestError({ service: 'iam', operation: 'CreateRole', region: 'us-east-1' }, caught);
 * ```
 */
export function toAwsRequestError(
  request: FailedAwsRequest,
  error: unknown,
  hints: AwsRequestHints = AWS_REQUEST_HINTS,
): AwsRequestError {
  if (error instanceof AwsRequestError) return error;
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const errorName = readErrorName(like);
  const message = typeof like.message === 'string' && like.message ? like.message : String(error);
  const requestId = like.$metadata?.requestId;
  return new AwsRequestError({
    service: request.service,
    operation: request.operation,
    errorName,
    requestId: typeof requestId === 'string' ? requestId : undefined,
    summary: `${hints.label(request)} failed: ${errorName}: ${firstLine(message)}`,
    hint: hintFor(hints, request, errorName),
    cause: error,
  });
}

/**
 * Whether an error is an AWS failure with one of the given error names: an
 * {@link AwsRequestError}, or an SDK error (or a test double's) that did not pass through
 * {@link toAwsRequestError}.
 *
 * @param error - The caught value.
 * @param names - e.g. `ResourceNotFoundException`.
 * @returns `true` when the name matches one of them.
 * @example
 * ```ts
 * if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
 * ```
 */
export function isAwsError(error: unknown, ...names: string[]): boolean {
  if (error instanceof AwsRequestError) return names.includes(error.errorName);
  return error instanceof Error && names.includes(error.name);
}

/** The SDK's `code` (network errors), the first of an AggregateError's codes, else the name. */
function readErrorName(error: ErrorLike): string {
  const nested = Array.isArray(error.errors)
    ? (error.errors[0] as ErrorLike | undefined)
    : undefined;
  for (const candidate of [error.code, nested?.code]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return typeof error.name === 'string' && error.name ? error.name : 'Error';
}
