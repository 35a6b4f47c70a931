import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

/**
 * A minimal RFC 6455 websocket client, enough to listen to ComfyUI's progress frames without a
 * dependency (Node 20 has no global WebSocket). Text messages only (binary preview frames are
 * skipped), fragmented messages reassembled, pings answered, client frames masked as the RFC requires.
 */
export interface WsClient {
  /** Called with every complete text message. */
  onText(listener: (text: string) => void): void;
  /** Called once when the connection ends, for whatever reason. */
  onClose(listener: () => void): void;
  close(): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

/** Opens `ws://` or `wss://`; rejects when the server does not upgrade within `timeoutMs`. */
export function openWebSocket(url: string, options: { headers?: Record<string, string>; timeoutMs: number; signal?: AbortSignal }): Promise<WsClient> {
  const u = new URL(url);
  const key = randomBytes(16).toString('base64');
  const secure = u.protocol === 'wss:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request({
      host: u.hostname,
      port: u.port || (secure ? 443 : 80),
      path: `${u.pathname}${u.search}`,
      agent: false,
      headers: { ...options.headers, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': key, 'sec-websocket-version': '13' },
    });
    const fail = (why: string) => {
      clearTimeout(timer);
      req.destroy();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail('websocket handshake timed out'), options.timeoutMs);
    options.signal?.addEventListener('abort', () => fail('cancelled'), { once: true });
    req.on('error', (e) => fail(e.message));
    req.on('response', (res) => {
      res.resume();
      fail(`server answered ${res.statusCode} instead of switching to websocket`);
    });
    req.on('upgrade', (res, socket, head) => {
      clearTimeout(timer);
      const expected = createHash('sha1').update(key + GUID).digest('base64');
      if (res.headers['sec-websocket-accept'] !== expected) {
        socket.destroy();
        return reject(new Error('websocket handshake answered with a wrong Sec-WebSocket-Accept'));
      }
      resolve(connection(socket, head));
    });
    req.end();
  });
}

function connection(socket: Duplex, head: Buffer): WsClient {
  const textListeners: ((t: string) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  let buffer = head;
  let fragments: Buffer[] = [];
  let fragmentOp = 0;
  let closed = false;

  const end = () => {
    if (closed) return;
    closed = true;
    socket.destroy();
    for (const l of closeListeners) l();
  };

  const send = (opcode: number, payload: Buffer = Buffer.alloc(0)) => {
    if (closed) return;
    const mask = randomBytes(4);
    const len = payload.length;
    const header = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    if (len < 126) header[1] = 0x80 | len;
    else if (len < 65536) {
      header[1] = 0x80 | 126;
      header.writeUInt16BE(len, 2);
    } else {
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(len), 2);
    }
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
    socket.write(Buffer.concat([header, mask, body]));
  };

  const early: string[] = []; // messages that arrive before anyone listens are kept, not lost
  const onMessage = (opcode: number, payload: Buffer) => {
    if (opcode !== OP.text) return;
    const text = payload.toString('utf8');
    if (textListeners.length === 0) early.push(text);
    for (const l of textListeners) l(text);
  };

  const parse = () => {
    for (;;) {
      if (buffer.length < 2) return;
      const fin = (buffer[0] & 0x80) !== 0;
      const opcode = buffer[0] & 0x0f;
      const masked = (buffer[1] & 0x80) !== 0;
      let len = buffer[1] & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (buffer.length < 4) return;
        len = buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (buffer.length < 10) return;
        len = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskKey = masked ? buffer.subarray(offset, offset + 4) : undefined;
      if (masked) offset += 4;
      if (buffer.length < offset + len) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + len));
      buffer = buffer.subarray(offset + len);
      if (maskKey) for (let i = 0; i < payload.length; i++) payload[i] ^= maskKey[i & 3];

      if (opcode === OP.close) {
        send(OP.close, payload.subarray(0, 2));
        return end();
      }
      if (opcode === OP.ping) send(OP.pong, payload);
      else if (opcode === OP.pong) continue;
      else if (opcode === OP.continuation) {
        fragments.push(payload);
        if (fin) {
          onMessage(fragmentOp, Buffer.concat(fragments));
          fragments = [];
        }
      } else if (fin) onMessage(opcode, payload);
      else {
        fragmentOp = opcode;
        fragments = [payload];
      }
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    parse();
  });
  socket.on('close', end);
  socket.on('error', end);
  parse(); // frames that arrived with the handshake

  return {
    onText: (l) => {
      textListeners.push(l);
      for (const t of early.splice(0)) l(t);
    },
    onClose: (l) => (closed ? l() : closeListeners.push(l)),
    close: () => {
      send(OP.close, Buffer.from([0x03, 0xe8])); // 1000, normal closure
      end();
    },
  };
}
