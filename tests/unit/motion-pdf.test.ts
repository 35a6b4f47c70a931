/** Issue 14: PDF boards print a clip panel's poster frame with a "CLIP n.n s" tag in its corner; other panels print as before. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PDF_OPTIONS } from '../../shared/domain/export';
import { exportPdfBoards } from '../../electron/core/export/pdf/export-boards';
import type { Project } from '../../electron/core/project';
import { fakeClip } from '../fakes/fake-clip';
import { makeAnimaticProject } from './animatic-helpers';
import { renderPages, wordBoxes } from './export-helpers';
import { tempDir } from './helpers';
import { putClip } from './motion-helpers';

const dir = tempDir('bw-motion-pdf-');
let project: Project | null = null;
afterAll(() => project?.close());

describe('PDF boards with a clip panel', { timeout: 120_000 }, () => {
  it('marks the clip panel, inside its own frame, and no other', async () => {
    project = await makeAnimaticProject(path.join(dir, 'clip.boardwright'), [
      { rgb: [200, 200, 210], durationMs: 2000 }, { rgb: [60, 60, 70], durationMs: 3000 }, { rgb: [230, 220, 200], durationMs: 1500 },
    ]);
    const panels = project.board().scenes[0].panels;
    await putClip(project, panels[1].id, await fakeClip());
    const file = path.join(dir, 'clip.pdf');
    await exportPdfBoards(project, file, { ...DEFAULT_PDF_OPTIONS, grid: { cols: 3, rows: 1 }, date: '2025-03-14', versionLabel: 'Draft 1' });
    const words = wordBoxes(file)[0];
    const tags = words.filter((w) => w.text === 'CLIP');
    expect(tags).toHaveLength(1);
    const tag = tags[0];
    expect(words.some((w) => w.text === '1.0' && Math.abs(w.yMin - tag.yMin) < 1 && w.xMin > tag.xMax)).toBe(true);
    // Its shot number prints under the same frame: the tag sits in the middle column, above it.
    const shot = words.find((w) => w.text === panels[1].shotNumber && w.yMin > tag.yMax)!;
    expect(shot).toBeDefined();
    expect(Math.abs(tag.xMin - shot.xMin)).toBeLessThan(20);
    renderPages(file, 'motion-clip-mark', 1, 1, 150);
  });
});
