// The event card: the sentence an event was coded from, with its source
// actor, trigger, target and place highlighted, and every code and reason.

import { h } from './dom.js';
import { render } from './spans.js';
import { cameoName, quadName, dateReason, placeReason } from './codes.js';

// actorLine describes an event actor: code, text as written and name.
export function actorLine(a) {
  if (!a) return h('span', { className: 'muted' }, 'none (one-sided event)');
  return h('span', {},
    h('span', { className: 'mono' }, a.actor || '—'), ' ',
    a.text ? `“${a.text}”` : '',
    a.name && a.name !== a.text ? h('span', { className: 'muted' }, ` (${a.name})`) : '');
}

// sentence renders the evidence sentence with the event's spans marked.
// place is the article's place mention the location came from, or null.
export function sentence(ev, place) {
  const e = ev.evidence;
  const spans = [];
  const add = (span, role, title) => {
    if (span && span.end > span.start && span.start >= e.start && span.end <= e.end) {
      spans.push({ start: span.start, end: span.end, className: `hl-${role}`, title, data: { hl: role } });
    }
  };
  add(ev.source, 'source', `source actor ${ev.source.actor || ''}`.trim());
  add(e.trigger, 'trigger', `event ${ev.cameo}`);
  add(ev.target, 'target', ev.target ? `target actor ${ev.target.actor || ''}`.trim() : '');
  if (place) add(place, 'place', `place ${ev.location.name}`);
  return h('blockquote', { className: `evidence q${ev.quad_class}`, 'data-test': 'evidence' },
    render(e.sentence, e.start, spans));
}

// placeMention returns the mention of the event's location to mark in its
// sentence: the place mention the location came from when it lies in the
// sentence, else a mention in the sentence of the same place (a location
// chosen as the article's focus is often also named in the sentence).
export function placeMention(ev, article) {
  const loc = ev.location;
  if (!article || !loc) return null;
  const places = article.places || [];
  const e = ev.evidence;
  const inside = (p) => p && p.start >= e.start && p.end <= e.end;
  if (loc.place >= 0 && inside(places[loc.place])) return places[loc.place];
  return places.find((p) => inside(p) && p.name === loc.name && p.country === loc.country) || null;
}

// card fills el with the event (an API event with its article) and
// returns the heading to focus. openArticle(id) opens the article view.
export function fillCard(el, ev, article, openArticle) {
  const place = placeMention(ev, article);
  const art = ev.article || (article && article.article) || { id: ev.article_id };
  const loc = ev.location;
  const heading = h('h2', { id: 'card-h', tabIndex: -1 },
    h('span', { className: `code-badge q${ev.quad_class}` }, ev.cameo), cameoName(ev.cameo) || 'Event');
  const facts = h('dl', { className: 'facts', 'data-test': 'event-facts' },
    h('dt', {}, 'Source'), h('dd', {}, actorLine(ev.source)),
    h('dt', {}, 'Target'), h('dd', {}, actorLine(ev.target)),
    h('dt', {}, 'CAMEO'), h('dd', {}, h('span', { className: 'mono' }, ev.cameo), ` ${cameoName(ev.cameo)}`,
      h('span', { className: 'reason' }, ` · root ${ev.root} ${cameoName(ev.root)}`)),
    h('dt', {}, 'QuadClass'), h('dd', {}, h('span', { className: `swatch q${ev.quad_class}` }), ` ${ev.quad_class} ${quadName(ev.quad_class)}`),
    h('dt', {}, 'Goldstein'), h('dd', {}, Number(ev.goldstein).toFixed(1)),
    h('dt', {}, 'PLOVER'), h('dd', {}, ev.plover || h('span', { className: 'muted' }, 'none for this root')),
    h('dt', {}, 'Modality'), h('dd', {}, h('span', { className: `modality ${ev.modality}` }, ev.modality)),
    h('dt', {}, 'Confidence'), h('dd', { 'data-test': 'event-confidence' }, (Number(ev.confidence) || 0).toFixed(2),
      h('span', { className: 'reason' }, ' · the coder’s probability that the event is right')),
    h('dt', {}, 'Date'), h('dd', { 'data-test': 'event-date' }, ev.date || '—',
      ev.date_precision && ev.date_precision !== 'day' ? ` (${ev.date_precision})` : '',
      h('span', { className: 'reason' }, ` · from ${dateReason(ev.date_reason)}`)),
    h('dt', {}, 'Location'), h('dd', { 'data-test': 'event-location' }, loc
      ? [`${loc.name}${loc.country ? `, ${loc.country}` : ''} `,
        h('span', { className: 'mono muted' }, `${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)}`),
        h('span', { className: 'reason' }, ` · from ${placeReason(loc.reason)}`)]
      : h('span', { className: 'muted' }, 'not known')),
    h('dt', {}, 'Article'), h('dd', {}, art.title || art.id,
      art.published ? h('span', { className: 'reason' }, ` · ${art.published}`) : '',
      art.source ? h('span', { className: 'reason' }, ` · ${art.source}`) : ''),
    ev.pattern ? [h('dt', {}, 'Pattern'), h('dd', { className: 'mono muted' }, ev.pattern)] : []);
  const legend = h('p', { className: 'hl-legend', 'aria-label': 'Highlight colours' },
    h('mark', { className: 'hl-source' }, 'source'), h('mark', { className: 'hl-trigger' }, 'event verb'),
    h('mark', { className: 'hl-target' }, 'target'), h('mark', { className: 'hl-place' }, 'place'));
  const links = h('p', { className: 'links' },
    h('button', { type: 'button', id: 'open-article', 'data-test': 'open-article', onclick: () => openArticle(art.id) }, 'Open the article'),
    art.url ? h('a', { href: art.url, rel: 'noopener noreferrer', target: '_blank' }, 'Original source ↗') : '');
  el.replaceChildren(heading, h('p', { className: 'quad-label' }, h('span', { className: `swatch q${ev.quad_class}` }), quadName(ev.quad_class)),
    sentence(ev, place), legend, facts, links);
  el.dataset.eventId = ev.id;
  return heading;
}
