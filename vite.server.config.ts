/**
 * The server build: `vite build -c vite.server.config.ts` bundles the `haard` command (server/, core/, doc/,
 * protocol/) into plain JavaScript in `dist-server/`, with the same toolchain as the client, so production
 * runs no TypeScript loader. Packages from node_modules stay external (imported at run time). The `serve`
 * and `token` commands are their own chunks (flat in dist-server/, so `..` from any built file is the project root,
 * as from server/): `haard classify` loads neither SQLite, Yjs nor ws.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // zod is bundled: loading its ~60 ESM files costs more than everything else `haard classify` does.
  ssr: { noExternal: ['zod'] },
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rollupOptions: {
      input: { cli: 'server/cli.ts', compactWorker: 'server/store/compactWorker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
