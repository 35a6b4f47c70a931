import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWebSocket, type WsClient } from '../../electron/core/providers/comfyui/ws-client';
import { FakeServer } from '../fakes/fake-server';
import { acceptWebSocket, type FakeSocket } from '../fakes/ws-server';

let server: FakeServer;
let accepted: Promise<FakeSocket>;
beforeEach(async () => {
  server = new FakeServer();
  accepted = new Promise((resolve) => server.raw.on('upgrade', (req, socket, head) => resolve(acceptWebSocket(req, socket, head))));
  await server.start();
});
afterEach(() => server.stop());

const wsUrl = () => `${server.url.replace('http', 'ws')}/ws?clientId=abc`;
const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

async function connect(): Promise<{ client: WsClient; socket: FakeSocket; texts: string[] }> {
  const client = await openWebSocket(wsUrl(), { timeoutMs: 2000 });
  const texts: string[] = [];
  client.onText((t) => texts.push(t));
  return { client, socket: await accepted, texts };
}

describe('the minimal websocket client used for ComfyUI', () => {
  it('receives text frames, reassembles fragments, skips binary previews, and handles 16- and 64-bit lengths', async () => {
    const { socket, texts } = await connect();
    socket.sendJson({ type: 'status', data: {} });
    socket.sendBinary(Buffer.alloc(300, 7)); // a preview image: not text
    socket.sendText('{"type":"progress","data":{"value":1,"max":2}}', { fragments: 3 });
    const big = 'x'.repeat(70_000);
    socket.sendText(big);
    socket.sendText('é'.repeat(200)); // 400 bytes: a 16-bit length
    await until(() => texts.length === 4);
    expect(texts[0]).toBe('{"type":"status","data":{}}');
    expect(texts[1]).toBe('{"type":"progress","data":{"value":1,"max":2}}');
    expect(texts[2]).toBe(big);
    expect(texts[3]).toBe('é'.repeat(200));
  });

  it('answers a ping with a masked pong carrying the same payload, and closes with a masked close frame', async () => {
    const { client, socket } = await connect();
    socket.ping(Buffer.from('are you there'));
    await until(() => socket.received.length === 1);
    expect(socket.received[0].opcode).toBe(10);
    expect(socket.received[0].payload.toString()).toBe('are you there');
    let closed = false;
    client.onClose(() => (closed = true));
    client.close();
    await until(() => socket.received.length === 2);
    expect(socket.received[1]).toEqual({ opcode: 8, payload: Buffer.from([0x03, 0xe8]) });
    expect(socket.maskedOk).toBe(true);
    expect(closed).toBe(true);
  });

  it('reports the end when the server closes', async () => {
    const { client, socket } = await connect();
    const ended = new Promise<void>((r) => client.onClose(r));
    socket.close();
    await ended;
  });

  it('rejects when the server does not upgrade', async () => {
    const plain = new FakeServer();
    await plain.start();
    try {
      await expect(openWebSocket(`${plain.url.replace('http', 'ws')}/ws`, { timeoutMs: 2000 })).rejects.toThrow(/answered 404/);
    } finally {
      await plain.stop();
    }
  });
});
