/** The settings each exchange reads when it starts, made once per configuration. */
import type { ReplayLatency, WebSocketReplayPacing } from './engine.model';
import type { RuntimeOptions } from './engine-options';
import { reverseBase } from './request-target';

export interface RuntimeSettings {
  /** `reverseBase` of the reverse-proxy target: what origin-form paths are appended to. */
  targetBase: string | null;
  latency: ReplayLatency;
  recordBodyLimit: number;
  upstreamTimeoutMs: number;
  webSocketReplay: WebSocketReplayPacing;
  /** Environment variables response templates may read (glob patterns). */
  templateEnvAllowList: readonly string[];
}

export function settingsOf(runtime: RuntimeOptions): RuntimeSettings {
  return {
    targetBase: runtime.target === null ? null : reverseBase(new URL(runtime.target)),
    latency: runtime.latency,
    recordBodyLimit: runtime.recordBodyLimit,
    upstreamTimeoutMs: runtime.upstreamTimeoutMs,
    webSocketReplay: runtime.webSocketReplay,
    templateEnvAllowList: runtime.templateEnvAllowList,
  };
}
