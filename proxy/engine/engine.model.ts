/**
 * What the proxy engine reports and accepts. Types only (no Node imports): the GraphQL API, the
 * metrics and the renderer's live traffic view share them.
 */
import type { Headers, RecordMode } from '../cassette/cassette.model';
import type { NearMiss } from '../matching/matching.model';

/** How an exchange was answered. */
export type ExchangeOutcome = 'replayed' | 'recorded' | 'missed' | 'passthrough' | 'error';

export type ExchangeProtocol = 'http' | 'https' | 'ws' | 'wss';

export interface ExchangeRequestSummary {
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Headers;
  bodySize: number;
}

export interface ExchangeResponseSummary {
  status: number;
  headers: Headers;
  bodySize: number;
}

/** One event per exchange (an HTTP request/response, or a whole WebSocket session). */
export interface ExchangeEvent {
  /** Unique per engine run. */
  id: string;
  /** RFC 3339 time the request arrived. */
  time: string;
  /** The active cassette, or null in passthrough without one. */
  cassette: string | null;
  protocol: ExchangeProtocol;
  request: ExchangeRequestSummary;
  /** Absent when no response was sent (e.g. the client vanished). */
  response?: ExchangeResponseSummary;
  /** Time from request received to response headers sent. */
  latencyMs: number;
  outcome: ExchangeOutcome;
  /** On a miss: the closest recorded interactions and what differed. */
  nearMisses?: NearMiss[];
  /** On an error outcome: what went wrong, in words. Also set when a recorded or replayed
   * interaction is an upstream failure (`HttpError`). */
  error?: string;
  /** The cassette interaction replayed or recorded, when there is one. */
  interactionId?: string;
}

/** Replay latency: none (default), as recorded, or a fixed delay. */
export type ReplayLatency = { mode: 'none' } | { mode: 'recorded' } | { mode: 'fixed'; ms: number };

/** How WebSocket server messages are paced on replay. */
export type WebSocketReplayPacing = 'client-message' | 'time-offset';
export const WEB_SOCKET_REPLAY_PACINGS: readonly WebSocketReplayPacing[] = [
  'client-message',
  'time-offset',
];

export interface ProxyStatus {
  running: boolean;
  /** Address the proxy listens on, when running. */
  host: string;
  port: number | null;
  mode: RecordMode;
  /**
   * The mode in force for the active cassette: `auto` resolved to `replay` or `record`, and
   * `passthrough` when there is no cassette.
   */
  effectiveMode: Exclude<RecordMode, 'auto'>;
  cassette: string | null;
  /** Reverse-proxy target (`https://api.example.com`), or null in forward-proxy mode only. */
  target: string | null;
  /** Exchanges handled since start, by outcome. */
  counts: Record<ExchangeOutcome, number>;
}
