import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.mjs';

/**
 * The explorer is served by the API server from dist/ (one address for both);
 * in development Vite proxies the API to a server started with `pnpm start`.
 */
const api = process.env.STYRGRAF_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Cytoscape changes far less often than the app: its own long-cached chunk.
        codeSplitting: {
          groups: [
            { name: 'cytoscape', test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/graphql': api, '/health': api } },
});
