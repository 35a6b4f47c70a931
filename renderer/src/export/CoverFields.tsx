import { useRef, useState } from 'react';
import type { CoverOptions } from '../../../shared/domain/export';
import { fileToBase64 } from '../util/base64';

const MAX_LOGO_BYTES = 5 * 1024 * 1024;

interface Props {
  value: CoverOptions | null;
  projectTitle: string;
  onChange(next: CoverOptions | null): void;
}

/** The optional cover page: title, credits and a logo. */
export function CoverFields({ value, projectTitle, onChange }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const on = value !== null;
  const cover = value ?? {};
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) return setLogoError('The logo is larger than 5 MB.');
    setLogoError(null);
    onChange({ ...cover, logoBase64: await fileToBase64(file) });
  };
  const toggle = (
    <label className="pdfx-check">
      <input type="checkbox" data-testid="pdf-cover" checked={on} onChange={(e) => onChange(e.target.checked ? { title: '', credits: '', logoBase64: null } : null)} /> Cover page
    </label>
  );
  if (!on) return toggle;
  return (
    <fieldset className="pdfx-fieldset">
      <legend>{toggle}</legend>
      {on && (
        <div className="pdfx-cover">
          <label className="field">
            <span className="field-label">Title</span>
            <input className="input" data-testid="pdf-cover-title" placeholder={projectTitle} value={cover.title ?? ''} maxLength={200} onChange={(e) => onChange({ ...cover, title: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Credits, one per line</span>
            <textarea className="input textarea" data-testid="pdf-cover-credits" rows={3} placeholder={'Directed by …\nStoryboards by …'} value={cover.credits ?? ''} onChange={(e) => onChange({ ...cover, credits: e.target.value })} />
          </label>
          <div className="pdfx-row">
            <button type="button" className="button button-small" onClick={() => fileRef.current?.click()}>
              {cover.logoBase64 ? 'Replace logo…' : 'Add logo…'}
            </button>
            {cover.logoBase64 && (
              <button type="button" className="button button-small" onClick={() => onChange({ ...cover, logoBase64: null })}>
                Remove logo
              </button>
            )}
            {logoError && <span className="pdfx-error">{logoError}</span>}
            <input ref={fileRef} type="file" accept="image/png,image/jpeg,image/webp" hidden onChange={(e) => void pick(e.target.files?.[0])} />
          </div>
        </div>
      )}
    </fieldset>
  );
}
