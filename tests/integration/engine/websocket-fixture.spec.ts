/**
 * Replay of Magneto-Serge's recorded WebSocket sessions (websocket-chat.json, loaded through a
 * cassette folder): the chat paced by the client's messages, and the ticker, which has no close
 * frame, by its recorded times.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { magnetoFixture } from '../../support/fixtures';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';
import { opened, ReceivedQueue } from './helpers/websocket-peers';

let dataDir: string;
let store: DirectoryCassetteStore;

beforeAll(async () => {
  dataDir = await makeTempDir('websocket-fixture');
  const folder = path.join(dataDir, 'cassettes');
  await mkdir(folder);
  await copyFile(magnetoFixture('websocket-chat.json'), path.join(folder, 'websocket-chat.json'));
  store = new DirectoryCassetteStore(folder);
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

function replayEngine(target: string) {
  return startEngine(dataDir, { store, mode: 'replay', cassette: 'websocket-chat', target });
}

describe('replay of the Magneto-Serge WebSocket fixture', () => {
  it('serves the chat, each answer after the client message it followed', async () => {
    const harness = await replayEngine('https://chat.example.com');
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/socket?room=general`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    ws.send('{"type":"join","room":"general","user":"alice"}');
    expect(await queue.next()).toEqual({
      kind: 'text',
      data: '{"type":"joined","room":"general","members":["alice","bob"]}',
    });
    ws.send('{"type":"message","text":"Hello, Bob!"}');
    expect(await queue.next()).toEqual({
      kind: 'text',
      data: '{"type":"message","from":"bob","text":"Salut Alice, ça va ? 👋"}',
    });
    ws.send(Buffer.from([0, 1, 2, 127, 128, 254, 255]), { binary: true });
    expect(await queue.next()).toEqual({
      kind: 'binary',
      data: [137, 80, 78, 71, 45, 116, 104, 117, 109, 98, 0, 1],
    });
    ws.ping('keepalive');
    expect(await queue.next()).toEqual({ kind: 'pong', data: 'keepalive' });
    ws.send('{"type":"leave","room":"general"}');
    expect(await queue.untilClose()).toEqual([{ kind: 'close', code: 1000, reason: 'bye' }]);
    await harness.engine.stop();
    expect(harness.events).toHaveLength(1);
    expect(harness.events[0]).toMatchObject({
      protocol: 'wss',
      outcome: 'replayed',
      request: { url: 'wss://chat.example.com/socket?room=general' },
      interactionId: 'i0',
    });
    expect(harness.events[0]?.error).toBeUndefined();
  });

  it('serves the ticker at its recorded times and keeps the connection open', async () => {
    const harness = await replayEngine('https://stream.example.com');
    await harness.engine.reconfigure({ webSocketReplay: 'time-offset' });
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/ticker?symbols=BTC-EUR`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    const prices = [];
    for (let i = 0; i < 3; i++) prices.push(await queue.next());
    expect(prices.map((p) => (p.kind === 'text' ? JSON.parse(p.data).seq : p))).toEqual([1, 2, 3]);
    // 48 ms, 298 ms and 547 ms after the connection opened.
    const [first = 0, , third = 0] = queue.arrivals;
    expect(third - first).toBeGreaterThanOrEqual(450);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close(1000, 'done');
    expect(await queue.untilClose()).toEqual([{ kind: 'close', code: 1000, reason: 'done' }]);
    await harness.engine.stop();
    expect(harness.events[0]).toMatchObject({ outcome: 'replayed', interactionId: 'i1' });
  });
});
