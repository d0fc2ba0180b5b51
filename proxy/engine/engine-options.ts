/** The engine's options: what can be given, the defaults, and their validation. */
import type { LookupFunction } from 'node:net';
import { z } from 'zod';
import { RECORD_MODES } from '../cassette/cassette.model';
import type { RecordMode } from '../cassette/cassette.model';
import type { MatchingOptions } from '../matching/matching-options';
import type { RedactionOptions } from '../redaction/redaction-options';
import { DEFAULT_ENV_ALLOW_LIST } from '../templating/env-allow-list';
import type { CassetteStore } from './cassette-store';
import { WEB_SOCKET_REPLAY_PACINGS } from './engine.model';
import type { ReplayLatency, WebSocketReplayPacing } from './engine.model';
import type { WebSocketHandler } from './websocket-hook';

export interface EngineOptions {
  /** Default 127.0.0.1: the proxy is reachable from this machine only. */
  host?: string;
  /** Default 8888; 0 picks a free port (see `status().port`). */
  port?: number;
  /** Default `auto`. */
  mode?: RecordMode;
  /** The cassette recorded into or replayed from; null (default) passes everything through. */
  cassette?: string | null;
  /** Reverse-proxy target (`https://api.example.com`, optionally with a base path). */
  target?: string | null;
  /** CONNECT hosts tunnelled without interception (`*.example.com`, `db.local:5432`). */
  tunnelHosts?: string[];
  /** Folder of the studio's data; the CA lives in `<dataDir>/ca/`. */
  dataDir: string;
  store: CassetteStore;
  /** Overrides of the cassette's matching settings. */
  matching?: Partial<MatchingOptions>;
  /** Overrides of the cassette's redaction settings. */
  redaction?: Partial<RedactionOptions>;
  /** Default none. */
  latency?: ReplayLatency;
  /** Bytes kept per body in a recording (default 5 MB); larger bodies still reach the client whole. */
  recordBodyLimit?: number;
  /** Time allowed for an upstream response head (default 30 s). */
  upstreamTimeoutMs?: number;
  /** Recordings are saved at most this often (default 1 s), and on stop. */
  flushIntervalMs?: number;
  /** Extra CA certificates (PEM) trusted for upstream HTTPS servers. */
  upstreamCa?: string | string[];
  /** Verify upstream certificates (default true). */
  rejectUnauthorizedUpstream?: boolean;
  /** Host name resolution for upstream connections and tunnels (default: the system's). */
  upstreamLookup?: LookupFunction;
  /**
   * How replayed WebSocket sessions send the server's messages: each after the client message
   * that preceded it in the recording (`client-message`, default) or at its recorded time.
   */
  webSocketReplay?: WebSocketReplayPacing;
  /**
   * Takes over WebSocket upgrades. Default: the engine's own (`WebSocketProxyHandler`: relay,
   * record and replay); null refuses upgrades with 501.
   */
  webSocketHandler?: WebSocketHandler | null;
  /**
   * Environment variables that response templates may read with `env`, as glob patterns (`*`, `?`,
   * case-sensitive). Default `['MAGNETO_*']`; `[]` allows none.
   */
  templateEnvAllowList?: string[];
}

/** What `reconfigure` may change while running. */
export type ReconfigureOptions = Partial<
  Pick<
    EngineOptions,
    | 'mode'
    | 'cassette'
    | 'target'
    | 'tunnelHosts'
    | 'matching'
    | 'redaction'
    | 'latency'
    | 'recordBodyLimit'
    | 'upstreamTimeoutMs'
    | 'flushIntervalMs'
    | 'webSocketReplay'
    | 'templateEnvAllowList'
  >
>;

export const DEFAULT_PORT = 8888;
export const DEFAULT_RECORD_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
export const DEFAULT_FLUSH_INTERVAL_MS = 1000;

const targetSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'Expected an http or https URL without query or fragment, such as "https://api.example.com"')
  .nullable();

const latencySchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('recorded') }),
  z.strictObject({ mode: z.literal('fixed'), ms: z.number().int().min(0).max(600_000) }),
]);

const runtimeSchema = z.object({
  mode: z.enum(RECORD_MODES).default('auto'),
  cassette: z.string().trim().min(1, 'Expected a cassette name, or null').nullable().default(null),
  target: targetSchema.default(null),
  tunnelHosts: z.array(z.string()).default([]),
  latency: latencySchema.default({ mode: 'none' }),
  recordBodyLimit: z.number().int().min(0).default(DEFAULT_RECORD_BODY_LIMIT),
  upstreamTimeoutMs: z.number().int().min(1).max(3_600_000).default(DEFAULT_UPSTREAM_TIMEOUT_MS),
  flushIntervalMs: z.number().int().min(0).max(3_600_000).default(DEFAULT_FLUSH_INTERVAL_MS),
  webSocketReplay: z.enum(WEB_SOCKET_REPLAY_PACINGS).default('client-message'),
  templateEnvAllowList: z
    .array(z.string().min(1, 'Expected a variable name or glob pattern, such as "MAGNETO_*"'))
    .default(() => [...DEFAULT_ENV_ALLOW_LIST]),
});

const fixedSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
  dataDir: z.string().min(1, 'Expected the data folder'),
  upstreamCa: z.union([z.string(), z.array(z.string())]).optional(),
  rejectUnauthorizedUpstream: z.boolean().default(true),
});

export type RuntimeOptions = z.infer<typeof runtimeSchema> &
  Pick<EngineOptions, 'matching' | 'redaction'>;
export type FixedOptions = z.infer<typeof fixedSchema> &
  Pick<EngineOptions, 'store' | 'webSocketHandler' | 'upstreamLookup'>;

export class EngineOptionsError extends Error {
  override readonly name = 'EngineOptionsError';
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.map(String).join('.') || '(options)'}: ${issue.message}`,
  );
  throw new EngineOptionsError(`Invalid proxy engine options:\n${lines.join('\n')}`);
}

/** Splits and validates the options given to `start`. */
export function resolveEngineOptions(options: EngineOptions): {
  fixed: FixedOptions;
  runtime: RuntimeOptions;
} {
  if (typeof options.store?.load !== 'function' || typeof options.store.save !== 'function') {
    throw new EngineOptionsError(
      'Invalid proxy engine options:\n  store: Expected a CassetteStore',
    );
  }
  const { store, webSocketHandler, upstreamLookup, matching, redaction } = options;
  const { host, port, dataDir, upstreamCa, rejectUnauthorizedUpstream, ...runtime } = parse(
    fixedSchema.extend(runtimeSchema.shape),
    options,
  );
  return {
    fixed: {
      host,
      port,
      dataDir,
      upstreamCa,
      rejectUnauthorizedUpstream,
      store,
      webSocketHandler,
      upstreamLookup,
    },
    runtime: { ...runtime, matching, redaction },
  };
}

const RUNTIME_KEYS = new Set([...Object.keys(runtimeSchema.shape), 'matching', 'redaction']);

/** The runtime options after `changes` (validated; fields not given keep their value). */
export function mergeRuntimeOptions(
  current: RuntimeOptions,
  changes: ReconfigureOptions,
): RuntimeOptions {
  const fixed = Object.keys(changes).filter((key) => !RUNTIME_KEYS.has(key));
  if (fixed.length > 0) {
    throw new EngineOptionsError(
      `Cannot change ${fixed.join(', ')} while running: stop and start the engine instead.`,
    );
  }
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const merged = { ...current, ...defined } as RuntimeOptions;
  return {
    ...parse(runtimeSchema, merged),
    matching: merged.matching,
    redaction: merged.redaction,
  };
}
