// Types for scripts/lib/nginx-front.mjs (plain JavaScript, shared by the tests and the bench).
export function nginxBinary(): string | null;
export function startNginxFront(options: { upstream: string; port: number; dir: string; staticDir?: string }): Promise<{
  url: string;
  pid: number | undefined;
  stop: () => Promise<void>;
}>;
