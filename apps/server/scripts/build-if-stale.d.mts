export function sourceHash(): string;
export function buildIfStale(options?: { quiet?: boolean; force?: boolean }): Promise<{ built: boolean }>;
