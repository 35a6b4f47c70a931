import { describe, expect, it } from 'vitest';
import { EDITOR_TOOLS, TOOL_KEYS, storedTool, toolForKey } from '../../renderer/src/editor/tools/editor-tools';

describe('editor tools', () => {
  it('each editor tool stores the kind of stroke it makes', () => {
    expect(Object.fromEntries(EDITOR_TOOLS.map((t) => [t, storedTool(t)]))).toEqual({
      select: null, lasso: null, pen: 'pen', pencil: 'pencil', brush: 'brush', eraser: 'eraser', 'stroke-eraser': 'eraser',
      line: 'pen', rect: 'pen', ellipse: 'pen', 'camera-arrow': 'pen', 'character-arrow': 'fill', fill: 'fill', text: 'text',
    });
  });

  it('keys pick tools; E, U and A cycle between their two tools', () => {
    expect(toolForKey('e', 'pen')).toBe('eraser');
    expect(toolForKey('e', 'eraser')).toBe('stroke-eraser');
    expect(toolForKey('e', 'stroke-eraser')).toBe('eraser');
    expect(toolForKey('n', 'pen')).toBe('line');
    expect(toolForKey('u', 'pen')).toBe('rect');
    expect(toolForKey('u', 'rect')).toBe('ellipse');
    expect(toolForKey('u', 'ellipse')).toBe('rect');
    expect(toolForKey('a', 'rect')).toBe('character-arrow');
    expect(toolForKey('a', 'character-arrow')).toBe('camera-arrow');
    expect(toolForKey('f', 'pen')).toBe('fill');
    expect(toolForKey('t', 'pen')).toBe('text');
    expect(toolForKey('p', 'text')).toBe('pen');
    expect(toolForKey('v', 'pen')).toBe('select');
    expect(toolForKey('v', 'select')).toBe('lasso');
    expect(toolForKey('v', 'lasso')).toBe('select');
    // Every key picks its own tools: none is taken twice.
    const all = Object.values(TOOL_KEYS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...EDITOR_TOOLS].sort());
    expect(toolForKey('o', 'pen')).toBeNull(); // onion skin, not a tool
    expect(toolForKey('[', 'pen')).toBeNull();
  });
});
