import type { MethodInput, MethodName, MethodResult } from '../../../shared/api/contract';
import { ApiCallError } from './errors';
import type { AppEvent } from '../../../shared/api/events';
import { chooseTransport, type Transport } from './transport';
import type { UploadKind } from '../../../shared/api/uploads';

export interface ApiClient {
  /** 'electron' when the preload bridge is present, else 'web'. */
  readonly shell: 'electron' | 'web';
  /** Calls a contract method: resolves with its value, or rejects with an ApiCallError. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  /**
   * Sends a file (image or audio) on the upload channel, as raw bytes: resolves with the upload id a
   * method such as panels.setImage takes, or rejects with an ApiCallError (too large, refused...).
   */
  upload(kind: UploadKind, file: Blob): Promise<string>;
  /** Listens to events the core pushes (task progress, background changes); returns an unsubscribe. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    shell: transport.kind,
    async call(method, input) {
      const result = await transport.send(method, input);
      if (!result || typeof result !== 'object' || !('ok' in result)) {
        throw new ApiCallError('INTERNAL', `Unexpected answer to ${method}.`);
      }
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
      return result.value as MethodResult<typeof method>;
    },
    async upload(kind, file) {
      const result = await transport.upload(kind, file);
      if (!result || typeof result !== 'object' || !('ok' in result)) throw new ApiCallError('INTERNAL', 'Unexpected answer to an upload.');
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
      return result.value.uploadId;
    },
    onEvent: (listener) => transport.subscribe(listener),
  };
}

/** The one client the renderer uses, on the transport chosen at startup. */
export const api: ApiClient = createClient(chooseTransport());
