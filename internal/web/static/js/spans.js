// Rendering text with highlighted spans given as UTF-8 byte offsets.
//
// sitrep's offsets count bytes of the UTF-8 article text, while JavaScript
// strings index UTF-16 code units, so offsets are converted first.

// byteIndex returns a function mapping a byte offset into the UTF-8
// encoding of text to the UTF-16 index of the same position. Offsets
// inside a character map to its start; offsets outside clamp to the ends.
export function byteIndex(text) {
  const map = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    // Lone surrogates encode as U+FFFD, three bytes, like TextEncoder does.
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  map.push(text.length);
  return (off) => (off <= 0 ? 0 : off >= map.length ? text.length : map[off]);
}

// render returns a DocumentFragment of text in which each span becomes an
// element. base is the byte offset of text's first character in the
// article (spans use article offsets). A span is {start, end, tag?,
// className, title?, data?}; nested spans nest, and a span crossing the
// end of an enclosing one is split in two.
export function render(text, base, spans) {
  const at = byteIndex(text);
  const todo = [];
  for (const s of spans) {
    // at clamps to the text, so no span can outrun the root below.
    const start = at(s.start - base), end = at(s.end - base);
    if (end > start) todo.push({ ...s, start, end });
  }
  const order = (a, b) => a.start - b.start || b.end - a.end;
  todo.sort(order);

  const frag = document.createDocumentFragment();
  const stack = [{ el: frag, end: text.length }];
  let pos = 0;
  const emit = (el, to) => {
    if (to > pos) el.append(text.slice(pos, to));
    pos = Math.max(pos, to);
  };
  while (todo.length) {
    const s = todo.shift();
    while (stack.length > 1 && stack[stack.length - 1].end <= s.start) {
      const top = stack.pop();
      emit(top.el, top.end);
    }
    const top = stack[stack.length - 1];
    emit(top.el, s.start);
    let end = Math.min(s.end, text.length);
    if (end > top.end && top.end > s.start) {
      // Crossing spans: close this piece with its parent, reopen after it.
      todo.push({ ...s, start: top.end });
      todo.sort(order);
      end = top.end;
    }
    if (end <= s.start) continue;
    const el = document.createElement(s.tag || 'mark');
    el.className = s.className;
    if (s.title) el.title = s.title;
    for (const [k, v] of Object.entries(s.data || {})) el.dataset[k] = v;
    top.el.append(el);
    stack.push({ el, end });
  }
  while (stack.length) {
    const top = stack.pop();
    emit(top.el, top.end);
  }
  return frag;
}
