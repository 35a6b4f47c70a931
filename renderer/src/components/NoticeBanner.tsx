import { useEffect } from 'react';
import { useSessionStore } from '../state/session-store';
import { AlertIcon, CheckIcon, CloseIcon } from './Icons';

/** The current error or confirmation: errors stay until dismissed, confirmations fade after a while. */
export function NoticeBanner() {
  const notice = useSessionStore((s) => s.notice);
  const dismiss = useSessionStore((s) => s.dismissNotice);

  useEffect(() => {
    if (!notice) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !useSessionStore.getState().dialog) dismiss();
    };
    window.addEventListener('keydown', onKey);
    const timer = notice.kind === 'info' ? window.setTimeout(dismiss, 6000) : undefined;
    return () => {
      window.removeEventListener('keydown', onKey);
      window.clearTimeout(timer);
    };
  }, [notice, dismiss]);

  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={notice.kind === 'error' ? 'error-banner' : 'info-banner'} data-code={notice.code}>
      <span className="notice-icon">{notice.kind === 'error' ? <AlertIcon /> : <CheckIcon />}</span>
      <div className="notice-text">
        <div className="notice-title">{notice.title}</div>
        <div className="notice-message" data-testid="notice-message">
          {notice.message}
        </div>
        {notice.action && (
          <button
            type="button"
            className="button notice-action"
            data-testid="notice-action"
            onClick={() => {
              dismiss();
              notice.action?.run();
            }}
          >
            {notice.action.label}
          </button>
        )}
      </div>
      <button type="button" className="icon-button notice-close" aria-label="Dismiss" title="Dismiss" data-testid="notice-dismiss" onClick={dismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
