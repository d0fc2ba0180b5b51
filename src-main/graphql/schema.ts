/** The executable schema: every feature module's type definitions and resolvers, merged. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from './graphql-js';
import type { StudioServices } from '../services/studio-services';
import * as cassetteChanges from './modules/cassette-changes.graphql';
import * as cassetteWrites from './modules/cassette-writes.graphql';
import * as cassettes from './modules/cassettes.graphql';
import * as importExport from './modules/import-export.graphql';
import * as interactionWrites from './modules/interaction-writes.graphql';
import * as interactions from './modules/interactions.graphql';
import * as proxy from './modules/proxy.graphql';
import * as proxySetup from './modules/proxy-setup.graphql';
import * as root from './modules/root.graphql';
import * as stats from './modules/stats.graphql';
import * as templateLibrary from './modules/template-library.graphql';
import * as templates from './modules/templates.graphql';

interface FeatureModule {
  typeDefs: string;
  resolvers: (services: StudioServices) => Record<string, unknown>;
}

const MODULES: readonly FeatureModule[] = [
  root,
  cassettes,
  cassetteWrites,
  cassetteChanges,
  interactions,
  interactionWrites,
  stats,
  templates,
  importExport,
  proxy,
  templateLibrary,
  proxySetup,
];

export function createSchema(services: StudioServices): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: MODULES.map((module) => module.typeDefs),
    resolvers: MODULES.map((module) => module.resolvers(services)) as never,
  });
}

/** The schema's shape without services (for printing schema.graphql and validating documents). */
export function createSchemaShape(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: MODULES.map((module) => module.typeDefs) });
}
