/** The answers of the startup calls sent before the app's script loaded (boot/early-calls.ts). */
import type { MethodName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/result';

/** An HTTP answer read to its end. */
export interface HttpAnswer {
  status: number;
  statusText: string;
  body: string;
}

/** Per method: the HTTP answer in web mode, the result itself in Electron. */
export type EarlyCalls = Partial<Record<MethodName, Promise<HttpAnswer | ApiResult<unknown>>>>;

declare global {
  interface Window {
    __boardwrightEarly?: EarlyCalls;
  }
}

/** Claims the early answers for the app: from now on early-calls.ts sends nothing (see there). */
export function claimEarly(win: Window = window): void {
  win.__boardwrightEarly ??= {};
}

/** The early answer for `method`, once: only for a call with no input, as the early calls were sent. */
export function takeEarly(method: MethodName, input: unknown, win: Window = window): Promise<HttpAnswer | ApiResult<unknown>> | undefined {
  const calls = win.__boardwrightEarly;
  const early = calls?.[method];
  if (!early || !isEmpty(input)) return undefined;
  delete calls[method];
  return early;
}

function isEmpty(input: unknown): boolean {
  return input === undefined || (typeof input === 'object' && input !== null && Object.keys(input).length === 0);
}
