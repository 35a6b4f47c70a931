import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../shared/domain/sketch';
import { decodeLayersBody } from '../../shared/domain/sketch-pack';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { addStroke, getPanelLayers, getPanelLayersBody, pasteStrokes, removeStrokes } from '../../electron/core/commands/sketch-commands';
import { changeLayer, createLayer } from '../../electron/core/sketch/layer-commands';
import { newProject } from './edit-helpers';
import { makePng } from './helpers';

type NewStroke = Omit<Stroke, 'id'>;
const line = (y: number, color: string, tool: Stroke['tool'] = 'pen'): NewStroke => ({ tool, color, size: 0.0137, opacity: 0.8, points: [[-0.2, y, 0], [0.5, y, 0.73], [1.7, y, 1]] });

describe('the editor loads a panel’s layers as one binary body', () => {
  it('unpacks to exactly what sketch.get gives: layers, order, ids, points, text, the picture', async () => {
    const p = newProject('Packed');
    const panelId = createPanel(p, { sceneId: createScene(p, {}).id }).id;
    await setPanelImage(p, panelId, await makePng(64, 36), 'plate.png');
    await pasteStrokes(p, panelId, [line(0.2, '#102030'), line(0.3, '#405060', 'brush'), line(0.4, '#708090', 'eraser')], 'std:pencil');
    await addStroke(p, panelId, { tool: 'text', color: '#ff0000', size: 0.03, opacity: 1, points: [[0.5, 0.5, 0.5]], text: 'Pan left → 東京 🎬' }, 'std:notes');
    await createLayer(p, panelId, 'Rain');
    await addStroke(p, panelId, line(0.9, '#00ff00', 'fill'), getPanelLayers(p, panelId).layers.find((l) => l.name === 'Rain')!.id);
    await changeLayer(p, panelId, 'std:ink', { visible: false, opacity: 0.4 });
    // A gap in the order: the first Pencil stroke erased by stroke.
    const pencil = getPanelLayers(p, panelId).layers.find((l) => l.name === 'Pencil')!;
    await removeStrokes(p, panelId, [pencil.strokes[0].id]);

    const json = getPanelLayers(p, panelId);
    const body = getPanelLayersBody(p, panelId);
    expect(decodeLayersBody(new Uint8Array(body))).toEqual(json);
    expect(json.layers.find((l) => l.name === 'Notes')!.strokes[0].text).toBe('Pan left → 東京 🎬');
    expect(json.layers.find((l) => l.name === 'Pencil')!.strokes.map((s) => s.id.split('/')[1])).toEqual(['2', '3']);
    expect(body.length).toBeLessThan(JSON.stringify(json).length);
    p.close();
  });

  it('a damaged record is an error, not a wrong drawing', async () => {
    const p = newProject('Damaged');
    const panelId = createPanel(p, { sceneId: createScene(p, {}).id }).id;
    await addStroke(p, panelId, line(0.5, '#000000'));
    const body = new Uint8Array(getPanelLayersBody(p, panelId));
    // Cut short, or one byte too many, or a stroke of an unknown format: an error, never a drawing.
    expect(() => decodeLayersBody(body.subarray(0, body.length - 3))).toThrow(/damaged/);
    expect(() => decodeLayersBody(body.subarray(0, 3))).toThrow(/damaged/);
    const longer = new Uint8Array(body.length + 1);
    longer.set(body);
    expect(() => decodeLayersBody(longer)).toThrow(/damaged/);
    const unknown = body.slice();
    unknown[unknown.length - (14 + 5 * 3)] = 9; // the one stroke's format byte
    expect(() => decodeLayersBody(unknown)).toThrow(/damaged/);
    p.close();
  });
});
