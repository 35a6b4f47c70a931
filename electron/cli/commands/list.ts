import { parseArgs } from 'node:util';
import { openToRead } from '../open-project';
import { requireArg } from '../usage';

/** The machine-readable board listing (`--json`), or a readable one. */
export function runList(args: string[]): string {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const project = openToRead(requireArg(positionals[0], 'FILE'));
  try {
    const board = project.board();
    const listing = {
      title: board.project.title,
      aspectRatio: board.project.aspectRatio,
      fps: board.project.fps,
      scenes: board.scenes.map((s) => ({
        id: s.id,
        heading: s.heading,
        panels: s.panels.map((p) => ({
          id: p.id,
          shotNumber: p.shotNumber,
          durationMs: p.durationMs,
          shotSize: p.shotSize,
          angle: p.angle,
          lens: p.lensMm,
          move: p.cameraMove,
          action: p.action,
          dialogue: p.dialogue,
          notes: p.notes,
          imageSha256: p.imageSha256,
        })),
      })),
    };
    if (values.json) return JSON.stringify(listing, null, 2);
    const lines = [`${listing.title} (${listing.aspectRatio}, ${listing.fps} fps)`];
    for (const s of board.scenes) {
      lines.push(`Scene ${s.number}: ${s.heading || '(no heading)'}`);
      for (const p of s.panels) {
        const facts = [`${(p.durationMs / 1000).toFixed(2)}s`, p.shotSize, p.angle, p.lensMm ? `${p.lensMm}mm` : null, p.cameraMove].filter(Boolean);
        lines.push(`  ${p.shotNumber.padEnd(5)} ${facts.join(', ')}${p.action ? ` - ${p.action}` : ''}`);
      }
    }
    return lines.join('\n');
  } finally {
    project.close();
  }
}
