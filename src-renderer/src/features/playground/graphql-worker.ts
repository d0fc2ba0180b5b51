/**
 * The GraphQL language worker GraphiQL's editors need, added to the app's Monaco environment
 * (components/code-editor), which keeps serving every other language.
 */
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';
import { loadMonaco } from '../../components/code-editor/monaco-loader';

let added: Promise<void> | undefined;

/** Loads the app's Monaco, then serves `graphql` workers too (once, however often it is called). */
export function addGraphQLWorker(): Promise<void> {
  added ??= loadMonaco().then(
    () => {
      const previous = self.MonacoEnvironment;
      self.MonacoEnvironment = {
        ...previous,
        getWorker(workerId: string, label: string): Worker | Promise<Worker> {
          if (label === 'graphql') return new GraphQLWorker({ name: label });
          const worker = previous?.getWorker?.(workerId, label);
          if (worker === undefined) throw new Error(`No Monaco worker for ${label}`);
          return worker;
        },
      };
    },
    (error: unknown) => {
      added = undefined;
      throw error;
    },
  );
  return added;
}
