import { CoreError } from '../../errors';
import { generationHub } from '../../generation/hub';
import { listVariations } from '../../generation/job-rows';
import { pickVariation } from '../../generation/pick';
import { composePrompt } from '../../generation/prompt-composer';
import { recomposePrompt, saveTypedPrompt } from '../../generation/prompt-edits';
import { requirePanel } from '../../commands/panel-commands';
import type { Session } from '../../session';
import type { HandlersOf } from './types';

type GenerationMethod =
  | 'generation.providers' | 'generation.composePrompt' | 'generation.savePrompt' | 'generation.recompose' | 'generation.start' | 'generation.cancel' | 'generation.retry' | 'generation.jobs'
  | 'variations.list' | 'variations.pick'
  | 'providers.settings' | 'providers.setSettings' | 'providers.setKey' | 'providers.testConnection';

function parseWorkflow(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new CoreError('BAD_INPUT', `The ComfyUI workflow is not valid JSON: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CoreError('BAD_INPUT', 'The ComfyUI workflow must be a JSON object in API format (Export (API) in ComfyUI).');
  }
  return parsed as Record<string, unknown>;
}

export function generationHandlers(session: Session): HandlersOf<GenerationMethod> {
  const hub = () => generationHub(session);
  const project = () => session.requireProject();
  const jobs = () => hub().forProject(project());
  return {
    'generation.providers': () => hub().list(),
    'generation.composePrompt': ({ panelId }) => {
      requirePanel(project(), panelId);
      return composePrompt(project(), panelId);
    },
    'generation.savePrompt': (input) => saveTypedPrompt(project(), input),
    'generation.recompose': ({ panelId }) => recomposePrompt(project(), panelId),
    'generation.start': (input) => jobs().start(input),
    'generation.cancel': ({ jobId }) => jobs().cancel(jobId),
    'generation.retry': ({ jobId }) => jobs().retry(jobId),
    'generation.jobs': ({ panelId }) => jobs().jobs(panelId),
    'variations.list': ({ panelId }) => {
      requirePanel(project(), panelId);
      return listVariations(project().db, panelId);
    },
    'variations.pick': ({ variationId, why, alternativeIds, drawing }) => pickVariation(project(), variationId, { why, alternativeIds, drawing }),
    'providers.settings': () => hub().view(),
    'providers.setSettings': ({ workflowJson, ...change }) => {
      if (workflowJson !== undefined && change.providerId !== 'comfyui') throw new CoreError('BAD_INPUT', 'Only ComfyUI takes a workflow.');
      const workflow = workflowJson === undefined ? undefined : workflowJson === null || workflowJson.trim() === '' ? null : parseWorkflow(workflowJson);
      hub().settings.update({ ...change, workflow });
      return hub().view();
    },
    'providers.setKey': async ({ providerId, key }) => {
      await hub().setKey(providerId, key);
      return hub().view();
    },
    'providers.testConnection': ({ providerId }) => hub().testConnection(providerId),
  };
}
