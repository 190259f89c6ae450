import type { PolicyDocument, PolicyScope } from '../iam/iamPolicies.js';

/**
 * The name of the CloudWatch Logs resource policy `launch --enable-transaction-search` creates
 * (the name AWS's AgentCore starter toolkit uses too, so either tool finds the other's policy).
 */
export const TRANSACTION_SEARCH_POLICY_NAME = 'TransactionSearchXRayAccess';

/**
 * The CloudWatch Logs resource policy Transaction Search needs: X-Ray may write (`PutLogEvents`)
 * the spans it receives into `aws/spans` and the Application Signals data into
 * `/aws/application-signals/data`, in this account and region only. The `aws:SourceArn` and
 * `aws:SourceAccount` conditions limit it to X-Ray acting for this account (no confused deputy).
 *
 * @param scope - Account, region, partition.
 * @returns The policy document (`PutResourcePolicy` takes it as JSON text).
 * @example
 * ```ts
 * JSON.stringify(transactionSearchResourcePolicy({ account: '123456789012', region: 'us-east-1' }));
 * ```
 */
export function transactionSearchResourcePolicy(scope: PolicyScope): PolicyDocument {
  const partition = scope.partition ?? 'aws';
  const at = `${scope.region}:${scope.account}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: TRANSACTION_SEARCH_POLICY_NAME,
        Effect: 'Allow',
        Principal: { Service: 'xray.amazonaws.com' },
        Action: 'logs:PutLogEvents',
        Resource: [
          `arn:${partition}:logs:${at}:log-group:aws/spans:*`,
          `arn:${partition}:logs:${at}:log-group:/aws/application-signals/data:*`,
        ],
        Condition: {
          ArnLike: { 'aws:SourceArn': `arn:${partition}:xray:${at}:*` },
          StringEquals: { 'aws:SourceAccount': scope.account },
        },
      },
    ],
  };
}
