import { useEffect, useMemo, useRef, useState } from 'react';
import { actions } from '../state/actions';
import { useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { runMenuCommand, type AppCommand } from './commands';
import { buildMenus } from './menu-model';
import { MenuList } from './MenuList';

/** Web mode's in-app menu bar (Electron has a native one). */
export function MenuBar() {
  const [open, setOpen] = useState<string | null>(null);
  const recent = useSessionStore((s) => s.recent);
  const home = useSessionStore((s) => s.appInfo?.homeDir ?? null);
  const hasProject = useBoardStore((s) => s.board !== null);
  const history = useBoardStore((s) => s.history);
  const board = useBoardStore((s) => s.board);
  const selection = useBoardStore((s) => s.selection);
  const focusId = useBoardStore((s) => s.selectedPanelId);
  const sceneId = useBoardStore((s) => s.selectedSceneId);
  const ref = useRef<HTMLElement>(null);
  const menus = useMemo(
    () => buildMenus({ hasProject, history, recent, home, board: { board, selection, focusId, sceneId } }),
    [hasProject, history, recent, home, board, selection, focusId, sceneId],
  );

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const toggle = (id: string) => {
    const next = open === id ? null : id;
    if (next === 'file') void actions.refreshRecent();
    setOpen(next);
  };
  const run = (command: AppCommand) => {
    setOpen(null);
    runMenuCommand(command);
  };

  return (
    <nav className="menubar" ref={ref} role="menubar" aria-label="Main menu">
      {menus.map((menu) => (
        <div key={menu.id} className="menubar-entry">
          <button
            type="button"
            className={`menubar-button${open === menu.id ? ' is-open' : ''}`}
            data-testid={`menu-${menu.id}`}
            aria-haspopup="menu"
            aria-expanded={open === menu.id}
            onClick={() => toggle(menu.id)}
            onMouseEnter={() => open && open !== menu.id && toggle(menu.id)}
          >
            {menu.label}
          </button>
          {open === menu.id && <MenuList items={menu.items} onCommand={run} />}
        </div>
      ))}
    </nav>
  );
}
