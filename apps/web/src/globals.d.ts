import type { Core } from 'cytoscape';

declare global {
  interface Window {
    styrgrafCanvas?: Core | null;
  }
}
