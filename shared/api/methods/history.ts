import type { HistoryState } from '../../domain/project';
import { method, noInput } from '../schemas';

export const historyMethods = {
  'history.state': method<HistoryState>()(noInput),
  'history.undo': method<HistoryState>()(noInput),
  'history.redo': method<HistoryState>()(noInput),
} as const;
