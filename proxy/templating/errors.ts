/** Errors of the template engine: typed, with a code the engine and the UI can act on. */

export type TemplateErrorCode =
  /** The template cannot be parsed. */
  | 'syntax'
  /** A helper that does not exist was called. */
  | 'unknown-helper'
  /** A helper was called with bad arguments or failed. */
  | 'helper-failed'
  /** The render ran past its time limit. */
  | 'timeout'
  /** Iterating helpers went past their iteration budget. */
  | 'iteration-limit'
  /** The output grew past its size cap. */
  | 'output-too-large'
  /** A custom helper failed in its sandbox. */
  | 'custom-helper'
  /** Anything else that stopped the render. */
  | 'render-failed';

export interface TemplateErrorDetails {
  /** The helper that failed, when one did. */
  helper?: string;
  /** 1-based position in the template, when known. */
  line?: number;
  column?: number;
}

/** A template could not be rendered; `message` says why in words a user can act on. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
  readonly helper: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    details: TemplateErrorDetails = {},
  ) {
    super(message);
    this.helper = details.helper;
    this.line = details.line;
    this.column = details.column;
  }
}

/** A helper's complaint about its arguments. */
export function helperError(helper: string, problem: string): TemplateRenderError {
  return new TemplateRenderError('helper-failed', `${helper}: ${problem}`, { helper });
}

/** Handlebars' own exceptions carry the position of the node that failed. */
interface PositionedError {
  message: string;
  lineNumber?: number;
  column?: number;
}

/** Any error thrown while rendering, as a `TemplateRenderError`. */
export function toTemplateRenderError(error: unknown): TemplateRenderError {
  if (error instanceof TemplateRenderError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new TemplateRenderError('render-failed', 'the template nests too deeply to be rendered');
  }
  const { message, lineNumber, column } = error as PositionedError;
  const text = typeof message === 'string' ? message : String(error);
  const missing = /^Missing helper: "(.+)"$/.exec(text);
  if (missing !== null) {
    return new TemplateRenderError('unknown-helper', `unknown helper "${missing[1]}"`, {
      helper: missing[1],
    });
  }
  const position = lineNumber === undefined ? {} : { line: lineNumber, column: (column ?? 0) + 1 };
  return new TemplateRenderError('render-failed', text, position);
}
