import { parseArgs } from 'node:util';
import { openToRead } from '../open-project';
import { requireArg } from '../usage';
import { listCharacters } from '../../core/characters/character-commands';

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
      characters: listCharacters(project).map((c) => ({ name: c.name })),
      scenes: board.scenes.map((s) => ({
        id: s.id,
        /** The screenplay's scene number, as text, or null. */
        number: s.scriptNumber,
        heading: s.heading,
        synopsis: s.synopsis,
        omitted: s.omitted,
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
          sound: p.sound,
          notes: p.notes,
          tags: p.tags,
          transition: p.transition,
          status: p.status,
          omitted: p.omitted,
          imageSha256: p.imageSha256,
          // Only on a panel that plays a clip (its picked variation is a clip).
          ...(p.clip ? { clipSha256: p.clip.sha256, clipDurationMs: p.clip.durationMs, clipInMs: p.clip.inMs, clipAfter: p.clip.after } : {}),
        })),
      })),
    };
    if (values.json) return JSON.stringify(listing, null, 2);
    const lines = [`${listing.title} (${listing.aspectRatio}, ${listing.fps} fps)`];
    for (const s of board.scenes) {
      lines.push(`Scene ${s.scriptNumber ?? s.number}: ${s.heading || '(no heading)'}${s.omitted ? ' (omitted)' : ''}`);
      for (const p of s.panels) {
        const facts = [`${(p.durationMs / 1000).toFixed(2)}s`, p.shotSize, p.angle, p.lensMm ? `${p.lensMm}mm` : null, p.cameraMove].filter(Boolean);
        const clip = p.clip ? ` [clip ${(p.clip.durationMs / 1000).toFixed(1)}s]` : '';
        lines.push(`  ${p.shotNumber.padEnd(5)} ${facts.join(', ')}${clip}${p.omitted ? ' (omitted)' : ''}${p.action ? ` - ${p.action}` : ''}`);
      }
    }
    return lines.join('\n');
  } finally {
    project.close();
  }
}
