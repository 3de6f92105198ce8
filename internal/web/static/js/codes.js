// Names for CAMEO codes and QuadClasses. cameo.json is written from the
// codebook in internal/cameo (go test ./internal/web -update).

let table = { codes: {}, roots: [], plover: [] };

// loadCodes fetches the CAMEO table once; the UI works without it, showing
// bare codes.
export async function loadCodes() {
  try {
    const res = await fetch('cameo.json');
    if (res.ok) table = await res.json();
  } catch (_) { /* keep the empty table */ }
  return table;
}

// cameoName returns the name of a CAMEO code, or "" when unknown. Root
// names are upper case in the codebook and a few others lower case; all
// are shown in sentence case.
export function cameoName(code) {
  const name = table.codes[code] || '';
  const s = name === name.toUpperCase() ? name.toLowerCase() : name;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function roots() { return table.roots; }
export function ploverTypes() { return table.plover; }

const QUADS = ['', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];

export function quadName(q) { return QUADS[q] || 'Unknown'; }

const DATE_REASONS = {
  clause: "a time expression in the event's clause",
  sentence: "a time expression in the event's sentence",
  caption: "the photo caption's date",
  published: 'the publication date',
};

const PLACE_REASONS = {
  clause: "a place named in the event's clause",
  sentence: "a place named in the event's sentence",
  caption: 'the photo caption',
  dateline: "the article's dateline",
  focus: "the article's main place",
};

export function dateReason(r) { return DATE_REASONS[r] || r || 'unknown'; }
export function placeReason(r) { return PLACE_REASONS[r] || r || 'unknown'; }
