/** Reading and checking helper arguments, with errors that name the helper and the argument. */
import { helperError } from './errors';
import type { HelperCall } from './helper-definition';

/** How a value reads as text: '' for null/undefined, JSON for objects and arrays. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  if (typeof value === 'function') return '';
  return String(value as number | boolean | bigint | symbol);
}

/** A value as a finite number, or undefined when it is not one. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

/** Positional argument `index` (named `label` in errors); it must be given. */
export function requiredParam(call: HelperCall, index: number, label: string): unknown {
  if (index >= call.params.length) {
    throw helperError(call.name, `the argument "${label}" is missing`);
  }
  return call.params[index];
}

export function numberParam(call: HelperCall, index: number, label: string): number {
  const value = requiredParam(call, index, label);
  const number = asNumber(value);
  if (number === undefined) {
    throw helperError(call.name, `"${label}" must be a number, not ${JSON.stringify(value)}`);
  }
  return number;
}

export function integerParam(call: HelperCall, index: number, label: string): number {
  const number = numberParam(call, index, label);
  if (!Number.isInteger(number)) {
    throw helperError(call.name, `"${label}" must be a whole number, not ${number}`);
  }
  return number;
}

/** A number from the hash, or `fallback` when the key is absent. */
export function hashNumber(call: HelperCall, key: string, fallback: number): number {
  const value = call.hash[key];
  if (value === undefined) return fallback;
  const number = asNumber(value);
  if (number === undefined) {
    throw helperError(call.name, `${key}= must be a number, not ${JSON.stringify(value)}`);
  }
  return number;
}

/** Text from the hash, or undefined when the key is absent. */
export function hashText(call: HelperCall, key: string): string | undefined {
  const value = call.hash[key];
  return value === undefined || value === null ? undefined : asText(value);
}

/** Handlebars' idea of truth: empty arrays and zero-length strings are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}
