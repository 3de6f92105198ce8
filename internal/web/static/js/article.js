// The article view: the full text with every annotation sitrep extracted
// coloured by kind, layer toggles, and lists of the events, quotes and
// casualties.

import { h } from './dom.js';
import { render } from './spans.js';
import { cameoName } from './codes.js';

// LAYERS are the annotation kinds, with the legend sample's class.
const LAYERS = [
  { key: 'entity', label: 'Entities (underline colour = type)', sample: 'a a-entity a-PERSON' },
  { key: 'place', label: 'Places', sample: 'a a-place' },
  { key: 'timex', label: 'Time expressions', sample: 'a a-timex' },
  { key: 'quote', label: 'Quotes', sample: 'a a-quote' },
  { key: 'casualty', label: 'Casualties', sample: 'a a-casualty' },
  { key: 'size', label: 'Group sizes', sample: 'a a-size' },
  { key: 'caption', label: 'Photo captions', sample: 'a a-caption' },
  { key: 'trigger', label: 'Event triggers', sample: 'a a-trigger q4' },
];

// spansOf lists the annotations of an extract result as render() spans.
export function spansOf(res) {
  const out = [];
  const add = (s, layer, cls, title, data) => {
    if (s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start) {
      out.push({ start: s.start, end: s.end, tag: 'span', className: `a a-${layer} ${cls}`.trim(), title, data: { layer, ...data } });
    }
  };
  for (const c of res.captions || []) add(c, 'caption', '', `photo caption · ${c.agency}${c.photographer ? ` / ${c.photographer}` : ''}`);
  for (const q of res.quotes || []) add(q, 'quote', '', `${q.kind} quote · ${q.speaker} (${q.verb})`);
  for (const e of res.entities || []) add(e, 'entity', `a-${e.type}`, `${e.type} · ${e.name}${e.title ? ` (${e.title})` : ''}${conf(e)}`);
  for (const p of res.places || []) add(p, 'place', '', `place · ${p.name}, ${p.country} (${p.resolution})${conf(p)}`);
  for (const t of res.timexes || []) add(t, 'timex', '', `${t.type} ${t.value}${t.anchored ? ' (resolved against the publication date)' : ''}`);
  for (const c of res.casualties || []) add(c, 'casualty', '', `${c.kind} ${c.count}${c.exact ? '' : ' (approximate)'} · ${c.who}`);
  for (const s of res.sizes || []) add(s, 'size', '', `group size ${s.count}${s.exact ? '' : ' (approximate)'} · ${s.who}`);
  (res.events || []).forEach((ev, i) => {
    add(ev.evidence && ev.evidence.trigger, 'trigger', `q${ev.quad_class}`,
      `event ${ev.cameo} ${cameoName(ev.cameo)} · ${ev.source.actor || '?'} → ${ev.target ? ev.target.actor || '?' : '—'}${conf(ev)}`, { event: i });
  });
  return out;
}

// fillArticle renders res (the API's article: an extract result with its
// text) into the dialog's parts. ids[i], when known, is the stored id of
// event i; onEvent(id) opens that event's card.
export function fillArticle(parts, res, ids = [], onEvent = null) {
  const a = res.article || {};
  parts.title.textContent = a.title || `Article ${a.id}`;
  parts.meta.replaceChildren(
    [a.published, a.source, a.id && `id ${a.id}`].filter(Boolean).join(' · '),
    a.url ? h('span', {}, ' · ', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'original ↗')) : '');

  const spans = spansOf(res);
  const counts = {};
  for (const s of spans) counts[s.data.layer] = (counts[s.data.layer] || 0) + 1;
  const text = parts.text;
  text.replaceChildren(render(res.text || '', 0, spans));
  text.className = 'article-text';

  parts.legend.replaceChildren(h('legend', {}, 'Annotations (untick to hide)'),
    ...LAYERS.map((l) => {
      const id = `layer-${l.key}`;
      const box = h('input', { type: 'checkbox', id, checked: true, 'data-layer': l.key,
        onchange: () => text.classList.toggle(`hide-${l.key}`, !box.checked) });
      return h('label', { for: id }, box, h('span', { className: `layer-key ${l.sample}` }, l.label),
        h('span', { className: 'count' }, `(${counts[l.key] || 0})`));
    }),
    h('span', { className: 'entity-key', 'aria-label': 'Entity underline colours' }, 'Entity types:',
      ...['PERSON', 'ORG', 'GPE', 'LOC', 'NORP'].map((ty) => h('span', { className: `a a-entity a-${ty}` }, ty))));

  const side = [];
  const events = res.events || [];
  side.push(h('h3', {}, `Events (${events.length})`));
  side.push(h('ol', { 'data-test': 'article-events' }, events.map((ev, i) => h('li', {},
    h('button', { type: 'button', className: 'link', title: 'Show in the text', onclick: () => flash(text, i) },
      h('span', { className: `code-badge q${ev.quad_class}` }, ev.cameo), cameoName(ev.cameo)),
    ids[i] && onEvent ? h('button', { type: 'button', className: 'link card-link', 'data-test': 'article-event-card', 'data-event-id': ids[i],
      title: 'Open the event card', onclick: () => onEvent(ids[i]) }, 'card ↗') : '',
    h('div', { className: 'muted' }, `${ev.source.actor || ev.source.text} → ${ev.target ? ev.target.actor || ev.target.text : '—'} · ${ev.date}${ev.location ? ` · ${ev.location.name}` : ''}`)))));
  const quotes = res.quotes || [];
  if (quotes.length) {
    side.push(h('h3', {}, `Quotes (${quotes.length})`));
    side.push(h('ol', {}, quotes.map((q) => h('li', {}, h('strong', {}, q.speaker), ` ${q.verb}: `, h('q', {}, q.text)))));
  }
  const cas = res.casualties || [];
  if (cas.length) {
    side.push(h('h3', {}, `Casualties (${cas.length})`));
    side.push(h('ol', {}, cas.map((c) => h('li', {}, `${c.count}${c.exact ? '' : '+'} ${c.kind}`, h('div', { className: 'muted' }, c.who)))));
  }
  const caps = res.captions || [];
  if (caps.length) {
    side.push(h('h3', {}, `Photo credits (${caps.length})`));
    side.push(h('ol', {}, caps.map((c) => h('li', {}, `${c.agency}${c.photographer ? ` / ${c.photographer}` : ''}`,
      c.place || c.date ? h('div', { className: 'muted' }, [c.place, c.date].filter(Boolean).join(' · ')) : ''))));
  }
  parts.side.replaceChildren(...side);
}

// flash scrolls to an event's trigger in the text and outlines it briefly.
function flash(text, i) {
  const el = text.querySelector(`[data-layer="trigger"][data-event="${i}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.animate([{ outline: '3px solid #f0a500' }, { outline: '3px solid transparent' }], { duration: 1600 });
}

// eventIDs maps the stored events of an article (the API's event list,
// which carries ids) onto the article's own event order by trigger and
// code, so each listed event can open its card.
export function eventIDs(res, stored) {
  const key = (ev) => `${ev.cameo}@${ev.evidence && ev.evidence.trigger ? ev.evidence.trigger.start : ''}@${ev.source ? ev.source.start : ''}@${ev.target ? ev.target.start : ''}`;
  const byKey = new Map();
  for (const ev of stored) {
    const k = key(ev);
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k).push(ev.id);
  }
  return (res.events || []).map((ev) => {
    const list = byKey.get(key(ev));
    return list && list.length ? list.shift() : '';
  });
}

// conf describes an annotation's confidence for a tooltip ("" when the
// stage set none).
function conf(a) {
  return a.confidence ? ` · confidence ${Number(a.confidence).toFixed(2)}` : '';
}
