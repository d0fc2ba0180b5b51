/** Where the CLI reads and writes: the real process, or a capture in tests. */
export interface CliIo {
  /** Standard output: text, or raw bytes (an export written to `-`). */
  out(data: string | Uint8Array): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves with the signal's name when the user asks a long-running command to stop. */
  untilStopped(): Promise<string>;
}

export function processIo(): CliIo {
  return {
    out: (data) => process.stdout.write(data),
    err: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    untilStopped: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints rows as aligned columns under a header; numbers are right-aligned. */
export function printTable(
  io: CliIo,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): void {
  const cells = [columns, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const numeric = columns.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'),
  );
  for (const row of cells) {
    const line = row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ');
    io.out(`${line.trimEnd()}\n`);
  }
}

/** Bytes as a short human figure: 512 B, 1.2 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
