export function startProxy(options: {
  port?: number;
  host?: string;
  upstreams: string[];
}): Promise<{ url: string; served: number[]; close: () => Promise<void> }>;
