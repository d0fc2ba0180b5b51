/**
 * What the request matcher takes and answers. Types only (no Node imports), so the application and
 * the renderer can show match results and near-miss reports.
 */
import type { Headers, Interaction } from '../cassette/cassette.model';

/** The request the proxy received, as the matcher needs it. */
export interface IncomingRequestSummary {
  method: string;
  /** Absolute URL (`https://host/path?query`). */
  url: string;
  /** Lower-case header names, as in the cassette model. */
  headers: Headers;
  /**
   * The body bytes as received (`null` or empty when there is none). When the request carries a
   * `Content-Encoding` the studio can decode (gzip, deflate, br), the matcher decodes it, as the
   * recorder did.
   */
  body: Uint8Array | null;
  /** `url` parsed already, when the caller has it: the matcher then does not parse it again. */
  parsedUrl?: URL;
}

/** The part of a request that differs from a recorded one. */
export type DifferenceField = 'method' | 'scheme' | 'host' | 'path' | 'query' | 'header' | 'body';

/**
 * One way a request differs from a recorded one. `expected` is the recorded side, `actual` the
 * incoming side; a side is absent when the item is missing there. For `body` differences in the
 * JSON modes, `name` is a JSON path (`$.items[0].qty`) and both sides are JSON text (`2`, `"abc"`).
 */
export interface RequestDifference {
  field: DifferenceField;
  /** Query parameter name, header name, or JSON path of a body field. */
  name?: string;
  expected?: string;
  actual?: string;
  note?: string;
}

/** A recorded interaction close to a request that matched nothing. */
export interface NearMiss {
  /** Position of the interaction in the matcher's list (the cassette's order). */
  index: number;
  interaction: Interaction;
  /** 0 for identical requests; larger is further away. */
  distance: number;
  differences: RequestDifference[];
  /**
   * The request matches this interaction, but every recorded copy was already replayed and the
   * options say `onExhausted: 'miss'`.
   */
  exhausted: boolean;
}

export type MatchResult =
  | {
      kind: 'hit';
      interaction: Interaction;
      index: number;
      /** Every matching copy was already replayed; this is the last one again. */
      repeat: boolean;
      /**
       * Every later request identical to this one (same method and URL; the same headers and body
       * when the options compare them) gets this interaction again, as long as no interaction is
       * added and no sequence is reset: the answer to cache, if any.
       */
      settled: boolean;
    }
  | { kind: 'miss'; nearMisses: NearMiss[] };
