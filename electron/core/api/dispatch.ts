import { contract, type MethodName } from '../../../shared/api/contract';
import { fail, ok, type ApiResult } from '../../../shared/api/result';
import { isCoreError } from '../errors';
import type { Handlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The single entry point both transports call: checks the method exists, validates the input with
 * the contract's zod schema, runs the handler, and wraps the outcome as {ok, value} / {ok, error}.
 */
export function createDispatch(handlers: Handlers, log: (msg: string) => void = console.error): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `Unknown method ${JSON.stringify(method).slice(0, 80)}.`);
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail('BAD_INPUT', `Invalid input for ${method}: ${where}${issue?.message ?? 'invalid'}.`);
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (e) {
      if (isCoreError(e)) return fail(e.code, e.message);
      log(`[boardwright] ${method} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fail('INTERNAL', `Something went wrong in ${method}: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}
