/**
 * The one API contract between the renderer and the core. Each method names its zod input schema and
 * its result type. Electron's preload and the web-mode client expose exactly these methods; the main
 * process and the web server validate every input against these schemas before the core sees it.
 */
import { z } from 'zod';
import { ASPECT_RATIOS, PANEL_STATUSES } from '../domain/board-constants';
import type { Board, Panel, Scene } from '../domain/board';
import type { HistoryState, ProjectInfo } from '../domain/project';
import type { AppInfo, RecentProject } from '../domain/app';

/** Declares a method: its input schema now, its result type as a type parameter. */
function method<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });
}

const id = z.string().min(1).max(64);
const text = z.string().max(20_000);
const projectPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.toLowerCase().endsWith('.boardwright'), 'A project file name ends with .boardwright');
const aspectRatio = z.enum(ASPECT_RATIOS);
const fps = z.number().positive().max(240);
const durationMs = z.number().int().min(1).max(3_600_000);

const panelPatch = z
  .object({
    shotNumberOverride: z.string().trim().min(1).max(16).nullable(),
    durationMs,
    shotSize: z.string().max(32).nullable(),
    angle: z.string().max(32).nullable(),
    lensMm: z.number().positive().max(2000).nullable(),
    cameraMove: z.string().max(32).nullable(),
    action: text,
    dialogue: text,
    sound: text,
    transition: z.string().max(32).nullable(),
    notes: text,
    status: z.enum(PANEL_STATUSES),
    tags: z.array(z.string().min(1).max(64)).max(64),
  })
  .partial()
  .strict();

const scenePatch = z.object({ heading: z.string().max(500), synopsis: text }).partial().strict();

/** Largest image accepted through the API, before base64 encoding. */
export const MAX_IMAGE_BYTES = 200 * 1024 * 1024;

export const contract = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
  'app.recent': method<RecentProject[]>()(z.object({}).strict()),

  'project.new': method<ProjectInfo>()(
    z
      .object({
        title: z.string().trim().min(1).max(200),
        /** Where to create it. Omitted: the app asks (Electron) or uses its projects folder (web). */
        path: projectPath.optional(),
        aspectRatio: aspectRatio.optional(),
        fps: fps.optional(),
      })
      .strict(),
  ),
  'project.open': method<ProjectInfo>()(z.object({ path: projectPath.optional() }).strict()),
  'project.saveCopyAs': method<{ path: string } | null>()(z.object({ path: projectPath.optional() }).strict()),
  'project.close': method<null>()(z.object({}).strict()),
  'project.current': method<ProjectInfo | null>()(z.object({}).strict()),
  'project.update': method<ProjectInfo>()(
    z
      .object({
        title: z.string().trim().min(1).max(200),
        aspectRatio,
        fps,
        defaultDurationMs: durationMs,
        styleNotes: text,
      })
      .partial()
      .strict(),
  ),

  'board.get': method<Board>()(z.object({}).strict()),

  'scenes.create': method<Scene>()(
    z.object({ index: z.number().int().min(0).optional(), patch: scenePatch.optional() }).strict(),
  ),
  'scenes.update': method<Scene>()(z.object({ id, patch: scenePatch }).strict()),
  'scenes.delete': method<null>()(z.object({ id }).strict()),
  'scenes.move': method<null>()(z.object({ id, index: z.number().int().min(0) }).strict()),

  'panels.create': method<Panel>()(
    z
      .object({ sceneId: id, index: z.number().int().min(0).optional(), patch: panelPatch.optional() })
      .strict(),
  ),
  'panels.update': method<Panel[]>()(z.object({ ids: z.array(id).min(1).max(10_000), patch: panelPatch }).strict()),
  'panels.delete': method<null>()(z.object({ ids: z.array(id).min(1).max(10_000) }).strict()),
  'panels.move': method<null>()(
    z.object({ ids: z.array(id).min(1).max(10_000), sceneId: id, index: z.number().int().min(0) }).strict(),
  ),
  'panels.setImage': method<Panel>()(
    z
      .object({
        panelId: id,
        fileName: z.string().max(1000),
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4),
      })
      .strict(),
  ),

  'history.state': method<HistoryState>()(z.object({}).strict()),
  'history.undo': method<HistoryState>()(z.object({}).strict()),
  'history.redo': method<HistoryState>()(z.object({}).strict()),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M]['result'];
