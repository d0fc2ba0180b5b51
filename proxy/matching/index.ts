/** The request matcher's public API. */
export type {
  DifferenceField,
  IncomingRequestSummary,
  MatchResult,
  NearMiss,
  RequestDifference,
} from './matching.model';
export {
  DEFAULT_MATCHING_OPTIONS,
  matchingOptionsSchema,
  parseMatchingOptions,
  type BodyMatchMode,
  type ExhaustedPolicy,
  type HostRewrite,
  type MatchingOptions,
} from './matching-options';
export { formatNearMissReport } from './near-miss';
export { RequestMatcher } from './request-matcher';
export { normaliseUrl, urlKey, type NormalisedUrl, type UrlKeyOptions } from './url-key';
