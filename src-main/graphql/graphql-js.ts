/**
 * graphql-js, always as the one instance that Node resolves for `graphql` (its CommonJS entry).
 * graphql-http, graphql-ws, graphql-armor and @graphql-tools load it that way; a bundler or test
 * runner preferring the package's `module` entry would otherwise hand our code a second instance,
 * and graphql-js refuses schemas "from another module or realm". Import graphql from here only.
 */
export * from 'graphql/index.js';
