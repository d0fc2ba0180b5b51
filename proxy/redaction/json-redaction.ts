/**
 * Hiding JSON fields inside JSON text while keeping its exact formatting: only the hidden values'
 * text changes, so compact stays compact and pretty stays pretty, key order and spacing included.
 */
import { childPointer, pointersAt } from '../matching/json-path';
import type { RedactionRules } from './redaction-rules';

type Span = [start: number, end: number];

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t';
}

function endsScalar(char: string): boolean {
  return isSpace(char) || char === ',' || char === ']' || char === '}';
}

/**
 * Spans of the values to hide in valid JSON text: fields named by the rules, and values at the
 * given JSON Pointers. A hidden value's inner fields are not listed separately.
 */
function hiddenSpans(text: string, rules: RedactionRules, pointers: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  let pos = 0;
  // Pointers are only worth building when some JSONPath selected something.
  const byPointer = pointers.size > 0;
  const skipSpace = (): void => {
    while (isSpace(text.charAt(pos))) pos++;
  };
  const readString = (): string => {
    const start = pos++;
    while (text.charAt(pos) !== '"') pos += text.charAt(pos) === '\\' ? 2 : 1;
    pos++;
    const raw = text.slice(start, pos);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  const child = (pointer: string, hide: boolean, hidden: boolean): void => {
    skipSpace();
    const start = pos;
    value(pointer, hidden || hide);
    if (hide && !hidden) spans.push([start, pos]);
  };
  const value = (pointer: string, hidden: boolean): void => {
    const first = text.charAt(pos);
    if (first === '{') {
      pos++;
      skipSpace();
      while (text.charAt(pos) !== '}') {
        const key = readString();
        skipSpace();
        pos++; // ':'
        const at = byPointer ? childPointer(pointer, key) : '';
        child(at, rules.bodyField(key) || pointers.has(at), hidden);
        skipSpace();
        if (text.charAt(pos) === ',') pos++;
        skipSpace();
      }
      pos++;
    } else if (first === '[') {
      pos++;
      skipSpace();
      for (let index = 0; text.charAt(pos) !== ']'; index++) {
        const at = byPointer ? childPointer(pointer, index) : '';
        child(at, pointers.has(at), hidden);
        skipSpace();
        if (text.charAt(pos) === ',') pos++;
        skipSpace();
      }
      pos++;
    } else if (first === '"') {
      readString();
    } else {
      while (pos < text.length && !endsScalar(text.charAt(pos))) pos++;
    }
  };
  skipSpace();
  value('', false);
  return spans;
}

function replaceSpans(text: string, spans: readonly Span[], replacement: string): string {
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += text.slice(last, start) + replacement;
    last = end;
  }
  return out + text.slice(last);
}

/** Whether a parsed JSON value holds a field that the rules hide by its name, at any depth. */
function hasNamedField(value: unknown, rules: RedactionRules): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasNamedField(item, rules));
  for (const [key, child] of Object.entries(value)) {
    if (rules.bodyField(key) || hasNamedField(child, rules)) return true;
  }
  return false;
}

/** `"key": "value"` pairs with a string or scalar value, the value possibly cut short. */
const PAIR = /("(?:[^"\\]|\\.)*")(\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,\]}"]+)/g;

/** Text that is not valid JSON (a truncated body): hides scalar values of named fields. */
function redactBrokenJson(text: string, rules: RedactionRules): string {
  const replacement = JSON.stringify(rules.placeholder);
  return text.replace(PAIR, (pair, key: string, colon: string) => {
    let name: string;
    try {
      name = JSON.parse(key) as string;
    } catch {
      return pair;
    }
    return rules.bodyField(name) ? `${key}${colon}${replacement}` : pair;
  });
}

/**
 * JSON text with its hidden fields replaced by the placeholder (as a JSON string). Text that does
 * not parse is treated as cut-short JSON when `declaredJson` says it is JSON or it starts like
 * JSON; other text is returned unchanged.
 */
export function redactJsonText(text: string, rules: RedactionRules, declaredJson: boolean): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return declaredJson || /^\s*[[{]/.test(text) ? redactBrokenJson(text, rules) : text;
  }
  if (parsed === null || typeof parsed !== 'object') return text;
  const pointers = pointersAt(parsed, rules.bodyPaths);
  // The usual case, nothing to hide, costs no walk through the text.
  if (pointers.size === 0 && !hasNamedField(parsed, rules)) return text;
  return replaceSpans(text, hiddenSpans(text, rules, pointers), JSON.stringify(rules.placeholder));
}
