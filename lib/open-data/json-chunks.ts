// A JSON document written a part at a time, byte for byte what `${JSON.stringify(document, null, 2)}\n` gives for
// the same document whole: the streamed downloads hold one batch of an array's elements at a time, never the array.

/**
 * A placeholder for an array in a document's skeleton. JSON.stringify writes U+0000 as the escape \u0000, which no
 * value of the skeleton (titles, licence, counts) holds, so the placeholder is found where it stands and nowhere else.
 */
export const jsonSlot = (name: string) => `\u0000slot:${name}`;

/** The elements of one array, in batches, ending with its closing bracket at the indentation of its key's line. */
async function* jsonArray(batches: AsyncIterable<readonly unknown[]>, indent: string): AsyncGenerator<string> {
  const inner = `${indent}  `;
  let empty = true;
  for await (const batch of batches) {
    let text = "";
    for (const element of batch) {
      // A JSON string never holds a raw line feed (it is escaped), so every one here is the layout's.
      text += `${empty ? "[" : ","}\n${inner}${JSON.stringify(element, null, 2).replace(/\n/g, `\n${inner}`)}`;
      empty = false;
    }
    if (text) yield text;
  }
  yield empty ? "[]" : `\n${indent}]`;
}

/**
 * `${JSON.stringify(skeleton, null, 2)}\n` with each jsonSlot(name) of the skeleton replaced by the array of the
 * elements `slots[name]()` gives. A slot's batches are read only when the text before it has been taken.
 */
export async function* jsonChunks(
  skeleton: unknown,
  slots: Record<string, () => AsyncIterable<readonly unknown[]>>,
): AsyncGenerator<string> {
  let rest = `${JSON.stringify(skeleton, null, 2)}\n`;
  for (;;) {
    const next = Object.keys(slots)
      .flatMap((name) => {
        const marker = JSON.stringify(jsonSlot(name));
        const at = rest.indexOf(marker);
        return at < 0 ? [] : [{ name, marker, at }];
      })
      .sort((a, b) => a.at - b.at)[0];
    if (!next) {
      yield rest;
      return;
    }
    const before = rest.slice(0, next.at);
    const indent = /^ */.exec(before.slice(before.lastIndexOf("\n") + 1))![0];
    yield before;
    yield* jsonArray(slots[next.name]!(), indent);
    rest = rest.slice(next.at + next.marker.length);
  }
}
