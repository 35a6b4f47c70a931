import type { AspectRatio, PictureFit, ProjectInfo } from '../../../shared/domain/project';
import type { ProjectSettingsPatch } from './project-settings-actions';

/** What the Project Settings form holds; the duration as typed, in seconds. */
export interface SettingsValues {
  title: string;
  aspectRatio: AspectRatio;
  fps: number;
  durationSeconds: string;
}

export const valuesOf = (p: ProjectInfo): SettingsValues => ({
  title: p.title,
  aspectRatio: p.aspectRatio,
  fps: p.fps,
  durationSeconds: String(p.defaultDurationMs / 1000),
});

/** A default panel duration typed in seconds, as whole milliseconds (0.1 s to an hour), or null. */
export function durationMsOf(seconds: string): number | null {
  const s = Number(seconds.trim().replace(',', '.'));
  if (!seconds.trim() || !Number.isFinite(s)) return null;
  const ms = Math.round(s * 1000);
  return ms >= 100 && ms <= 3_600_000 ? ms : null;
}

/**
 * The changed settings as a project.update input ({} when nothing changed; null when a field is not
 * valid). The fit goes with a new aspect ratio only.
 */
export function settingsPatch(project: ProjectInfo, v: SettingsValues, fit: PictureFit): ProjectSettingsPatch | null {
  const title = v.title.trim();
  const durationMs = durationMsOf(v.durationSeconds);
  if (!title || durationMs === null) return null;
  const patch: ProjectSettingsPatch = {};
  if (title !== project.title) patch.title = title;
  if (v.aspectRatio !== project.aspectRatio) Object.assign(patch, { aspectRatio: v.aspectRatio, fit });
  if (v.fps !== project.fps) patch.fps = v.fps;
  if (durationMs !== project.defaultDurationMs) patch.defaultDurationMs = durationMs;
  return patch;
}
