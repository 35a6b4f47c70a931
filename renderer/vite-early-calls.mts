/**
 * Builds boot/early-calls.ts as a classic script of its own (early-calls.js) and loads it first in
 * index.html. Vite would merge every module script of the page into the one app bundle, and the
 * point of these calls is to go out before that bundle has even downloaded.
 */
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const FILE = 'early-calls.js';

export function earlyCalls(entry: string): Plugin {
  return {
    name: 'boardwright-early-calls',
    async generateBundle() {
      const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', minify: true, target: 'es2022' });
      this.emitFile({ type: 'asset', fileName: FILE, source: out.outputFiles[0].text });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => (ctx.server ? html : html.replace('<title>', `<script src="./${FILE}"></script>\n    <title>`)),
    },
  };
}
