/**
 * Random requests for the web-mode fuzzer (web-fuzz.test.ts): malformed request lines and targets,
 * cookies, headers and framing, JSON bodies with huge, negative and non-finite numbers, "__proto__"
 * keys, deep nesting, truncated bodies, wrong content types and unknown methods. Seeded: a seed gives
 * the same cases every run.
 */
import { METHOD_NAMES } from '../../shared/api/methods';
import { shapedInput } from './web-fuzz-inputs';
import { seededRandom } from '../../shared/util/seeded-random';

export interface Rng {
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** Seeded, to pick the same cases each run. */
export function seeded(seed: number): Rng {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

export interface FuzzTarget {
  port: number;
  token: string;
  /** Ids of real scenes and panels, so some inputs pass validation and reach the commands. */
  ids: string[];
}

export interface FuzzCase {
  label: string;
  head: Buffer;
  body: Buffer[];
  /** A whole request was sent: the server owes an answer. Otherwise the client stops (half-close). */
  complete: boolean;
  /** Carries the right Host and token: only such a request may ever get a 2xx. */
  authorised: boolean;
}

/**
 * Methods the fuzzer calls. Left out: the ones that write files at a path they are given (exports,
 * Save a Copy, new/open/close project: a random relative path would land in the working folder) and
 * the ones that talk to generation providers over the network. No generated input has a key named
 * "path" or "file" either, so a method added later cannot be sent a place to write to.
 */
const NOT_FUZZED = /^(project\.(new|open|saveCopyAs|close)|export\.(pdf|shotListCsv|shotListPdf|mp4|imageSequence)|decisions\.export|providers\..*|generation\..*)$/;
export const FUZZ_METHODS = METHOD_NAMES.filter((m) => !NOT_FUZZED.test(m));

const NUMBERS = ['0', '-1', '-0', '1', '3.5', '-2147483649', '4294967296', '9007199254740993', '1e21', '1e308', '-1e308', '1e400', '-1e400', '5e-324', '1e-400', '123456789012345678901234567890', '0.1', '240', '241', '10000', '3600001', '-0.0'];
const STRINGS = ['', '%', '%zz', '__proto__', 'constructor', '../../../../etc/passwd', 'C:\\\\Windows\\\\win.ini', '\\u0000', '\\ud800', 'é漢字🎬', '#zzzzzz', 'a.boardwright', 'null', '<script>alert(1)</script>', 'track', 'panel', 'music', 'cut', 'dissolve', 'png'];
const KEYS = [
  'id', 'ids', 'sceneId', 'panelId', 'index', 'patch', 'files', 'fileName', 'uploadId', 'title', 'notes', 'durationMs', 'lensMm', 'shotSize', 'tags',
  'stroke', 'points', 'tool', 'color', 'size', 'opacity', 'framing', 'start', 'end', 'transition', 'kind', 'track', 'startMs', 'volume', 'muted', 'solo',
  'options', 'pages', 'name', 'characterId', 'characterIds', 'note', 'sha256', 'fps', 'action', 'status', 'heading', 'sceneIds', 'grid', 'cover', 'selection',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
];
const PATCH_KEYS = ['shotNumberOverride', 'durationMs', 'shotSize', 'angle', 'lensMm', 'notes', 'status', 'tags', 'heading', 'synopsis', 'volume', 'muted', 'startMs', 'track', '__proto__'];

const quote = (s: string) => `"${s}"`;

/** JSON text, written by hand so it can hold "__proto__" keys, duplicate keys and numbers JSON.stringify never writes. */
function jsonValue(r: Rng, t: FuzzTarget, depth: number, key = ''): string {
  if (/Id$|^id$/.test(key) && r.chance(0.6)) return quote(r.chance(0.8) && t.ids.length ? r.pick(t.ids) : r.pick(STRINGS));
  if (/^(ids|characterIds|sceneIds)$/.test(key) && r.chance(0.6)) {
    const n = r.chance(0.05) ? 10_001 + r.int(5) : r.int(4);
    return `[${Array.from({ length: n }, () => quote(t.ids.length ? r.pick(t.ids) : 'x')).join(',')}]`;
  }
  if (/^(index|durationMs|startMs|pages|fps|lensMm|size|opacity|volume)$/.test(key) && r.chance(0.7)) return r.pick(NUMBERS);
  if (key === 'patch' && r.chance(0.7)) return jsonObject(r, t, depth + 1, PATCH_KEYS);
  switch (depth > 4 ? r.int(4) : r.int(7)) {
    case 0:
      return r.pick(NUMBERS);
    case 1:
      return quote(r.chance(0.1) ? 'x'.repeat(r.int(200_000)) : r.pick(STRINGS));
    case 2:
      return r.pick(['true', 'false', 'null']);
    case 3:
      return quote(t.ids.length ? r.pick(t.ids) : 'x');
    case 4:
    case 5:
      return jsonObject(r, t, depth + 1, KEYS);
    default:
      return `[${Array.from({ length: r.int(5) }, () => jsonValue(r, t, depth + 1)).join(',')}]`;
  }
}

function jsonObject(r: Rng, t: FuzzTarget, depth: number, keys: readonly string[]): string {
  const n = r.int(5);
  const parts = Array.from({ length: n }, () => {
    const key = r.pick(keys);
    return `${quote(key)}:${jsonValue(r, t, depth, key)}`;
  });
  return `{${parts.join(',')}}`;
}

function jsonBody(r: Rng, t: FuzzTarget, method: string | null): string {
  const shaped = method && r.chance(0.7) ? shapedInput(r, method, t.ids) : null;
  if (shaped !== null) return shaped;
  switch (r.int(10)) {
    case 0: {
      const d = 1 + r.int(20_000);
      return r.chance(0.5) ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d);
    }
    case 1:
      return r.pick(['', ' ', '{', '{"ids":', 'nul', '[1,]', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":Infinity}', '\uFEFF{}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}']);
    case 2:
      return jsonValue(r, t, 0);
    default:
      return jsonObject(r, t, 0, KEYS);
  }
}

function target(r: Rng, t: FuzzTarget): { path: string; api: boolean } {
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[r.int(16)]).join('');
  const api = `/api/${r.chance(0.85) ? r.pick(FUZZ_METHODS) : r.pick(['nope', '', '__proto__', 'constructor', 'toString', '%E0%A4%A', '%', 'project.new/../x', 'a'.repeat(300)])}`;
  const choices: string[] = [
    api, api, api, api,
    `/upload/${r.pick(['image', 'audio', 'video', '', '__proto__', 'constructor', 'image/../audio', '%zz'])}`,
    '/', '/index.html', '/events', `/media/full/${hex()}`, `/media/thumb/${hex().slice(3)}`, `/media/preview/${r.pick(['0', '99', '4096', '99999'])}/${hex()}`, `/media/audio/${hex()}`,
    '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '//[', '/%', '/%zz', '//%zz', 'http://[', 'http://%zz/', `http://127.0.0.1:${t.port}/index.html`, '*', '',
    '/' + 'a'.repeat(r.int(40_000)), '/\u00e9\u6f22', '/?token=%', `/?token=${t.token}&token=x`,
  ];
  const path = r.pick(choices);
  return { path, api: path.startsWith('/api/') || path.startsWith('/upload/') };
}

/** A well-formed, authorised API call whose input is the fuzzed part (so it gets past HTTP and validation). */
function apiCall(r: Rng, t: FuzzTarget): FuzzCase {
  const method = r.pick(FUZZ_METHODS);
  const body = Buffer.from(jsonBody(r, t, method), 'utf8');
  const head = `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-Boardwright-Token: ${t.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  return { label: `POST /api/${method} ${body.subarray(0, 200).toString('utf8')}`, head: Buffer.from(head, 'latin1'), body: [body], complete: true, authorised: true };
}

/** One random request: 40% well-formed API calls with fuzzed input, the rest fuzzed at every level. */
export function fuzzCase(r: Rng, t: FuzzTarget): FuzzCase {
  if (r.chance(0.4)) return apiCall(r, t);
  const { path, api } = target(r, t);
  const method = r.chance(0.9) ? (api ? (r.chance(0.85) ? 'POST' : r.pick(['GET', 'PUT', 'DELETE'])) : r.chance(0.8) ? 'GET' : r.pick(['HEAD', 'POST'])) : r.pick(['PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'FOO', 'get', 'P0ST', 'GET\x00', '', 'M-SEARCH', 'PROPFIND', 'A'.repeat(100)]);
  const version = r.chance(0.92) ? 'HTTP/1.1' : r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1 x', '', 'HTTP/1.1\x00']);
  const lines: string[] = [];

  const hostRight = r.chance(0.88);
  if (hostRight) lines.push(`Host: ${r.chance(0.9) ? '127.0.0.1' : 'localhost'}:${t.port}`);
  else if (r.chance(0.7)) lines.push(`Host: ${r.pick(['evil.example', `evil.example:${t.port}`, '127.0.0.1', '[::1]:' + t.port, '%', ''])}`);

  const tokenPlace = r.pick(['header', 'header', 'header', 'cookie', 'query', 'none', 'wrong', 'badCookie']);
  let withQuery = path;
  if (tokenPlace === 'header') lines.push(`X-Boardwright-Token: ${t.token}`);
  if (tokenPlace === 'cookie') lines.push(`Cookie: a=1; bw_token=${t.token}`);
  if (tokenPlace === 'query' && path.startsWith('/')) withQuery = `${path}${path.includes('?') ? '&' : '?'}token=${t.token}`;
  if (tokenPlace === 'wrong') lines.push(`X-Boardwright-Token: ${t.token.slice(1)}x`);
  if (tokenPlace === 'badCookie') lines.push(`Cookie: ${r.pick(['bw_token=%', 'bw_token=%zz', 'bw_token=%E0%A4%A', `bw_token=${t.token}%`, 'bw_token', ';;;', '=', 'bw_token=' + 'x'.repeat(9000)])}`);
  const queryToken = path.startsWith('/') ? new URLSearchParams(withQuery.split('?')[1] ?? '').get('token') : null;
  const tokenRight = tokenPlace === 'header' || tokenPlace === 'cookie' || queryToken === t.token;

  const upload = path.startsWith('/upload/');
  const types = ['application/json', 'application/octet-stream', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', ';;', ''];
  if (r.chance(0.9)) lines.push(`Content-Type: ${r.chance(0.7) ? (upload ? 'application/octet-stream' : 'application/json') : r.pick(types)}`);
  if (r.chance(0.15)) {
    lines.push(r.pick(['Expect: 100-continue', 'Connection: Upgrade\r\nUpgrade: websocket', 'X-Junk: \x01\x02', 'Transfer-Encoding: gzip', 'no colon here', ': empty name', 'X-Long: ' + 'v'.repeat(r.int(70_000)), 'Connection: close', 'Content-Encoding: gzip', `X-Boardwright-Token: ${t.token}\r\nX-Boardwright-Token: other`, 'Origin: http://evil.example']));
  }

  // The body and how it is framed.
  let body = Buffer.alloc(0);
  if (method !== 'GET' || r.chance(0.1)) {
    if (upload && r.chance(0.7)) body = Buffer.from(Array.from({ length: r.int(70_000) }, () => r.int(256)));
    else if (r.chance(0.03)) body = Buffer.alloc((1 + r.int(3)) * 1024 * 1024, 0x20);
    else body = Buffer.from(jsonBody(r, t, path.startsWith('/api/') ? path.slice(5) : null), 'utf8');
    if (r.chance(0.03)) body = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, ...body.subarray(0, 50)]);
  }
  let complete = true;
  let framed: Buffer[] = [body];
  switch (r.int(14)) {
    case 0:
      lines.push(`Content-Length: ${r.pick(['-1', '-0', 'abc', '99999999999999999999', '1e3', '0x10', '5 5', '18446744073709551616'])}`);
      break;
    case 1: {
      lines.push(`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`);
      break;
    }
    case 2: // announces more than it sends, then stops
      lines.push(`Content-Length: ${body.length + 1 + r.int(1000)}`);
      complete = false;
      break;
    case 3: // stops halfway through what it announced
      lines.push(`Content-Length: ${body.length}`);
      framed = [body.subarray(0, r.int(body.length))];
      complete = body.length === 0;
      break;
    case 4:
    case 5: {
      lines.push('Transfer-Encoding: chunked');
      const pieces: Buffer[] = [];
      for (let at = 0; at < body.length; ) {
        const n = 1 + r.int(70_000);
        const piece = body.subarray(at, at + n);
        pieces.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
        at += n;
      }
      const ending = r.pick(['0\r\n\r\n', '0\r\n\r\n', 'zz\r\n\r\n', '-1\r\n\r\n', '']);
      if (ending === '') complete = false;
      framed = [...pieces, Buffer.from(ending)];
      break;
    }
    case 6:
      lines.push(`Content-Length: ${body.length}`, 'Transfer-Encoding: chunked');
      break;
    case 7: // no framing: the body is read as the next request (garbage: 400 after the first answer)
      break;
    default:
      lines.push(`Content-Length: ${body.length}`);
  }
  if (r.chance(0.03)) complete = false; // the head itself is cut off
  const headText = `${method} ${withQuery}${version ? ` ${version}` : ''}\r\n${lines.join('\r\n')}\r\n\r\n`;
  let head = Buffer.from(headText, 'latin1');
  if (!complete && r.chance(0.3)) {
    head = head.subarray(0, r.int(head.length));
    framed = [];
  }
  return {
    label: `${method} ${withQuery.slice(0, 80)} [${lines.map((l) => l.slice(0, 40)).join(' | ')}] body ${body.length} B${complete ? '' : ' (cut)'}`,
    head,
    body: framed,
    complete,
    authorised: hostRight && tokenRight,
  };
}
