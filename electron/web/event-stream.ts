import type http from 'node:http';
import type { Session } from '../core/index';

const HEARTBEAT_MS = 15_000;

/** GET /events: core events as Server-Sent Events, one JSON object per `data:` line. */
export function streamEvents(session: Session, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  // Sent at once rather than corked with the first write: a connection the parser then closes (bytes
  // after the request that are no HTTP) still gets its answer.
  res.flushHeaders();
  res.write(': connected\n\n');
  const unsubscribe = session.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
