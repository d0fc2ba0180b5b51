/**
 * WebSocket sessions in each mode: new-episodes, strict replay misses, passthrough; secrets kept
 * off disk; sessions that end abruptly.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CassetteStore } from '../../../proxy/engine/cassette-store';
import { DirectoryCassetteStore } from '../../../proxy/engine/directory-cassette-store';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { makeTempDir, removeTempDir, startEngine, type EngineHarness } from './helpers/servers';
import {
  CHAT_REPLIES,
  opened,
  playChat,
  ReceivedQueue,
  refused,
  startChatUpstream,
  type ChatUpstream,
} from './helpers/websocket-peers';

let dataDir: string;
let upstream: ChatUpstream;

beforeAll(async () => {
  dataDir = await makeTempDir('websocket-modes');
  upstream = await startChatUpstream();
});

afterAll(async () => {
  await upstream.close();
  await removeTempDir(dataDir);
});

function reverse(
  mode: 'record' | 'replay' | 'new-episodes' | 'passthrough',
  store: CassetteStore = new MemoryCassetteStore(),
) {
  return startEngine(dataDir, {
    store,
    mode,
    cassette: 'modes',
    target: `http://127.0.0.1:${upstream.port}`,
  });
}

async function chatThrough(harness: EngineHarness, pathAndQuery: string): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${harness.port}${pathAndQuery}`);
  const queue = new ReceivedQueue(ws);
  await opened(ws);
  expect(await playChat(ws, queue)).toEqual(CHAT_REPLIES);
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}

describe('WebSocket sessions by mode', () => {
  it('new-episodes replays a known URL and records a new one', async () => {
    const store = new MemoryCassetteStore();
    const recording = await reverse('record', store);
    await chatThrough(recording, '/chat');
    await recording.engine.stop();

    const harness = await reverse('new-episodes', store);
    const before = upstream.handshakes.length;
    await chatThrough(harness, '/chat');
    expect(upstream.handshakes.length).toBe(before);
    await chatThrough(harness, '/other');
    expect(upstream.handshakes.length).toBe(before + 1);
    await harness.engine.stop();
    expect(harness.events.map((event) => event.outcome)).toEqual(['replayed', 'recorded']);
    const urls = store.get('modes')?.interactions.map((i) => (i.type === 'WebSocket' ? i.url : ''));
    expect(urls).toEqual([
      `ws://127.0.0.1:${upstream.port}/chat`,
      `ws://127.0.0.1:${upstream.port}/other`,
    ]);
  });

  it('refuses a strict replay miss with 404 and the near misses', async () => {
    const store = new MemoryCassetteStore();
    const recording = await reverse('record', store);
    await chatThrough(recording, '/chat?room=1');
    await recording.engine.stop();

    const harness = await reverse('replay', store);
    const answer = await refused(new WebSocket(`ws://127.0.0.1:${harness.port}/chat?room=2`));
    await harness.engine.stop();
    expect(answer.status).toBe(404);
    expect(answer.headers['x-magneto-miss']).toBe('1');
    expect(answer.body).toContain(
      `No recorded interaction matches GET ws://127.0.0.1:${upstream.port}/chat?room=2`,
    );
    expect(answer.body).toContain(`#0 WebSocket ws://127.0.0.1:${upstream.port}/chat?room=1`);
    expect(answer.body).toMatch(/query parameter "room": expected "1", got "2"/);
    expect(harness.events[0]).toMatchObject({
      protocol: 'ws',
      outcome: 'missed',
      response: { status: 404 },
      nearMisses: [{ index: 0 }],
    });

    const empty = await reverse('replay');
    const missing = await refused(new WebSocket(`ws://127.0.0.1:${empty.port}/chat`));
    await empty.engine.stop();
    expect(missing.status).toBe(404);
    expect(missing.body).toMatch(/^Cassette "modes" does not exist yet\./);
  });

  it('passes sessions through in passthrough mode and records nothing', async () => {
    const folder = path.join(dataDir, 'passthrough');
    const harness = await reverse('passthrough', new DirectoryCassetteStore(folder));
    await chatThrough(harness, '/chat');
    await harness.engine.stop();
    expect(harness.events).toHaveLength(1);
    expect(harness.events[0]).toMatchObject({ outcome: 'passthrough', response: { status: 101 } });
    await expect(readdir(folder)).rejects.toThrow(/ENOENT/);
  });

  it('keeps the query secret and the Authorization header out of the cassette and events', async () => {
    const store = new DirectoryCassetteStore(path.join(dataDir, 'secrets'));
    const recording = await reverse('record', store);
    const ws = new WebSocket(`ws://127.0.0.1:${recording.port}/chat?token=s3cr3t-query&room=1`, {
      headers: { authorization: 'Bearer s3cr3t-header' },
    });
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    expect(await playChat(ws, queue)).toEqual(CHAT_REPLIES);
    await recording.engine.stop();
    expect(upstream.handshakes.at(-1)?.authorization).toBe('Bearer s3cr3t-header');
    const text = await readFile(store.fileOf('modes'), 'utf8');
    expect(text).toContain('token=[REDACTED]&room=1');
    expect(text).not.toContain('s3cr3t');
    expect(JSON.stringify(recording.events)).not.toContain('s3cr3t');

    // Another secret value matches the redacted recording.
    const replaying = await reverse('replay', store);
    const again = new WebSocket(`ws://127.0.0.1:${replaying.port}/chat?token=other&room=1`);
    const againQueue = new ReceivedQueue(again);
    await opened(again);
    expect(await playChat(again, againQueue)).toEqual(CHAT_REPLIES);
    await replaying.engine.stop();
    expect(replaying.events[0]).toMatchObject({ outcome: 'replayed' });
  });

  it('records a session whose client drops mid-way, and keeps serving', async () => {
    const store = new MemoryCassetteStore();
    const harness = await reverse('record', store);
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/drop`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    await queue.next();
    ws.send('hello');
    await queue.next(); // tick or echo
    ws.terminate();
    await until(() => harness.events.length === 1);
    expect(harness.events[0]).toMatchObject({
      outcome: 'recorded',
      error: 'the client went away without a close frame',
    });
    await chatThrough(harness, '/chat');
    await harness.engine.stop();
    const [dropped] = store.get('modes')?.interactions ?? [];
    expect(dropped).toMatchObject({ type: 'WebSocket', closeFrame: null });
    expect(dropped?.type === 'WebSocket' && dropped.messages).toContainEqual(
      expect.objectContaining({ direction: 'Sent', msgType: 'Text', data: 'hello' }),
    );
  });

  it('records a session still open when the engine stops', async () => {
    const store = new MemoryCassetteStore();
    const harness = await reverse('record', store);
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/open`);
    const queue = new ReceivedQueue(ws);
    await opened(ws);
    expect(await queue.next()).toEqual({ kind: 'text', data: 'welcome' });
    await harness.engine.stop();
    expect(store.get('modes')?.interactions[0]).toMatchObject({
      type: 'WebSocket',
      messages: [{ direction: 'Received', data: 'welcome' }],
      closeFrame: null,
    });
  });
});
