import { describe, expect, it } from 'vitest';
import {
  addCharacterImage,
  createCharacter,
  deleteCharacter,
  listCharacters,
  panelCast,
  removeCharacterImage,
  setPanelCast,
  updateCharacter,
} from '../../electron/core/characters/character-commands';
import { addStyleReference, getStyle, removeStyleReference, updateStyleBible } from '../../electron/core/characters/style-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { addStroke } from '../../electron/core/commands/sketch-commands';
import { readImageBytes } from '../../electron/core/queries/image-queries';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { composePrompt, composeText, lensWords } from '../../electron/core/generation/prompt-composer';
import { listPromptVersions } from '../../electron/core/generation/prompt-versions';
import { CAPS, GatedProvider, useHarnesses } from './generation-helpers';
import { makePng, snapshot } from './helpers';

const { make } = useHarnesses();

describe('the prompt composer, characters and the style bible', () => {
  it('composes from the shot, the scene, the style bible and who is in frame', async () => {
    const h = make();
    updateStyleBible(h.project, { medium: 'pencil storyboard sketch', tone: 'tense', palette: 'sodium orange and teal', era: '1970s', negative: 'text, watermark' });
    const mara = createCharacter(h.project, { name: 'MARA', description: 'keeper, 60s, oilskin coat.' });
    createCharacter(h.project, { name: 'TOM', description: '' });
    setPanelCast(h.project, h.panelIds[0], [mara.id]);
    const composed = composePrompt(h.project, h.panelIds[0]);
    expect(composed.text).toBe(
      'Pencil storyboard sketch. Medium close-up, low angle looking up, wide-angle 35mm lens, deep perspective. Mara climbs the stairs. ' +
        'In frame: MARA (keeper, 60s, oilskin coat). Setting: INT. LIGHTHOUSE - NIGHT. Tone: tense; palette: sodium orange and teal; era: 1970s. Frame 2.39:1.',
    );
    expect(composed).toMatchObject({ negative: 'text, watermark', cast: ['MARA'], references: [], versions: [] });
    expect(composeText({ panel: { shotSize: null, angle: null, lensMm: null, cameraMove: null, action: '' }, sceneHeading: '', aspectRatio: '16:9', bible: getStyle(h.project).bible, cast: [] })).toMatch(/^Pencil storyboard sketch\. Tone/);
    expect(lensWords(135)).toMatch(/telephoto/);
    expect(lensWords(18)).toMatch(/ultra-wide/);
  });

  it('style references and character images go to providers that take references; refine sends the panel picture', async () => {
    const h = make();
    const provider = h.providers.get('openai') as GatedProvider;
    provider.autoRelease = true;
    await addStyleReference(h.project, await makePng(40, 30, [10, 10, 200]), 'style.png', 'night exteriors');
    const mara = createCharacter(h.project, { name: 'MARA' });
    await addCharacterImage(h.project, mara.id, await makePng(30, 40, [200, 10, 10]), 'mara.png');
    setPanelCast(h.project, h.panelIds[0], [mara.id]);
    const composed = composePrompt(h.project, h.panelIds[0]);
    expect(composed.references.map((r) => [r.kind, r.label])).toEqual([['style', 'Style: night exteriors'], ['character', 'MARA']]);

    const job = h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: composed.text, count: 1 });
    await h.service.settled(job.id);
    expect(provider.calls[0].request.referenceImages?.map((r) => r.mime)).toEqual(['image/png', 'image/png']);
    expect(provider.calls[0].request.params?.characters).toEqual(['MARA']);
    expect(provider.calls[0].request.initImage).toBeUndefined();

    const picture = await makePng(240, 100, [0, 200, 0]);
    await setPanelImage(h.project, h.panelIds[0], picture, 'frame.png');
    const refine = h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: composed.text, count: 1, refine: true });
    await h.service.settled(refine.id);
    expect(provider.calls[1].request.initImage?.data.equals(picture)).toBe(true);
    expect(h.service.job(refine.id).refine).toBe(true);

    // With a sketch over it, refine sends the flattened panel: the picture the filmmaker sees.
    const sketched = await addStroke(h.project, h.panelIds[0], { tool: 'pen', color: '#101010', size: 0.01, opacity: 1, points: [[0.1, 0.1, 0.5], [0.9, 0.8, 0.5]] });
    expect(sketched.thumbSha256).not.toBe(sketched.imageSha256);
    await h.service.settled(h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: composed.text, count: 1, refine: true }).id);
    const composite = readImageBytes(h.project.db, sketched.thumbSha256!, 'full')!.data;
    expect(provider.calls[2].request.initImage?.data.equals(composite)).toBe(true);

    // A provider without init images gets the panel as the first reference instead.
    const refOnly = new GatedProvider('gemini', { ...CAPS, initImage: false });
    refOnly.autoRelease = true;
    h.providers.set('gemini', refOnly);
    await h.service.settled(h.service.start({ panelId: h.panelIds[0], providerId: 'gemini', prompt: 'x', count: 1, refine: true }).id);
    expect(refOnly.calls[0].request.initImage).toBeUndefined();
    expect(refOnly.calls[0].request.referenceImages?.[0].data.equals(composite)).toBe(true);
    expect(refOnly.calls[0].request.referenceImages).toHaveLength(3);
  });

  it('every prompt sent is kept per panel with its lineage', async () => {
    const h = make();
    (h.providers.get('openai') as GatedProvider).autoRelease = true;
    const send = (prompt: string, parentVersionId?: string) => h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt, count: 1, parentVersionId });
    const j1 = send('A storm at the door');
    const j2 = send('A storm at the door');
    const j3 = send('A storm at the door, lightning');
    const j4 = send('A calm night at the door', j1.promptVersionId!);
    await h.service.idle();
    expect(j2.promptVersionId).toBe(j1.promptVersionId);
    const versions = listPromptVersions(h.project.db, h.panelIds[0]);
    expect(versions.map((v) => v.text)).toEqual(['A calm night at the door', 'A storm at the door, lightning', 'A storm at the door']);
    const byId = new Map(versions.map((v) => [v.id, v]));
    expect(byId.get(j1.promptVersionId!)!.parentId).toBeNull();
    expect(byId.get(j3.promptVersionId!)!.parentId).toBe(j1.promptVersionId);
    expect(byId.get(j4.promptVersionId!)!.parentId).toBe(j1.promptVersionId);
    expect(listPromptVersions(h.project.db, h.panelIds[1])).toEqual([]);
    expect(composePrompt(h.project, h.panelIds[0]).versions[0].text).toBe('A calm night at the door');
    expect(() => send('x', 'no-such-version')).toThrow(/No prompt version/);
  });

  it('characters and style are project edits: each one undoable, bad input changes nothing', async () => {
    const h = make();
    const before = snapshot(h.project.db);
    const mara = createCharacter(h.project, { name: ' MARA ', description: 'keeper' });
    expect(mara).toMatchObject({ name: 'MARA', description: 'keeper', images: [], panelCount: 0 });
    expect(() => createCharacter(h.project, { name: 'mara' })).toThrow(/already a character named mara/);
    expect(() => createCharacter(h.project, { name: '  ' })).toThrow(/needs a name/);
    await expect(addCharacterImage(h.project, mara.id, Buffer.from('not an image'), 'notes.txt')).rejects.toThrow(/notes\.txt/);
    const withImage = await addCharacterImage(h.project, mara.id, await makePng(20, 20), 'm.png');
    expect(withImage.images).toHaveLength(1);
    updateCharacter(h.project, mara.id, { description: 'lighthouse keeper' });
    setPanelCast(h.project, h.panelIds[0], [mara.id]);
    setPanelCast(h.project, h.panelIds[1], [mara.id]);
    expect(listCharacters(h.project)[0]).toMatchObject({ description: 'lighthouse keeper', panelCount: 2 });
    expect(() => setPanelCast(h.project, h.panelIds[0], ['ghost'])).toThrow(/No character/);
    expect(removeCharacterImage(h.project, withImage.images[0].id).images).toEqual([]);
    deleteCharacter(h.project, mara.id);
    expect(panelCast(h.project, h.panelIds[0])).toEqual([]);
    h.project.undo();
    expect(panelCast(h.project, h.panelIds[0])).toEqual([mara.id]);

    const style = await addStyleReference(h.project, await makePng(20, 20, [1, 2, 3]), 'ref.png', 'noir');
    updateStyleBible(h.project, { medium: 'ink wash', palette: 'grey' });
    expect(getStyle(h.project).bible).toMatchObject({ medium: 'ink wash', palette: 'grey', tone: '' });
    removeStyleReference(h.project, style.references[0].id);
    expect(getStyle(h.project).references).toEqual([]);
    while (h.project.history().undoLabel !== 'Add panel') h.project.undo();
    const after = snapshot(h.project.db);
    // Images and their palettes are a content store (undo never deletes media); everything else is as it was.
    const media = { images: [], image_data: [], image_palettes: [] };
    expect({ ...after, ...media }).toEqual({ ...before, ...media });
  });

  it('the shot fields feed the prompt as soon as they change', () => {
    const h = make();
    updatePanels(h.project, [h.panelIds[1]], { shotSize: 'EWS', angle: "bird's-eye", lensMm: 200, cameraMove: 'crane', action: 'The lamp turns' });
    expect(composePrompt(h.project, h.panelIds[1]).text).toBe(
      "Extreme wide shot, figures small in the landscape, bird's-eye view from directly above, 200mm telephoto lens, compressed background, crane shot. The lamp turns. Setting: INT. LIGHTHOUSE - NIGHT. Frame 2.39:1.",
    );
  });
});
