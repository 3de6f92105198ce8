// sitrep event browser: wires the filter bar, map, timeline, event table,
// event card and article view to the JSON API. All state that a link
// should reproduce (filters, the selected event, the open article) lives
// in the page URL's query string.

import { get, query, readFilters, FILTERS } from './api.js';
import { h } from './dom.js';
import { loadCodes, cameoName, roots, ploverTypes } from './codes.js';
import { EventMap } from './map.js';
import { Timeline, pickInterval, coreRange } from './timeline.js';
import { fillCard } from './card.js';
import { fillArticle, eventIDs } from './article.js';

const ROWS = 50;          // default table rows per page
const MAP_LIMIT = 1000;   // events placed on the map (the API's maximum page)
const WORLD = '-180,-90,180,90';

const $ = (id) => document.getElementById(id);

const ui = {
  form: $('filters'), stats: $('stats'), error: $('error'),
  mapCount: $('map-count'), card: $('card'), body: $('events-body'),
  prev: $('prev-page'), next: $('next-page'), pageInfo: $('page-info'),
  dialog: $('article'), areaChip: $('area-chip'), areaText: $('area-text'),
};

const state = {
  filters: {},
  cursors: [''],  // cursor of each table page seen so far
  page: 0,
  nextCursor: '',
  rows: ROWS,      // table page size (URL parameter "rows")
  sort: 'date',    // table order: "date" (newest first) or "confidence" (URL parameter "sort")
  selected: null, // selected event id
  load: 0,        // generation counter: answers to superseded loads are dropped
};

let map, timeline;

// ---- URL state ----

function urlParams() {
  const p = new URLSearchParams(location.search);
  return {
    filters: readFilters(p), rows: rowsParam(p.get('rows')), sort: p.get('sort') === 'confidence' ? 'confidence' : 'date',
    event: p.get('event') || null, article: p.get('article') || null,
  };
}

// rowsParam reads the page size, 1 to 1000 (the API's maximum).
function rowsParam(v) {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : ROWS;
}

function writeURL(push) {
  const p = query(state.filters, {
    rows: state.rows === ROWS ? '' : state.rows,
    sort: state.sort === 'date' ? '' : state.sort,
    event: state.selected || '',
    article: ui.dialog.open ? ui.dialog.dataset.articleId : '',
  });
  const url = p ? `?${p}` : location.pathname;
  if (url === location.search || (url === location.pathname && !location.search)) return;
  history[push ? 'pushState' : 'replaceState'](null, '', url);
}

// ---- filter form ----

function fillForm(f) {
  for (const k of FILTERS) {
    const el = ui.form.elements[k];
    if (el) el.value = f[k] || '';
  }
  ui.areaChip.hidden = !f.bbox;
  ui.areaText.textContent = f.bbox || '';
}

function formFilters() {
  const p = new URLSearchParams(new FormData(ui.form));
  const f = readFilters(p);
  if (f.country) f.country = f.country.toUpperCase();
  if (f.actor) f.actor = f.actor.toUpperCase();
  return f;
}

function setFilters(f) {
  state.filters = f;
  state.selected = null;
  fillForm(f);
  writeURL(true);
  loadAll();
}

function populateSelects() {
  const root = $('f-root');
  for (const r of roots()) root.append(h('option', { value: r }, `${r} ${cameoName(r)}`));
  const plover = $('f-plover');
  for (const p of ploverTypes()) plover.append(h('option', { value: p }, p));
}

// ---- errors ----

function showError(err) {
  if (!err) {
    ui.error.hidden = true;
    ui.error.textContent = '';
    return;
  }
  console.error(err);
  ui.error.hidden = false;
  ui.error.textContent = err.message || String(err);
}

// ---- loading ----

async function loadAll() {
  const gen = ++state.load;
  const f = state.filters;
  showError(null);
  updateExports();
  state.cursors = [''];
  state.page = 0;
  try {
    const [stats, mapPage] = await Promise.all([
      get('api/stats', f),
      // A world-wide box keeps the map's page to events with a place.
      get('api/events', f, { bbox: f.bbox || WORLD, limit: MAP_LIMIT }),
      loadPage(gen),
    ]);
    if (gen !== state.load) return;
    showStats(stats);
    const placed = map.show(mapPage.events);
    Object.assign($('map').dataset, { placed: String(placed), query: query(f) });
    ui.mapCount.textContent = mapPage.next
      ? `the newest ${placed.toLocaleString('en')} events with a place`
      : `${placed.toLocaleString('en')} events with a place`;
    // Chart the months holding all but the outermost 2% of events on each
    // side (misread years scatter over centuries), then at the finest
    // interval that range allows; a note counts what is left out.
    const months = buckets(await get('api/timeline', f, { interval: 'month' }));
    const core = coreRange(months, 'month', 0.02);
    let interval = 'month', bars = months, tf = f;
    if (core) {
      if (core.outside) tf = { ...f, from: core.from, to: core.to };
      interval = pickInterval(core.from, core.to);
      if (interval !== 'month' || core.outside) bars = buckets(await get('api/timeline', tf, { interval }));
    }
    if (gen !== state.load) return;
    $('timeline-interval').textContent = `events per ${interval}`;
    $('timeline-note').textContent = core && core.outside
      ? `${core.outside.toLocaleString('en')} event${core.outside === 1 ? '' : 's'} dated outside ${core.from} – ${core.to} not charted; set the dates to see them.`
      : '';
    timeline.draw(bars, interval);
    if (state.selected) map.select(state.selected);
  } catch (err) {
    if (gen === state.load) showError(err);
  }
}

// buckets accepts the timeline as a bare list or as {interval, buckets}.
function buckets(tl) {
  return Array.isArray(tl) ? tl : (tl && tl.buckets) || [];
}

function showStats(s) {
  const range = s.first_date ? ` · ${s.first_date} – ${s.last_date}` : '';
  const filtered = Object.keys(state.filters).length ? ' matching the filters' : '';
  ui.stats.textContent = `${(s.events || 0).toLocaleString()} events from ${(s.articles || 0).toLocaleString()} articles${filtered}${range}`;
}

async function loadPage(gen) {
  const cursor = state.cursors[state.page];
  ui.body.setAttribute('aria-busy', 'true');
  try {
    const sort = state.sort;
    const page = await get('api/events', state.filters, { sort: sort === 'date' ? '' : sort, limit: state.rows, cursor });
    if (gen !== state.load || sort !== state.sort) return;
    state.nextCursor = page.next || '';
    if (state.nextCursor) state.cursors[state.page + 1] = state.nextCursor;
    fillTable(page.events);
    // The filters and order the rows answer, for tests and scripts to wait on.
    ui.body.dataset.query = query(state.filters);
    ui.body.dataset.sort = sort;
  } finally {
    ui.body.removeAttribute('aria-busy');
  }
}

// ---- table ----

function fillTable(events) {
  if (!events.length) {
    ui.body.replaceChildren(h('tr', { className: 'empty' }, h('td', { colSpan: 7 }, 'No events match the filters.')));
  } else {
    ui.body.replaceChildren(...events.map(row));
  }
  const first = state.page * state.rows + 1;
  ui.pageInfo.textContent = events.length ? `Events ${first}–${first + events.length - 1}` : '';
  ui.prev.disabled = state.page === 0;
  ui.next.disabled = !state.nextCursor;
}

function row(ev) {
  const select = () => selectEvent(ev.id, true);
  const loc = ev.location;
  const tr = h('tr', {
    tabIndex: 0, 'data-test': 'event-row', 'data-event-id': ev.id, 'data-article-id': ev.article_id,
    className: ev.id === state.selected ? 'selected' : '',
    'aria-label': `${ev.date} ${ev.source.actor || ev.source.text} ${cameoName(ev.cameo)} ${ev.target ? ev.target.actor || ev.target.text : ''}`,
    onclick: select,
    onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } },
  },
  h('td', { className: 'code' }, ev.date, ev.date_precision && ev.date_precision !== 'day' ? h('span', { className: 'sub' }, ev.date_precision) : ''),
  h('td', {}, h('span', { className: 'mono' }, ev.source.actor || '—'), h('span', { className: 'sub' }, ev.source.name || ev.source.text)),
  h('td', {}, h('span', { className: `code-badge q${ev.quad_class}` }, ev.cameo), cameoName(ev.cameo)),
  h('td', {}, ev.target ? [h('span', { className: 'mono' }, ev.target.actor || '—'), h('span', { className: 'sub' }, ev.target.name || ev.target.text)] : h('span', { className: 'muted' }, '—')),
  h('td', {}, loc ? [loc.name, h('span', { className: 'sub' }, loc.country)] : h('span', { className: 'muted' }, '—')),
  h('td', {}, h('span', { className: `modality ${ev.modality}` }, ev.modality)),
  confidenceCell(ev.confidence));
  return tr;
}

// confidenceCell shows the coder's confidence as a number and a bar.
function confidenceCell(c) {
  const v = Number(c) || 0;
  return h('td', { className: 'num', 'data-test': 'confidence', 'data-value': String(v) },
    v.toFixed(2), h('span', { className: 'conf-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round(v * 100)}%` })));
}

// setSort orders the table by "date" or "confidence" and reloads it from
// the first page (cursors belong to one order).
function setSort(sort) {
  if (sort === state.sort) return;
  state.sort = sort;
  showSort();
  writeURL(true);
  updateExports();
  state.cursors = [''];
  state.page = 0;
  loadPage(state.load).catch(showError);
}

// showSort marks the column the table is sorted by.
function showSort() {
  $('th-date').setAttribute('aria-sort', state.sort === 'date' ? 'descending' : 'none');
  $('th-confidence').setAttribute('aria-sort', state.sort === 'confidence' ? 'descending' : 'none');
  $('events-caption').textContent = `Events matching the filters, ${state.sort === 'confidence' ? 'most confident' : 'newest'} first`;
}

async function turnPage(delta) {
  state.page = Math.max(0, state.page + delta);
  try {
    await loadPage(state.load);
    $('events-table').focus();
  } catch (err) {
    showError(err);
  }
}

// setRowsChoice shows n in the page-size menu, adding it when a link
// asked for a size the menu does not offer.
function setRowsChoice(n) {
  const sel = $('rows');
  if (![...sel.options].some((o) => o.value === String(n))) sel.append(h('option', { value: String(n) }, String(n)));
  sel.value = String(n);
}

// ---- event card ----

async function selectEvent(id, fromUser) {
  state.selected = id;
  for (const tr of ui.body.querySelectorAll('tr.selected')) tr.classList.remove('selected');
  for (const tr of ui.body.querySelectorAll('tr[data-event-id]')) {
    if (tr.dataset.eventId === id) tr.classList.add('selected');
  }
  if (fromUser) writeURL(true);
  map.select(id);
  ui.card.setAttribute('aria-busy', 'true');
  try {
    const ev = await get(`api/events/${encodeURIComponent(id)}`);
    // The article's place mentions locate the place span in the sentence.
    let article = null;
    if (ev.location) {
      article = await get(`api/articles/${encodeURIComponent(ev.article_id)}`).catch(() => null);
    }
    if (state.selected !== id) return;
    const heading = fillCard(ui.card, ev, article, (aid) => openArticle(aid, true));
    if (fromUser) heading.focus({ preventScroll: true });
  } catch (err) {
    showError(err);
  } finally {
    ui.card.removeAttribute('aria-busy');
  }
}

// ---- article view ----

async function openArticle(id, fromUser) {
  try {
    const [res, stored] = await Promise.all([
      get(`api/articles/${encodeURIComponent(id)}`),
      get('api/events', { article: id, limit: 1000 }).catch(() => ({ events: [] })),
    ]);
    fillArticle({
      title: $('article-title'), meta: $('article-meta'), legend: $('article-legend'),
      text: $('article-text'), side: $('article-side'),
    }, res, eventIDs(res, stored.events || []), (eid) => {
      ui.dialog.close();
      selectEvent(eid, true);
    });
    ui.dialog.dataset.articleId = id;
    if (!ui.dialog.open) ui.dialog.showModal();
    $('article-text').scrollTop = 0;
    if (fromUser) writeURL(true);
  } catch (err) {
    showError(err);
  }
}

// ---- exports ----

const EXT = { csv: 'csv', jsonl: 'jsonl', geojson: 'geojson', plover: 'plover.jsonl', gdelt: 'gdelt.tsv' };

function updateExports() {
  for (const a of document.querySelectorAll('#exports a[data-format]')) {
    const fmt = a.dataset.format;
    a.href = `api/export?${query({ format: fmt }, state.filters, { sort: state.sort === 'date' ? '' : state.sort })}`;
    a.setAttribute('download', `sitrep-events.${EXT[fmt] || fmt}`);
  }
}

// ---- start ----

function applyURL() {
  const u = urlParams();
  const changed = query(u.filters) !== query(state.filters) || u.rows !== state.rows || u.sort !== state.sort;
  state.filters = u.filters;
  state.rows = u.rows;
  state.sort = u.sort;
  showSort();
  setRowsChoice(u.rows);
  fillForm(u.filters);
  if (changed || !state.load) {
    state.selected = u.event;
    loadAll();
  }
  if (u.event && u.event !== ui.card.dataset.eventId) selectEvent(u.event, false);
  if (u.article && (!ui.dialog.open || ui.dialog.dataset.articleId !== u.article)) openArticle(u.article, false);
  if (!u.article && ui.dialog.open) ui.dialog.close();
}

async function main() {
  await loadCodes();
  populateSelects();
  map = new EventMap($('map'), (id) => selectEvent(id, true));
  map.ready.catch(showError);
  timeline = new Timeline($('timeline'), $('timeline-readout'), (from, to) => {
    setFilters({ ...state.filters, from, to });
  });

  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!ui.form.reportValidity()) return;
    setFilters(formFilters());
  });
  $('reset').addEventListener('click', () => setFilters({}));
  $('area-set').addEventListener('click', () => setFilters({ ...formFilters(), bbox: map.bbox() }));
  $('area-clear').addEventListener('click', () => {
    const f = { ...state.filters };
    delete f.bbox;
    setFilters(f);
  });
  $('rows').addEventListener('change', (e) => {
    state.rows = rowsParam(e.target.value);
    writeURL(true);
    state.cursors = [''];
    state.page = 0;
    loadPage(state.load).catch(showError);
  });
  for (const b of document.querySelectorAll('button.sort')) b.addEventListener('click', () => setSort(b.dataset.sort));
  ui.prev.addEventListener('click', () => turnPage(-1));
  ui.next.addEventListener('click', () => turnPage(1));
  $('article-close').addEventListener('click', () => ui.dialog.close());
  ui.dialog.addEventListener('close', () => {
    delete ui.dialog.dataset.articleId;
    writeURL(false);
  });
  window.addEventListener('popstate', applyURL);
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { map.resize(); timeline.resize(); }, 150);
  });
  loadActors();
  applyURL();
}

async function loadActors() {
  try {
    const res = await get('api/actors');
    const actors = Array.isArray(res) ? res : res.actors || [];
    $('actor-list').replaceChildren(...actors.slice(0, 300).map((a) => h('option', { value: a.actor }, `${a.total} events`)));
  } catch (_) { /* suggestions only */ }
}

main().catch(showError);
