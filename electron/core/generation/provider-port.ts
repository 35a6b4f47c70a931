/**
 * What the generation jobs use from the provider layer (electron/core/providers), in one place, so
 * jobs can be tested against fake providers and the provider layer can change behind it.
 */
export type {
  ConnectionResult,
  GenerateContext,
  GenerateRequest,
  GeneratedImage,
  ImageProvider,
  InputImage,
  KeyedProviderId,
  ProviderCapabilities,
  ProviderId,
} from '../providers/types';
export { capabilitiesOf } from '../providers/types';
export { ProviderError, isProviderError, redact, clip, redactAndClip } from '../providers/errors';
export type { ProviderErrorKind } from '../providers/errors';
export type { KeySource, ProviderSettings, ProviderSettingsMap, SettingsOverrides } from '../providers/settings';
export { KEY_ENV, URL_ENV, DEFAULT_URLS, envKeySource, missingSetting, readProviderSettings } from '../providers/settings';
