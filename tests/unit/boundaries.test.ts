import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts)$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(root, dir));
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Which folders each runtime may import from (VS Code's common/browser/node/electron-main split). */
const RULES: { dir: string; forbid: RegExp; why: string }[] = [
  { dir: 'shared', forbid: /^(electron$|node:|fs$|path$|react|konva)|\/(electron|renderer)\//, why: 'shared/ is pure TypeScript' },
  { dir: 'electron/core', forbid: /^electron$|\/(renderer|main|preload)\//, why: 'core is plain Node: the CLI and web mode run it' },
  { dir: 'electron/cli', forbid: /^electron$|\/(renderer|main|preload)\//, why: 'the CLI runs under plain Node' },
  { dir: 'electron/web', forbid: /^electron$|\/(renderer|main|preload)\//, why: 'web mode runs under plain Node' },
  { dir: 'renderer/src', forbid: /^(electron$|node:|fs$|better-sqlite3|sharp)|\/electron\//, why: 'the renderer only talks to the API' },
];

describe('import directions between runtimes', () => {
  for (const rule of RULES) {
    it(`${rule.dir}: ${rule.why}`, () => {
      const offending = sources(rule.dir).flatMap((f) => imports(f).filter((i) => rule.forbid.test(i)).map((i) => `${path.relative(root, f)} imports ${i}`));
      expect(offending).toEqual([]);
    });
  }

  it('the checker sees imports at all', () => {
    expect(imports(path.join(root, 'electron/core/project.ts'))).toContain('./db/connection');
  });

  it('no two modules import each other, directly or round a loop (type imports included)', () => {
    const files = ['electron', 'shared', 'renderer/src'].flatMap(sources);
    const known = new Set(files);
    const resolve = (from: string, spec: string): string | null => {
      if (!spec.startsWith('.')) return null;
      const base = path.resolve(path.dirname(from), spec);
      return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => known.has(f)) ?? null;
    };
    const edges = new Map(files.map((f) => [f, imports(f).map((i) => resolve(f, i)).filter((x): x is string => x !== null)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const g of edges.get(f) ?? []) {
        if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map((x) => path.relative(root, x)).join(' > '));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, 'done');
    };
    files.forEach((f) => state.has(f) || visit(f));
    expect(cycles).toEqual([]);
  });
});

