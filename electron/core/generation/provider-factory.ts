/** How providers are made from their settings: the provider layer's registry, replaceable in tests. */
import { createProvider } from '../providers/registry';
import type { ImageProvider, ProviderId, ProviderSettings } from './provider-port';

export type ProviderFactory = (id: ProviderId, settings: ProviderSettings) => ImageProvider;

export const defaultProviderFactory: ProviderFactory = (id, settings) => createProvider(id, settings);
