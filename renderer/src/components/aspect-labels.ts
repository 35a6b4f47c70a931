import { ASPECT_RATIOS, type AspectRatio } from '../../../shared/domain/project';

const LABELS: Record<AspectRatio, string> = {
  '2.39': '2.39:1 · Scope',
  '1.85': '1.85:1 · Flat',
  '16:9': '16:9 · HD',
  '4:3': '4:3 · Academy',
  '1:1': '1:1 · Square',
  '9:16': '9:16 · Vertical',
};

export const ASPECT_OPTIONS = ASPECT_RATIOS.map((value) => ({ value, label: LABELS[value] }));

export const aspectLabel = (aspect: AspectRatio): string => LABELS[aspect];
