import { viewStore } from '../state/store.ts';
import { askFirstQuestions } from './first-questions.ts';

// Imported first by main.tsx: evaluated before the views' modules are, so the questions leave as early as the bundle allows.
askFirstQuestions(viewStore().get());
