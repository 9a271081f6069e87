// The event page: the event, every mention with its evidence marked, and each reporting
// article with the evidence highlighted in place.
'use strict';
(async () => {
  const { esc, markEvidence, getJson, safeUrl, QUAD } = Parley;
  const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
  const back = sessionStorage.getItem('parley.desk');
  if (back) document.getElementById('back').href = back;
  const head = document.getElementById('event');
  let e;
  try { e = await getJson('/api/events/' + encodeURIComponent(id)); }
  catch (err) { head.innerHTML = `<p class="error">${esc(err.message)}</p>`; document.body.dataset.ready = '1'; return; }
  document.title = `Parley — ${e.source.name} → ${e.target.name}: ${e.cameo_name}`;
  const quad = QUAD[e.quad_class] ?? { name: '', color: '#999' };
  head.innerHTML = `
    <h2 class="event-title"><span class="actor">${esc(e.source.name)} <small>${esc(e.source.code)}</small></span>
      <span class="arrow" style="color:${quad.color}">→ ${esc(e.cameo_name)} →</span>
      <span class="actor">${esc(e.target.name)} <small>${esc(e.target.code)}</small></span></h2>
    <dl class="facts">
      <dt>Date</dt><dd id="event-date">${esc(e.date ?? 'unknown')} <small>(${esc(e.date_basis)})</small></dd>
      <dt>CAMEO</dt><dd id="event-cameo">${esc(e.cameo)} <small>root ${esc(e.cameo_root)}</small></dd>
      <dt>QuadClass</dt><dd><span class="quad q${e.quad_class}">${e.quad_class}</span> ${esc(quad.name)}</dd>
      <dt>Goldstein</dt><dd>${esc(e.goldstein)}</dd>
      <dt>PLOVER</dt><dd>${esc(e.plover)} ${esc(e.plover_mode)}</dd>
      <dt>Modality</dt><dd>${esc(e.modality)}</dd>
      <dt>Location</dt><dd>${esc(e.location ?? '—')}</dd>
      <dt>Confidence</dt><dd>${esc(e.confidence)}</dd>
      <dt>Reports</dt><dd>${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)</dd>
      <dt>Id</dt><dd><code>${esc(e.id)}</code> · <a href="/api/events/${encodeURIComponent(e.id)}">JSON</a></dd>
    </dl>`;
  document.getElementById('mention-count').textContent = `(${e.mentions.length})`;
  document.getElementById('mentions').innerHTML = e.mentions.map(m => {
    const url = safeUrl(m.url);
    return `<li class="mention">
      <div class="meta"><b>${esc(m.outlet ?? '')}</b> · ${url ? `<a href="${esc(url)}" rel="noopener noreferrer" target="_blank">${esc(m.headline ?? url)}</a>` : esc(m.headline ?? '')}
        · <time>${esc(m.published ?? '')}</time>${m.attribution ? ` · said by ${esc(m.attribution)}` : ''}</div>
      <blockquote class="sentence">${markEvidence(m.sentence, m.start, m.end)}</blockquote></li>`;
  }).join('');

  // Each article once, with every mention's sentence underlined and its evidence marked.
  const byArticle = new Map();
  for (const m of e.mentions) { if (!byArticle.has(m.article)) byArticle.set(m.article, []); byArticle.get(m.article).push(m); }
  const box = document.getElementById('articles');
  let first = true;
  for (const [articleId, mentions] of byArticle) {
    let a;
    try { a = await getJson('/api/articles/' + encodeURIComponent(articleId)); }
    catch (err) { box.insertAdjacentHTML('beforeend', `<p class="error">${esc(err.message)}</p>`); continue; }
    const body = a.body ?? '';
    const spans = [];
    let from = 0;
    for (const m of mentions) {
      // The sentence is an exact slice of the body; search from the last hit so that repeats map in order.
      let at = body.indexOf(m.sentence, from);
      if (at < 0) at = body.indexOf(m.sentence);
      if (at < 0) continue;
      spans.push({ s: at, e: at + m.sentence.length, ms: at + m.start, me: at + m.end });
      from = at + 1;
    }
    spans.sort((x, y) => x.s - y.s);
    let html = '', pos = 0;
    for (const sp of spans) {
      if (sp.s < pos) continue; // overlapping sentences: the first one wins
      html += esc(body.slice(pos, sp.s)) + '<span class="sentence-hit">' + esc(body.slice(sp.s, sp.ms)) +
        '<mark class="evidence">' + esc(body.slice(sp.ms, sp.me)) + '</mark>' + esc(body.slice(sp.me, sp.e)) + '</span>';
      pos = sp.e;
    }
    html += esc(body.slice(pos));
    const url = safeUrl(a.url);
    box.insertAdjacentHTML('beforeend', `<details class="article" ${first ? 'open' : ''} data-article="${esc(articleId)}">
      <summary><b>${esc(a.outlet ?? '')}</b> · ${esc(a.headline ?? articleId)} · <time>${esc(a.published ?? '')}</time></summary>
      <p class="meta">${esc(a.byline ?? '')}${a.dateline ? ' · ' + esc(a.dateline) : ''}${url ? ` · <a href="${esc(url)}" rel="noopener noreferrer" target="_blank">original</a>` : ''}</p>
      <div class="article-body">${html}</div></details>`);
    first = false;
  }
  document.querySelector('.article[open] .sentence-hit')?.scrollIntoView({ block: 'center' });
  window.scrollTo(0, 0);
  document.body.dataset.ready = '1';
})();
