import type { MethodName, MethodResult, ParsedInput } from '../../../../shared/api/contract';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Promise<MethodResult<M>> | MethodResult<M>;

/** Handlers for a group of methods, e.g. HandlersOf<'history.undo' | 'history.redo'>. */
export type HandlersOf<M extends MethodName> = { [K in M]: Handler<K> };

export type Handlers = HandlersOf<MethodName>;
