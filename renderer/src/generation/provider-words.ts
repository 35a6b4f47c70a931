/** Who made a variation, in words: still and video providers share ids ('builtin', 'replicate'...) but not names. */
import { PROVIDER_LABELS, type ProviderId } from '../../../shared/domain/generation';
import { VIDEO_PROVIDER_LABELS, type VideoProviderId } from '../../../shared/domain/motion';

export function providerWords(provider: string, clip: boolean): string {
  if (provider === 'import') return 'Earlier image';
  const label = clip ? VIDEO_PROVIDER_LABELS[provider as VideoProviderId] : PROVIDER_LABELS[provider as ProviderId];
  return label ?? provider;
}
