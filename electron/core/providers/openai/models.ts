import type { ProviderCapabilities } from '../types';

/**
 * What each OpenAI image model accepts, from the Images API's OpenAPI spec. The endpoints reject
 * unknown fields ("Unknown parameter"), so each model sends only its own list.
 */
export interface OpenAIModel {
  family: 'gpt-image' | 'dall-e-3' | 'dall-e-2';
  capabilities: ProviderCapabilities;
  /** Optional fields passed through from request.params to /images/generations. */
  generationFields: readonly string[];
  /** Same for /images/edits; null when the model has no edits (dall-e-3). */
  editFields: readonly string[] | null;
  /** The multipart name of the input images, and how many one edit takes. */
  editImage: { field: 'image[]' | 'image'; max: number };
  /** dall-e answers with URLs unless asked for b64_json; gpt-image always sends b64_json and rejects the field. */
  responseFormat: boolean;
}

const base = { textToImage: true, seed: false, negativePrompt: false } as const;

const GPT_IMAGE: OpenAIModel = {
  family: 'gpt-image',
  capabilities: Object.freeze({ ...base, referenceImages: true, initImage: true, maxPerCall: 10, aspectRatios: ['1:1', '3:2', '2:3'] }),
  generationFields: ['quality', 'output_format', 'output_compression', 'background', 'moderation', 'user'],
  editFields: ['quality', 'output_format', 'output_compression', 'background', 'input_fidelity', 'user'],
  editImage: { field: 'image[]', max: 16 },
  responseFormat: false,
};

const MODELS: Record<string, OpenAIModel> = {
  'dall-e-3': {
    family: 'dall-e-3',
    capabilities: Object.freeze({ ...base, referenceImages: false, initImage: false, maxPerCall: 1, aspectRatios: ['1:1', '7:4', '4:7'] }),
    generationFields: ['quality', 'style', 'user'],
    editFields: null,
    editImage: { field: 'image', max: 0 },
    responseFormat: true,
  },
  'dall-e-2': {
    family: 'dall-e-2',
    capabilities: Object.freeze({ ...base, referenceImages: false, initImage: true, maxPerCall: 10, aspectRatios: ['1:1'] }),
    generationFields: ['user'],
    editFields: ['user'],
    editImage: { field: 'image', max: 1 },
    responseFormat: true,
  },
  // input_fidelity is not offered for the mini model.
  'gpt-image-1-mini': { ...GPT_IMAGE, editFields: GPT_IMAGE.editFields!.filter((f) => f !== 'input_fidelity') },
};

/** The model's description; any other name is taken for a GPT image model (gpt-image-1, -1.5, -2...). */
export const openaiModel = (name: string): OpenAIModel => MODELS[name] ?? GPT_IMAGE;
