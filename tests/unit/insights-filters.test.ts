/** Which panels an Insights bar or swatch selects (renderer/src/insights/panel-filters.ts). */
import { describe, expect, it } from 'vitest';
import type { Board, Panel } from '../../shared/domain/board';
import type { Insights } from '../../shared/domain/insights';
import { orderedEntries, panelsInScope, panelsWith, panelsWithColour } from '../../renderer/src/insights/panel-filters';

const panel = (id: string, sceneId: string, p: Partial<Panel> = {}): Panel => ({
  id, sceneId, shotNumber: id, shotNumberOverride: null, durationMs: 2000, shotSize: null, angle: null, lensMm: null, cameraMove: null,
  action: '', dialogue: '', sound: '', transition: null, notes: '', status: 'draft', tags: [], imageSha256: null, thumbSha256: null,
  omitted: false, scriptElement: null, framing: null, promptVersionId: null, clip: null, ...p,
});

const board = {
  project: {} as Board['project'],
  scenes: [
    { id: 's1', number: 1, heading: 'A', synopsis: '', scriptNumber: null, omitted: false, panels: [panel('1A', 's1', { shotSize: 'WS', lensMm: 35 }), panel('1B', 's1', { shotSize: 'CU', omitted: true }), panel('1C', 's1', { lensMm: 35 })] },
    { id: 's2', number: 2, heading: 'B', synopsis: '', scriptNumber: '2A', omitted: false, panels: [panel('2A', 's2', { shotSize: 'WS', cameraMove: 'pan' })] },
    { id: 's3', number: 3, heading: 'C', synopsis: '', scriptNumber: null, omitted: true, panels: [panel('3A', 's3', { shotSize: 'WS' })] },
  ],
} satisfies Board;

describe('insights panel filters', () => {
  it('the scope is the chosen scenes, or all, without omitted scenes and panels', () => {
    expect(panelsInScope(board, []).map((p) => p.id)).toEqual(['1A', '1C', '2A']);
    expect(panelsInScope(board, ['s2']).map((p) => p.id)).toEqual(['2A']);
    expect(panelsInScope(board, ['s3']).map((p) => p.id)).toEqual([]);
  });

  it('a bar selects the panels with its value; "none" those without one', () => {
    const all = panelsInScope(board, []);
    expect(panelsWith(all, 'shotSize', 'WS')).toEqual(['1A', '2A']);
    expect(panelsWith(all, 'shotSize', 'none')).toEqual(['1C']);
    expect(panelsWith(all, 'lensMm', '35')).toEqual(['1A', '1C']);
    expect(panelsWith(all, 'cameraMove', 'pan')).toEqual(['2A']);
  });

  it('a swatch selects the panels whose palette has the colour, in one scene or all', () => {
    const bar = (panelId: string, palette: string[]) => ({ panelId, shotNumber: panelId, durationMs: 1000, shotSize: null, palette });
    const insights = { scenes: [{ sceneId: 's1', rhythm: [bar('1A', ['#ff0000', '#000000']), bar('1C', ['#000000'])] }, { sceneId: 's2', rhythm: [bar('2A', ['#ff0000'])] }] } as unknown as Insights;
    expect(panelsWithColour(insights, '#ff0000')).toEqual(['1A', '2A']);
    expect(panelsWithColour(insights, '#ff0000', 's2')).toEqual(['2A']);
    expect(panelsWithColour(insights, '#00ff00')).toEqual([]);
    // A strip's swatch is an average: a near colour counts, a far one does not.
    expect(panelsWithColour(insights, '#f01010')).toEqual(['1A', '2A']);
    expect(panelsWithColour(insights, '#a00000')).toEqual([]);
  });

  it('bars come in the vocabulary order (lenses by mm), "none" last, empty counts dropped', () => {
    expect(orderedEntries({ WS: 2, none: 1, ECU: 1, CU: 0 }, ['ECU', 'CU', 'WS'])).toEqual([['ECU', 1], ['WS', 2], ['none', 1]]);
    expect(orderedEntries({ '85': 1, '24': 3, '135': 2 })).toEqual([['24', 3], ['85', 1], ['135', 2]]);
  });
});
