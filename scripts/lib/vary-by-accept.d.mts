import type { IncomingMessage, ServerResponse } from "node:http";

export const RECORD_PAGE: RegExp;
export function withAccept(vary: string | number | string[] | undefined | null): string;
export function varyRecordPagesByAccept(req: IncomingMessage, res: ServerResponse): void;
