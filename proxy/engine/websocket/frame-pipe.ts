/**
 * The relay's frames: everything one side sends goes to the other as it is (text, binary, ping,
 * pong) and into the session log. A close frame is passed on with its code; a side that goes away
 * without one gets the other dropped too. Settles once both sides have closed.
 */
import { WebSocket } from 'ws';
import type { WebSocketDirection } from '../../cassette/cassette.model';
import { ABNORMAL_CLOSURE, closeWith, payloadOf } from './frames';
import type { SessionLog } from './session-log';

export type Side = 'client' | 'upstream';

export interface PipeEnd {
  /** The first side that went away without a close frame, if one did. */
  dropped?: Side;
}

export function pipeFrames(
  client: WebSocket,
  upstream: WebSocket,
  log: SessionLog,
): Promise<PipeEnd> {
  return new Promise((resolve) => {
    let open = 2;
    let dropped: Side | undefined;
    const wire = (from: WebSocket, to: WebSocket, direction: WebSocketDirection, side: Side) => {
      const live = (): boolean => to.readyState === WebSocket.OPEN;
      from.on('message', (data, isBinary) => {
        const payload = payloadOf(data);
        log.add(direction, isBinary ? 'Binary' : 'Text', payload);
        if (live()) to.send(payload, { binary: isBinary });
      });
      from.on('ping', (payload) => {
        log.add(direction, 'Ping', payload);
        if (live()) to.ping(payload);
      });
      from.on('pong', (payload) => {
        log.add(direction, 'Pong', payload);
        if (live()) to.pong(payload);
      });
      // Protocol errors and resets are followed by 'close'.
      from.on('error', () => undefined);
      from.once('close', (code, reasonBytes) => {
        const reason = reasonBytes.toString('utf8');
        if (code === ABNORMAL_CLOSURE) dropped ??= side;
        else log.closed(code, reason);
        closeWith(to, code === ABNORMAL_CLOSURE ? null : { code, reason });
        open -= 1;
        if (open === 0) resolve(dropped === undefined ? {} : { dropped });
      });
    };
    wire(client, upstream, 'Sent', 'client');
    wire(upstream, client, 'Received', 'upstream');
    client.resume();
    upstream.resume();
  });
}
