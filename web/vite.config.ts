import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `file.gz` and `file.br` beside every compressible file of the build, so a static file
 * server can answer `Accept-Encoding: br, gzip` without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const compressible = /\.(js|css|html|svg|txt|json|webmanifest)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'cocreate-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const file of walk(outDir).filter((f) => compressible.test(f))) {
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// The server serves web/dist under a strict CSP (script-src 'self'): the build must emit
// no inline scripts, and nothing may rely on eval.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Preloading is done with <link rel="modulepreload"> tags, which need no inline code.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev` talks to a server running on :8080 (cocreate serve) through Vite's proxy.
    proxy: {
      '/api': { target: process.env.COCREATE_URL ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
