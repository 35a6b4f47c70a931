import { describe, expect, it } from 'vitest';
import { fillLayerFor, fillRefusal } from '../../renderer/src/editor/tools/fill-layer';

const layer = (role: 'fill' | 'tone' | 'pencil' | 'ink' | 'notes' | 'custom', extra: { locked?: boolean; visible?: boolean; id?: string } = {}) => ({
  id: extra.id ?? `std:${role}`,
  role,
  name: role === 'custom' ? 'Mine' : role[0].toUpperCase() + role.slice(1),
  locked: extra.locked ?? false,
  visible: extra.visible ?? true,
});

describe('the layer a flood fill lands on', () => {
  const layers = [layer('fill'), layer('tone'), layer('pencil'), layer('ink'), layer('notes'), layer('custom', { id: 'L1' })];

  it('is the Fill layer, whichever drawing layer is active', () => {
    for (const active of [layers[2], layers[3], layers[4], layers[5]]) expect(fillLayerFor(layers, active)?.id).toBe('std:fill');
  });

  it('is the active layer when that is Fill or Tone', () => {
    expect(fillLayerFor(layers, layers[1])?.id).toBe('std:tone');
    expect(fillLayerFor(layers, layers[0])?.id).toBe('std:fill');
  });

  it('refuses a locked layer in the core\'s words, and a hidden one', () => {
    expect(fillRefusal(layer('fill', { locked: true }))).toBe('The Fill layer is locked. Unlock it to draw or change it.');
    expect(fillRefusal(layer('fill', { visible: false }))).toMatch(/Fill layer is hidden/);
    expect(fillRefusal(layer('fill'))).toBeNull();
  });
});
