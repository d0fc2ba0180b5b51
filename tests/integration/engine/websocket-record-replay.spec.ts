/**
 * WebSocket record and replay in reverse-proxy mode, saved to a cassette folder: the recorded
 * frames, their offsets and the close code on disk, then both replay pacings with the upstream
 * gone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';
import {
  CHAT_REPLIES,
  opened,
  playChat,
  ReceivedQueue,
  startChatUpstream,
  TICK_DELAY_MS,
  type ChatUpstream,
} from './helpers/websocket-peers';

let dataDir: string;
let store: DirectoryCassetteStore;
let upstream: ChatUpstream;

beforeAll(async () => {
  dataDir = await makeTempDir('websocket-record');
  store = new DirectoryCassetteStore(path.join(dataDir, 'cassettes'));
  upstream = await startChatUpstream();
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

interface StoredMessage {
  direction: string;
  timestamp_ms: number;
  msg_type: string;
  data: unknown;
}

describe('WebSocket sessions through the reverse proxy', () => {
  it('records a chat: every frame both ways with its offset, and the close code', async () => {
    const harness = await startEngine(dataDir, {
      store,
      mode: 'record',
      cassette: 'chat',
      target: `http://127.0.0.1:${upstream.port}`,
    });
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/chat?room=1`, {
      headers: { 'x-client': 'spec' },
    });
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    expect(await playChat(ws, queue)).toEqual(CHAT_REPLIES);
    await harness.engine.stop();

    expect(upstream.handshakes.at(-1)).toMatchObject({ 'x-client': 'spec' });
    expect(harness.events).toHaveLength(1);
    expect(harness.events[0]).toMatchObject({
      protocol: 'ws',
      outcome: 'recorded',
      request: { method: 'GET', url: `ws://127.0.0.1:${upstream.port}/chat?room=1` },
      response: { status: 101 },
      interactionId: 'i0',
    });
    expect(harness.events[0]?.error).toBeUndefined();

    const file = JSON.parse(await readFile(store.fileOf('chat'), 'utf8')) as {
      interactions: Array<{
        type: string;
        url: string;
        messages: StoredMessage[];
        close_frame: unknown;
      }>;
    };
    expect(file.interactions).toHaveLength(1);
    const [session] = file.interactions;
    expect(session).toMatchObject({
      type: 'WebSocket',
      url: `ws://127.0.0.1:${upstream.port}/chat?room=1`,
      close_frame: { code: 1000, reason: 'bye' },
    });
    const messages = session?.messages ?? [];
    expect(messages.map((m) => [m.direction, m.msg_type])).toEqual([
      ['Received', 'Text'],
      ['Received', 'Text'],
      ['Sent', 'Text'],
      ['Received', 'Text'],
      ['Sent', 'Binary'],
      ['Received', 'Binary'],
      ['Sent', 'Ping'],
      ['Received', 'Pong'],
      ['Sent', 'Text'],
      ['Received', 'Text'],
      ['Sent', 'Text'],
    ]);
    const offsets = messages.map((m) => m.timestamp_ms);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets[1]).toBeGreaterThanOrEqual(TICK_DELAY_MS - 20);
    expect(messages.find((m) => m.msg_type === 'Text' && m.direction === 'Sent')?.data).toBe(
      'hello',
    );
  });

  it('replays the chat without the upstream, each answer after the message it followed', async () => {
    await upstream.close();
    const harness = await startEngine(dataDir, {
      store,
      mode: 'replay',
      cassette: 'chat',
      target: `http://127.0.0.1:${upstream.port}`,
    });
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/chat?room=1`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    // The same JSON with its keys in another order still matches.
    const got = await playChat(ws, queue, '{ "n": 1, "user": "ann" }');
    await harness.engine.stop();
    expect(got).toEqual(CHAT_REPLIES);
    expect(harness.events).toHaveLength(1);
    expect(harness.events[0]).toMatchObject({
      protocol: 'ws',
      outcome: 'replayed',
      response: { status: 101 },
      interactionId: 'i0',
    });
    expect(harness.events[0]?.error).toBeUndefined();
  });

  it('replays at the recorded times with time-offset pacing, whatever the client sends', async () => {
    const harness = await startEngine(dataDir, {
      store,
      mode: 'replay',
      cassette: 'chat',
      target: `http://127.0.0.1:${upstream.port}`,
    });
    await harness.engine.reconfigure({ webSocketReplay: 'time-offset' });
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/chat?room=1`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    const got = await queue.untilClose();
    await harness.engine.stop();
    expect(got).toEqual(CHAT_REPLIES.filter((reply) => reply.kind !== 'pong'));
    const [welcome = 0, tick = 0] = queue.arrivals;
    expect(tick - welcome).toBeGreaterThanOrEqual(TICK_DELAY_MS - 30);
    expect(harness.events[0]).toMatchObject({ outcome: 'replayed' });
  });

  it('notes, without failing, a client whose messages differ from the recording', async () => {
    const harness = await startEngine(dataDir, {
      store,
      mode: 'replay',
      cassette: 'chat',
      target: `http://127.0.0.1:${upstream.port}`,
    });
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/chat?room=1`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    await queue.next();
    await queue.next();
    ws.send('something else'); // plays the next step anyway
    expect(await queue.next()).toEqual({ kind: 'text', data: 'echo:hello' });
    ws.send('leave'); // skips ahead to the end: the skipped answers come first, in order
    expect(await queue.untilClose()).toEqual(
      CHAT_REPLIES.slice(3).filter((r) => r.kind !== 'pong'),
    );
    await harness.engine.stop();
    expect(harness.events[0]).toMatchObject({ outcome: 'replayed' });
    expect(harness.events[0]?.error).toMatch(/1 client message\(s\) did not match.*"hello"/);
    expect(harness.events[0]?.error).toMatch(/2 recorded client message\(s\) were skipped/);
  });
});
