import { describe, expect, it } from 'vitest';
import type { ProjectInfo } from '../../shared/domain/project';
import { frameRateOptions } from '../../renderer/src/project-settings/FrameRateSelect';
import { durationMsOf, settingsPatch, valuesOf } from '../../renderer/src/project-settings/settings-values';

const project: ProjectInfo = {
  path: '/p/x.boardwright', title: 'Pilot', aspectRatio: '16:9', fps: 24, defaultDurationMs: 2000, styleNotes: '', schemaVersion: 7, readOnly: false, shotNumbersLocked: false,
};

describe('the Project Settings form', () => {
  it('sends only what changed, the fit only with a new aspect ratio', () => {
    const v = valuesOf(project);
    expect(settingsPatch(project, v, 'crop')).toEqual({});
    expect(settingsPatch(project, { ...v, title: '  Pilot v2 ', fps: 25 }, 'crop')).toEqual({ title: 'Pilot v2', fps: 25 });
    expect(settingsPatch(project, { ...v, aspectRatio: '2.39', durationSeconds: '2,5' }, 'crop')).toEqual({ aspectRatio: '2.39', fit: 'crop', defaultDurationMs: 2500 });
  });

  it('refuses an empty title or a duration that is not 0.1 s to an hour', () => {
    const v = valuesOf(project);
    expect(settingsPatch(project, { ...v, title: '  ' }, 'keep')).toBeNull();
    for (const bad of ['', 'soon', '0', '0.04', '3601', '-1']) expect(durationMsOf(bad), bad).toBeNull();
    expect(durationMsOf('0.1')).toBe(100);
    expect(durationMsOf('3600')).toBe(3_600_000);
  });

  it('offers the usual frame rates, and a project\'s own rate when it is another', () => {
    expect(frameRateOptions(24)).toContain(23.976);
    expect(frameRateOptions(24)).not.toContain(12);
    expect(frameRateOptions(12)[0]).toBe(12);
  });
});
