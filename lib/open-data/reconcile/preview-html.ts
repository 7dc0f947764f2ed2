import { PREVIEW_SIZE } from "./service";

// The preview card OpenRefine shows in a frame of the manifest's size: a whole HTML document, every value
// escaped, no script, styles inline (the site's stylesheet is not loaded in another tool's frame).

export type PreviewCard = {
  name: string;
  otherName: string | null;
  kind: string;
  country: string | null;
  memberships: number;
  type: "institution" | "organization";
  url: string;
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const humanKind = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll("_", " ");

export function renderPreviewCard(card: PreviewCard): string {
  const count =
    card.type === "institution"
      ? `${card.memberships} membership${card.memberships === 1 ? "" : "s"}`
      : `${card.memberships} member${card.memberships === 1 ? "" : "s"}`;
  const facts = [humanKind(card.kind), card.country, count].filter(Boolean).map((s) => escapeHtml(String(s)));
  const { width, height } = PREVIEW_SIZE;
  const box = `box-sizing:border-box;width:${width}px;height:${height}px;padding:10px;overflow:hidden`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(card.name)}</title></head>
<body style="margin:0;font:14px/1.4 system-ui,sans-serif;color:#1f2937">
<div style="${box}">
<div style="font-weight:600;font-size:16px">${escapeHtml(card.name)}</div>
${card.otherName ? `<div lang="zh">${escapeHtml(card.otherName)}</div>` : ""}
<div style="color:#4b5563">${facts.join(" · ")}</div>
<div style="margin-top:6px">
<a href="${escapeHtml(card.url)}" target="_blank" rel="noopener">Open in Alliance Atlas</a>
</div>
</div></body></html>
`;
}
