import { create } from 'zustand';
import type { AppInfo, RecentProject } from '../../../shared/domain/app';
import type { ErrorCode } from '../../../shared/api/result';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  message: string;
  code?: ErrorCode;
  /** A way out the message offers (e.g. "Open Read-Only" for a project open elsewhere). */
  action?: { label: string; run: () => void };
}

/** The small modal dialogs the app shows (web mode asks for paths; "New…" asks for a title). */
export type Dialog = { kind: 'open' } | { kind: 'saveCopy' } | { kind: 'new' } | { kind: 'projectSettings' };

/** App-level state: what shell we run in, the recent list, pending work, messages and dialogs. */
export interface SessionState {
  phase: 'loading' | 'start' | 'board';
  appInfo: AppInfo | null;
  recent: RecentProject[];
  /** Number of calls in flight: the UI shows a quiet busy indicator. */
  pending: number;
  notice: Notice | null;
  dialog: Dialog | null;
  set(patch: Partial<Pick<SessionState, 'phase' | 'appInfo' | 'recent' | 'dialog'>>): void;
  showNotice(notice: Omit<Notice, 'id'>): void;
  dismissNotice(): void;
  begin(): void;
  end(): void;
}

let noticeId = 0;

export const useSessionStore = create<SessionState>()((set) => ({
  phase: 'loading',
  appInfo: null,
  recent: [],
  pending: 0,
  notice: null,
  dialog: null,
  set: (patch) => set(patch),
  showNotice: (notice) => set({ notice: { ...notice, id: ++noticeId } }),
  dismissNotice: () => set({ notice: null }),
  begin: () => set((s) => ({ pending: s.pending + 1 })),
  end: () => set((s) => ({ pending: Math.max(0, s.pending - 1) })),
}));
