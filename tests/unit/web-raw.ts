import net from 'node:net';

export interface RawAnswer {
  /** The status code of the first response, or null when the connection closed without one. */
  status: number | null;
  head: string;
  body: string;
}

/**
 * Writes bytes exactly as given to 127.0.0.1:port (so malformed request lines and headers reach the
 * server untouched) and reads what comes back until a whole answer (by its Content-Length) is in, or
 * the connection closes. `body` chunks are written one by one, until an answer arrives.
 */
export function rawRequest(port: number, head: string, body: (Buffer | string)[] = [], opts: { endAfter?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const got: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const text = Buffer.concat(got).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const headText = split >= 0 ? text.slice(0, split) : text;
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(headText);
      resolve({ status: m ? Number(m[1]) : null, head: headText, body: split >= 0 ? text.slice(split + 4) : '' });
    };
    socket.on('data', (d) => {
      got.push(d);
      const text = Buffer.concat(got).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, split));
      if (length && text.length - split - 4 >= Number(length[1])) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', async () => {
      socket.write(head);
      for (const chunk of body) {
        if (done) break;
        if (!socket.write(chunk)) await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      if (opts.endAfter) socket.end();
    });
  });
}
