import { ConformDialog } from './ConformDialog';
import { EditorialExportDialog } from './EditorialExportDialog';

/** The editorial hand-off's dialogs, shown over the board when asked for. */
export function EditorialDialogs() {
  return (
    <>
      <EditorialExportDialog />
      <ConformDialog />
    </>
  );
}
