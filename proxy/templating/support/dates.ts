/**
 * Dates for helpers: reading a value as a date, moving it by an offset such as `+1d` or `-2h30m`,
 * and formatting it with tokens (`yyyy-MM-dd HH:mm`) in UTC or any IANA time zone.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_DAYS = DAYS.map((day) => day.slice(0, 3));

/** Numbers below this are Unix seconds, above it milliseconds (1e11 s is the year 5138). */
const SECONDS_LIMIT = 1e11;

/** A date from a Date, a Unix time (seconds or milliseconds) or a date string; undefined if none. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  let time: number;
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
  ) {
    const number = Number(value);
    time = Math.abs(number) < SECONDS_LIMIT ? number * 1000 : number;
  } else if (typeof value === 'string') {
    time = Date.parse(value);
  } else {
    return undefined;
  }
  return Number.isFinite(time) ? new Date(time) : undefined;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const OFFSET_PART = /([+-]?)\s*(\d+)\s*(ms|s|m|h|d|w|M|y)\s*/gy;

/** `date` moved by `offset` (`+1d`, `-2h30m`, `15m`, `+1M` for a month, `-1y`); undefined if bad. */
export function addOffset(date: Date, offset: string): Date | undefined {
  const text = offset.trim();
  const overall = text.startsWith('-') ? -1 : 1;
  let rest = text.replace(/^[+-]\s*/, '');
  if (rest === '') return undefined;
  const result = new Date(date.getTime());
  OFFSET_PART.lastIndex = 0;
  let consumed = 0;
  for (let match = OFFSET_PART.exec(rest); match !== null; match = OFFSET_PART.exec(rest)) {
    const [whole, sign, amountText, unit = 'ms'] = match;
    consumed += whole.length;
    const amount = Number(amountText) * overall * (sign === '-' ? -1 : 1);
    if (unit === 'M') result.setUTCMonth(result.getUTCMonth() + amount);
    else if (unit === 'y') result.setUTCFullYear(result.getUTCFullYear() + amount);
    else result.setTime(result.getTime() + amount * (UNIT_MS[unit] ?? 0));
  }
  rest = rest.slice(consumed);
  return rest === '' && consumed > 0 ? result : undefined;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  /** Minutes ahead of UTC. */
  offset: number;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

function partsOf(date: Date, timeZone: string | undefined): DateParts {
  const millisecond = date.getUTCMilliseconds();
  if (timeZone === undefined || timeZone === 'UTC' || timeZone === 'Z') {
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millisecond,
      weekday: date.getUTCDay(),
      offset: 0,
    };
  }
  const values: Record<string, number> = {};
  for (const part of zoneFormat(timeZone).formatToParts(date))
    values[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = values;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const offset = Math.round((wallClock - date.getTime()) / 60_000);
  return { year, month, day, hour, minute, second, millisecond, weekday, offset };
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

function offsetText(minutes: number, zulu: boolean): string {
  if (minutes === 0 && zulu) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const TOKENS = /'[^']*'|yyyy|yy|MMMM|MMM|MM|M|dd|d|EEEE|EEE|HH|H|hh|h|mm|m|ss|s|SSS|a|XXX|xxx/g;

function token(parts: DateParts, name: string): string {
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  const month = MONTHS[parts.month - 1] ?? '';
  switch (name) {
    case 'yyyy':
      return pad(parts.year, 4);
    case 'yy':
      return pad(parts.year % 100);
    case 'MMMM':
      return month;
    case 'MMM':
      return month.slice(0, 3);
    case 'MM':
      return pad(parts.month);
    case 'M':
      return String(parts.month);
    case 'dd':
      return pad(parts.day);
    case 'd':
      return String(parts.day);
    case 'EEEE':
      return DAYS[parts.weekday] ?? '';
    case 'EEE':
      return SHORT_DAYS[parts.weekday] ?? '';
    case 'HH':
      return pad(parts.hour);
    case 'H':
      return String(parts.hour);
    case 'hh':
      return pad(hour12);
    case 'h':
      return String(hour12);
    case 'mm':
      return pad(parts.minute);
    case 'm':
      return String(parts.minute);
    case 'ss':
      return pad(parts.second);
    case 's':
      return String(parts.second);
    case 'SSS':
      return pad(parts.millisecond, 3);
    case 'a':
      return parts.hour < 12 ? 'AM' : 'PM';
    case 'XXX':
      return offsetText(parts.offset, true);
    case 'xxx':
      return offsetText(parts.offset, false);
    default:
      return name.slice(1, -1).replace(/^$/, "'");
  }
}

/** Named formats, beside token patterns. */
const NAMED: Record<string, (date: Date, timeZone: string | undefined) => string> = {
  iso: (date, zone) => formatDate(date, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", zone),
  rfc3339: (date, zone) => formatDate(date, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", zone),
  http: (date) => date.toUTCString(),
  rfc1123: (date) => date.toUTCString(),
  unix: (date) => String(Math.floor(date.getTime() / 1000)),
  epoch: (date) => String(date.getTime()),
  date: (date, zone) => formatDate(date, 'yyyy-MM-dd', zone),
  time: (date, zone) => formatDate(date, 'HH:mm:ss', zone),
};

let shownTime = Number.NaN;
let shownText = '';

/**
 * `date.toISOString()`, kept for the last time shown: the renders of one millisecond (a busy
 * replay) show the same time, and writing it out costs more than the rest of a `now`.
 */
export function isoText(date: Date): string {
  const time = date.getTime();
  if (time !== shownTime) {
    shownTime = time;
    shownText = date.toISOString();
  }
  return shownText;
}

/** `date` in `format` (tokens or a named format), seen from `timeZone` (UTC by default). */
export function formatDate(date: Date, format: string, timeZone?: string): string {
  const named = NAMED[format];
  if (named !== undefined) return named(date, timeZone);
  const parts = partsOf(date, timeZone);
  return format.replace(TOKENS, (name) => token(parts, name));
}

export const DATE_FORMAT_HELP =
  "tokens yyyy yy MMMM MMM MM M dd d EEEE EEE HH H hh h mm m ss s SSS a XXX xxx and 'literal' text, or one of iso, rfc3339, http, unix, epoch, date, time";
