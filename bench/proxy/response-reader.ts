/**
 * Reads HTTP/1.1 responses framed by `content-length` off a byte stream, with as little work as
 * possible: the load generator must cost far less than the server it measures.
 */

const HEAD_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

export class ResponseReader {
  /** Bytes of a head not complete yet. */
  private partial: Buffer = Buffer.alloc(0);
  /** Body bytes still to come; -1 while reading a head. */
  private bodyLeft = -1;
  private status = 0;

  /** Takes the next bytes; calls `onResponse` with the status of each response they complete. */
  feed(chunk: Buffer, onResponse: (status: number) => void): void {
    let data = chunk;
    for (;;) {
      if (this.bodyLeft < 0) {
        if (data.length === 0) return;
        const bytes = this.partial.length === 0 ? data : Buffer.concat([this.partial, data]);
        const end = bytes.indexOf(HEAD_END);
        if (end < 0) {
          this.partial = Buffer.from(bytes);
          return;
        }
        this.readHead(bytes.toString('latin1', 0, end));
        this.partial = Buffer.alloc(0);
        data = bytes.subarray(end + HEAD_END.length);
      }
      const taken = Math.min(this.bodyLeft, data.length);
      this.bodyLeft -= taken;
      data = data.subarray(taken);
      if (this.bodyLeft > 0) return;
      this.bodyLeft = -1;
      onResponse(this.status);
    }
  }

  private readHead(head: string): void {
    this.status = Number(head.slice(9, 12));
    const length = CONTENT_LENGTH.exec(head)?.[1];
    if (length === undefined) {
      throw new Error(`The load generator needs content-length framing; got:\n${head}`);
    }
    this.bodyLeft = Number(length);
  }
}
