/**
 * The few request headers the replay fast path looks at, read in one pass over the raw headers:
 * asking `req.headers` instead makes Node build the whole header map, which costs more than the
 * rest of a settled replay.
 */

export interface FastPathHeaders {
  /** A `Via` header: the request may have come round a loop. */
  via: boolean;
  /** Framing headers announcing a body (`Transfer-Encoding`, or a `Content-Length` but 0). */
  body: boolean;
  /** `Accept-Encoding`, repeated ones joined as Node joins them. */
  acceptEncoding: string | undefined;
}

/** Reads `rawHeaders` (`[name, value, …]`, names as the client wrote them). */
export function fastPathHeaders(rawHeaders: readonly string[]): FastPathHeaders {
  const found: FastPathHeaders = { via: false, body: false, acceptEncoding: undefined };
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    // Names are compared by length first: most headers are none of these, at no cost.
    switch (name.length) {
      case 3:
        if (name.toLowerCase() === 'via') found.via = true;
        break;
      case 14:
        if (name.toLowerCase() === 'content-length' && rawHeaders[i + 1] !== '0') {
          found.body = true;
        }
        break;
      case 15:
        if (name.toLowerCase() === 'accept-encoding') {
          const value = rawHeaders[i + 1] as string;
          found.acceptEncoding =
            found.acceptEncoding === undefined ? value : `${found.acceptEncoding}, ${value}`;
        }
        break;
      case 17:
        if (name.toLowerCase() === 'transfer-encoding') found.body = true;
        break;
    }
  }
  return found;
}
