/** The editorial hand-off (issue 17): NLE timeline export and the reading half of a conform. */
export { exportEditorial, editorialTargets, renderTimeline, writeTimelineFiles, EXTENSIONS } from './export-editorial';
export type { EditorialExportOptions, EditorialExportResult } from './export-editorial';
export { planEditorial, STILL_HEIGHT } from './timeline-model';
export { writeMediaFolder, type MediaManifest } from './media-folder';
export { readEditorialTimeline, MAX_TIMELINE_BYTES } from './read/read-timeline';
export { planConform, type ConformPanel, type ConformPlan, type ConformOptions } from './conform-plan';
export { EDITORIAL_FPS } from './frames';
export * from './model';
