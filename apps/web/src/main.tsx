// First, so that the first questions are on their way before the rest of the app's modules are evaluated.
import './app/ask-first-questions.ts';
import './app/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
