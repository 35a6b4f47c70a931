import { describe, expect, it } from 'vitest';
import type { Board, Panel } from '../../shared/domain/board';
import { selectPanels, splitList } from '../../electron/core/export/pdf/selection';

/** A board of three scenes: 1 (3 panels), 2 (4 panels, one renumbered by hand to "2X"), 3 (no panels). */
function board(): Board {
  const panel = (sceneId: string, shotNumber: string): Panel => ({
    id: `${sceneId}-${shotNumber}`, sceneId, shotNumber, shotNumberOverride: null, durationMs: 2000, shotSize: null, angle: null,
    lensMm: null, cameraMove: null, action: '', dialogue: '', sound: '', transition: null, notes: '', status: 'draft', tags: [],
    imageSha256: null, thumbSha256: null, omitted: false, scriptElement: null, framing: null, promptVersionId: null, clip: null,
  });
  return {
    project: { path: '/x.boardwright', title: 'T', aspectRatio: '16:9', fps: 24, defaultDurationMs: 2000, styleNotes: '', schemaVersion: 2 },
    scenes: [
      { id: 's1', number: 1, heading: 'INT. KITCHEN - NIGHT', synopsis: '', panels: ['1A', '1B', '1C'].map((n) => panel('s1', n)) },
      { id: 's2', number: 2, heading: 'EXT. HALL, LATER - DAY', synopsis: '', panels: ['2A', '2B', '2X', '2D'].map((n) => panel('s2', n)) },
      { id: 's3', number: 3, heading: 'INT. ATTIC - DAY', synopsis: '', panels: [] },
    ],
  } as Board;
}
const shots = (sel: { scenes?: string; panels?: string }) => selectPanels(board(), sel).flatMap((s) => s.panels.map((p) => p.shotNumber));

describe('export selection syntax', () => {
  it('splits lists on commas outside quotes', () => {
    expect(splitList(' 1, 3-4 ,"HALL, LATER",,kitchen ')).toEqual([
      { text: '1', quoted: false }, { text: '3-4', quoted: false }, { text: 'HALL, LATER', quoted: true }, { text: 'kitchen', quoted: false },
    ]);
    expect(() => splitList('"open')).toThrow(/unclosed quote/);
  });

  it('selects everything when nothing is given, in board order', () => {
    expect(shots({})).toEqual(['1A', '1B', '1C', '2A', '2B', '2X', '2D']);
    expect(shots({ scenes: '  ', panels: '' })).toHaveLength(7);
  });

  it('selects scenes by number, range and heading text', () => {
    expect(shots({ scenes: '2' })).toEqual(['2A', '2B', '2X', '2D']);
    expect(shots({ scenes: '1-2' })).toHaveLength(7);
    expect(shots({ scenes: 'kitchen' })).toEqual(['1A', '1B', '1C']);
    expect(shots({ scenes: '"HALL, LATER"' })).toEqual(['2A', '2B', '2X', '2D']);
  });

  it('selects shots by number and by range in board order, case-insensitively', () => {
    expect(shots({ panels: '1a,1C' })).toEqual(['1A', '1C']);
    // 2A-2D runs through the hand-numbered 2X between them.
    expect(shots({ panels: '2A-2D' })).toEqual(['2A', '2B', '2X', '2D']);
    expect(shots({ panels: '1C-2A, 1A' })).toEqual(['1A', '1C', '2A']);
  });

  it('joins scenes and shots (union, no duplicates, board order)', () => {
    expect(shots({ scenes: '2', panels: '1B,2A' })).toEqual(['1B', '2A', '2B', '2X', '2D']);
  });

  it('names what it cannot find, and refuses an empty selection', () => {
    expect(() => shots({ panels: '9Z' })).toThrow('There is no shot 9Z in this project.');
    expect(() => shots({ panels: '2D-2A' })).toThrow(/runs backwards: 2A comes before 2D/);
    expect(() => shots({ scenes: '7' })).toThrow('There is no scene 7: the project has 3 scenes.');
    expect(() => shots({ scenes: 'garage' })).toThrow('No scene heading contains "garage".');
    expect(() => shots({ scenes: '3' })).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: 'Nothing to export: the selected scenes have no panels.' }));
    const empty = { ...board(), scenes: [] };
    expect(() => selectPanels(empty, {})).toThrow('Nothing to export: the project has no panels yet.');
  });
});
