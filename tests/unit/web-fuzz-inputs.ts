/**
 * Inputs shaped like what each method takes (so they pass validation and reach the commands), with
 * edge values in their numbers and strings, and now and then a "__proto__" key. Used by
 * web-fuzz-cases.ts for about half of its API calls.
 */
import type { Rng } from './web-fuzz-cases';

/** A number written as it stands in the JSON text (1e400, -0 and friends survive). */
class Raw {
  constructor(readonly text: string) {}
}
type Json = Raw | string | boolean | null | Json[] | { [key: string]: Json };

const EDGE_NUMBERS = ['0', '1', '-1', '-0', '0.5', '2', '7', '24', '1000', '2147483648', '9007199254740991', '9007199254740993', '1e308', '-1e308', '1e400', '5e-324', '3600000', '3600001', '86400001'];
const EDGE_STRINGS = ['', ' ', 'x', 'é漢字🎬', '\u0000', '%', '__proto__', '../../etc/passwd', 'a'.repeat(1001), 'b'.repeat(20_001), '#00ff00', 'INT. KITCHEN - NIGHT'];

function toJson(v: Json): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The JSON text of an input for `method`, or null when the fuzzer has no shape for it. */
export function shapedInput(r: Rng, method: string, ids: readonly string[]): string | null {
  const n = () => new Raw(r.chance(0.75) ? r.pick(['0', '1', '2', '500']) : r.pick(EDGE_NUMBERS));
  const s = () => (r.chance(0.75) ? 'ok' : r.pick(EDGE_STRINGS));
  const id = () => (ids.length && r.chance(0.9) ? r.pick(ids) : s());
  const someIds = () => Array.from({ length: 1 + r.int(3) }, id);
  const unit = () => new Raw(r.pick(['0', '0.5', '1', '-0.01', '1.01', '2', '-1']));
  const rect = () => ({ x: unit(), y: unit(), w: unit(), h: unit() });
  const shapes: Record<string, () => Json> = {
    'scenes.create': () => ({ index: n(), patch: { heading: s() } }),
    'scenes.update': () => ({ id: id(), patch: { heading: s(), synopsis: s() } }),
    'scenes.move': () => ({ id: id(), index: n() }),
    'scenes.split': () => ({ panelId: id(), heading: s() }),
    'scenes.merge': () => ({ ids: [id(), id()] }),
    'panels.create': () => ({ sceneId: id(), index: n(), patch: { durationMs: n(), lensMm: n(), action: s() } }),
    'panels.update': () => ({ ids: someIds(), patch: { durationMs: n(), lensMm: n(), notes: s(), tags: [s()], shotNumberOverride: s() } }),
    'panels.move': () => ({ ids: someIds(), sceneId: id(), index: n() }),
    'panels.delete': () => ({ ids: someIds() }),
    'panels.duplicate': () => ({ ids: someIds() }),
    'panels.renumber': () => ({ sceneIds: someIds() }),
    'panels.setImage': () => ({ panelId: id(), fileName: s(), uploadId: r.chance(0.5) ? 'A'.repeat(24) : s() }),
    'panels.addImages': () => ({ sceneId: id(), index: n(), files: [{ fileName: s(), uploadId: 'B'.repeat(24) }] }),
    'panels.setFraming': () => ({ panelId: id(), framing: r.chance(0.2) ? null : { start: rect(), end: rect() } }),
    'panels.setTransition': () => ({ ids: someIds(), transition: r.pick(['cut', 'dissolve', 'fade in', 'wipe']), durationMs: n() }),
    'sketch.addStroke': () => ({
      panelId: id(),
      stroke: { tool: r.pick(['pen', 'pencil', 'brush', 'eraser', 'laser']), color: r.pick(['#112233', '#zzzzzz', 'red']), size: n(), opacity: unit(), points: Array.from({ length: 1 + r.int(4) }, () => [unit(), unit(), unit()]) },
    }),
    'sketch.setImageOpacity': () => ({ panelId: id(), opacity: unit() }),
    'sketch.get': () => ({ panelId: id() }),
    'sketch.deleteStrokes': () => ({ panelId: id(), ids: [r.pick(['std:ink/1', 'x', s()])] }),
    'sketch.setImageVisible': () => ({ panelId: id(), visible: r.chance(0.5) }),
    'sketch.flip': () => ({ panelId: id() }),
    'variations.pick': () => ({ variationId: id(), why: s(), drawing: r.pick(['under', 'replace', s()]) }),
    'layers.add': () => ({ panelId: id(), name: s(), aboveId: r.pick(['std:ink', s()]) }),
    'layers.update': () => ({ panelId: id(), layerId: r.pick(['std:ink', s()]), visible: r.chance(0.5), opacity: unit() }),
    'layers.delete': () => ({ panelId: id(), layerId: r.pick(['std:notes', s()]) }),
    'layers.move': () => ({ panelId: id(), layerId: r.pick(['std:fill', s()]), index: n() }),
    'layers.mergeDown': () => ({ panelId: id(), layerId: r.pick(['std:ink', s()]) }),
    'timeline.get': () => ({ fps: n() }),
    'audio.update': () => ({ ids: someIds(), patch: { volume: n(), startMs: n(), muted: r.chance(0.5) } }),
    'characters.create': () => ({ name: s(), description: s() }),
    'characters.setCast': () => ({ panelId: id(), characterIds: someIds() }),
    'style.update': () => ({ medium: s(), notes: s() }),
    'project.update': () => ({ fps: n(), defaultDurationMs: n(), title: s() }),
    'export.pdfPreview': () => ({
      options: {
        grid: { cols: n(), rows: n() }, text: r.pick(['auto', 'below', 'beside']), paper: r.pick(['letter', 'a4', 'a5']), orientation: 'landscape',
        fields: ['shot', 'action'], selection: { scenes: r.pick(['', '1', '1-999999', '-1', 'x']) }, sceneBreaks: r.chance(0.5), cover: null, versionLabel: s(), footer: null,
      },
      pages: n(),
    }),
  };
  if (!Object.prototype.hasOwnProperty.call(shapes, method)) return null;
  const make = shapes[method];
  const input = make() as { [key: string]: Json };
  if (r.chance(0.1)) return toJson(input).replace(/^\{/, '{"__proto__":{"polluted":true},');
  return toJson(input);
}
