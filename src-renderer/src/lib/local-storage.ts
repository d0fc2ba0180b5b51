/** JSON values in localStorage that never throw: a missing, unreadable or blocked entry is the fallback. */

export function loadJson<T>(key: string, fallback: T, valid: (value: unknown) => value is T): T {
  try {
    const text = window.localStorage.getItem(key);
    if (text === null) return fallback;
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function saveJson(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the value just is not remembered.
  }
}
