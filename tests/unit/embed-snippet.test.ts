// The widget snippet's resizer, run in a stand-in for the host page: it follows only its own frame's
// messages from the portal's origin, and only plausible heights.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { embedSnippet, embedSource, RESIZE_MESSAGE } from "@/lib/shared/embed-snippet";

const options = {
  siteUrl: "https://atlas.example.org/",
  slug: "nanjing-medical-university",
  lang: "en",
  title: 'Memberships "NMU" <Atlas>',
} as const;

type Listener = (event: { origin: string; source: unknown; data: unknown }) => void;

/** Runs the snippet's <script> with a fake document and window; returns the frame and a way to post to it. */
function hostPage(snippet: string) {
  const script = /<script>([\s\S]*)<\/script>/.exec(snippet)?.[1];
  if (!script) throw new Error("The snippet has no script");
  const contentWindow = {};
  const frame = { contentWindow, style: { height: "" } };
  let listener: Listener | undefined;
  vm.runInNewContext(script, {
    document: { currentScript: { previousElementSibling: frame } },
    window: {
      addEventListener: (type: string, fn: Listener) => {
        if (type === "message") listener = fn;
      },
    },
  });
  if (!listener) throw new Error("The script listens to no message");
  return { frame, contentWindow, post: listener };
}

describe("the embed snippet", () => {
  it("spells out every option and escapes the title", () => {
    const snippet = embedSnippet(options);
    expect(embedSource(options)).toBe(
      "https://atlas.example.org/embed/institutions/nanjing-medical-university?lang=en&mode=compact&theme=light",
    );
    expect(
      snippet.startsWith(`<iframe src="${embedSource(options)}" title="Memberships &quot;NMU&quot; &lt;Atlas&gt;"`),
    ).toBe(true);
    expect(snippet).toContain('height="480"');
  });

  it("sets the frame's height from the portal's resize message, and from nothing else", () => {
    const { frame, contentWindow, post } = hostPage(embedSnippet(options));
    const portal = "https://atlas.example.org";
    post({ origin: "https://evil.example", source: contentWindow, data: { type: RESIZE_MESSAGE, height: 900 } });
    expect(frame.style.height).toBe("");
    post({ origin: portal, source: {}, data: { type: RESIZE_MESSAGE, height: 900 } });
    expect(frame.style.height).toBe("");
    post({ origin: portal, source: contentWindow, data: { type: "something-else", height: 900 } });
    post({ origin: portal, source: contentWindow, data: "junk" });
    post({ origin: portal, source: contentWindow, data: { type: RESIZE_MESSAGE, height: -5 } });
    post({ origin: portal, source: contentWindow, data: { type: RESIZE_MESSAGE, height: "1e9" } });
    expect(frame.style.height).toBe("");
    post({ origin: portal, source: contentWindow, data: { type: RESIZE_MESSAGE, height: 312.4 } });
    expect(frame.style.height).toBe("313px");
  });
});
