/**
 * What the HTTP and WebSocket transports share: the schema, the limits, a fresh context per
 * operation, timed execution, and errors made safe for clients.
 */
import {
  execute,
  getOperationAST,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from '../graphql/graphql-js';
import { createGraphQLContext, type GraphQLContext } from '../graphql/graphql-context';
import type { StudioServices } from '../services/studio-services';
import type { ApiMetrics } from './api-metrics';
import { limitedParse, limitedValidate, type OperationLimits } from './operation-limits';

export interface GraphQLRuntime {
  schema: GraphQLSchema;
  services: StudioServices;
  limits: OperationLimits;
  metrics: ApiMetrics;
  parse: ReturnType<typeof limitedParse>;
  validate: ReturnType<typeof limitedValidate>;
  context: () => GraphQLContext;
  /** `execute`, timed and counted under `transport`. */
  execute: (transport: string) => (args: ExecutionArgs) => Promise<ExecutionResult>;
  /** `subscribe`, the time to subscribe counted under `transport`. */
  subscribe: (transport: string) => typeof subscribe;
}

function operationType(args: ExecutionArgs): string {
  return getOperationAST(args.document, args.operationName)?.operation ?? 'unknown';
}

export function createGraphQLRuntime(
  schema: GraphQLSchema,
  services: StudioServices,
  limits: OperationLimits,
  metrics: ApiMetrics,
): GraphQLRuntime {
  const timed =
    <R>(run: (args: ExecutionArgs) => R | Promise<R>, isOk: (result: R) => boolean) =>
    (transport: string) =>
    async (args: ExecutionArgs): Promise<R> => {
      const start = performance.now();
      let ok = false;
      try {
        const result = await run(args);
        ok = isOk(result);
        return result;
      } finally {
        metrics.recordOperation(
          operationType(args),
          transport,
          (performance.now() - start) / 1000,
          ok,
        );
      }
    };
  const hasNoErrors = (result: unknown): boolean =>
    !(
      typeof result === 'object' &&
      result !== null &&
      'errors' in result &&
      result.errors !== undefined
    );
  return {
    schema,
    services,
    limits,
    metrics,
    parse: limitedParse(limits),
    validate: limitedValidate(limits),
    context: () => createGraphQLContext(services),
    execute: timed(execute, hasNoErrors),
    subscribe: timed(subscribe, hasNoErrors) as (transport: string) => typeof subscribe,
  };
}
