/**
 * A Vite build step that writes a brotli (`.br`) and a gzip (`.gz`) copy of
 * each text asset beside it, at the strongest levels: compressing once at
 * build costs seconds, and the server (sirv) then picks the copy the
 * client's Accept-Encoding allows without compressing anything per request.
 * Files that compress poorly or are tiny are left as they are.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1_024;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Writes the copies for every text file under `dir`; returns what it wrote, raw and compressed bytes per file. */
export function precompressDir(dir) {
  const written = [];
  for (const file of files(dir)) {
    if (!TEXT.test(file)) continue;
    const raw = readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    // A copy that is not clearly smaller only costs a disk read.
    if (br.length < raw.length * 0.9) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length * 0.9) writeFileSync(`${file}.gz`, gz);
    written.push({ file, raw: raw.length, br: br.length, gz: gz.length });
  }
  return written;
}

/** The Vite plugin: runs once the bundle is on disk. */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'styrgraf-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
