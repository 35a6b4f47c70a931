import { useEffect, useMemo, useRef } from 'react';
import type { ScriptView, ScriptViewLine } from '../../../shared/domain/script';
import { useBoardStore } from '../state/board-store';
import { scriptActions } from './script-actions';
import { useScriptStore } from './script-store';
import './script.css';

/** Panel id -> the beat it was made from, from the view's beat -> panels map. */
function beatsByPanel(view: ScriptView): Map<string, string> {
  const out = new Map<string, string>();
  for (const [beat, ids] of Object.entries(view.beatPanels)) for (const id of ids) out.set(id, beat);
  return out;
}

/**
 * The screenplay beside the board, formatted the usual way. The selected panels' lines are
 * highlighted (and scrolled to); clicking a line selects the panel it was boarded in, a heading its scene.
 */
export function ScriptPane() {
  const view = useScriptStore((s) => s.view);
  const selection = useBoardStore((s) => s.selection);
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (view === undefined) void scriptActions.loadView();
  }, [view]);
  const byPanel = useMemo(() => (view ? beatsByPanel(view) : new Map<string, string>()), [view]);
  const lit = useMemo(() => new Set([...selection].map((id) => byPanel.get(id)).filter((b): b is string => !!b)), [selection, byPanel]);
  useEffect(() => {
    listRef.current?.querySelector('.script-line.is-lit')?.scrollIntoView({ block: 'nearest' });
  }, [lit]);

  if (view === undefined) return null;
  if (view === null) {
    return (
      <div className="script-pane script-empty" data-testid="script-pane">
        <p>No script yet. Import a Fountain or Final Draft screenplay to make its scenes and panels.</p>
        <button type="button" className="button button-primary" data-testid="script-pane-import" onClick={scriptActions.chooseFile}>
          Import Script…
        </button>
      </div>
    );
  }
  const click = (line: ScriptViewLine) => {
    const board = useBoardStore.getState();
    if (line.beat && view.beatPanels[line.beat]?.length) {
      const ids = view.beatPanels[line.beat];
      board.setSelection(ids, ids[0], ids[0], true);
    } else if (line.kind === 'heading' && line.scene !== null && view.sceneIds[line.scene]) board.selectScene(view.sceneIds[line.scene]);
  };
  return (
    <div className="script-pane" data-testid="script-pane">
      <div className="script-pane-bar">
        <span className="script-pane-file" title={view.fileName}>{view.fileName}</span>
        <button type="button" className="button button-small" data-testid="script-pane-reimport" onClick={scriptActions.chooseFile} title="Import a revised draft: pictures are kept">
          Import Revision…
        </button>
        <button type="button" className="button button-small" data-testid="script-pane-board" onClick={() => void scriptActions.boardEmpty()} title="Generate a first picture for every panel without one">
          Board the Script
        </button>
      </div>
      <div className="script-page" ref={listRef} data-testid="script-lines">
        {view.lines.map((line, i) => (
          <div
            key={i}
            className={`script-line line-${line.kind}${line.dual ? ` dual-${line.dual}` : ''}${line.beat && lit.has(line.beat) ? ' is-lit' : ''}${line.beat || line.kind === 'heading' ? ' is-linked' : ''}`}
            data-testid="script-line"
            data-beat={line.beat ?? undefined}
            onClick={() => click(line)}
          >
            {line.text || '\u00a0'}
          </div>
        ))}
      </div>
    </div>
  );
}
