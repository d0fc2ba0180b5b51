/** Interaction edits: add, replace and remove, with inputs for every kind. */
import type { InteractionDraft } from '../../services/interaction-draft';
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';

export const typeDefs = /* GraphQL */ `
  """
  An HTTP request to record.
  """
  input HttpRequestInput {
    "The method."
    method: String!
    "The absolute URL."
    url: String!
    "Headers as a JSON object (names are stored in lower case)."
    headers: JSON
    "The body; none when left out."
    body: String
    "How body is written."
    bodyEncoding: BodyEncoding = Text
  }

  """
  An HTTP response to record.
  """
  input HttpResponseInput {
    "The status code."
    status: Int!
    "Headers as a JSON object (names are stored in lower case)."
    headers: JSON
    "The body; none when left out. It may hold templates ({{ … }})."
    body: String
    "How body is written."
    bodyEncoding: BodyEncoding = Text
  }

  """
  An upstream failure to record.
  """
  input HttpErrorInput {
    "The kind of failure."
    type: HttpErrorType!
    "What happened."
    message: String!
    "For timeouts: the time allowed."
    timeoutMs: Int
    "For redirect loops: how many redirects were followed."
    redirectCount: Int
  }

  """
  A WebSocket message to record.
  """
  input WebSocketMessageInput {
    "Which way it went."
    direction: WebSocketDirection!
    "Milliseconds since the connection opened."
    timestampMs: Int!
    "The frame type."
    type: WebSocketMessageType!
    "The text, or base64 of the payload for other frame types."
    data: String!
  }

  """
  A WebSocket close frame to record.
  """
  input WebSocketCloseInput {
    "The close code (1000 to 4999)."
    code: Int!
    "The close reason."
    reason: String!
  }

  """
  An interaction to add or to put in place of another. Http needs request and response, HttpError
  needs request and error, WebSocket needs websocketUrl. The library assigns ids.
  """
  input InteractionInput {
    "What it records."
    kind: InteractionKind!
    "When it was recorded; default now (or, when replacing, the replaced one's time)."
    recordedAt: DateTime
    "How long the upstream took to answer."
    responseTimeMs: Int
    "The request (Http, HttpError)."
    request: HttpRequestInput
    "The response (Http)."
    response: HttpResponseInput
    "The failure (HttpError)."
    error: HttpErrorInput
    "The URL (WebSocket)."
    websocketUrl: String
    "The messages (WebSocket)."
    websocketMessages: [WebSocketMessageInput!]
    "The close frame (WebSocket)."
    websocketClose: WebSocketCloseInput
  }

  extend type Mutation {
    "Appends an interaction; it gets a new id from the library."
    addInteraction(
      "The cassette's name."
      cassetteName: String!
      "The interaction."
      interaction: InteractionInput!
    ): Interaction!
    "Replaces an interaction, keeping its id. Fails with INTERACTION_NOT_FOUND."
    updateInteraction(
      "The cassette's name."
      cassetteName: String!
      "The interaction's id."
      interactionId: ID!
      "The new content."
      interaction: InteractionInput!
    ): Interaction!
    "Removes an interaction. Fails with INTERACTION_NOT_FOUND."
    deleteInteraction(
      "The cassette's name."
      cassetteName: String!
      "The interaction's id."
      interactionId: ID!
    ): Boolean!
  }
`;

interface InteractionArgs {
  cassetteName: string;
  interactionId: string;
  interaction: InteractionDraft;
}

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { cassettes } = services;
  return {
    Mutation: {
      addInteraction: (_: unknown, args: InteractionArgs) =>
        cassettes.addInteraction(args.cassetteName, withoutNulls(args.interaction)),
      updateInteraction: (_: unknown, args: InteractionArgs) =>
        cassettes.updateInteraction(
          args.cassetteName,
          args.interactionId,
          withoutNulls(args.interaction),
        ),
      deleteInteraction: (_: unknown, args: InteractionArgs) =>
        cassettes.deleteInteraction(args.cassetteName, args.interactionId),
    },
  };
}
