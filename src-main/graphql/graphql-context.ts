/** What every resolver receives: the services, and a per-operation cache of loaded cassettes. */
import type { LoadedCassette } from '../library/library.model';
import type { StudioServices } from '../services/studio-services';

export interface GraphQLContext {
  services: StudioServices;
  /** Cassettes loaded during this operation, by name (several fields may need the same one). */
  loaded: Map<string, Promise<LoadedCassette>>;
}

export function createGraphQLContext(services: StudioServices): GraphQLContext {
  return { services, loaded: new Map() };
}

/** The cassette, loaded once per operation. */
export function loadOnce(context: GraphQLContext, name: string): Promise<LoadedCassette> {
  let loading = context.loaded.get(name);
  if (loading === undefined) {
    loading = context.services.cassettes.load(name);
    context.loaded.set(name, loading);
  }
  return loading;
}
