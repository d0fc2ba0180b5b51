/** Header maps as the API gives them (a repeated header as a list) to rows for a table. */

export function headerRows(headers: unknown): Array<[string, string]> {
  if (typeof headers !== 'object' || headers === null) return [];
  const rows: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values)
      rows.push([name, typeof item === 'string' ? item : JSON.stringify(item)]);
  }
  return rows;
}

/** A header's first value, case-insensitively. */
export function headerValue(headers: unknown, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headerRows(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}
