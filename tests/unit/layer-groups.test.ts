import { describe, expect, it } from 'vitest';
import { groupKey, splitStack } from '../../renderer/src/editor/layer-groups';

const L = (id: string, opacity = 1) => ({ id, opacity });
const layers = [L('fill'), L('tone', 0.5), L('pencil'), L('ink'), L('notes')];

describe('the editor composites the layers as two groups around the active one', () => {
  it('splits bottom-to-top layers under and over the active layer', () => {
    const s = splitStack(layers, 'pencil');
    expect(s.below.map((l) => l.id)).toEqual(['fill', 'tone']);
    expect(s.active?.id).toBe('pencil');
    expect(s.above.map((l) => l.id)).toEqual(['ink', 'notes']);
  });

  it('the bottom or top layer active leaves one group empty; no visible active layer puts all below', () => {
    expect(splitStack(layers, 'fill').below).toEqual([]);
    expect(splitStack(layers, 'notes').above).toEqual([]);
    const hidden = splitStack(layers, 'a-hidden-layer');
    expect(hidden.active).toBeNull();
    expect(hidden.below.map((l) => l.id)).toEqual(['fill', 'tone', 'pencil', 'ink', 'notes']);
    expect(hidden.above).toEqual([]);
  });

  it('a group is drawn again when a member, its order or its opacity changes', () => {
    const a = groupKey([L('fill'), L('tone', 0.5)]);
    expect(groupKey([L('fill'), L('tone', 0.5)])).toBe(a);
    expect(groupKey([L('fill'), L('tone', 0.6)])).not.toBe(a);
    expect(groupKey([L('tone', 0.5), L('fill')])).not.toBe(a);
    expect(groupKey([L('fill')])).not.toBe(a);
  });
});
