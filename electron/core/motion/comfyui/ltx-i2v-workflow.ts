import type { Workflow } from '../../providers/comfyui/workflow';

/**
 * The bundled image-to-video workflow (API format), from ComfyUI's LTX-Video example: the panel is
 * the first frame (LoadImage -> LTXVImgToVideo), 24 fps, saved with the core SaveWEBM node. Used
 * when the user has not chosen a video workflow of their own; the marks say where Boardwright's values go.
 */
export const LTX_I2V_WORKFLOW: Workflow = {
  '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'ltx-video-2b-v0.9.5.safetensors' } },
  '2': { class_type: 'CLIPLoader', inputs: { clip_name: 't5xxl_fp16.safetensors', type: 'ltxv' } },
  '3': { class_type: 'CLIPTextEncode', inputs: { text: '', clip: ['2', 0] }, _meta: { title: 'Positive Prompt' }, _boardwright: 'positive' },
  '4': { class_type: 'CLIPTextEncode', inputs: { text: 'low quality, worst quality, deformed, distorted, watermark', clip: ['2', 0] }, _meta: { title: 'Negative Prompt' }, _boardwright: 'negative' },
  '5': { class_type: 'LoadImage', inputs: { image: 'first-frame.png' }, _boardwright: 'init' },
  '6': {
    class_type: 'LTXVImgToVideo',
    inputs: { positive: ['3', 0], negative: ['4', 0], vae: ['1', 2], image: ['5', 0], width: 768, height: 512, length: 97, batch_size: 1 },
    _boardwright: 'length',
  },
  '7': { class_type: 'LTXVConditioning', inputs: { positive: ['6', 0], negative: ['6', 1], frame_rate: 24 } },
  '8': { class_type: 'LTXVScheduler', inputs: { steps: 30, max_shift: 2.05, base_shift: 0.95, stretch: true, terminal: 0.1, latent: ['6', 2] } },
  '9': { class_type: 'KSamplerSelect', inputs: { sampler_name: 'euler' } },
  '10': { class_type: 'RandomNoise', inputs: { noise_seed: 0 }, _boardwright: 'seed' },
  '11': { class_type: 'CFGGuider', inputs: { model: ['1', 0], positive: ['7', 0], negative: ['7', 1], cfg: 3 } },
  '12': { class_type: 'SamplerCustomAdvanced', inputs: { noise: ['10', 0], guider: ['11', 0], sampler: ['9', 0], sigmas: ['8', 0], latent_image: ['6', 2] } },
  '13': { class_type: 'VAEDecode', inputs: { samples: ['12', 0], vae: ['1', 2] } },
  '14': { class_type: 'SaveWEBM', inputs: { images: ['13', 0], filename_prefix: 'boardwright/clip', codec: 'vp9', fps: 24, crf: 32 }, _boardwright: 'output' },
};
