// Pasted "pages" shaped to make a careless reader re-read its text: unclosed markup, deep nesting, huge
// attributes, runs of quotes, brackets, digits and month names, a CSV with an unclosed quote, one endless
// sentence naming the university beside thousands of quoted names. Each takes the length it should have, so
// tests can compare the reader's work at n and 2n; the bench reads each at 200,000 characters.

/** The page of the issue: 199,988 characters that took the old reader 56 to 100 seconds. */
export const unclosedParagraphs = `<p>x</p>${"<p ".repeat(66660)}`;

/** `head`, then `unit` as often as fits in `length` characters with `tail`. */
function fill(length: number, head: string, unit: string | ((i: number) => string), tail = ""): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let i = 0; ; i++) {
    const next = typeof unit === "string" ? unit : unit(i);
    if (size + next.length > length) break;
    parts.push(next);
    size += next.length;
  }
  parts.push(tail);
  return parts.join("");
}

const intro = "An alliance of universities working together on research and teaching in many countries. ".repeat(3);

export const adversarialShapes: Record<string, (length: number) => string> = {
  "unclosed <p": (n) => fill(n, "<p>x</p>", "<p "),
  "unclosed <script": (n) => fill(n, "<p>x</p>", "<script "),
  "unclosed <script> element": (n) => fill(n, "<p>x</p><script>", "<p>a</p>"),
  "unclosed <!--": (n) => fill(n, "<p>x</p>", "<!-- "),
  "unclosed <a": (n) => fill(n, "<p>x</p>", "<a"),
  "unclosed end tags": (n) => fill(n, "<p>x</p>", "</p "),
  "deep nesting": (n) => fill(n, "", "<div><b>", "x"),
  "deep nesting closed by other tags": (n) => fill(n / 2, "", "<div>", "x") + fill(n / 2, "", "</span>"),
  "huge attribute": (n) => fill(n, '<p title="', "a", '">x</p>'),
  "unclosed attribute": (n) => fill(n, '<p title="', "a"),
  entities: (n) => fill(n, "<p>", "&amp&#9&notin;&"),
  "straight quotes": (n) => fill(n, "", '"'),
  "unclosed curly quotes": (n) => fill(n, "", "“abcdefgh "),
  "quoted names": (n) => fill(n, "", '"Network of Universities" '),
  brackets: (n) => fill(n, "", "((ab"),
  digits: (n) => fill(n, "", "1"),
  years: (n) => fill(n, "", "2019 "),
  "month names": (n) => fill(n, "", "November 11, "),
  "chinese dates": (n) => fill(n, "", "2019年11月"),
  "sentence ends": (n) => fill(n, "", "A. "),
  "blank lines": (n) => fill(n, "", "\n \n"),
  spaces: (n) => fill(n, "x", " ", "y"),
  "short paragraphs": (n) => fill(n, "", "Alliance\n\n"),
  "csv with an unclosed quote": (n) => fill(n, "Organization,Joined,Role\n", '"Alliance of Universities,2019,Member\n'),
  "csv with one long line": (n) => fill(n, "Organization,Joined,Role\nAlliance,", "2019 "),
  "many headings": (n) => fill(n, "", (i) => `Alliance of Universities ${i}\n\n${intro}\n\n`),
  "one sentence quoting thousands of names": (n) =>
    fill(n, `Alliance of Universities\n\n${intro}\n\n`, (i) => `CUHK joined "Network number ${i}" in 2016, `),
};

/** The university the adversarial pages are read for (the last shape names it). */
export const adversarialSelf = ["The Chinese University of Hong Kong", "CUHK"];
