/**
 * Every error the services let through, as a stable code, a message a user can act on, the fields a
 * client needs (a cassette name, an interaction id) and an HTTP status. Never a stack trace; errors
 * nobody anticipated become `INTERNAL_SERVER_ERROR` with a neutral message.
 */
import { CassetteFormatError } from '../../proxy/cassette/errors';
import { EngineOptionsError } from '../../proxy/engine/engine-options';
import {
  CustomHelperError,
  TemplateDefinitionError,
  TemplateRenderError,
} from '../../proxy/templating';
import {
  CassetteBrokenError,
  CassetteExistsError,
  CassetteNameError,
  CassetteNotFoundError,
  InteractionNotFoundError,
  LibraryError,
} from '../library/library-errors';
import type { LibraryErrorCode } from '../library/library.model';
import { ServiceError } from './service-error';

export type ApiErrorCode =
  | 'CASSETTE_NOT_FOUND'
  | 'CASSETTE_EXISTS'
  | 'CASSETTE_BROKEN'
  | 'INTERACTION_NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'TEMPLATE_INVALID'
  | 'PROXY_UNAVAILABLE'
  | 'PROXY_FAILED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Fields a client can act on, such as `name` or `interactionId`. */
  details: Record<string, unknown>;
}

const LIBRARY_CODES: Record<LibraryErrorCode, ApiErrorCode> = {
  INVALID_NAME: 'BAD_USER_INPUT',
  NOT_FOUND: 'CASSETTE_NOT_FOUND',
  ALREADY_EXISTS: 'CASSETTE_EXISTS',
  BROKEN: 'CASSETTE_BROKEN',
  INTERACTION_NOT_FOUND: 'INTERACTION_NOT_FOUND',
  INVALID_QUERY: 'BAD_USER_INPUT',
  INVALID_CASSETTE: 'BAD_USER_INPUT',
  INDEX_MIGRATION: 'SERVICE_UNAVAILABLE',
  CLOSED: 'SERVICE_UNAVAILABLE',
};

const HTTP_STATUS: Record<ApiErrorCode, number> = {
  CASSETTE_NOT_FOUND: 404,
  INTERACTION_NOT_FOUND: 404,
  CASSETTE_EXISTS: 409,
  CASSETTE_BROKEN: 422,
  BAD_USER_INPUT: 400,
  TEMPLATE_INVALID: 400,
  PROXY_UNAVAILABLE: 503,
  PROXY_FAILED: 500,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export const INTERNAL_ERROR_MESSAGE = 'Internal server error.';

function libraryDetails(error: LibraryError): Record<string, unknown> {
  if (error instanceof InteractionNotFoundError) {
    return { name: error.cassetteName, interactionId: error.interactionId };
  }
  if (error instanceof CassetteExistsError) {
    return { name: error.cassetteName, existingName: error.existingName };
  }
  if (error instanceof CassetteNameError)
    return { name: error.cassetteName, problem: error.problem };
  if (error instanceof CassetteNotFoundError || error instanceof CassetteBrokenError) {
    return { name: error.cassetteName };
  }
  return {};
}

export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof LibraryError) {
    return {
      code: LIBRARY_CODES[error.code],
      message: error.message,
      details: libraryDetails(error),
    };
  }
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof CassetteFormatError) {
    return { code: 'BAD_USER_INPUT', message: error.message, details: { path: error.path } };
  }
  if (
    error instanceof EngineOptionsError ||
    error instanceof CustomHelperError ||
    error instanceof TemplateDefinitionError
  ) {
    return { code: 'BAD_USER_INPUT', message: error.message, details: {} };
  }
  if (error instanceof TemplateRenderError) {
    const position = error.line === undefined ? {} : { line: error.line, column: error.column };
    return {
      code: 'TEMPLATE_INVALID',
      message: error.message,
      details: { reason: error.code, ...position },
    };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE, details: {} };
}

export function httpStatusOf(code: ApiErrorCode): number {
  return HTTP_STATUS[code];
}
