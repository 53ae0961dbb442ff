export interface StaleBuildTarget {
  /** The word the messages start with: `web`, `server`. */
  name: string;
  /** The folder the inputs are named from. */
  root: string;
  /** Files and folders (walked) whose contents make the build; tests beside the code are left out. */
  inputs: string[];
  distDir: string;
  /** A file every finished build leaves in distDir: without it the stamp is not believed. */
  entry: string;
  build: (options: { quiet: boolean }) => Promise<void>;
}

export interface StaleBuild {
  sourceHash(): string;
  buildIfStale(options?: { quiet?: boolean; force?: boolean }): Promise<{ built: boolean }>;
}

export function staleBuild(target: StaleBuildTarget): StaleBuild;
export function runIfMain(moduleUrl: string, name: string, buildIfStale: StaleBuild['buildIfStale']): void;
