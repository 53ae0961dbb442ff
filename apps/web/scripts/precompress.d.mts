import type { Plugin } from 'vite';

export function precompressDir(dir: string): { file: string; raw: number; br: number; gz: number }[];
export function precompress(): Plugin;
