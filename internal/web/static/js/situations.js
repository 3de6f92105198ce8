// The situations list and the situation view: an actor graph of who did
// what to whom, the linked events, and the situation report (served by
// the API as a self-contained page).

import { get } from './api.js';
import { h } from './dom.js';

const QUAD_COLORS = ['#888', '#2c7fb8', '#41ab5d', '#fd8d3c', '#d7301f'];
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

function plural(n, what) {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function dates(s) {
  if (!s.first) return '';
  return s.first === s.last ? s.first : `${s.first} – ${s.last}`;
}

// The list is read a page at a time (GET /api/situations?limit=&cursor=):
// cursors[i] is the cursor of page i, learnt on the way forward.
const PAGE_SIZE = 50;
const list = { page: 0, cursors: [''] };

async function loadList(page = 0) {
  const body = document.getElementById('situations-body');
  const count = document.getElementById('situations-count');
  const prev = document.getElementById('situations-prev');
  const next = document.getElementById('situations-next');
  const info = document.getElementById('situations-page');
  try {
    const params = { limit: PAGE_SIZE };
    if (list.cursors[page]) params.cursor = list.cursors[page];
    const res = await get('api/situations', params);
    const { situations } = res;
    list.page = page;
    if (res.next) list.cursors[page + 1] = res.next;
    body.replaceChildren(...situations.map((s) => h('tr', { 'data-id': s.id },
      h('td', {}, dates(s)),
      h('td', {}, h('button', { type: 'button', className: 'link', onclick: () => open(s.id) }, s.title)),
      h('td', { className: 'num' }, String(s.num_articles)),
      h('td', { className: 'num' }, String(s.num_events)))));
    if (!situations.length && page === 0) {
      count.textContent = 'none yet: run sitrep ingest (linking is on by default)';
    } else {
      const from = page * PAGE_SIZE + 1;
      count.textContent = `${plural(situations.length, 'situation')} (${from}–${from + situations.length - 1}${res.next ? ', more' : ''})`;
    }
    info.textContent = page > 0 || res.next ? `page ${page + 1}` : '';
    prev.disabled = page === 0;
    next.disabled = !res.next;
  } catch (err) {
    count.textContent = `could not load situations: ${err.message}`;
  }
}

// actorGraph draws each actor as a node on a circle and each linked event
// as an arrow from its source to its target, coloured by QuadClass and
// thicker with more independent sources.
export function actorGraph(events) {
  const nodes = new Map();
  const edges = new Map();
  const node = (code, name) => {
    if (!code || code === '---') return null;
    if (!nodes.has(code)) nodes.set(code, { code, name: name || '', n: 0 });
    const x = nodes.get(code);
    x.n++;
    if (!x.name && name) x.name = name;
    return x;
  };
  for (const e of events) {
    const s = node(e.source, e.source_name);
    const t = node(e.target, e.target_name);
    if (!s || !t || s === t) continue;
    const key = `${s.code}>${t.code}>${e.quad_class}`;
    if (!edges.has(key)) edges.set(key, { s, t, quad: e.quad_class, what: new Set(), sources: 0 });
    const x = edges.get(key);
    x.what.add((e.plover || e.cameo).toLowerCase());
    x.sources += e.num_sources;
  }
  const list = [...nodes.values()].sort((a, b) => b.n - a.n).slice(0, 14);
  const W = 520, H = 380, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
  list.forEach((n, i) => {
    const a = (2 * Math.PI * i) / list.length - Math.PI / 2;
    n.x = cx + R * Math.cos(a);
    n.y = cy + R * Math.sin(a);
  });
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Actor graph' });
  const defs = svg('defs');
  for (let q = 0; q < 5; q++) {
    defs.append(svg('marker', { id: `arrow-q${q}`, viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: QUAD_COLORS[q] })));
  }
  root.append(defs);
  let drawn = 0;
  for (const e of edges.values()) {
    if (e.s.x === undefined || e.t.x === undefined) continue;
    const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, len = Math.hypot(dx, dy) || 1;
    const r = 18;
    const x1 = e.s.x + (dx / len) * r, y1 = e.s.y + (dy / len) * r;
    const x2 = e.t.x - (dx / len) * r, y2 = e.t.y - (dy / len) * r;
    // A slight curve keeps A→B and B→A apart.
    const mx = (x1 + x2) / 2 - (dy / len) * 18, my = (y1 + y2) / 2 + (dx / len) * 18;
    const q = e.quad >= 1 && e.quad <= 4 ? e.quad : 0;
    const path = svg('path', { class: 'edge', d: `M ${x1} ${y1} Q ${mx} ${my} ${x2} ${y2}`, stroke: QUAD_COLORS[q],
      'stroke-width': String(1.5 + Math.min(4, e.sources)), 'marker-end': `url(#arrow-q${q})` });
    path.append(svg('title', {}, `${e.s.code} → ${e.t.code}: ${[...e.what].join(', ')} (${e.sources} sources)`));
    root.append(path);
    const label = svg('text', { class: 'edge-label', x: String(mx), y: String(my), 'text-anchor': 'middle' });
    label.textContent = [...e.what].join(', ');
    root.append(label);
    drawn++;
  }
  for (const n of list) {
    const g = svg('g', { class: 'node', 'data-code': n.code });
    g.append(svg('circle', { cx: String(n.x), cy: String(n.y), r: '16' }));
    const t1 = svg('text', { x: String(n.x), y: String(n.y + 4), 'text-anchor': 'middle' });
    t1.textContent = n.code;
    const t2 = svg('text', { x: String(n.x), y: String(n.y + 30), 'text-anchor': 'middle' });
    t2.textContent = (n.name || '').slice(0, 28);
    g.append(svg('title', {}, `${n.code} ${n.name}: ${n.n} events`), t1, t2);
    root.append(g);
  }
  root.dataset.edges = String(drawn);
  root.dataset.nodes = String(list.length);
  return root;
}

async function open(id) {
  const dlg = document.getElementById('situation');
  let s;
  try {
    s = await get(`api/situations/${encodeURIComponent(id)}`);
  } catch (err) {
    document.getElementById('situations-count').textContent = err.message;
    return;
  }
  document.getElementById('situation-title').textContent = s.title;
  const copies = s.duplicates.length ? `, ${s.duplicates.length} of them copies` : '';
  document.getElementById('situation-meta').textContent =
    `${dates(s)} · ${plural(s.articles.length, 'article')}${copies} · ${plural(s.events.length, 'event')} · ${s.id}`;
  document.getElementById('situation-graph').replaceChildren(actorGraph(s.events));
  document.getElementById('situation-events').replaceChildren(...s.events.map((e) => h('li', { 'data-id': e.id },
    h('span', { className: 'mono' }, e.date || 'undated'), ' ',
    h('span', { className: `swatch q${e.quad_class}` }), ' ',
    `${(e.plover || e.cameo).toLowerCase()}: ${e.source_name || e.source || '?'}${e.target ? ` → ${e.target_name || e.target}` : ''}`,
    e.place ? ` in ${e.place}` : '',
    h('span', { className: 'muted' }, ` — ${plural(e.num_sources, 'source')}, ${plural(e.num_articles, 'article')}, ${plural(e.num_mentions, 'mention')} (confidence ${e.confidence.toFixed(2)})`))));
  const base = `api/situations/${encodeURIComponent(id)}/report`;
  document.getElementById('situation-report').src = `${base}?format=html`;
  document.getElementById('report-links').replaceChildren(
    h('a', { href: `${base}?format=html`, target: '_blank' }, 'HTML'), ' · ',
    h('a', { href: `${base}?format=md` }, 'Markdown'), ' · ',
    h('a', { href: `${base}?format=pdf` }, 'PDF'));
  if (!dlg.open) dlg.showModal();
  const url = new URL(location.href);
  url.hash = `situation=${id}`;
  history.replaceState(null, '', url);
}

function init() {
  const dlg = document.getElementById('situation');
  document.getElementById('situation-close').addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => {
    const url = new URL(location.href);
    if (url.hash.startsWith('#situation=')) {
      url.hash = '';
      history.replaceState(null, '', url);
    }
  });
  document.getElementById('situations-prev').addEventListener('click', () => loadList(Math.max(0, list.page - 1)));
  document.getElementById('situations-next').addEventListener('click', () => loadList(list.page + 1));
  loadList();
  const m = location.hash.match(/^#situation=(.+)$/);
  if (m) open(decodeURIComponent(m[1]));
}

init();
