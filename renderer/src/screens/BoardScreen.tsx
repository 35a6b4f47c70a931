import { BoardCanvas } from '../board/BoardCanvas';
import { BoardToolbar } from '../components/BoardToolbar';
import { ContextMenu } from '../components/ContextMenu';
import { EmptyBoard } from '../components/EmptyBoard';
import { Inspector } from '../components/Inspector';
import { TopBar } from '../components/TopBar';
import { PanelEditor } from '../editor/PanelEditor';
import { SidePanel } from '../generation/SidePanel';
import { usePasteImages } from '../menu/usePasteImages';
import { useBoardStore } from '../state/board-store';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { ExportDialog } from '../export/ExportDialog';
import { ScriptImportDialog } from '../script/ScriptImportDialog';
import { EditorialDialogs } from '../editorial/EditorialDialogs';
import { useProjectSettingsShortcut } from '../project-settings/useProjectSettingsShortcut';
import { DatasetExportDialog } from '../dataset/DatasetExportDialog';

/** The open project: top bar, toolbar, the board canvas (or the panel editor over it) and the inspector. */
export function BoardScreen() {
  const empty = useBoardStore((s) => (s.board?.scenes.length ?? 0) === 0);
  usePasteImages();
  useProjectSettingsShortcut();
  return (
    <div className="board-screen" data-testid="board-view">
      <TopBar />
      <div className="board-body">
        <div className="board-main">
          <BoardToolbar />
          <div className="board-stage">
            <BoardCanvas />
            {empty && <EmptyBoard />}
          </div>
          <PanelEditor />
          <TimelinePanel />
        </div>
        <SidePanel inspector={<Inspector />} />
      </div>
      <ContextMenu />
      <ExportDialog />
      <ScriptImportDialog />
      <EditorialDialogs />
      <DatasetExportDialog />
    </div>
  );
}
