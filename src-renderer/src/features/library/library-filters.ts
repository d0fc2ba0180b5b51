/** The library's filters as the form holds them, and as the API's CassetteFilterInput. */
import type { CassetteFilterInput } from '../../api/generated/graphql';
import { daysSince } from '../../lib/format';

export interface LibraryFilters {
  name: string;
  text: string;
  /** Kilobytes, as typed; '' for no bound. */
  minSizeKb: string;
  maxSizeKb: string;
  /** YYYY-MM-DD, as a date input gives; '' for no bound. */
  recordedFrom: string;
  recordedTo: string;
  minInteractions: string;
  maxInteractions: string;
  tags: string[];
}

export const EMPTY_FILTERS: LibraryFilters = {
  name: '',
  text: '',
  minSizeKb: '',
  maxSizeKb: '',
  recordedFrom: '',
  recordedTo: '',
  minInteractions: '',
  maxInteractions: '',
  tags: [],
};

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLibraryFilters(value: unknown): value is LibraryFilters {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.keys(EMPTY_FILTERS).every((key) =>
    key === 'tags'
      ? Array.isArray(record.tags) && record.tags.every((tag) => typeof tag === 'string')
      : typeof record[key] === 'string',
  );
}

function number(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  return new Date(date.getTime() + DAY_MS + 3_600_000).toISOString().slice(0, 10);
}

/** The API filter; bounds that are empty or not numbers are left out. */
export function toFilterInput(
  filters: LibraryFilters,
  now: number = Date.now(),
): CassetteFilterInput {
  const input: CassetteFilterInput = {};
  if (filters.name.trim() !== '') input.nameContains = filters.name.trim();
  if (filters.text.trim() !== '') input.text = filters.text.trim();
  const minKb = number(filters.minSizeKb);
  const maxKb = number(filters.maxSizeKb);
  if (minKb !== undefined) input.minSizeBytes = Math.floor(minKb * 1024);
  if (maxKb !== undefined) input.maxSizeBytes = Math.ceil(maxKb * 1024);
  if (DATE.test(filters.recordedFrom)) input.maxAgeDays = daysSince(filters.recordedFrom, now);
  if (DATE.test(filters.recordedTo)) {
    const age = daysSince(nextDay(filters.recordedTo), now);
    input.minAgeDays = age;
  }
  const minInteractions = number(filters.minInteractions);
  const maxInteractions = number(filters.maxInteractions);
  if (minInteractions !== undefined) input.minInteractions = Math.floor(minInteractions);
  if (maxInteractions !== undefined) input.maxInteractions = Math.floor(maxInteractions);
  if (filters.tags.length > 0) input.tags = filters.tags;
  return input;
}

/** How many filters are set, for the "Filters (n)" label. */
export function activeFilterCount(filters: LibraryFilters): number {
  return (Object.keys(EMPTY_FILTERS) as (keyof LibraryFilters)[]).filter((key) =>
    key === 'tags' ? filters.tags.length > 0 : filters[key].trim() !== '',
  ).length;
}
