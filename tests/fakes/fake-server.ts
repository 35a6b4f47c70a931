import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseMultipart, type MultipartPart } from './multipart';

/** One request as the fake received it, so tests can assert exactly what an adapter sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON when it was JSON. */
  json?: any;
  /** The parts of a multipart/form-data body. */
  parts?: MultipartPart[];
}

/** A canned answer for the next scriptable request: a status with a body, a hang, or broken JSON. */
export type Scripted =
  | { status: number; headers?: Record<string, string>; json?: unknown; body?: string | Buffer }
  | { hang: true }
  | { malformed: true; status?: number };

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  scriptable: boolean;
}

/**
 * A loopback HTTP server that records every request and answers through routes; the routes that do
 * the provider's real work are "scriptable": queued Scripted answers replace their next replies.
 */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  /** Added before every answer (real timers: keep it small). */
  latencyMs = 0;
  private readonly script: { pattern?: RegExp; answer: Scripted }[] = [];
  private readonly routes: Route[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly connections = new Set<Socket>();
  private address = '';

  constructor() {
    this.server.on('connection', (s) => {
      this.connections.add(s);
      s.on('close', () => this.connections.delete(s));
    });
  }

  get url(): string {
    return this.address;
  }

  get raw(): http.Server {
    return this.server;
  }

  route(method: string, pattern: RegExp, handler: Handler, options: { scriptable?: boolean } = {}): this {
    this.routes.push({ method, pattern, handler, scriptable: options.scriptable ?? false });
    return this;
  }

  /** Queues answers for the next scriptable requests, in order; then the normal handler resumes. */
  enqueue(...answers: Scripted[]): this {
    this.script.push(...answers.map((answer) => ({ answer })));
    return this;
  }

  /** Queues answers only for scriptable requests whose path matches (e.g. the polls, not the create). */
  enqueueFor(pattern: RegExp, ...answers: Scripted[]): this {
    this.script.push(...answers.map((answer) => ({ pattern, answer })));
    return this;
  }

  requestsTo(pathPattern: RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => pathPattern.test(r.path) && (!method || r.method === method));
  }

  /** Listens on `port` (0: any free one); a stopped fake can start again on its old port. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.address = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.address;
  }

  async stop(): Promise<void> {
    for (const s of this.connections) s.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The answer to a path the service does not have (each fake answers as its server does). */
  protected noRoute(rec: RecordedRequest, res: ServerResponse): void {
    sendJson(res, 404, { error: `fake: no route for ${rec.method} ${rec.path}` });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks) };
    const ct = String(req.headers['content-type'] ?? '');
    if (ct.includes('application/json')) {
      try {
        rec.json = JSON.parse(rec.body.toString('utf8'));
      } catch {
        rec.json = undefined;
      }
    } else if (ct.startsWith('multipart/form-data')) {
      rec.parts = parseMultipart(rec.body, ct);
    }
    this.requests.push(rec);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const route = this.routes.find((r) => r.method === rec.method && r.pattern.test(rec.path));
    if (!route) return this.noRoute(rec, res);
    const i = route.scriptable ? this.script.findIndex((e) => !e.pattern || e.pattern.test(rec.path)) : -1;
    if (i >= 0) return answer(res, this.script.splice(i, 1)[0].answer);
    try {
      await route.handler(rec, res);
    } catch (e) {
      if (!res.headersSent) sendJson(res, 500, { error: `fake handler crashed: ${(e as Error).message}` });
    }
  }
}

function answer(res: ServerResponse, s: Scripted): void {
  if ('hang' in s) return; // never answers; stop() destroys the socket
  if ('malformed' in s) {
    res.writeHead(s.status ?? 200, { 'content-type': 'application/json' });
    res.end('{"data": [ {"b64_json": "iVBOR');
    return;
  }
  if (s.json !== undefined) return sendJson(res, s.status, s.json, s.headers);
  res.writeHead(s.status, s.headers ?? {});
  res.end(s.body ?? '');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, data: Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-length': String(data.length), ...headers });
  res.end(data);
}

/** A stable small hash of a string, for deterministic fake seeds. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
