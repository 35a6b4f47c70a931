import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** The server side of one websocket, as a fake needs it: send text (unmasked), see what the client sent. */
export class FakeSocket {
  /** Opcodes and payloads of the client's frames, unmasked; `maskedOk` is false if any frame was unmasked. */
  readonly received: { opcode: number; payload: Buffer }[] = [];
  maskedOk = true;
  closed = false;
  private buffer = Buffer.alloc(0);

  constructor(private readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => (this.closed = true));
  }

  sendText(text: string, options: { fragments?: number } = {}): void {
    const data = Buffer.from(text, 'utf8');
    const parts = Math.max(1, options.fragments ?? 1);
    const size = Math.ceil(data.length / parts);
    for (let i = 0; i < parts; i++) {
      const opcode = i === 0 ? 1 : 0;
      this.frame(opcode, data.subarray(i * size, (i + 1) * size), i === parts - 1);
    }
  }

  sendJson(value: unknown): void {
    this.sendText(JSON.stringify(value));
  }

  sendBinary(data: Buffer): void {
    this.frame(2, data, true);
  }

  ping(payload = Buffer.from('hi')): void {
    this.frame(9, payload, true);
  }

  close(): void {
    this.frame(8, Buffer.from([0x03, 0xe8]), true);
    this.socket.end();
  }

  private frame(opcode: number, payload: Buffer, fin: boolean): void {
    if (this.closed) return;
    const len = payload.length;
    const header = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    header[0] = (fin ? 0x80 : 0) | opcode;
    if (len < 126) header[1] = len;
    else if (len < 65536) {
      header[1] = 126;
      header.writeUInt16BE(len, 2);
    } else {
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(len), 2);
    }
    this.socket.write(Buffer.concat([header, payload]));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 2) {
      const masked = (this.buffer[1] & 0x80) !== 0;
      let len = this.buffer[1] & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (this.buffer.length < 4) return;
        len = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (this.buffer.length < 10) return;
        len = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const need = offset + (masked ? 4 : 0) + len;
      if (this.buffer.length < need) return;
      const mask = masked ? this.buffer.subarray(offset, offset + 4) : null;
      const payload = Buffer.from(this.buffer.subarray(need - len, need));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      else this.maskedOk = false;
      this.received.push({ opcode: this.buffer[0] & 0x0f, payload });
      this.buffer = this.buffer.subarray(need);
    }
  }
}

/** Completes the RFC 6455 handshake for an 'upgrade' request; returns the socket wrapper. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer): FakeSocket {
  const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
  const ws = new FakeSocket(socket);
  if (head.length) socket.unshift(head);
  return ws;
}
