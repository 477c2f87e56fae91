// annals web UI: a small single-page app in plain JavaScript (no framework, no
// build step, no CDN). Plain JS was chosen over a charting library because the
// only chart is a bar timeline with a brush, ~120 lines of SVG code here, and
// everything ships inside the annals binary. Routes live in the URL hash:
//   #/?q=...&from=...&to=...&offset=N   search page (results, timeline, facets)
//   #/article/ID                        one article with its facts highlighted
//   #/entity/TYPE/NAME                  a person (or org/place) page
//   #/incidents?...                     victim counts, sortable and filterable
//   #/quotes?...                        who said what
'use strict';

const $main = document.getElementById('main');
const $q = document.getElementById('q');
const PAGE = 20;

// ---- small helpers ----
function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}
// A quote's words: direct quotes and fragments in quotation marks, indirect
// speech (a paraphrase, not the speaker's words) without them, in italics.
function quoted(q, text) {
  return q.kind === 'indirect' ? `<span class="indirect">${esc(text)}</span>` : `“${esc(text)}”`;
}
function h(html) { const t = document.createElement('template'); t.innerHTML = html.trim(); return t.content; }
function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  return u.toString();
}
function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '')};
}
function go(path, params) { const s = params ? qs(params) : ''; location.hash = '#' + path + (s ? '?' + s : ''); }
function quoteTerm(s) { return /^[\w.-]+$/.test(s) ? s : '"' + s.replace(/"/g, '') + '"'; }
function entityLink(name, type) {
  return `<a href="#/entity/${encodeURIComponent(type || 'PERSON')}/${encodeURIComponent(name)}">${esc(name)}</a>`;
}
function articleLink(id, title) { return `<a href="#/article/${encodeURIComponent(id)}">${esc(title || id)}</a>`; }

class ApiError extends Error {
  constructor(status, body) { super(body?.error?.message || ('HTTP ' + status)); this.status = status; this.body = body; }
}
async function api(path, params) {
  const url = '/api/' + path + (params ? '?' + qs(params) : '');
  const res = await fetch(url, {headers: {'Accept': 'application/json'}});
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}
function showError(where, err, query) {
  let html = `<div class="error" role="alert"><strong>Error:</strong> ${esc(err.message)}`;
  const pos = err.body?.error?.position;
  if (query && Number.isInteger(pos)) {
    html += `<br><code>${esc(query.slice(0, pos))}<mark>${esc(query.slice(pos, pos + 1) || ' ')}</mark>${esc(query.slice(pos + 1))}</code>`;
  }
  where.replaceChildren(h(html + '</div>'));
}

// ---- the timeline chart: SVG bars, drag to brush a date range ----
// buckets: [{period:"1990-01", count:N}], onBrush(fromPeriod, toPeriod).
function timelineChart(buckets, label, onBrush) {
  const W = 1000, H = 140, pad = 18;
  const svgNS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  if (!buckets.length) return svg;
  const max = Math.max(...buckets.map(b => b.count));
  const bw = (W - 2 * pad) / buckets.length;
  buckets.forEach((b, i) => {
    const bh = max ? (H - 2 * pad) * b.count / max : 0;
    const r = document.createElementNS(svgNS, 'rect');
    r.setAttribute('class', 'bar');
    r.setAttribute('x', pad + i * bw + 0.5);
    r.setAttribute('y', H - pad - bh);
    r.setAttribute('width', Math.max(1, bw - 1));
    r.setAttribute('height', Math.max(0, bh));
    const t = document.createElementNS(svgNS, 'title');
    t.textContent = `${b.period}: ${b.count}`;
    r.appendChild(t);
    svg.appendChild(r);
  });
  for (const i of [0, buckets.length - 1]) {
    const t = document.createElementNS(svgNS, 'text');
    t.setAttribute('x', i === 0 ? pad : W - pad);
    t.setAttribute('y', H - 4);
    t.setAttribute('text-anchor', i === 0 ? 'start' : 'end');
    t.textContent = buckets[i].period;
    svg.appendChild(t);
  }
  const brush = document.createElementNS(svgNS, 'rect');
  brush.setAttribute('class', 'brush');
  brush.setAttribute('y', pad / 2);
  brush.setAttribute('height', H - pad * 1.5);
  brush.setAttribute('width', 0);
  svg.appendChild(brush);
  const index = ev => {
    const box = svg.getBoundingClientRect();
    const x = (ev.clientX - box.left) * W / box.width;
    return Math.min(buckets.length - 1, Math.max(0, Math.floor((x - pad) / bw)));
  };
  let start = null;
  svg.addEventListener('pointerdown', ev => { start = index(ev); svg.setPointerCapture(ev.pointerId); draw(start, start); });
  svg.addEventListener('pointermove', ev => { if (start !== null) draw(start, index(ev)); });
  svg.addEventListener('pointerup', ev => {
    if (start === null) return;
    const a = Math.min(start, index(ev)), b = Math.max(start, index(ev));
    start = null;
    onBrush(buckets[a].period, buckets[b].period);
  });
  function draw(a, b) {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    brush.setAttribute('x', pad + lo * bw);
    brush.setAttribute('width', (hi - lo + 1) * bw);
  }
  return svg;
}

// The bucket size that keeps a range readable.
function periodFor(from, to) { return 'month'; }
// "1990-01" -> first and last day of the period, for date: filters.
function periodStart(p) { return p.length === 4 ? p + '-01-01' : p.length === 7 ? p + '-01' : p; }
function periodEnd(p) {
  if (p.length === 4) return p + '-12-31';
  if (p.length === 7) { const [y, m] = p.split('-').map(Number); const d = new Date(Date.UTC(y, m, 0)).getUTCDate(); return p + '-' + String(d).padStart(2, '0'); }
  return p;
}

// ---- search page ----
async function searchPage(params) {
  const q = params.get('q') || '';
  const from = params.get('from') || '', to = params.get('to') || '';
  const offset = parseInt(params.get('offset') || '0', 10) || 0;
  $q.value = q;
  let full = q;
  if (from || to) full = (q ? '(' + q + ') ' : '') + `date:${from || '0001-01-01'}..${to || '9999-12-31'}`;
  $main.replaceChildren(h(`
    <div class="layout">
      <div>
        <h1 class="visually-hidden">Search results</h1>
        <div id="timeline"><p class="meta">Loading timeline…</p></div>
        <form class="range" id="range-form" aria-label="Date range">
          <label>From <input type="date" id="from" value="${esc(from)}"></label>
          <label>To <input type="date" id="to" value="${esc(to)}"></label>
          <button type="submit">Apply</button>
          ${from || to ? '<button type="button" class="link" id="clear-range">Clear range</button>' : ''}
          <span class="meta">Drag across the chart to pick a range.</span>
        </form>
        <div id="results" aria-live="polite"><p class="meta">Searching…</p></div>
      </div>
      <aside class="facets" id="facets" aria-label="Facets"></aside>
    </div>`));
  document.getElementById('range-form').addEventListener('submit', ev => {
    ev.preventDefault();
    go('/', {q, from: document.getElementById('from').value, to: document.getElementById('to').value});
  });
  document.getElementById('clear-range')?.addEventListener('click', () => go('/', {q}));
  const $results = document.getElementById('results');
  const $facets = document.getElementById('facets');
  const $timeline = document.getElementById('timeline');

  const searchP = api('search', {q: full, offset, limit: PAGE}).then(r => {
    const hits = r.hits.map(x => `
      <li class="hit">
        <h3>${articleLink(x.id, x.title)}</h3>
        <div class="meta">${esc(x.date || 'undated')} · ${esc(x.source || '')}</div>
        <p class="snippet">${x.snippet || ''}</p>
      </li>`).join('');
    // A total the server only bounded (total_exact false: it stopped at the
    // page and one more hit) reads "At least N"; "Count all" asks for it exactly.
    const bounded = r.total >= 0 && r.total_exact === false;
    const total = r.total < 0 ? 'Some' : bounded ? `At least ${r.total}` : `${r.total}`;
    $results.replaceChildren(h(`
      <p class="summary"><span id="total">${total} article${r.total === 1 ? '' : 's'}</span>${q ? ' for <strong>' + esc(q) + '</strong>' : ''} · ${esc(r.took_ms ?? '')} ms${bounded ? ' · <button type="button" class="link" id="count-all">Count all</button>' : ''}</p>
      <ol class="hits" start="${offset + 1}">${hits || '<li class="hit">No matches.</li>'}</ol>
      <div class="pager">
        ${offset > 0 ? `<a href="#/?${qs({q, from, to, offset: Math.max(0, offset - PAGE)})}">← Previous</a>` : ''}
        ${offset + PAGE < r.total || (r.total < 0 && r.hits.length === PAGE) ? `<a href="#/?${qs({q, from, to, offset: offset + PAGE})}">Next →</a>` : ''}
      </div>`));
    document.getElementById('count-all')?.addEventListener('click', ev => {
      ev.target.disabled = true;
      ev.target.textContent = 'Counting…';
      api('search', {q: full, limit: 1, total: 'exact'}).then(x => {
        document.getElementById('total').textContent = `${x.total} article${x.total === 1 ? '' : 's'}`;
        ev.target.remove();
      }).catch(e => showError($results, e, full));
    });
  }).catch(e => showError($results, e, full));

  const facetsP = api('facets', {q: full}).then(f => {
    const section = (title, key, field, type) => {
      const items = f[key] || [];
      if (!items.length) return '';
      return `<section><h2>${title}</h2><ul>${items.map(it => `
        <li><button class="link facet" data-field="${field}" data-value="${esc(it.name)}">${esc(it.name)}</button>
            <span class="count">${it.count}</span></li>`).join('')}</ul></section>`;
    };
    $facets.replaceChildren(h(
      section('People', 'persons', 'person', 'PERSON') + section('Places', 'places', 'place', 'LOCATION') +
      section('Organisations', 'orgs', 'org', 'ORG') + section('Sources', 'sources', 'source', '')));
    $facets.querySelectorAll('button.facet').forEach(b => b.addEventListener('click', () => {
      const term = `${b.dataset.field}:${quoteTerm(b.dataset.value)}`;
      go('/', {q: q ? q + ' ' + term : term, from, to});
    }));
  }).catch(e => showError($facets, e));

  const timelineP = api('timeline', {q: q || '', by: 'month'}).then(t => {
    const label = `Matching articles per month${q ? ' for ' + q : ''}`;
    $timeline.replaceChildren(timelineChart(t.buckets || [], label, (a, b) => go('/', {q, from: periodStart(a), to: periodEnd(b)})));
  }).catch(e => showError($timeline, e, q));
  await Promise.allSettled([searchP, facetsP, timelineP]);
}

// ---- article page ----
// Flattens possibly-overlapping byte spans into segments, each carrying every
// annotation that covers it, then renders paragraphs with one <span> per segment.
function renderAnnotated(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(bytes.length, s.start))); cuts.add(Math.max(0, Math.min(bytes.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '<p>';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const active = spans.filter(s => s.start <= a && s.end >= b && s.start < s.end);
    const piece = esc(dec.decode(bytes.subarray(a, b))).replace(/\n\s*\n/g, '</p><p>').replace(/\n/g, '<br>');
    if (!active.length) { html += piece; continue; }
    const cls = active.map(s => s.cls).join(' ');
    const ids = active.map(s => s.id).join(' ');
    const title = active.map(s => s.label).join(' · ');
    html += `<span class="${esc(cls)}" data-facts="${esc(ids)}" title="${esc(title)}">${piece}</span>`;
  }
  return html + '</p>';
}

async function articlePage(id) {
  $main.replaceChildren(h('<p class="meta">Loading article…</p>'));
  let a;
  try { a = await api('articles/' + encodeURIComponent(id)); } catch (e) { return showError($main, e); }
  const spans = [];
  const facts = [];
  (a.quotes || []).forEach((x, i) => {
    const sp = x.speaker?.name || (x.speaker?.mention ? x.speaker.mention + ' (unresolved)' : 'unknown');
    spans.push({start: x.start, end: x.end, cls: 'quote', id: 'q' + i, label: `quote by ${sp}`});
    facts.push({id: 'q' + i, group: 'Quotes', html: `<span class="speaker">${x.speaker?.name ? entityLink(x.speaker.name, x.speaker.type || 'PERSON') : esc(sp)}</span>${x.cue ? ' <span class="tag">' + esc(x.cue) + '</span>' : ''}<span class="tag">${esc(x.kind)}</span><br>${quoted(x, (x.text || '').length > 90 ? x.text.slice(0, 90) + '…' : (x.text || ''))}`});
  });
  (a.entities || []).forEach((x, i) => spans.push({start: x.start, end: x.end, cls: 'ent-' + x.type, id: 'e' + i, label: `${x.type}: ${x.canonical || x.text}`}));
  const seen = new Map();
  (a.entities || []).forEach((x, i) => { const k = x.type + '\u0000' + (x.canonical || x.text); if (!seen.has(k)) seen.set(k, {x, i, n: 0}); seen.get(k).n++; });
  for (const {x, i, n} of seen.values()) {
    facts.push({id: 'e' + i, group: 'Entities', html: `${entityLink(x.canonical || x.text, x.type)} <span class="tag">${esc(x.type)}</span>${n > 1 ? ' <span class="tag">×' + n + '</span>' : ''}`});
  }
  (a.times || []).forEach((x, i) => {
    spans.push({start: x.start, end: x.end, cls: 'time', id: 't' + i, label: `${x.type} ${x.value}`});
    facts.push({id: 't' + i, group: 'Dates', html: `${esc(x.text)} → <strong>${esc(x.range ? x.range.begin + ' .. ' + x.range.end : x.value)}</strong> <span class="tag">${esc(x.anchor)}</span>`});
  });
  (a.counts || []).forEach((x, i) => {
    spans.push({start: x.start, end: x.end, cls: 'count', id: 'c' + i, label: `${x.type} ${x.number}`});
    facts.push({id: 'c' + i, group: 'Counts', html: `<strong>${esc(x.type)} ${x.qualifier === 'exact' ? '' : esc(x.qualifier) + ' '}${x.number}</strong>${x.victims ? ' — ' + esc(x.victims) : ''}${x.place ? ' · ' + esc(x.place) : ''}${x.date ? ' · ' + esc(x.date) : ''}${x.perpetrator ? ' · by ' + esc(x.perpetrator) : ''}`});
  });
  const groups = ['Quotes', 'Counts', 'Dates', 'Entities'].map(g => {
    const items = facts.filter(f => f.group === g);
    return items.length ? `<h2>${g}</h2><ul>${items.map(f => `<li><button class="link fact" data-fact="${f.id}" aria-label="Show in text">↧</button> ${f.html}</li>`).join('')}</ul>` : '';
  }).join('');
  $main.replaceChildren(h(`
    <div class="layout">
      <article>
        <h1>${esc(a.title || a.id)}</h1>
        <p class="meta">${esc(a.date || 'undated')} · ${esc(a.source || '')} ${a.url ? '· <a href="' + esc(a.url) + '" rel="noopener">original</a>' : ''} · id ${esc(a.id)}</p>
        <p class="legend" aria-hidden="true"><span class="ent-PERSON">person</span><span class="ent-ORG">organisation</span><span class="ent-LOCATION">place</span><span class="time">date</span><span class="count">count</span><span class="quote">quote</span></p>
        <div class="article-text">${renderAnnotated(a.text || '', spans)}</div>
      </article>
      <aside class="side" aria-label="Facts in this article">${groups || '<p class="meta">No facts extracted.</p>'}</aside>
    </div>`));
  $main.querySelectorAll('button.fact').forEach(b => b.addEventListener('click', () => {
    const el = [...$main.querySelectorAll('.article-text [data-facts]')].find(e => e.dataset.facts.split(' ').includes(b.dataset.fact));
    if (!el) return;
    el.scrollIntoView({behavior: 'smooth', block: 'center'});
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1500);
  }));
}

// ---- entity (person) page ----
function fieldFor(type) { return type === 'LOCATION' ? 'place' : type === 'ORG' ? 'org' : 'person'; }
async function entityPage(type, name) {
  $main.replaceChildren(h('<p class="meta">Loading…</p>'));
  let e;
  try { e = await api('entity', {name, type}); } catch (err) { return showError($main, err); }
  const quotes = (e.quotes || []).map(x => `
    <li><blockquote>${quoted(x, x.text)}</blockquote>
      <div class="meta">${esc(x.date || '')} · ${x.speaker?.mention ? esc(x.speaker.mention) + ' ' : ''}${x.cue ? esc(x.cue) + ' · ' : ''}${articleLink(x.article_id, x.title)}</div></li>`).join('');
  const co = (e.cooccurring || []).map(x => `<li>${entityLink(x.name, 'ANY')} <span class="count">${x.count}</span></li>`).join('');
  $main.replaceChildren(h(`
    <div class="layout">
      <div>
        <h1>${esc(e.name)} <span class="tag">${esc(e.type)}</span></h1>
        ${e.roles?.length ? `<p><strong>Role:</strong> ${e.roles.map(esc).join('; ')}</p>` : ''}
        <p class="meta">Mentioned in ${e.article_count} article${e.article_count === 1 ? '' : 's'}.
          <a href="#/?${qs({q: fieldFor(e.type) + ':' + quoteTerm(e.name)})}">Search its articles</a></p>
        <h2>Mentions over time</h2>
        <div id="ent-timeline"></div>
        <h2>Quotes (${(e.quotes || []).length}, in date order)</h2>
        <ul class="hits">${quotes || '<li class="meta">No quotes attributed.</li>'}</ul>
      </div>
      <aside class="side facets" aria-label="Co-mentioned entities"><h2>Mentioned with</h2><ul>${co || '<li class="meta">None.</li>'}</ul></aside>
    </div>`));
  document.getElementById('ent-timeline').replaceChildren(timelineChart(e.timeline || [], `Mentions of ${name} per month`,
    (a, b) => go('/', {q: fieldFor(e.type) + ':' + quoteTerm(e.name), from: periodStart(a), to: periodEnd(b)})));
}

// ---- incidents page ----
const COUNT_TYPES = ['', 'KILL', 'WOUND', 'ARREST', 'KIDNAP', 'MISSING', 'DISPLACED', 'EVACUATE', 'AFFECT', 'PROTEST'];
async function incidentsPage(params) {
  const state = {q: params.get('q') || '', type: params.get('type') || '', min: params.get('min') || '',
                 sort: params.get('sort') || 'number', order: params.get('order') || 'desc',
                 offset: Number(params.get('offset') || 0)};
  const INC_PAGE = 200;
  $main.replaceChildren(h(`
    <h1>Incidents</h1>
    <form class="filters" id="inc-form" aria-label="Filter incidents">
      <label>Articles matching <input name="q" value="${esc(state.q)}" placeholder="e.g. Baku or date:1990"></label>
      <label>Type <select name="type">${COUNT_TYPES.map(t => `<option value="${t}"${t === state.type ? ' selected' : ''}>${t || 'any'}</option>`).join('')}</select></label>
      <label>At least <input name="min" type="number" min="0" value="${esc(state.min)}" style="width:7em"></label>
      <button type="submit">Filter</button>
    </form>
    <div id="inc-table" aria-live="polite"><p class="meta">Loading…</p></div>`));
  document.getElementById('inc-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    go('/incidents', {q: f.get('q'), type: f.get('type'), min: f.get('min'), sort: state.sort, order: state.order});
  });
  const $t = document.getElementById('inc-table');
  let r;
  try { r = await api('counts', {q: state.q, type: state.type, min: state.min, sort: state.sort, order: state.order, offset: state.offset, limit: INC_PAGE}); }
  catch (e) { return showError($t, e, state.q); }
  const cols = [['type', 'Type'], ['number', 'Number'], ['victims', 'Victims'], ['place', 'Place'], ['event_date', 'Event date'], ['article', 'Source article']];
  const head = cols.map(([k, label]) => {
    const sortable = ['type', 'number', 'place', 'event_date'].includes(k);
    const aria = state.sort === k ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none';
    return `<th scope="col" aria-sort="${aria}">${sortable ? `<button data-sort="${k}">${label}</button>` : label}</th>`;
  }).join('');
  const rows = (r.counts || []).map(c => `<tr>
      <td>${esc(c.type)}</td>
      <td>${c.qualifier && c.qualifier !== 'exact' ? esc(c.qualifier.replace('_', ' ')) + ' ' : ''}${c.number}</td>
      <td>${esc(c.victims || '')}</td><td>${c.place ? entityLink(c.place, 'LOCATION') : ''}</td>
      <td>${esc(c.date || '')}</td><td>${articleLink(c.article_id, c.title)}<div class="meta">${esc(c.published || '')}</div></td></tr>`).join('');
  const shown = (r.counts || []).length;
  const range = r.total > shown ? ` (${state.offset + 1}–${state.offset + shown} shown)` : '';
  $t.replaceChildren(h(`<p class="summary">${r.total ?? shown} counts${range}</p>
    <table><caption class="visually-hidden">Victim counts</caption><thead><tr>${head}</tr></thead><tbody>${rows || '<tr><td colspan="6">No counts.</td></tr>'}</tbody></table>
    <div class="pager">
      ${state.offset > 0 ? `<a href="#/incidents?${qs({...state, offset: Math.max(0, state.offset - INC_PAGE)})}">← Previous</a>` : ''}
      ${state.offset + shown < r.total ? `<a href="#/incidents?${qs({...state, offset: state.offset + INC_PAGE})}">Next →</a>` : ''}
    </div>`));
  $t.querySelectorAll('th button').forEach(b => b.addEventListener('click', () => {
    const order = state.sort === b.dataset.sort && state.order === 'desc' ? 'asc' : 'desc';
    go('/incidents', {...state, sort: b.dataset.sort, order, offset: 0});
  }));
}

// ---- quotes page ----
async function quotesPage(params) {
  const state = {q: params.get('q') || '', speaker: params.get('speaker') || '', offset: parseInt(params.get('offset') || '0', 10) || 0};
  $main.replaceChildren(h(`
    <h1>Quotes</h1>
    <form class="filters" id="qt-form" aria-label="Filter quotes">
      <label>Speaker <input name="speaker" value="${esc(state.speaker)}" placeholder="e.g. Sabina Aliyeva"></label>
      <label>Articles matching <input name="q" value="${esc(state.q)}"></label>
      <button type="submit">Filter</button>
    </form>
    <div id="qt-list" aria-live="polite"><p class="meta">Loading…</p></div>`));
  document.getElementById('qt-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    go('/quotes', {q: f.get('q'), speaker: f.get('speaker')});
  });
  const $l = document.getElementById('qt-list');
  let r;
  try { r = await api('quotes', {q: state.q, speaker: state.speaker, offset: state.offset, limit: 50}); }
  catch (e) { return showError($l, e, state.q); }
  const items = (r.quotes || []).map(x => `<li class="hit">
      <blockquote>${quoted(x, x.text)}</blockquote>
      <div class="meta"><span class="speaker">${x.speaker?.name ? entityLink(x.speaker.name, x.speaker.type || 'PERSON') : esc(x.speaker?.mention || 'unknown speaker')}</span>
        ${x.speaker?.role ? '(' + esc(x.speaker.role) + ')' : ''} ${x.cue ? '· ' + esc(x.cue) : ''} <span class="tag">${esc(x.kind)}</span>
        · ${esc(x.date || '')} · ${articleLink(x.article_id, x.title)}</div></li>`).join('');
  $l.replaceChildren(h(`<p class="summary">Quotes ${state.offset + 1}–${state.offset + (r.quotes || []).length}</p><ul class="hits">${items || '<li>No quotes.</li>'}</ul>
    <div class="pager">${state.offset > 0 ? `<a href="#/quotes?${qs({...state, offset: Math.max(0, state.offset - 50)})}">← Previous</a>` : ''}
      ${r.more ? `<a href="#/quotes?${qs({...state, offset: state.offset + 50})}">Next →</a>` : ''}</div>`));
}

// ---- router ----
async function route() {
  const {parts, params} = parseHash();
  try {
    if (parts[0] === 'article' && parts[1]) await articlePage(parts[1]);
    else if (parts[0] === 'entity' && parts[2]) await entityPage(parts[1], parts.slice(2).join('/'));
    else if (parts[0] === 'incidents') await incidentsPage(params);
    else if (parts[0] === 'quotes') await quotesPage(params);
    else await searchPage(params);
  } catch (e) { showError($main, e); }
  document.dispatchEvent(new Event('annals:rendered'));
}

document.getElementById('search-form').addEventListener('submit', ev => { ev.preventDefault(); go('/', {q: $q.value.trim()}); });
document.addEventListener('keydown', ev => {
  if (ev.key === '/' && document.activeElement !== $q && !/INPUT|TEXTAREA|SELECT/.test(document.activeElement?.tagName)) {
    ev.preventDefault(); $q.focus(); $q.select();
  }
});
window.addEventListener('hashchange', route);
api('stats').then(s => { document.getElementById('stats').textContent = `${s.articles} articles · ${s.quotes} quotes · ${s.counts} counts`; }).catch(() => {});
route();
