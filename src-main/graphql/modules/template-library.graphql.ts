/** The user's response templates: save, delete, export and import (the library's built-ins are read-only). */
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';

export const typeDefs = /* GraphQL */ `
  """
  A response template to save in the user's library.
  """
  input ResponseTemplateInput {
    "Its id: kebab-case, not one of a built-in template; saving again replaces it."
    id: String!
    "Its name."
    name: String!
    "Its category (Auth, Webhooks, Timestamps… or any other)."
    category: String!
    "What it is for."
    description: String = ""
    "The content type it answers with."
    contentType: String = "application/json"
    "The status it answers with; left out keeps the interaction's."
    status: Int
    "Extra response headers (name to template)."
    headers: JSON
    "The body template."
    body: String!
  }

  """
  What an import of templates did.
  """
  type TemplateImportResult {
    "The ids written."
    imported: [String!]!
    "The ids left alone because a template already has them (import again with overwrite)."
    skipped: [String!]!
  }

  extend type Query {
    "Templates as JSON text ({ version: 1, templates }) to import elsewhere: the ones named, or every user template."
    exportResponseTemplates("The ids; default every user template." ids: [String!]): String!
  }

  extend type Mutation {
    "Saves a user template, checked first (shape, id, template syntax and helpers). Fails with BAD_USER_INPUT."
    saveResponseTemplate("The template." input: ResponseTemplateInput!): ResponseTemplate!
    "Deletes a user template; false when there is none with that id. Built-ins cannot be deleted."
    deleteResponseTemplate("Its id." id: String!): Boolean!
    "Imports exported JSON: every template is checked before any is written (all or nothing)."
    importResponseTemplates(
      "The JSON text, as exportResponseTemplates returns it."
      json: String!
      "Replace user templates that have the same ids."
      overwrite: Boolean = false
    ): TemplateImportResult!
  }
`;

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { templates } = services;
  return {
    Query: {
      exportResponseTemplates: (_: unknown, args: { ids?: string[] | null }) =>
        templates.exportResponseTemplates(args.ids ?? undefined),
    },
    Mutation: {
      saveResponseTemplate: (_: unknown, args: { input: Record<string, unknown> }) =>
        templates.saveResponseTemplate(withoutNulls(args.input)),
      deleteResponseTemplate: (_: unknown, args: { id: string }) =>
        templates.deleteResponseTemplate(args.id),
      importResponseTemplates: (_: unknown, args: { json: string; overwrite?: boolean | null }) =>
        templates.importResponseTemplates(args.json, args.overwrite === true),
    },
  };
}
