/** The redactor's public API. */
export {
  ALWAYS_REDACTED_HEADERS,
  DEFAULT_REDACTION_OPTIONS,
  parseRedactionOptions,
  redactionOptionsSchema,
  type RedactionOptions,
} from './redaction-options';
export { redactCassette, redactInteraction } from './redactor';
