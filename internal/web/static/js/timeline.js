// The timeline: events per day, week or month as bars stacked by
// QuadClass (uPlot), with a drag-to-select brush that sets a date range.
/* global uPlot */

import { quadName } from './codes.js';

const DAY = 86400;

// pickInterval chooses the bucket size for a date range so that the chart
// has tens to a few hundred bars.
export function pickInterval(first, last) {
  if (!first || !last) return 'month';
  const days = (Date.parse(last) - Date.parse(first)) / 864e5;
  if (days <= 92) return 'day';
  if (days <= 548) return 'week';
  return 'month';
}

// coreRange returns the dates spanned by buckets (in time order) once the
// earliest and latest ones holding at most frac of the events together
// on each side are left out, with the number left out. A few misread
// dates (a year 1354 or 2033) would otherwise stretch the axis over
// centuries and squash the real bars into one.
export function coreRange(buckets, interval, frac) {
  const total = buckets.reduce((a, b) => a + b.count, 0);
  if (!total) return null;
  const cut = Math.floor(total * frac);
  let i = 0, lo = 0;
  while (i < buckets.length - 1 && lo + buckets[i].count <= cut) lo += buckets[i++].count;
  let j = buckets.length - 1, hi = 0;
  while (j > i && hi + buckets[j].count <= cut) hi += buckets[j--].count;
  const end = next(toSec(buckets[j].start), interval) - DAY;
  return { from: buckets[i].start, to: toYMD(end), outside: lo + hi };
}

const toSec = (ymd) => Date.parse(`${ymd}T00:00:00Z`) / 1000;
const toYMD = (sec) => new Date(sec * 1000).toISOString().slice(0, 10);

// next returns the start of the bucket after the one starting at sec.
function next(sec, interval) {
  if (interval === 'day') return sec + DAY;
  if (interval === 'week') return sec + 7 * DAY;
  const d = new Date(sec * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
}

// fill turns the API's buckets (only non-empty ones) into columns with
// every bucket between the first and the last, so gaps show as gaps.
export function fill(buckets, interval) {
  const xs = [], quads = [[], [], [], []];
  if (!buckets.length) return { xs, quads };
  const byStart = new Map(buckets.map((b) => [toSec(b.start), b]));
  const last = toSec(buckets[buckets.length - 1].start);
  // Guard against a malformed answer producing an endless loop.
  for (let x = toSec(buckets[0].start), n = 0; x <= last && n < 20000; x = next(x, interval), n++) {
    const b = byStart.get(x);
    xs.push(x);
    for (let q = 0; q < 4; q++) quads[q].push(b ? b.by_quad[q] || 0 : 0);
  }
  return { xs, quads };
}

const MIN_BARS = 12;

function xRange(xs, step) {
  if (!xs.length) return [0, step];
  const lo = xs[0], hi = xs[xs.length - 1] + step;
  const pad = Math.max(0, (MIN_BARS * step - (hi - lo)) / 2);
  return [lo - pad, hi + pad];
}

const compact = (v) => (v >= 1e6 ? `${v / 1e6}M` : v >= 1e4 ? `${v / 1e3}k` : v.toLocaleString('en'));

export class Timeline {
  // onBrush(from, to) receives the dates (YYYY-MM-DD, inclusive) of the
  // buckets under a drag selection.
  constructor(el, readout, onBrush) {
    this.el = el;
    this.readout = readout;
    this.onBrush = onBrush;
    this.plot = null;
    this.cols = null;
  }

  draw(buckets, interval) {
    this.interval = interval;
    this.cols = fill(buckets, interval);
    const { xs, quads } = this.cols;
    // Stacked bars: series k holds the sum of QuadClasses 1..k and is
    // drawn in front of the taller sums, so each band shows its class.
    const sums = [];
    for (let k = 4; k >= 1; k--) {
      sums.push(xs.map((_, i) => quads.slice(0, k).reduce((a, q) => a + q[i], 0)));
    }
    const total = sums[0];
    const step = xs.length > 1 ? xs[1] - xs[0] : (interval === 'day' ? DAY : interval === 'week' ? 7 * DAY : 30 * DAY);
    const css = getComputedStyle(document.documentElement);
    const bars = uPlot.paths.bars({ size: [0.85, 40], align: 1 });
    const series = [{}];
    for (let k = 4; k >= 1; k--) {
      const color = css.getPropertyValue(`--q${k}`).trim();
      series.push({ label: quadName(k), fill: color, stroke: color, width: 0, paths: bars, points: { show: false } });
    }
    const opts = {
      width: Math.max(300, this.el.clientWidth),
      height: 180,
      legend: { show: false },
      scales: {
        // At least MIN_BARS bar widths wide, so a few bars stay bars.
        x: { time: true, range: () => xRange(xs, step) },
        y: { range: (u, min, max) => [0, Math.max(1, Math.ceil(max * 1.08))] },
      },
      axes: [
        { stroke: '#5b6570', grid: { show: false }, ticks: { stroke: '#d5dae0' } },
        {
          stroke: '#5b6570', size: 48, grid: { stroke: '#eceff2' },
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6],
          values: (u, splits) => splits.map(compact),
        },
      ],
      series,
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      hooks: {
        setSelect: [(u) => this.brushed(u)],
        setCursor: [(u) => this.hover(u.cursor.idx)],
      },
    };
    if (this.plot) this.plot.destroy();
    this.el.textContent = '';
    this.plot = new uPlot(opts, [xs, ...sums], this.el);
    this.el.dataset.buckets = String(xs.length);
    this.el.dataset.events = String(total.reduce((a, b) => a + b, 0));
    this.hover(null);
  }

  hover(idx) {
    if (!this.cols || idx == null || idx < 0 || idx >= this.cols.xs.length) {
      this.readout.textContent = this.cols && this.cols.xs.length
        ? `${this.cols.xs.length} ${this.interval}${this.cols.xs.length === 1 ? '' : 's'} from ${toYMD(this.cols.xs[0])}`
        : 'No dated events.';
      return;
    }
    const q = this.cols.quads.map((col) => col[idx]);
    const n = q.reduce((a, b) => a + b, 0);
    const parts = q.map((c, i) => `${quadName(i + 1).toLowerCase()} ${c}`).join(', ');
    this.readout.textContent = `${this.label(this.cols.xs[idx])}: ${n} event${n === 1 ? '' : 's'} (${parts})`;
  }

  label(sec) {
    const d = toYMD(sec);
    if (this.interval === 'month') return d.slice(0, 7);
    if (this.interval === 'week') return `week of ${d}`;
    return d;
  }

  brushed(u) {
    const sel = u.select;
    if (!sel || sel.width < 2) return;
    const x0 = u.posToVal(sel.left, 'x'), x1 = u.posToVal(sel.left + sel.width, 'x');
    u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    const { xs } = this.cols;
    // A bucket is chosen when the selection covers any part of its bar.
    const hit = xs.filter((x) => next(x, this.interval) > x0 && x < x1);
    if (!hit.length) return;
    const to = next(hit[hit.length - 1], this.interval) - DAY;
    this.onBrush(toYMD(hit[0]), toYMD(to));
  }

  resize() {
    if (this.plot) this.plot.setSize({ width: Math.max(300, this.el.clientWidth), height: 180 });
  }
}
