import { RadioButtons, type RadioOption } from '../components/RadioButtons';
import { useMotionStore, type GenerateMode } from './motion-store';

const MODES: RadioOption<GenerateMode>[] = [
  { value: 'stills', label: 'Stills', hint: 'Pictures: variations of the panel', testId: 'gen-mode-stills' },
  { value: 'motion', label: 'Motion', hint: 'A short video clip made from the panel picture', testId: 'gen-mode-motion' },
];

/** "Stills | Motion" at the top of the Generate tab. */
export function GenerateModeSwitch() {
  const mode = useMotionStore((s) => s.mode);
  return (
    <RadioButtons label="What to generate" options={MODES} value={mode} onChange={(m) => useMotionStore.setState({ mode: m })} className="gen-mode-switch" buttonClass="gen-mode" />
  );
}
