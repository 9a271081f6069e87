// Shared helpers of the desk and the event page. Everything that comes from the API is
// escaped before it reaches innerHTML.
'use strict';
const Parley = (() => {
  const FILTERS = ['dyad', 'actor', 'country', 'cameo', 'quad', 'plover', 'from', 'to', 'outlet', 'q', 'modality'];
  const QUAD = {
    1: { name: 'verbal cooperation', color: '#6cc08b' },
    2: { name: 'material cooperation', color: '#1f7a3f' },
    3: { name: 'verbal conflict', color: '#f0a35e' },
    4: { name: 'material conflict', color: '#c0392b' },
  };
  const QUAD_BY_NAME = { verbal_cooperation: 1, material_cooperation: 2, verbal_conflict: 3, material_conflict: 4 };

  function esc(s) {
    return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // The sentence with its evidence span [start, end) in a <mark>.
  function markEvidence(sentence, start, end) {
    const s = sentence ?? '';
    const a = Math.max(0, Math.min(start, s.length)), b = Math.max(a, Math.min(end, s.length));
    return esc(s.slice(0, a)) + '<mark class="evidence">' + esc(s.slice(a, b)) + '</mark>' + esc(s.slice(b));
  }

  // Goldstein -10..10 to a colour from red through grey to green.
  function goldsteinColor(g) {
    const t = Math.max(-1, Math.min(1, (g ?? 0) / 6));
    const grey = [150, 150, 150], green = [31, 122, 63], red = [192, 57, 43];
    const to = t >= 0 ? green : red, k = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * k));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new Error(body?.detail ? `${body.code ?? r.status}: ${body.detail}` : `HTTP ${r.status}`);
    return body;
  }

  function safeUrl(u) {
    try { const x = new URL(u); return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null; } catch { return null; }
  }

  return { FILTERS, QUAD, QUAD_BY_NAME, esc, markEvidence, goldsteinColor, getJson, safeUrl };
})();
