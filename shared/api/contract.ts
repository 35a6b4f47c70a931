/**
 * The one API contract between the renderer and the core: every method's name, zod input schema and
 * result type, grouped by domain under ./methods/. Electron's preload and the web-mode client expose
 * exactly these methods; the main process and the web server validate every input against these
 * schemas before the core sees it.
 */
import type { z } from 'zod';
import { appMethods } from './methods/app';
import { boardMethods } from './methods/board';
import { editMethods } from './methods/edit';
import { sketchMethods } from './methods/sketch';
import { historyMethods } from './methods/history';
import { projectMethods } from './methods/project';
import { taskMethods } from './methods/tasks';
import { generationMethods } from './methods/generation';
import { motionMethods } from './methods/motion';
import { decisionMethods } from './methods/decisions';
import { characterMethods } from './methods/characters';
import { animaticMethods } from './methods/animatic';
import { exportPdfMethods } from './methods/export-pdf';
import { scriptMethods } from './methods/script';
import { editorialMethods } from './methods/editorial';
import { insightsMethods } from './methods/insights';

export { MAX_IMAGE_BYTES } from './schemas';

export const contract = {
  ...appMethods,
  ...projectMethods,
  ...boardMethods,
  ...editMethods,
  ...sketchMethods,
  ...historyMethods,
  ...taskMethods,
  ...generationMethods,
  ...motionMethods,
  ...decisionMethods,
  ...characterMethods,
  ...animaticMethods,
  ...exportPdfMethods,
  ...scriptMethods,
  ...editorialMethods,
  ...insightsMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];
