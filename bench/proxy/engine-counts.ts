/** Checks that the engine answered a benchmark's requests the way it should have. */
import type { ExchangeOutcome } from '../../proxy/engine/engine.model';
import type { ProxyEngine } from '../../proxy/engine/proxy-engine';

/**
 * Returns a check that fails when, since now, the engine did anything but `expected` (a miss
 * answered quickly would flatter the figures).
 */
export function expectOnly(engine: ProxyEngine, expected: ExchangeOutcome): () => void {
  const before = engine.status().counts;
  return () => {
    const { counts } = engine.status();
    const others = Object.entries(counts).filter(
      ([outcome, n]) => outcome !== expected && n > before[outcome as ExchangeOutcome],
    );
    if (others.length > 0) {
      throw new Error(`The engine did not only ${expected}: ${JSON.stringify(counts)}`);
    }
  };
}
