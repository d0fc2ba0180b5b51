/**
 * Telling a keep-alive connection the server closed as the proxy reused it (worth one retry) from
 * a server that breaks its connections (not worth any).
 */
import type { Socket } from 'node:net';

/** Errors raised by connections that had carried a response before. */
const closedAfterUse = new WeakSet<Error>();

/** Marks the errors `socket` raises once it has carried a response. */
export function watchReuse(socket: Socket): void {
  socket.prependListener('error', (error: Error) => {
    if (socket.bytesRead > 0) closedAfterUse.add(error);
  });
}

/** Whether `error` says that a reused keep-alive connection turned out to be closed. */
export function isStaleConnectionError(error: Error): boolean {
  if (closedAfterUse.has(error)) return true;
  // undici's "other side closed" carries the connection's counters.
  const { code, socket } = error as { code?: unknown; socket?: { bytesRead?: unknown } };
  return code === 'UND_ERR_SOCKET' && typeof socket?.bytesRead === 'number' && socket.bytesRead > 0;
}
