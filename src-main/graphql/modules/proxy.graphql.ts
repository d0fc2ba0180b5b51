/**
 * The proxy: status, start, stop, mode, the environment variables templates may read, the CA
 * certificate and the live traffic feed.
 */
import type { RecordMode } from '../../../proxy/cassette/cassette.model';
import type { ExchangeEvent } from '../../../proxy/engine/engine.model';
import type { NearMiss } from '../../../proxy/matching/matching.model';
import type { StudioServices } from '../../services/studio-services';
import { withoutNulls } from '../arguments';

export const typeDefs = /* GraphQL */ `
  """
  Record modes, in VCR's vocabulary.
  """
  enum ProxyMode {
    "Replay when the cassette exists, record when it does not."
    AUTO
    "Forward every request and record it (the cassette is rewritten)."
    RECORD
    "Answer from the cassette only; unmatched requests fail."
    REPLAY
    "Replay what matches, record what does not."
    NEW_EPISODES
    "Forward everything and record nothing."
    PASSTHROUGH
  }

  """
  How an exchange was answered.
  """
  enum ExchangeOutcome {
    "From the cassette."
    REPLAYED
    "By the upstream, and recorded."
    RECORDED
    "Nothing in the cassette matched (replay mode)."
    MISSED
    "By the upstream, not recorded."
    PASSTHROUGH
    "The proxy could not answer (see error)."
    ERROR
  }

  """
  The protocol of an exchange.
  """
  enum ExchangeProtocol {
    "Plain HTTP."
    HTTP
    "HTTPS (intercepted)."
    HTTPS
    "Plain WebSocket."
    WS
    "WebSocket over TLS (intercepted)."
    WSS
  }

  """
  Exchanges handled since the proxy started, by outcome.
  """
  type ProxyCounts {
    "Answered from the cassette."
    replayed: Int!
    "Forwarded and recorded."
    recorded: Int!
    "Unmatched in replay."
    missed: Int!
    "Forwarded without recording."
    passthrough: Int!
    "Failed."
    error: Int!
  }

  """
  The proxy's state.
  """
  type ProxyStatus {
    "Whether this studio has a proxy engine at all."
    available: Boolean!
    "Whether the proxy is listening."
    running: Boolean!
    "The address it listens on."
    host: String!
    "The port it listens on; null when stopped."
    port: Int
    "The mode chosen (used by the next start when stopped)."
    mode: ProxyMode!
    "The mode in force: AUTO resolved for the cassette; PASSTHROUGH without a cassette."
    effectiveMode: ProxyMode!
    "The active cassette (the next start's when stopped), or null."
    cassette: String
    "Reverse-proxy target, or null for a forward proxy."
    target: String
    "Exchanges handled since the start, by outcome."
    counts: ProxyCounts!
    "Environment variables response templates may read with env: names or glob patterns (* any characters, ? one; case-sensitive). The list in force, or the next start's when stopped; MAGNETO_* unless set."
    templateEnvAllowList: [String!]!
  }

  """
  The studio's local certificate authority: clients must trust it for HTTPS interception.
  """
  type CaCertificate {
    "The certificate in PEM (never the key)."
    pem: String!
    "Its common name, unique to this install."
    commonName: String!
    "Start of validity."
    notBefore: DateTime!
    "End of validity."
    notAfter: DateTime!
    "SHA-256 of the certificate, upper-case hex with colons."
    sha256Fingerprint: String!
    "Base64 SHA-256 of the public key, for Chromium's --ignore-certificate-errors-spki-list."
    spkiFingerprintSha256Base64: String!
  }

  """
  How to start the proxy; fields left out use the configuration and the last mode chosen.
  """
  input StartProxyInput {
    "The port; 0 picks a free one."
    port: Int
    "The record mode."
    mode: ProxyMode
    "The cassette to record into or replay from."
    cassetteName: String
    "Reverse-proxy target, such as https://api.example.com."
    target: String
    "Environment variables response templates may read (glob patterns); default the list set last."
    templateEnvAllowList: [String!]
  }

  """
  A request as the proxy saw it.
  """
  type TrafficRequest {
    "The method."
    method: String!
    "The absolute URL."
    url: String!
    "Headers: lower-case names, a repeated header as a list of values."
    headers: JSON!
    "The body's size in bytes."
    bodySize: Int!
  }

  """
  A response as the proxy sent it.
  """
  type TrafficResponse {
    "The status code."
    status: Int!
    "Headers: lower-case names, a repeated header as a list of values."
    headers: JSON!
    "The body's size in bytes."
    bodySize: Int!
  }

  """
  One way a request differed from a recorded one.
  """
  type RequestDifference {
    "What differed: method, scheme, host, path, query, header or body."
    field: String!
    "The query parameter, header or JSON path concerned."
    name: String
    "The recorded value."
    expected: String
    "The incoming value."
    actual: String
    "More detail."
    note: String
  }

  """
  A recorded interaction close to a request that matched nothing.
  """
  type NearMiss {
    "The interaction's id."
    interactionId: ID!
    "Its position in the cassette."
    index: Int!
    "0 for identical requests; larger is further away."
    distance: Int!
    "Whether it matched but every recorded copy was already replayed."
    exhausted: Boolean!
    "What differed."
    differences: [RequestDifference!]!
  }

  """
  One exchange through the proxy: an HTTP request and response, or a WebSocket session.
  """
  type ProxyTrafficEvent {
    "Unique per proxy run."
    id: ID!
    "When the request arrived."
    timestamp: DateTime!
    "The active cassette, or null."
    cassette: String
    "The protocol."
    protocol: ExchangeProtocol!
    "The request."
    request: TrafficRequest!
    "The response; null when none was sent."
    response: TrafficResponse
    "Time from request to response headers, in milliseconds."
    latencyMs: Float!
    "How it was answered."
    outcome: ExchangeOutcome!
    "Whether it was answered from the cassette."
    matched: Boolean!
    "What went wrong, for errors and recorded upstream failures."
    error: String
    "The interaction replayed or recorded."
    interactionId: ID
    "On a miss: the closest recorded interactions."
    nearMisses: [NearMiss!]!
  }

  extend type Query {
    "The proxy's state."
    proxyStatus: ProxyStatus!
    "The CA certificate to install in clients (created on first use)."
    caCertificate: CaCertificate!
  }

  extend type Mutation {
    "Starts the proxy. Fails with PROXY_FAILED (port busy…) or PROXY_UNAVAILABLE."
    startProxy("Options; default the configuration." input: StartProxyInput): ProxyStatus!
    "Stops the proxy, saving every recording."
    stopProxy: ProxyStatus!
    "Changes the mode (and the cassette, when given) now, or for the next start when stopped."
    setProxyMode(
      "The mode."
      mode: ProxyMode!
      "The cassette to use."
      cassetteName: String
    ): ProxyStatus!
    "Sets the environment variables response templates may read, now when running, else for the next start. Fails with BAD_USER_INPUT on a pattern no variable name could match (empty, with spaces or =)."
    setTemplateEnvAllowList(
      "Variable names or glob patterns such as MAGNETO_*; [] allows none."
      patterns: [String!]!
    ): ProxyStatus!
  }

  extend type Subscription {
    "Every exchange through the proxy from now on, or only those of one cassette."
    proxyTraffic("Only exchanges of this cassette." cassetteName: String): ProxyTrafficEvent!
  }
`;

interface StartArgs {
  input?: {
    port?: number | null;
    mode?: RecordMode | null;
    cassetteName?: string | null;
    target?: string | null;
    templateEnvAllowList?: string[] | null;
  } | null;
}

export function resolvers(services: StudioServices): Record<string, unknown> {
  const { proxy } = services;
  return {
    ProxyMode: {
      AUTO: 'auto',
      RECORD: 'record',
      REPLAY: 'replay',
      NEW_EPISODES: 'new-episodes',
      PASSTHROUGH: 'passthrough',
    },
    ExchangeOutcome: {
      REPLAYED: 'replayed',
      RECORDED: 'recorded',
      MISSED: 'missed',
      PASSTHROUGH: 'passthrough',
      ERROR: 'error',
    },
    ExchangeProtocol: { HTTP: 'http', HTTPS: 'https', WS: 'ws', WSS: 'wss' },
    Query: {
      proxyStatus: () => proxy.status(),
      caCertificate: () => proxy.caCertificate(),
    },
    Mutation: {
      startProxy: (_: unknown, { input }: StartArgs) => proxy.start(withoutNulls(input ?? {})),
      stopProxy: () => proxy.stop(),
      setProxyMode: (_: unknown, args: { mode: RecordMode; cassetteName?: string | null }) =>
        proxy.setMode(args.mode, args.cassetteName ?? undefined),
      setTemplateEnvAllowList: (_: unknown, args: { patterns: string[] }) =>
        proxy.setTemplateEnvAllowList(args.patterns),
    },
    Subscription: {
      proxyTraffic: {
        subscribe: (_: unknown, args: { cassetteName?: string | null }) =>
          proxy.traffic(args.cassetteName ?? undefined),
        resolve: (event: ExchangeEvent) => event,
      },
    },
    ProxyTrafficEvent: {
      timestamp: (event: ExchangeEvent) => event.time,
      matched: (event: ExchangeEvent) => event.outcome === 'replayed',
      nearMisses: (event: ExchangeEvent) => event.nearMisses ?? [],
    },
    NearMiss: {
      interactionId: (miss: NearMiss) => miss.interaction.id,
    },
  };
}
