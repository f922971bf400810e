// DyadWatch watch floor: polls the query API and renders Now, Alerts, History and Evidence.
// Every value that came from an event or an alert is written with textContent (never innerHTML), and links
// are made only for http(s) URLs.
'use strict';

(function () {
  const POLL_MS = 4000;
  const TOKEN_KEY = 'dyadwatch.token';
  const SCENARIOS = ['STATUS_QUO', 'WEAKENING', 'STRENGTHENING'];
  const SCENARIO_LABELS = { STATUS_QUO: 'status quo', WEAKENING: 'weakening', STRENGTHENING: 'strengthening' };
  const EVENT_TYPES = ['ARMS_TRANSFER', 'DEFENSE_INDUSTRIAL_COOPERATION', 'DUAL_USE_EXPORT', 'LETHAL_AID',
    'JOINT_EXERCISE', 'COMBINED_PATROL', 'LEADER_EXCHANGE', 'DEFENSE_AGREEMENT', 'BASING_ACCESS',
    'ISR_SPACE_COOPERATION', 'ENERGY_LIFELINE', 'SANCTIONS_ACTION', 'ARMS_SALE_TO_RIVAL', 'PUBLIC_STATEMENT',
    'COOPERATION_SUSPENDED'];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const state = {
    assessments: [],
    alerts: [],
    alertsNote: null,
    selectedDyad: null,
    openAlert: null,
    history: [],
    events: [],
    lastOk: null,
    needsToken: false,
  };

  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers: text only ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** A link when the URL is http(s), else the plain text. */
  function sourceNode(name, url) {
    const label = name || url || 'source';
    if (typeof url === 'string') {
      try {
        const parsed = new URL(url);
        if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
          const a = el('a', 'source-link', label);
          a.href = parsed.href;
          a.rel = 'noopener noreferrer';
          a.target = '_blank';
          return a;
        }
      } catch (e) {
        // not a URL: shown as text
      }
    }
    return el('span', 'source-name', label);
  }

  function pct(p) {
    return (typeof p === 'number' && isFinite(p)) ? (p * 100).toFixed(p < 0.1 ? 1 : 0) + '%' : '–';
  }

  function num(x, digits) {
    return (typeof x === 'number' && isFinite(x)) ? x.toFixed(digits === undefined ? 2 : digits) : '–';
  }

  function dateOnly(iso) {
    return typeof iso === 'string' ? iso.slice(0, 10) : '';
  }

  function localTime(iso) {
    const d = new Date(iso);
    return isNaN(d.getTime()) ? '' : d.toLocaleString();
  }

  function safeClass(text) {
    return String(text || '').toLowerCase().replace(/[^a-z0-9_-]/g, '');
  }

  // ---- API ----

  class Unauthorized extends Error {}

  async function api(path) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (response.status === 401) throw new Unauthorized();
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return { status: response.status, body };
  }

  // ---- polling ----

  let timer = null;
  let polling = false;

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const assessments = await api('/v1/assessments');
      state.assessments = assessments.status === 200 && Array.isArray(assessments.body) ? assessments.body : [];
      const alerts = await api('/v1/alerts');
      if (alerts.status === 200 && Array.isArray(alerts.body)) {
        state.alerts = alerts.body;
        state.alertsNote = null;
      } else {
        state.alerts = [];
        state.alertsNote = (alerts.body && alerts.body.detail) || ('alerts unavailable (HTTP ' + alerts.status + ')');
      }
      chooseDyad();
      if (state.selectedDyad) {
        const dyad = encodeURIComponent(state.selectedDyad);
        const history = await api('/v1/dyads/' + dyad + '/history');
        state.history = history.status === 200 && Array.isArray(history.body) ? history.body : [];
        const type = $('evidence-type').value;
        const events = await api('/v1/dyads/' + dyad + '/events?limit=50' + (type ? '&type=' + encodeURIComponent(type) : ''));
        state.events = events.status === 200 && Array.isArray(events.body) ? events.body : [];
      }
      state.needsToken = false;
      state.lastOk = new Date();
      setStatus('Live · updated ' + state.lastOk.toLocaleTimeString(), 'ok');
    } catch (e) {
      if (e instanceof Unauthorized) {
        state.needsToken = true;
        setStatus(sessionStorage.getItem(TOKEN_KEY)
          ? 'The token was refused (401). Paste the right one.'
          : 'The API needs a bearer token (401). Paste it below.', 'error');
      } else {
        setStatus('API unreachable, retrying… (' + (e && e.message ? e.message : 'network error') + ')', 'error');
      }
    } finally {
      polling = false;
    }
    render();
  }

  function schedule() {
    if (timer) clearInterval(timer);
    timer = setInterval(poll, POLL_MS);
    poll();
  }

  function setStatus(text, kind) {
    const status = $('status');
    status.textContent = text;
    status.className = 'status ' + kind;
  }

  function knownDyads() {
    const dyads = new Set();
    state.assessments.forEach((a) => dyads.add(a.dyad));
    state.alerts.forEach((a) => dyads.add(a.dyad));
    return Array.from(dyads).filter((d) => typeof d === 'string').sort();
  }

  function chooseDyad() {
    const dyads = knownDyads();
    if (!state.selectedDyad || !dyads.includes(state.selectedDyad)) {
      state.selectedDyad = dyads.length ? dyads[0] : null;
    }
  }

  // ---- rendering ----

  function render() {
    $('auth').hidden = !state.needsToken;
    renderDyadSelect();
    renderNow();
    renderAlerts();
    renderHistory();
    renderEvidence();
  }

  function renderDyadSelect() {
    const select = $('dyad-select');
    const dyads = knownDyads();
    const current = Array.from(select.options).map((o) => o.value).join(',');
    if (current !== dyads.join(',')) {
      clear(select);
      dyads.forEach((d) => {
        const option = el('option', null, d);
        option.value = d;
        select.appendChild(option);
      });
    }
    if (state.selectedDyad) select.value = state.selectedDyad;
  }

  function renderNow() {
    const cards = $('now-cards');
    clear(cards);
    if (!state.assessments.length) {
      cards.appendChild(el('p', 'empty', 'No assessment yet: no event has been counted.'));
      return;
    }
    const sorted = state.assessments.slice().sort((a, b) => String(a.dyad).localeCompare(String(b.dyad)));
    for (const a of sorted) {
      const card = el('article', 'card');
      card.dataset.dyad = a.dyad;
      const head = el('header', 'card-head');
      head.appendChild(el('h3', 'dyad-name', a.dyad));
      head.appendChild(el('span', 'period', a.period + ' · ' + Math.round((a.periodElapsed || 0) * 100) + '% elapsed'));
      card.appendChild(head);
      card.appendChild(el('p', 'meta', 'updated ' + localTime(a.updatedAt) + ' · revision ' + a.revision
        + ' · ' + a.eventsInPeriod + ' event' + (a.eventsInPeriod === 1 ? '' : 's') + ' this period'
        + ' · horizon ' + a.horizonPeriods + ' periods'));
      card.appendChild(coverageNode(a.coverage || []));

      const bars = el('div', 'bars');
      for (const s of SCENARIOS) {
        const row = el('div', 'bar-row scenario-' + safeClass(s));
        row.dataset.scenario = s;
        row.appendChild(el('span', 'bar-label', SCENARIO_LABELS[s]));
        const track = el('div', 'bar-track');
        const current = el('div', 'bar current');
        current.style.width = Math.max(0, Math.min(100, ((a.probabilities || {})[s] || 0) * 100)) + '%';
        current.title = 'current ' + pct((a.probabilities || {})[s]);
        const trailing = el('div', 'bar trailing');
        trailing.style.width = Math.max(0, Math.min(100, ((a.trailingProbabilities || {})[s] || 0) * 100)) + '%';
        trailing.title = 'trailing ' + pct((a.trailingProbabilities || {})[s]);
        track.appendChild(current);
        track.appendChild(trailing);
        row.appendChild(track);
        row.appendChild(el('span', 'bar-value', pct((a.probabilities || {})[s])
          + ' (trailing ' + pct((a.trailingProbabilities || {})[s]) + ')'));
        bars.appendChild(row);
      }
      card.appendChild(bars);

      const stats = el('div', 'stats');
      stats.appendChild(el('h4', null, 'Change statistics against thresholds'));
      for (const s of Object.keys(a.changeStatistics || {}).sort()) {
        const value = a.changeStatistics[s];
        const threshold = (a.thresholds || {})[s];
        const ratio = threshold > 0 ? value / threshold : 0;
        const row = el('div', 'stat-row' + (ratio >= 1 ? ' over' : ratio >= 0.75 ? ' near' : ''));
        row.appendChild(el('span', 'bar-label', 'toward ' + (SCENARIO_LABELS[s] || s)));
        const track = el('div', 'bar-track');
        const fill = el('div', 'bar stat');
        fill.style.width = Math.max(0, Math.min(100, ratio * 100)) + '%';
        track.appendChild(fill);
        row.appendChild(track);
        row.appendChild(el('span', 'bar-value', num(value) + ' / ' + num(threshold)));
        stats.appendChild(row);
      }
      card.appendChild(stats);

      const triggers = a.triggers || [];
      if (triggers.length) {
        const last = triggers[triggers.length - 1];
        const trig = el('p', 'trigger');
        trig.appendChild(el('span', 'label', triggers.length === 1
          ? 'Last event: ' : 'Last of ' + triggers.length + ' events: '));
        trig.appendChild(el('span', null, dateOnly(last.occurredAt) + ' ' + last.type + ' · '));
        trig.appendChild(el('span', 'summary', last.summary || ''));
        card.appendChild(trig);
      }
      cards.appendChild(card);
    }
  }

  /** What each evidence channel covers, declared or assumed, and whether it is weighed. */
  function coverageText(c) {
    const parts = [];
    if (c.declaredFrom) {
      parts.push('declared ' + c.declaredFrom + '..' + c.declaredTo);
    }
    if (c.assumedFrom) {
      parts.push('assumed from ' + c.assumedFrom + ' (first undeclared report)');
    }
    if (!parts.length) {
      parts.push('nothing covered');
    }
    return c.channel + ': ' + parts.join(', ') + (c.weighed ? ' · weighed' : ' · shown, not weighed (no baseline)');
  }

  function coverageNode(channels) {
    const list = el('ul', 'coverage');
    if (!channels.length) {
      list.appendChild(el('li', 'coverage-none', 'coverage: none recorded'));
    }
    for (const c of channels) {
      const item = el('li', 'coverage-channel' + (c.weighed ? ' weighed' : ' shown'), coverageText(c));
      item.dataset.channel = c.channel;
      list.appendChild(item);
    }
    return list;
  }

  function sortedAlerts() {
    return state.alerts.slice().sort((a, b) => String(b.startsAt).localeCompare(String(a.startsAt)));
  }

  function renderAlerts() {
    const list = $('alert-list');
    clear(list);
    const alerts = sortedAlerts();
    const firing = alerts.filter((a) => a.status === 'FIRING').length;
    $('alert-counts').textContent = alerts.length ? firing + ' firing · ' + (alerts.length - firing) + ' resolved' : '';
    const empty = $('alerts-empty');
    empty.hidden = alerts.length > 0;
    empty.textContent = state.alertsNote || 'No alerts.';
    for (const a of alerts) {
      const item = el('li', 'alert-item status-' + safeClass(a.status) + ' severity-' + safeClass(a.severity));
      item.dataset.fingerprint = a.fingerprint;
      const button = el('button', 'alert-open');
      button.type = 'button';
      const line = el('span', 'alert-line');
      line.appendChild(el('span', 'badge severity', a.severity));
      line.appendChild(el('span', 'badge status', a.status));
      line.appendChild(el('span', 'alert-dyad', a.dyad));
      if (a.scenario) line.appendChild(el('span', 'alert-scenario', SCENARIO_LABELS[a.scenario] || a.scenario));
      // the period (event time) the alert is about; older alerts have none
      if (a.period) line.appendChild(el('span', 'alert-period', a.period));
      line.appendChild(el('span', 'alert-time', localTime(a.startsAt)));
      button.appendChild(line);
      button.appendChild(el('span', 'alert-summary', a.summary));
      button.addEventListener('click', () => openAlert(a.fingerprint));
      if (state.openAlert === a.fingerprint) item.classList.add('open');
      item.appendChild(button);
      list.appendChild(item);
    }
    renderAlertDetail();
  }

  function openAlert(fingerprint) {
    state.openAlert = fingerprint;
    renderAlerts();
    $('alert-detail').scrollIntoView({ block: 'nearest' });
  }

  function renderAlertDetail() {
    const detail = $('alert-detail');
    const a = state.alerts.find((x) => x.fingerprint === state.openAlert);
    if (!a) {
      detail.hidden = true;
      return;
    }
    detail.hidden = false;
    detail.dataset.fingerprint = a.fingerprint;
    $('alert-detail-title').textContent = a.summary;
    $('alert-detail-meta').textContent = a.severity + ' · ' + a.status + ' · ' + a.dyad
      + (a.scenario ? ' · toward ' + (SCENARIO_LABELS[a.scenario] || a.scenario) : '')
      + ' · rule ' + a.rule
      + (a.period ? ' · period ' + a.period : '')
      + (typeof a.assessmentRevision === 'number' ? ' (assessment revision ' + a.assessmentRevision + ')' : '')
      + ' · since ' + localTime(a.startsAt)
      + (a.endsAt ? ' · resolved ' + localTime(a.endsAt) : '')
      + (typeof a.changeStatistic === 'number' ? ' · change statistic ' + num(a.changeStatistic) : '');
    $('alert-detail-description').textContent = a.description || '';

    const probs = $('alert-detail-probabilities');
    clear(probs);
    if (a.probabilitiesAfter && Object.keys(a.probabilitiesAfter).length) {
      for (const s of SCENARIOS) {
        probs.appendChild(el('span', 'prob scenario-' + safeClass(s), SCENARIO_LABELS[s] + ' '
          + pct((a.probabilitiesBefore || {})[s]) + ' → ' + pct(a.probabilitiesAfter[s])));
      }
    }

    const body = $('alert-detail-evidence');
    clear(body);
    for (const e of a.evidence || []) {
      const row = el('tr', 'evidence-row');
      row.dataset.id = e.id;
      row.appendChild(el('td', 'evidence-date', dateOnly(e.occurredAt)));
      row.appendChild(el('td', 'evidence-type', e.type));
      row.appendChild(el('td', 'evidence-summary', e.summary || ''));
      const source = el('td', 'evidence-source');
      source.appendChild(sourceNode(e.sourceName, e.url));
      row.appendChild(source);
      row.appendChild(el('td', 'evidence-grade', e.grade));
      row.appendChild(el('td', 'evidence-corroboration', e.corroboration));
      body.appendChild(row);
    }

    const rationale = $('alert-detail-rationale');
    clear(rationale);
    for (const c of a.rationale || []) {
      const li = el('li', 'citation');
      li.appendChild(el('blockquote', 'quote', c.quote));
      li.appendChild(el('span', 'seed', c.seed));
      rationale.appendChild(li);
    }
    if (!(a.rationale || []).length) rationale.appendChild(el('li', 'empty', 'No seed passages cited.'));
  }

  // ---- history chart ----

  /** The period label (in the unit of the given labels) of an ISO date, or null. */
  function periodOf(iso, sampleLabel) {
    const d = new Date(iso);
    if (isNaN(d.getTime()) || !sampleLabel) return null;
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    if (/^\d{4}-Q[1-4]$/.test(sampleLabel)) return y + '-Q' + (Math.floor((m - 1) / 3) + 1);
    if (/^\d{4}-\d{2}$/.test(sampleLabel)) return y + '-' + String(m).padStart(2, '0');
    if (/^\d{4}$/.test(sampleLabel)) return String(y);
    return null;
  }

  /** When an alert happened in the record: its latest evidence date, else when it started firing. */
  function alertDate(a) {
    const dates = (a.evidence || []).map((e) => e.occurredAt).filter((d) => typeof d === 'string').sort();
    return dates.length ? dates[dates.length - 1] : a.startsAt;
  }

  function renderHistory() {
    const box = $('history-chart');
    $('history-dyad').textContent = state.selectedDyad || '';
    clear(box);
    const history = state.history.filter((p) => p && typeof p.period === 'string');
    if (!state.selectedDyad || !history.length) {
      box.appendChild(el('p', 'empty', 'No history yet.'));
      return;
    }
    const W = 760;
    const H = 260;
    const M = { l: 40, r: 12, t: 14, b: 34 };
    const iw = W - M.l - M.r;
    const ih = H - M.t - M.b;
    const n = history.length;
    const x = (i) => M.l + (n === 1 ? iw / 2 : (i * iw) / (n - 1));
    const y = (p) => M.t + ih - Math.max(0, Math.min(1, p)) * ih;

    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', class: 'history-svg' });
    chart.setAttribute('aria-label', 'Scenario probabilities of ' + state.selectedDyad + ' by period');
    for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
      chart.appendChild(svg('line', { x1: M.l, x2: W - M.r, y1: y(tick), y2: y(tick), class: 'grid' }));
      const label = svg('text', { x: M.l - 6, y: y(tick) + 4, class: 'axis', 'text-anchor': 'end' });
      label.textContent = Math.round(tick * 100) + '%';
      chart.appendChild(label);
    }
    const every = Math.max(1, Math.ceil(n / 10));
    history.forEach((p, i) => {
      if (i % every === 0 || i === n - 1) {
        const label = svg('text', { x: x(i), y: H - M.b + 16, class: 'axis', 'text-anchor': 'middle' });
        label.textContent = p.period;
        chart.appendChild(label);
      }
    });

    const index = new Map(history.map((p, i) => [p.period, i]));
    const markers = state.alerts.filter((a) => a.dyad === state.selectedDyad);
    for (const a of markers) {
      const period = periodOf(alertDate(a), history[0].period);
      if (!index.has(period)) continue;
      const i = index.get(period);
      const g = svg('g', { class: 'marker severity-' + safeClass(a.severity) });
      g.dataset.fingerprint = a.fingerprint;
      g.appendChild(svg('line', { x1: x(i), x2: x(i), y1: M.t, y2: M.t + ih }));
      g.appendChild(svg('path', { d: 'M' + (x(i) - 6) + ' ' + M.t + ' h12 l-6 9 z' }));
      const title = svg('title');
      title.textContent = period + ' · ' + a.severity + ' · ' + a.summary;
      g.appendChild(title);
      g.addEventListener('click', () => openAlert(a.fingerprint));
      chart.appendChild(g);
    }

    for (const s of SCENARIOS) {
      const points = history.map((p, i) => x(i).toFixed(1) + ',' + y((p.probabilities || {})[s] || 0).toFixed(1));
      chart.appendChild(svg('polyline', { points: points.join(' '), class: 'line scenario-' + safeClass(s) }));
      history.forEach((p, i) => {
        const dot = svg('circle', { cx: x(i), cy: y((p.probabilities || {})[s] || 0), r: 2.5, class: 'dot scenario-' + safeClass(s) });
        const title = svg('title');
        title.textContent = p.period + ' ' + SCENARIO_LABELS[s] + ' ' + pct((p.probabilities || {})[s])
          + ' · ' + p.eventsInPeriod + ' events';
        dot.appendChild(title);
        chart.appendChild(dot);
      });
    }
    box.appendChild(chart);

    const legend = $('history-legend');
    clear(legend);
    for (const s of SCENARIOS) legend.appendChild(el('span', 'key scenario-' + safeClass(s), SCENARIO_LABELS[s]));
    legend.appendChild(el('span', 'key marker-key', 'alert (at its latest evidence)'));
  }

  // ---- evidence ----

  function renderEvidence() {
    const list = $('evidence-list');
    $('evidence-dyad').textContent = state.selectedDyad || '';
    clear(list);
    $('evidence-empty').hidden = state.events.length > 0;
    for (const e of state.events) {
      const li = el('li', 'event');
      li.dataset.id = e.id;
      const head = el('div', 'event-head');
      head.appendChild(el('span', 'event-date', dateOnly(e.occurredAt)));
      head.appendChild(el('span', 'badge type', e.type));
      head.appendChild(el('span', 'badge grade', e.grade));
      if (e.corroboration > 1) head.appendChild(el('span', 'badge corroboration', e.corroboration + ' sources'));
      li.appendChild(head);
      li.appendChild(el('p', 'event-summary', e.summary || ''));
      const foot = el('div', 'event-foot');
      foot.appendChild(sourceNode(e.sourceName, e.url));
      for (const indicator of e.indicators || []) foot.appendChild(el('span', 'indicator', indicator));
      li.appendChild(foot);
      list.appendChild(li);
    }
  }

  // ---- wiring ----

  function init() {
    const typeSelect = $('evidence-type');
    for (const t of EVENT_TYPES) {
      const option = el('option', null, t);
      option.value = t;
      typeSelect.appendChild(option);
    }
    typeSelect.addEventListener('change', () => {
      state.events = [];
      poll();
    });
    $('dyad-select').addEventListener('change', (e) => {
      state.selectedDyad = e.target.value;
      state.history = [];
      state.events = [];
      render();
      poll();
    });
    $('alert-detail-close').addEventListener('click', () => {
      state.openAlert = null;
      renderAlerts();
    });
    $('auth-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('auth-token').value.trim();
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      $('auth-token').value = '';
      poll();
    });
    $('auth-forget').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      poll();
    });
    schedule();
  }

  document.addEventListener('DOMContentLoaded', init);
})();
