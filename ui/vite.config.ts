import { defineConfig } from 'vitest/config';

// The window loads ui/dist through Tauri's custom protocol: relative asset paths, no inline
// scripts or styles (the CSP forbids them), nothing fetched from elsewhere.
export default defineConfig({
  base: './',
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle loaded from disk; CodeMirror + Yjs make it ~600 kB, which is fine locally.
    chunkSizeWarningLimit: 1000,
  },
  // Logic is tested in node; views in a DOM (a file that starts with
  // `// @vitest-environment happy-dom`), through a fake of the ipc seam (src/test/fake.ts).
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
