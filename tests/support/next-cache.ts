// Stand-in for next/cache in vitest: no cache outside a Next request, so reads call straight through and
// revalidation calls are recorded for assertions.
export const revalidated: string[] = [];

export function unstable_cache<T extends (...args: never[]) => Promise<unknown>>(fn: T): T {
  return fn;
}

export function revalidateTag(tag: string) {
  revalidated.push(tag);
}

export function revalidatePath(path: string) {
  revalidated.push(`path:${path}`);
}

export function updateTag(tag: string) {
  revalidated.push(tag);
}
