// The world map: Natural Earth country outlines (world-atlas TopoJSON)
// drawn as a vector layer, so no tile server is needed, and event markers
// clustered by leaflet.markercluster and coloured by QuadClass.
/* global L, topojson */

import { quadName, cameoName } from './codes.js';

export class EventMap {
  // el is the map's container; onSelect(id) is called when a marker is
  // clicked or activated with the keyboard.
  constructor(el, onSelect) {
    this.onSelect = onSelect;
    this.markers = new Map();
    this.map = L.map(el, {
      worldCopyJump: true,
      minZoom: 1,
      // Country outlines are all there is to see: deeper zooms show nothing.
      maxZoom: 8,
      zoomSnap: 0.5,
      attributionControl: true,
    }).setView([25, 10], 2);
    this.map.attributionControl.setPrefix('');
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      // Animated cluster splits race with clearLayers when the filters
      // change mid-zoom (markercluster then throws); without them the map
      // stays consistent.
      animate: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    this.cluster.addTo(this.map);
    this.ready = this.loadOutlines();
  }

  async loadOutlines() {
    const res = await fetch('vendor/world-atlas/countries-50m.json');
    if (!res.ok) throw new Error(`country outlines: ${res.status}`);
    const topo = await res.json();
    const land = topojson.feature(topo, topo.objects.countries);
    // Antarctica reaches the pole, which Web Mercator cannot draw: its
    // outline would run along the map's edge.
    land.features = land.features.filter((f) => f.properties.name !== 'Antarctica');
    for (const f of land.features) unwrap(f.geometry);
    L.geoJSON(land, {
      interactive: false,
      style: { color: '#a39e8f', weight: 0.6, fillColor: '#efece4', fillOpacity: 1 },
      attribution: 'Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
    }).addTo(this.map).bringToBack();
  }

  // show replaces the markers with events (those with a location) and
  // fits the view to them. It returns how many events were placed.
  show(events) {
    this.map.stop();
    this.cluster.clearLayers();
    this.markers.clear();
    const layers = [];
    for (const ev of events) {
      const loc = ev.location;
      if (!loc || !Number.isFinite(loc.lat) || !Number.isFinite(loc.lon)) continue;
      const label = `${ev.cameo} ${cameoName(ev.cameo)} — ${loc.name || loc.country} (${ev.date})`;
      const m = L.marker([loc.lat, loc.lon], {
        icon: L.divIcon({
          className: `ev-marker q${ev.quad_class}`,
          html: '<span class="dot"></span>',
          iconSize: [14, 14],
        }),
        title: label,
        alt: label,
        keyboard: true,
        quad: ev.quad_class,
        eventId: ev.id,
      });
      m.on('click', () => this.onSelect(ev.id));
      m.on('add', () => {
        const icon = m.getElement();
        if (icon) {
          icon.dataset.test = 'event-marker';
          icon.dataset.eventId = ev.id;
          icon.setAttribute('role', 'button');
          icon.setAttribute('aria-label', label);
        }
      });
      this.markers.set(ev.id, m);
      layers.push(m);
    }
    this.cluster.addLayers(layers);
    if (layers.length) {
      const b = L.latLngBounds(layers.map((m) => m.getLatLng()));
      this.map.fitBounds(b.pad(0.3), { maxZoom: 5, animate: false });
    }
    return layers.length;
  }

  // select marks the event's marker, showing it if it sits in a cluster.
  select(id) {
    for (const el of this.map.getContainer().querySelectorAll('.ev-marker.selected')) {
      el.classList.remove('selected');
    }
    const m = this.markers.get(id);
    if (!m) return;
    this.cluster.zoomToShowLayer(m, () => m.getElement()?.classList.add('selected'));
  }

  // bbox returns the visible area as "minLon,minLat,maxLon,maxLat".
  bbox() {
    const b = this.map.getBounds();
    const c = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
    return [c(b.getWest(), 180), c(b.getSouth(), 90), c(b.getEast(), 180), c(b.getNorth(), 90)].join(',');
  }

  resize() {
    this.map.invalidateSize();
  }
}

// unwrap makes rings that cross the antimeridian (Russia, Fiji)
// continuous by moving their western-hemisphere points 360° east;
// otherwise each crossing is drawn as a line across the whole map.
function unwrap(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  for (const poly of polys) {
    for (const ring of poly) {
      if (!ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) continue;
      for (const p of ring) if (p[0] < 0) p[0] += 360;
    }
  }
}

// clusterIcon draws a cluster as a ring split by the QuadClass shares of
// its events, with the count in the middle.
function clusterIcon(cluster) {
  const counts = [0, 0, 0, 0];
  const children = cluster.getAllChildMarkers();
  for (const m of children) {
    const q = m.options.quad;
    if (q >= 1 && q <= 4) counts[q - 1]++;
  }
  const n = children.length;
  let acc = 0;
  const stops = [];
  counts.forEach((c, i) => {
    if (!c) return;
    const from = (acc / n) * 360;
    acc += c;
    stops.push(`var(--q${i + 1}) ${from}deg ${(acc / n) * 360}deg`);
  });
  const size = n < 10 ? 30 : n < 100 ? 36 : 44;
  const parts = counts.map((c, i) => (c ? `${c} ${quadName(i + 1).toLowerCase()}` : '')).filter(Boolean).join(', ');
  const div = document.createElement('div');
  div.style.background = `conic-gradient(${stops.join(', ') || '#999 0deg 360deg'})`;
  div.title = `${n} events: ${parts}`;
  const span = document.createElement('span');
  span.textContent = n;
  div.append(span);
  return L.divIcon({ html: div, className: 'ev-cluster', iconSize: [size, size] });
}
