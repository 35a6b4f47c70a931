import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { parseJsonInput } from '../../electron/web/json-input';

/**
 * JSON.parse makes "__proto__" an ordinary own key. Web mode refuses such bodies outright; this checks
 * the layer under it too (Electron's IPC inputs reach zod directly): no contract schema turns the key
 * into a prototype, at the top or nested, and nothing global changes.
 */
describe('"__proto__" keys in API inputs', () => {
  const payloads = [
    '{"__proto__":{"polluted":true}}',
    '{"patch":{"__proto__":{"polluted":true}}}',
    '{"options":{"cover":{"__proto__":{"polluted":true}}}}',
    '{"ids":["a"],"patch":{"__proto__":{"polluted":true},"notes":"x"}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ];

  it('no contract schema makes one a prototype or lets it through', () => {
    for (const [method, { input }] of Object.entries(contract)) {
      for (const text of payloads) {
        const parsed = input.safeParse(JSON.parse(text));
        if (!parsed.success) continue;
        const seen: unknown[] = [parsed.data];
        while (seen.length) {
          const v = seen.pop();
          if (v === null || typeof v !== 'object') continue;
          expect([Object.prototype, Array.prototype, null], `${method} ${text}`).toContain(Object.getPrototypeOf(v));
          expect(Object.keys(v), `${method} ${text}`).not.toContain('__proto__');
          seen.push(...Object.values(v));
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('web mode refuses a body carrying one anywhere, and takes the same body without it', () => {
    for (const text of payloads.filter((p) => p.includes('__proto__'))) {
      expect(() => parseJsonInput(Buffer.from(text))).toThrow(/__proto__/);
    }
    expect(parseJsonInput(Buffer.from('{"patch":{"notes":"x"}}'))).toEqual({ patch: { notes: 'x' } });
    expect(parseJsonInput(Buffer.from('  '))).toEqual({});
    expect(() => parseJsonInput(Buffer.from('{"a":'))).toThrow(/Bad request/);
  });
});
