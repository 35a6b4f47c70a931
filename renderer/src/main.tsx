// First: starts reading the project while the rest of the UI code loads.
import './boot/startup-calls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installTestHook } from './board/test-hook';
import './styles/base.css';
import './styles/controls.css';
import './styles/menu.css';
import './styles/start.css';
import './styles/board.css';
import './styles/canvas.css';
import './styles/editor.css';
import './styles/editor-view.css';

installTestHook();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
