import { OnionIcon } from '../components/Icons';
import { useEditorStore } from './editor-store';
import { LIGHT_TABLE_MODES } from './light-table';
import { ToolbarPopover } from './view/ToolbarPopover';

/** The light table (onion skin): O or the button toggles it; the menu picks the neighbours shown and their opacity. */
export function LightTableMenu() {
  const { onion, lightTable, lightOpacity, toggleOnion, setLightTable, setLightOpacity } = useEditorStore();
  return (
    <div className="split-button">
      <button
        type="button"
        className={`button button-small${onion ? ' is-on' : ''}`}
        aria-pressed={onion}
        data-testid="onion-toggle"
        aria-label="Light table"
        title="Light table: show neighbouring panels faintly under the drawing (O)"
        onClick={toggleOnion}
      >
        <OnionIcon />
        <span className="tool-button-label">Light table</span>
      </button>
      <ToolbarPopover on={onion} title="Light table settings" testId="light-table-menu" label={null}>
        <fieldset className="popover-group">
          <legend>Show</legend>
          {LIGHT_TABLE_MODES.map((m) => (
            <label key={m.id} className="popover-check">
              <input type="radio" name="light-table" checked={lightTable === m.id} data-testid={`light-table-${m.id}`} onChange={() => setLightTable(m.id)} />
              <span>{m.label}</span>
            </label>
          ))}
        </fieldset>
        <label className="slider-field popover-slider">
          <span className="slider-label">Opacity</span>
          <input
            type="range"
            min={5}
            max={100}
            step={1}
            value={Math.round(lightOpacity * 100)}
            data-testid="light-table-opacity"
            onChange={(e) => setLightOpacity(Number(e.target.value) / 100)}
          />
          <span className="slider-value">{Math.round(lightOpacity * 100)}%</span>
        </label>
      </ToolbarPopover>
    </div>
  );
}
