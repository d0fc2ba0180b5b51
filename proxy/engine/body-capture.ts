/** Keeps the first bytes of a streamed body for the recording while counting all of them. */
export class BodyCapture {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Bytes seen, kept or not. */
  total = 0;

  constructor(private readonly limit: number) {}

  add(chunk: Buffer): void {
    this.total += chunk.length;
    const room = this.limit - this.kept;
    if (room <= 0) return;
    const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
    this.chunks.push(part);
    this.kept += part.length;
  }

  /** More bytes went by than the limit allowed to keep. */
  get truncated(): boolean {
    return this.total > this.kept;
  }

  /** The bytes kept. */
  bytes(): Buffer {
    return this.chunks.length === 1 && this.chunks[0] !== undefined
      ? this.chunks[0]
      : Buffer.concat(this.chunks, this.kept);
  }
}
