/** API-format ComfyUI workflows as users export them ("Export (API)"), for the adapter tests. */

/** The default SD1.5 text-to-image graph. */
export const TXT2IMG = {
  '3': {
    class_type: 'KSampler',
    inputs: { seed: 156680208700286, steps: 20, cfg: 8, sampler_name: 'euler', scheduler: 'normal', denoise: 1, model: ['4', 0], positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] },
    _meta: { title: 'KSampler' },
  },
  '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' }, _meta: { title: 'Load Checkpoint' } },
  '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 }, _meta: { title: 'Empty Latent Image' } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: 'beautiful scenery nature glass bottle landscape', clip: ['4', 1] }, _meta: { title: 'CLIP Text Encode (Prompt)' } },
  '7': { class_type: 'CLIPTextEncode', inputs: { text: 'text, watermark', clip: ['4', 1] }, _meta: { title: 'CLIP Text Encode (Prompt)' } },
  '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] }, _meta: { title: 'VAE Decode' } },
  '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'ComfyUI', images: ['8', 0] }, _meta: { title: 'Save Image' } },
  '10': { class_type: 'PreviewImage', inputs: { images: ['8', 0] }, _meta: { title: 'Preview Image' } },
};

/** Image-to-image: LoadImage -> VAEEncode feeds the sampler instead of an empty latent. */
export const IMG2IMG = {
  ...Object.fromEntries(Object.entries(TXT2IMG).filter(([id]) => id !== '5' && id !== '10')),
  '3': { ...TXT2IMG['3'], inputs: { ...TXT2IMG['3'].inputs, denoise: 0.6, latent_image: ['12', 0] } },
  '11': { class_type: 'LoadImage', inputs: { image: 'example.png' }, _meta: { title: 'Load Image' } },
  '12': { class_type: 'VAEEncode', inputs: { pixels: ['11', 0], vae: ['4', 2] }, _meta: { title: 'VAE Encode' } },
};

/**
 * A Flux-style graph the heuristics cannot read on their own (the prompt reaches the sampler through
 * a guider, the seed sits in RandomNoise), so the user marked the nodes.
 */
export const MARKED_FLUX = {
  '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a cat', clip: ['11', 0] }, _meta: { title: 'Shot prompt' }, _boardwright: 'positive' },
  '8': { class_type: 'VAEDecode', inputs: { samples: ['13', 0], vae: ['10', 0] } },
  '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'flux', images: ['8', 0] }, _boardwright: 'output' },
  '10': { class_type: 'VAELoader', inputs: { vae_name: 'ae.safetensors' } },
  '11': { class_type: 'DualCLIPLoader', inputs: { clip_name1: 't5xxl_fp8.safetensors', clip_name2: 'clip_l.safetensors', type: 'flux' } },
  '12': { class_type: 'UNETLoader', inputs: { unet_name: 'flux1-dev.safetensors', weight_dtype: 'default' } },
  '13': { class_type: 'SamplerCustomAdvanced', inputs: { noise: ['25', 0], guider: ['22', 0], sampler: ['16', 0], sigmas: ['17', 0], latent_image: ['27', 0] } },
  '16': { class_type: 'KSamplerSelect', inputs: { sampler_name: 'euler' } },
  '17': { class_type: 'BasicScheduler', inputs: { scheduler: 'simple', steps: 20, denoise: 1, model: ['12', 0] } },
  '22': { class_type: 'BasicGuider', inputs: { model: ['12', 0], conditioning: ['26', 0] } },
  '25': { class_type: 'RandomNoise', inputs: { noise_seed: 219670278747233 }, _boardwright: 'seed' },
  '26': { class_type: 'FluxGuidance', inputs: { guidance: 3.5, conditioning: ['6', 0] } },
  '27': { class_type: 'EmptySD3LatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 }, _boardwright: 'size' },
  '30': { class_type: 'SaveImage', inputs: { filename_prefix: 'debug', images: ['8', 0] } },
};

/** What ComfyUI's editor saves by default (not the API format). */
export const EDITOR_FORMAT = { last_node_id: 9, last_link_id: 9, nodes: [{ id: 3, type: 'KSampler' }], links: [], version: 0.4 };
