/**
 * WebSockets through the forward proxy: ws:// in a plain CONNECT tunnel and wss:// in an
 * intercepted one (the client trusts the studio CA, the engine trusts the upstream's via
 * `upstreamCa`), recorded and then replayed with the upstream gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCassetteStore } from '../../support/memory-cassette-store';
import { makeTempDir, removeTempDir, startEngine } from './helpers/servers';
import {
  CHAT_REPLIES,
  connectThroughTunnel,
  opened,
  playChat,
  ReceivedQueue,
  startChatUpstream,
  startSecureChatUpstream,
  type ChatUpstream,
} from './helpers/websocket-peers';

let dataDir: string;

beforeAll(async () => {
  dataDir = await makeTempDir('websocket-forward');
});

afterAll(async () => {
  await removeTempDir(dataDir);
});

async function recordThenReplay(upstream: ChatUpstream, url: string, protocol: 'ws' | 'wss') {
  const store = new MemoryCassetteStore();
  const options = { store, cassette: 'forward', upstreamCa: upstream.caPem };

  const recording = await startEngine(dataDir, { ...options, mode: 'auto' });
  const live = await connectThroughTunnel(recording.port, url, recording.caPem, ['chat.v1', 'x']);
  const liveQueue = new ReceivedQueue(live);
  await opened(live);
  expect(live.protocol).toBe('chat.v1');
  expect(upstream.handshakes[0]?.['sec-websocket-protocol']).toBe('chat.v1,x');
  expect(await playChat(live, liveQueue)).toEqual(CHAT_REPLIES);
  await recording.engine.stop();
  const session = recording.events.find((event) => event.protocol === protocol);
  expect(session).toMatchObject({
    outcome: 'recorded',
    request: { url },
    response: { status: 101 },
  });
  const recorded = store.get('forward')?.interactions[0];
  expect(recorded).toMatchObject({
    type: 'WebSocket',
    url,
    closeFrame: { code: 1000, reason: 'bye' },
  });

  await upstream.close();
  const replaying = await startEngine(dataDir, { ...options, mode: 'auto' });
  expect(replaying.engine.status().effectiveMode).toBe('replay');
  const replayed = await connectThroughTunnel(replaying.port, url, replaying.caPem, [
    'x',
    'chat.v1',
  ]);
  const replayQueue = new ReceivedQueue(replayed);
  await opened(replayed);
  expect(replayed.protocol).toBe('chat.v1');
  expect(await playChat(replayed, replayQueue)).toEqual(CHAT_REPLIES);
  await replaying.engine.stop();
  expect(replaying.events.find((event) => event.protocol === protocol)).toMatchObject({
    outcome: 'replayed',
    interactionId: recorded?.id,
  });
}

describe('WebSockets through the forward proxy', () => {
  it('records and replays ws:// through a CONNECT tunnel', async () => {
    const upstream = await startChatUpstream();
    await recordThenReplay(upstream, `ws://127.0.0.1:${upstream.port}/chat`, 'ws');
  });

  it('records and replays wss:// through an intercepted CONNECT tunnel', async () => {
    const upstream = await startSecureChatUpstream(dataDir);
    await recordThenReplay(upstream, `wss://localhost:${upstream.port}/chat`, 'wss');
  });
});
