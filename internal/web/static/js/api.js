// Fetching from the sitrep JSON API, and the filter state kept in the URL.

// FILTERS are the query parameters the API's event filters take, in the
// order they appear in URLs.
export const FILTERS = ['from', 'to', 'actor', 'country', 'root', 'quad', 'plover', 'modality', 'min_confidence', 'background', 'bbox', 'q'];

// readFilters returns the filters in a URLSearchParams as a plain object
// holding only the non-empty ones.
export function readFilters(params) {
  const f = {};
  for (const k of FILTERS) {
    const v = (params.get(k) || '').trim();
    if (v !== '') f[k] = v;
  }
  return f;
}

// query builds a query string from objects of parameters, skipping empty values.
export function query(...objs) {
  const p = new URLSearchParams();
  for (const o of objs) {
    for (const [k, v] of Object.entries(o)) {
      if (v !== undefined && v !== null && v !== '') p.set(k, v);
    }
  }
  return p.toString();
}

// APIError carries the API's own explanation of a failed request.
export class APIError extends Error {}

// get fetches path (relative to the page) with params and decodes the JSON
// answer. A non-2xx answer throws an APIError with the server's message.
export async function get(path, ...params) {
  const qs = query(...params);
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' } });
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json();
      // The error names the parameter at fault ("from: ... is not a date").
      if (body && body.error) msg = body.error;
    } catch (_) { /* not JSON: keep the status line */ }
    throw new APIError(`${path}: ${msg}`);
  }
  return res.json();
}
