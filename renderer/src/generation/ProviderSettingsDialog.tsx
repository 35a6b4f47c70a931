import { useEffect, useState } from 'react';
import type { ProviderInfo, ProviderSettingsView } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { useSessionStore } from '../state/session-store';
import { genActions } from './gen-actions';
import { WideDialog } from './WideDialog';

const fail = (title: string, e: unknown) => useSessionStore.getState().showNotice({ kind: 'error', title, message: errorMessage(e) });

/** Per provider: address, model, how many jobs at once, the key (keychain in the app; environment in web mode), and a connection test. */
export function ProviderSettingsDialog({ onClose }: { onClose(): void }) {
  const [view, setView] = useState<ProviderSettingsView | null>(null);
  const load = () => api.call('providers.settings', {}).then(setView, (e) => fail('Could not read the provider settings', e));
  useEffect(() => void load(), []);
  const save = async (change: Parameters<typeof api.call<'providers.setSettings'>>[1]) => {
    try {
      setView(await api.call('providers.setSettings', change));
      void genActions.loadProviders();
    } catch (e) {
      fail('Could not save the setting', e);
    }
  };
  return (
    <WideDialog title="Image providers" testId="provider-settings" onClose={onClose} width={860}>
      {view && (
        <>
          <div className="gen-row settings-default">
            <label className="field">
              <span className="field-label">Default provider</span>
              <select className="input select" value={view.defaultProvider} onChange={(e) => void save({ defaultProvider: e.target.value as ProviderInfo['id'] })}>
                {view.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <p className="hint">
              {view.keyEntry === 'keychain'
                ? 'Keys are kept in the system keychain, never in a project file.'
                : 'Web mode and the command line read keys from environment variables: set them before starting Boardwright. Keys are never shown here.'}
            </p>
          </div>
          {view.keyWarning && <p className="gen-warning" data-testid="key-warning">{view.keyWarning}</p>}
          <div className="settings-list">
            {view.providers.map((p) => (
              <ProviderRow key={p.id} p={p} keyEntry={view.keyEntry} save={save} onKeyChanged={setView} />
            ))}
          </div>
        </>
      )}
    </WideDialog>
  );
}

function ProviderRow({ p, keyEntry, save, onKeyChanged }: { p: ProviderInfo; keyEntry: 'keychain' | 'env'; save(change: object): Promise<void>; onKeyChanged(v: ProviderSettingsView): void }) {
  const [test, setTest] = useState<{ ok: boolean; message: string } | 'testing' | null>(null);
  const [key, setKey] = useState('');
  const runTest = async () => {
    setTest('testing');
    try {
      setTest(await api.call('providers.testConnection', { providerId: p.id }));
    } catch (e) {
      setTest({ ok: false, message: errorMessage(e) });
    }
  };
  const storeKey = async (value: string | null) => {
    try {
      onKeyChanged(await api.call('providers.setKey', { providerId: p.id, key: value }));
      setKey('');
      void genActions.loadProviders();
    } catch (e) {
      fail('Could not store the key', e);
    }
  };
  const loadWorkflow = async (file: File | undefined) => {
    if (file) await save({ providerId: p.id, workflowJson: await file.text() });
  };
  return (
    <section className="settings-provider" data-testid={`provider-${p.id}`}>
      <div className="gen-row">
        <span className={`status-dot ${p.configured ? 'is-ok' : ''}`} />
        <strong>{p.label}</strong>
        <span className="hint">{p.local ? 'on this computer' : 'online'}</span>
        <span className="gen-spacer" />
        {test && test !== 'testing' && (
          <span className={`settings-test ${test.ok ? 'is-ok' : 'is-bad'}`} data-testid={`test-result-${p.id}`} title={test.message}>
            {test.message}
          </span>
        )}
        <button type="button" className="button button-small" data-testid={`test-${p.id}`} disabled={test === 'testing'} onClick={() => void runTest()}>
          {test === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {p.missing && <p className="hint">{p.missing}</p>}
      {p.id !== 'builtin' && (
        <div className="settings-fields">
          <label className="field">
            <span className="field-label">Address</span>
            <input className="input input-mono" defaultValue={p.baseUrl ?? ''} spellCheck={false} onBlur={(e) => e.target.value !== (p.baseUrl ?? '') && void save({ providerId: p.id, baseUrl: e.target.value || null })} />
          </label>
          <label className="field">
            <span className="field-label">Model</span>
            <input className="input" defaultValue={p.model ?? ''} placeholder={p.defaultModel || 'default'} onBlur={(e) => e.target.value !== (p.model ?? '') && void save({ providerId: p.id, model: e.target.value || null })} />
          </label>
          <label className="field settings-narrow">
            <span className="field-label">At once</span>
            <input className="input" type="number" min={1} max={8} defaultValue={p.concurrency} onBlur={(e) => Number(e.target.value) !== p.concurrency && void save({ providerId: p.id, concurrency: Number(e.target.value) || null })} />
          </label>
        </div>
      )}
      {p.keySource !== 'none' && keyEntry === 'keychain' && (
        <div className="gen-row">
          <input className="input input-mono" type="password" autoComplete="off" value={key} placeholder={p.hasKey ? 'Key stored in the keychain (type to replace)' : 'API key'} onChange={(e) => setKey(e.target.value)} />
          <button type="button" className="button button-small" disabled={!key.trim()} onClick={() => void storeKey(key)}>
            Save key
          </button>
          {p.hasKey && (
            <button type="button" className="button button-small" onClick={() => void storeKey(null)}>
              Remove
            </button>
          )}
        </div>
      )}
      {(keyEntry === 'env' || p.keySource === 'none') && p.env.length > 0 && (
        <div className="settings-env">
          {p.env.map((v) => (
            <span key={v.name} className={`chip ${v.set ? 'chip-ok' : ''}`} title={v.set ? 'Set in the environment (value hidden)' : 'Not set in the environment'}>
              {v.name}: {v.set ? 'set' : 'not set'}
            </span>
          ))}
        </div>
      )}
      {p.id === 'comfyui' && (
        <label className="button button-small settings-file">
          Load workflow (API format JSON)…
          <input type="file" accept=".json,application/json" hidden onChange={(e) => void loadWorkflow(e.target.files?.[0])} />
        </label>
      )}
    </section>
  );
}
