import { EDITORIAL_LABELS } from '../../../shared/domain/editorial';
import { ImportPreviewDialog } from '../components/ImportPreviewDialog';
import { plural } from '../util/format';
import { boardChanges, changeKind, ignoredClips } from './conform-text';
import { editorialActions } from './editorial-actions';
import { useEditorialStore } from './editorial-store';
import { fpsText } from './timeline-files';
import './editorial.css';

/** Import Editorial Changes…: what the editor's cut changes on the board, before anything is written; one click applies it. */
export function ConformDialog() {
  const preview = useEditorialStore((s) => s.preview);
  const working = useEditorialStore((s) => s.working);
  if (!preview) return null;
  const s = preview.summary;
  const changes = boardChanges(s.counts);
  const ignored = ignoredClips(s.counts);
  const fps = fpsText(s.fps);
  return (
    <ImportPreviewDialog
      title="Import Editorial Changes"
      testId="conform-preview"
      fileName={s.fileName}
      totals={`${EDITORIAL_LABELS[s.format].name} · ${fps} fps · ${plural(s.clips, 'clip')}, ${s.matched} matched to panels`}
      changes={s.changes}
      changeClass={changeKind}
      undoHint="The whole conform is one edit: Edit > Undo takes it back. Dropped panels stay on the board, marked omitted."
      submitLabel="Apply Changes"
      working={working || changes.length === 0}
      width={680}
      onCancel={editorialActions.cancel}
      onSubmit={() => void editorialActions.apply()}
    >
      {changes.length + ignored.length > 0 && (
        <div className="conform-counts" data-testid="conform-counts">
          {[...changes, ...ignored].map((c, i) => (
            <span key={c} className={`conform-count${i >= changes.length ? ' is-ignored' : ''}`}>
              {c}
            </span>
          ))}
        </div>
      )}
    </ImportPreviewDialog>
  );
}
