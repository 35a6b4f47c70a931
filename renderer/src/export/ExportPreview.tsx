import { useEffect, useRef, useState } from 'react';
import type { PdfBoardOptions, PdfPreview } from '../../../shared/domain/export';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';

const DEBOUNCE_MS = 300;
const PAGES = 2;

/** The first pages as the PDF will print them, redrawn shortly after each change of options. */
export function ExportPreview({ options, blocked }: { options: PdfBoardOptions; blocked: string | null }) {
  const [preview, setPreview] = useState<PdfPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const key = JSON.stringify(options);
  useEffect(() => {
    if (blocked) return;
    const request = ++latest.current;
    setLoading(true);
    const timer = setTimeout(() => {
      api.call('export.pdfPreview', { options, pages: PAGES }).then(
        (p) => {
          if (request !== latest.current) return;
          setPreview(p);
          setError(null);
          setLoading(false);
        },
        (e) => {
          if (request !== latest.current) return;
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, blocked]);

  const message = blocked ?? error;
  return (
    <div className="pdfx-preview" data-testid="pdf-preview" aria-busy={loading}>
      {message ? (
        <div className="pdfx-preview-message" data-testid="pdf-preview-error">{message}</div>
      ) : (
        <>
          <div className="pdfx-preview-meta" data-testid="pdf-preview-meta">
            {preview ? `${preview.pageCount} page${preview.pageCount === 1 ? '' : 's'} · ${preview.panelCount} panel${preview.panelCount === 1 ? '' : 's'}` : 'Drawing the preview…'}
          </div>
          <div className={`pdfx-pages${loading ? ' is-loading' : ''}`}>
            {preview?.pages.map((p, i) => (
              <figure key={i} className="pdfx-page">
                <img src={p.dataUrl} width={p.width} height={p.height} alt={`Page ${i + 1} preview`} data-testid="pdf-preview-page" />
                <figcaption>{`Page ${i + 1} of ${preview.pageCount}`}</figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
