import type { ReactNode } from 'react';
import { WideDialog } from '../generation/WideDialog';
import './import-preview.css';

interface Props {
  title: string;
  /** Also the prefix of the parts' test ids: -file, -totals, -changes, -cancel, -submit. */
  testId: string;
  fileName: string;
  totals: ReactNode;
  /** Beside the file name (e.g. a choice that plans the import again). */
  aside?: ReactNode;
  /** Between the head and the list of changes (warnings, a table). */
  children?: ReactNode;
  changes: string[];
  /** A class for one change's line (its kind, for colour). */
  changeClass?(change: string): string;
  /** What undoing does, e.g. "The whole import is one step: Undo takes it back." */
  undoHint: string;
  submitLabel: string;
  working: boolean;
  width?: number;
  onCancel(): void;
  onSubmit(): void;
}

/** The preview of an import (a screenplay, an editor's cut): the file, how the board will change, then one click applies it. */
export function ImportPreviewDialog({ title, testId, fileName, totals, aside, children, changes, changeClass, undoHint, submitLabel, working, width = 880, onCancel, onSubmit }: Props) {
  const footer = (
    <>
      <button type="button" className="button" data-testid={`${testId}-cancel`} onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="button button-primary" data-testid={`${testId}-submit`} disabled={working} onClick={onSubmit}>
        {submitLabel}
      </button>
    </>
  );
  return (
    <WideDialog title={title} testId={testId} onClose={onCancel} footer={footer} width={width}>
      <div className="import-preview">
        <div className="import-preview-head">
          <div>
            <div className="import-preview-file" data-testid={`${testId}-file`}>{fileName}</div>
            <div className="import-preview-totals" data-testid={`${testId}-totals`}>{totals}</div>
          </div>
          {aside}
        </div>
        {children}
        <div className="import-preview-changes">
          <h3>How the board will change</h3>
          <ul data-testid={`${testId}-changes`}>
            {changes.map((c, i) => <li key={i} className={changeClass?.(c)}>{c}</li>)}
          </ul>
          <p className="import-preview-undo">{undoHint}</p>
        </div>
      </div>
    </WideDialog>
  );
}
