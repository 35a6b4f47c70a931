import { describe, expect, it } from 'vitest';
import { mediaResponse } from '../../electron/core/serve/media';
import type { Session } from '../../electron/core/session';
import { BURN_IN_FONT_FILES } from '../../shared/domain/burn-in-layout';

const noProject = { project: null } as unknown as Session;

describe('/media/fonts: the burn-in fonts for the player', () => {
  it('serves every burn-in font as font/ttf, even with no project open', () => {
    for (const file of BURN_IN_FONT_FILES) {
      const r = mediaResponse(noProject, `/media/fonts/${file}`);
      expect(r, file).toMatchObject({ type: 'font/ttf' });
      expect((r as { body: Buffer }).body.readUInt32BE(0), file).toBe(0x00010000); // a TrueType file
    }
  });

  it('serves nothing else from the fonts folder, and no path outside it', () => {
    for (const p of ['/media/fonts/LICENSE-Noto.txt', '/media/fonts/NotoSans-Italic.ttf', '/media/fonts/..%2F..%2Fpackage.json', '/media/fonts/../project.ts', '/media/fonts/']) {
      expect(mediaResponse(noProject, p), p).toBeNull();
    }
  });
});
