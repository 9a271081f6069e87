// The analyst's desk: filters held in the address, and five panels that all show the
// selection they describe — dyad chart, timeline, actor network, article search, event table.
'use strict';
(() => {
  const { FILTERS, QUAD, QUAD_BY_NAME, esc, markEvidence, goldsteinColor, getJson } = Parley;
  const PAGE = 100;
  const form = document.getElementById('filters');
  const notice = document.getElementById('notice');
  const view = { chart: null, timeline: null, cy: null, events: [], points: [] };
  window.parley = view; // handles for tests and for the browser console

  // ---- state: the address is the only state ----
  const state = () => new URLSearchParams(location.search);
  function filterParams(p = state()) {
    const out = new URLSearchParams();
    for (const k of FILTERS) if (p.get(k)) out.set(k, p.get(k));
    return out;
  }
  function navigate(changes, { resetPage = true } = {}) {
    const p = state();
    for (const [k, v] of Object.entries(changes)) { if (v === null || v === undefined || v === '') p.delete(k); else p.set(k, v); }
    if (resetPage) p.delete('offset');
    history.pushState(null, '', p.toString() ? '?' + p : location.pathname);
    load();
  }
  window.addEventListener('popstate', load);

  function showNotice(msg) { notice.hidden = !msg; notice.textContent = msg ?? ''; }

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const changes = {};
    for (const k of FILTERS) changes[k] = form.elements[k].value.trim();
    navigate(changes);
  });
  document.getElementById('reset').onclick = () => { history.pushState(null, '', location.pathname); load(); };
  document.getElementById('copy-link').onclick = async () => {
    try { await navigator.clipboard.writeText(location.href); showNotice('Link copied: it reopens this exact view.'); }
    catch { showNotice(location.href); }
  };
  document.getElementById('bucket').onchange = ev => navigate({ bucket: ev.target.value }, { resetPage: false });
  document.getElementById('level').onchange = ev => navigate({ level: ev.target.value }, { resetPage: false });
  document.getElementById('prev').onclick = () => { const o = +(state().get('offset') ?? 0); navigate({ offset: Math.max(0, o - PAGE) || null }, { resetPage: false }); };
  document.getElementById('next').onclick = () => { const o = +(state().get('offset') ?? 0); navigate({ offset: o + PAGE }, { resetPage: false }); };
  for (const th of document.querySelectorAll('#events th[data-sort]')) {
    th.onclick = () => {
      const [key, dir] = (state().get('sort') ?? 'date:desc').split(':');
      const next = key === th.dataset.sort && dir === 'desc' ? 'asc' : 'desc';
      navigate({ sort: `${th.dataset.sort}:${next}` }, { resetPage: false });
    };
  }

  async function load() {
    document.body.dataset.ready = '0';
    const p = state();
    for (const k of FILTERS) form.elements[k].value = p.get(k) ?? '';
    document.getElementById('bucket').value = bucketOf(p);
    document.getElementById('level').value = p.get('level') ?? 'actor';
    sessionStorage.setItem('parley.desk', location.pathname + location.search);
    showNotice(null);
    const missing = ['echarts', 'cytoscape', 'vis'].filter(n => !window[n]);
    if (missing.length) showNotice(`Chart libraries not installed (${missing.join(', ')}): run 'npm ci' in web/ — ./parley does it. The table still works.`);
    const results = await Promise.allSettled([loadCounts(), loadTable(p), loadSeries(p), loadTimeline(p), loadNetwork(p), loadSearch(p)]);
    const failed = results.filter(r => r.status === 'rejected').map(r => r.reason?.message ?? String(r.reason));
    if (failed.length) showNotice([...new Set(failed)].join(' · '));
    document.body.dataset.ready = '1';
  }

  async function loadCounts() {
    const c = await getJson('/api/health');
    document.getElementById('counts').textContent = `${c.events} events · ${c.articles} articles · ${c.captures} captures`;
  }

  // ---- event table ----
  const sorters = {
    date: e => e.date ?? '', source: e => e.source.name, target: e => e.target.name, cameo: e => e.cameo,
    quad: e => e.quad_class, goldstein: e => e.goldstein, mentions: e => e.num_mentions,
  };
  async function loadTable(p) {
    const q = filterParams(p);
    const offset = +(p.get('offset') ?? 0);
    q.set('limit', PAGE); if (offset) q.set('offset', offset);
    const csv = filterParams(p); csv.set('format', 'csv');
    document.getElementById('csv').href = '/api/events?' + csv;
    const data = await getJson('/api/events?' + q);
    view.events = data.events;
    const [key, dir] = (p.get('sort') ?? 'date:desc').split(':');
    const get = sorters[key] ?? sorters.date;
    const rows = [...data.events].sort((a, b) => {
      const x = get(a), y = get(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (dir === 'asc' ? 1 : -1);
    });
    for (const th of document.querySelectorAll('#events th[data-sort]'))
      th.dataset.dir = th.dataset.sort === key ? dir : '';
    document.getElementById('rows').innerHTML = rows.map(e => {
      const m = e.mentions[0];
      const href = '/events/' + encodeURIComponent(e.id);
      return `<tr class="event-row" data-id="${esc(e.id)}" data-date="${esc(e.date ?? '')}" data-cameo="${esc(e.cameo)}"
                 data-source="${esc(e.source.code)}" data-target="${esc(e.target.code)}">
        <td class="nowrap">${esc(e.date ?? '?')}</td>
        <td>${esc(e.source.name)} <small>${esc(e.source.code)}</small></td>
        <td><a class="event-link" href="${href}">${esc(e.cameo)} ${esc(e.cameo_name)}</a><br><small>${esc(e.plover)} ${esc(e.plover_mode)}${e.modality !== 'asserted' ? ' · ' + esc(e.modality) : ''}</small></td>
        <td>${esc(e.target.name)} <small>${esc(e.target.code)}</small></td>
        <td><span class="quad q${e.quad_class}" title="${esc(QUAD[e.quad_class]?.name)}">${e.quad_class}</span></td>
        <td class="num" style="color:${goldsteinColor(e.goldstein)}">${esc(e.goldstein)}</td>
        <td class="num">${e.num_mentions}</td>
        <td class="evidence-cell">${m ? markEvidence(m.sentence, m.start, m.end) : ''}</td></tr>`;
    }).join('') || '<tr><td colspan="8" class="hint">No events match these filters.</td></tr>';
    for (const tr of document.querySelectorAll('#rows tr.event-row'))
      tr.addEventListener('click', ev => { if (!ev.target.closest('a')) location.href = '/events/' + encodeURIComponent(tr.dataset.id); });
    const shown = data.events.length;
    document.getElementById('table-count').textContent =
      shown ? `${offset + 1}–${offset + shown} of ${data.total}` : `0 of ${data.total}`;
    document.getElementById('prev').disabled = offset === 0;
    document.getElementById('next').disabled = offset + shown >= data.total;
  }

  // The bucket asked for, else one that fits the range: days for a season, weeks for two years, else months.
  function bucketOf(p) {
    if (p.get('bucket')) return p.get('bucket');
    const from = p.get('from'), to = p.get('to');
    if (!from || !to) return 'month';
    const days = (Date.parse(to) - Date.parse(from)) / 864e5;
    return days <= 120 ? 'day' : days <= 730 ? 'week' : 'month';
  }

  // ---- dyad chart: QuadClass stacks and the Goldstein line; brushing a range filters everything ----
  function bucketEnd(start, bucket) {
    const d = new Date(start + 'T00:00:00Z');
    if (bucket === 'month') { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 6);
    return d.toISOString().slice(0, 10);
  }
  async function loadSeries(p) {
    const q = filterParams(p);
    const bucket = bucketOf(p);
    q.set('bucket', bucket);
    const data = await getJson('/api/series?' + q);
    const pts = data.points;
    view.points = pts;
    const el = document.getElementById('chart');
    if (!window.echarts) { el.innerHTML = '<p class="hint">ECharts is not installed.</p>'; return; }
    if (!view.chart) {
      // SVG output keeps the drawing in the page, where a test or a screen reader can see it.
      view.chart = echarts.init(el, null, { renderer: 'svg' });
      window.addEventListener('resize', () => view.chart.resize());
      view.chart.on('brushEnd', ev => {
        const range = ev.areas?.[0]?.coordRange;
        if (!range || !view.points.length) return;
        const a = view.points[Math.max(0, range[0])], b = view.points[Math.min(view.points.length - 1, range[1])];
        navigate({ from: a.start, to: bucketEnd(b.start, bucketOf(state())) });
      });
    }
    const bars = [1, 2, 3, 4].map(k => ({
      name: QUAD[k].name, type: 'bar', stack: 'quad', barMaxWidth: 48, itemStyle: { color: QUAD[k].color }, emphasis: { focus: 'series' },
      data: pts.map(pt => [pt.verbal_cooperation, pt.material_cooperation, pt.verbal_conflict, pt.material_conflict][k - 1]),
    }));
    view.chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, selected: { 'events per 100 articles': false } },
      grid: { left: 48, right: 56, top: 36, bottom: 56 },
      toolbox: { right: 8, feature: { brush: { type: ['lineX', 'clear'], title: { lineX: 'select a range', clear: 'clear' } } } },
      brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', throttleDelay: 200 },
      xAxis: { type: 'category', data: pts.map(pt => pt.start), axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', name: 'events', minInterval: 1 }, { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } }],
      dataZoom: pts.length > 60 ? [{ type: 'slider', bottom: 8, height: 18 }] : [],
      series: [...bars,
        { name: 'mean Goldstein', type: 'line', yAxisIndex: 1, connectNulls: false, symbolSize: 6, itemStyle: { color: '#2b5797' },
          data: pts.map(pt => pt.goldstein_mean) },
        { name: 'events per 100 articles', type: 'line', yAxisIndex: 0, symbol: 'none', lineStyle: { type: 'dashed' }, itemStyle: { color: '#888' },
          data: pts.map(pt => pt.events_per_hundred_articles) }],
    }, { notMerge: true });
    // Drag-to-select is on from the start: no toolbox click needed.
    view.chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    if (!pts.length) view.chart.setOption({ title: { text: 'No dated events for these filters', left: 'center', top: 'middle', textStyle: { color: '#888', fontSize: 14 } } });
  }

  // ---- timeline ----
  async function loadTimeline(p) {
    const q = filterParams(p);
    q.set('limit', 1000);
    const data = await getJson('/api/timeline?' + q);
    document.getElementById('timeline-count').textContent =
      data.items.length < data.total ? `${data.items.length} of ${data.total} events` : `${data.total} events`;
    const el = document.getElementById('timeline');
    if (!window.vis) { el.innerHTML = '<p class="hint">vis-timeline is not installed.</p>'; return; }
    const items = data.items.map(i => {
      const quad = QUAD_BY_NAME[i.quad] ?? 1;
      return {
        id: i.event_id, start: i.date, className: 'q' + quad,
        content: `${esc(i.source.name)} → ${esc(i.target.name)} <small>${esc(i.cameo)}</small>`,
        title: `${esc(i.date)}: ${esc(i.source.name)} (${esc(i.source.code)}) → ${esc(i.target.name)} (${esc(i.target.code)}) — ${esc(i.cameo)} ${esc(i.cameo_name)}; Goldstein ${esc(i.goldstein)}; ${esc(i.headline ?? '')}`,
      };
    });
    if (!view.timeline) {
      view.timeline = new vis.Timeline(el, new vis.DataSet(items), {
        stack: true, maxHeight: 340, minHeight: 160, zoomKey: 'ctrlKey', orientation: 'top', tooltip: { followMouse: true },
        margin: { item: 4 },
      });
      view.timeline.on('select', sel => { if (sel.items.length) location.href = '/events/' + encodeURIComponent(sel.items[0]); });
    } else {
      view.timeline.setItems(new vis.DataSet(items));
    }
    // The window spans the filter's range, else the events with a margin: fit() on events of one
    // day would zoom to milliseconds.
    const day = 864e5;
    const times = items.map(i => Date.parse(i.start));
    let start = p.get('from') ? Date.parse(p.get('from')) : Math.min(...times);
    let end = p.get('to') ? Date.parse(p.get('to')) + day : Math.max(...times) + day;
    if (items.length || (p.get('from') && p.get('to'))) {
      const pad = Math.max((end - start) * 0.04, 3 * day);
      view.timeline.setWindow(start - pad, end + pad, { animation: false });
    }
  }

  // ---- actor network ----
  async function loadNetwork(p) {
    const q = filterParams(p);
    const level = p.get('level') ?? 'actor';
    q.set('level', level); q.set('max_edges', 150);
    const net = await getJson('/api/network?' + q);
    const el = document.getElementById('network');
    if (!window.cytoscape) { el.innerHTML = '<p class="hint">Cytoscape.js is not installed.</p>'; return; }
    const maxNode = Math.max(1, ...net.nodes.map(n => n.events)), maxEdge = Math.max(1, ...net.edges.map(e => e.events));
    const elements = [
      ...net.nodes.map(n => ({ data: { id: n.id, label: n.label, events: n.events, size: 18 + 42 * Math.sqrt(n.events / maxNode) } })),
      ...net.edges.map((e, i) => ({ data: {
        id: 'e' + i, source: e.source, target: e.target, events: e.events, goldstein: e.goldstein_mean,
        width: 1 + 9 * Math.sqrt(e.events / maxEdge), color: goldsteinColor(e.goldstein_mean),
        label: `${e.events}`,
      } })),
    ];
    if (view.cy) view.cy.destroy();
    view.cy = cytoscape({
      container: el, elements, wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: { 'label': 'data(label)', 'width': 'data(size)', 'height': 'data(size)', 'background-color': '#2b5797',
          'color': '#222', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3 } },
        { selector: 'edge', style: { 'width': 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 9, 'color': '#555',
          'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1 } },
      ],
      layout: { name: net.nodes.length > 2 ? 'cose' : 'circle', animate: false, padding: 24 },
    });
    view.cy.on('tap', 'node', ev => {
      const id = ev.target.id();
      if (level === 'country') navigate({ country: id });
      else navigate({ actor: level === 'name' ? id.slice(0, id.lastIndexOf('|')) : id });
    });
    if (!net.nodes.length) el.insertAdjacentHTML('beforeend', '<p class="hint overlay">No actors for these filters.</p>');
  }

  // ---- full-text article search ----
  async function loadSearch(p) {
    const panel = document.getElementById('search-panel');
    const text = p.get('q');
    panel.hidden = !text;
    document.getElementById('network-panel').classList.toggle('wide', !text);
    if (!text) return;
    const r = await getJson('/api/search?limit=20&q=' + encodeURIComponent(text));
    document.getElementById('search-count').textContent = `${r.total} article(s)`;
    document.getElementById('search-hits').innerHTML = r.hits.map(h => {
      let html = '', pos = 0;
      for (const s of h.highlights) { html += esc(h.snippet.slice(pos, s.start)) + '<mark>' + esc(h.snippet.slice(s.start, s.end)) + '</mark>'; pos = s.end; }
      html += esc(h.snippet.slice(pos));
      return `<li><b>${esc(h.outlet ?? '')}</b> · ${esc(h.headline ?? h.id)} · <time>${esc((h.published ?? '').slice(0, 10))}</time>
        · ${h.events} event(s)<div class="snippet">${html}</div></li>`;
    }).join('') || '<li class="hint">No article contains these words.</li>';
  }

  load();
})();
