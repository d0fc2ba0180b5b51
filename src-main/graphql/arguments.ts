/** GraphQL arguments as the services take them: the library wants `undefined`, never `null`. */

type WithoutNulls<T> = T extends null
  ? undefined
  : T extends readonly (infer U)[]
    ? WithoutNulls<U>[]
    : T extends object
      ? { [K in keyof T]: WithoutNulls<Exclude<T[K], null>> }
      : T;

/** A copy of `value` with every `null` field (at any depth) removed; array items are kept. */
export function withoutNulls<T>(value: T): WithoutNulls<T> {
  if (Array.isArray(value))
    return value.map((item: unknown) => withoutNulls(item)) as WithoutNulls<T>;
  if (value === null) return undefined as WithoutNulls<T>;
  if (typeof value !== 'object' || !isPlainObject(value)) return value as WithoutNulls<T>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null && field !== undefined) out[key] = withoutNulls(field);
  }
  return out as WithoutNulls<T>;
}

/** GraphQL builds argument objects without a prototype; JSON values have `Object.prototype`. */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}
