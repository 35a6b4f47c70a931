import { describe, expect, it } from 'vitest';
import { lightTableOpacity, lightTablePanels } from '../../renderer/src/editor/light-table';

const order = ['a', 'b', 'c', 'd'];

describe('light table panels', () => {
  it('picks neighbours in board order, farthest first so the nearest is on top', () => {
    expect(lightTablePanels(order, 2, 'prev')).toEqual([{ panel: 'b', offset: -1 }]);
    expect(lightTablePanels(order, 2, 'next')).toEqual([{ panel: 'd', offset: 1 }]);
    expect(lightTablePanels(order, 2, 'prev2')).toEqual([
      { panel: 'a', offset: -2 },
      { panel: 'b', offset: -1 },
    ]);
    expect(lightTablePanels(order, 1, 'around').map((x) => x.panel).sort()).toEqual(['a', 'c']);
  });

  it('leaves out panels past either end of the board', () => {
    expect(lightTablePanels(order, 0, 'prev')).toEqual([]);
    expect(lightTablePanels(order, 3, 'next')).toEqual([]);
    expect(lightTablePanels(order, 1, 'prev2')).toEqual([{ panel: 'a', offset: -1 }]);
    expect(lightTablePanels(order, 0, 'around')).toEqual([{ panel: 'b', offset: 1 }]);
    expect(lightTablePanels(order, -1, 'around')).toEqual([]);
  });

  it('shows the farther previous panel fainter', () => {
    expect(lightTableOpacity(0.4, -1)).toBe(0.4);
    expect(lightTableOpacity(0.4, 1)).toBe(0.4);
    expect(lightTableOpacity(0.4, -2)).toBeLessThan(0.4);
  });
});
