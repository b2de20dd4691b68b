/* Bop classroom: every robot of a class drawn live, the playground's program sent to a selection, stop all.
 * It talks only to the service that serves it (`reachy serve --teach mqtt://…`):
 *   GET  /api/class/robots   every robot's status, pose (5 Hz) and last event
 *   POST /api/class/run      {program, robots, lead}: start together `lead` seconds from now
 *   POST /api/class/stop     {robots}: stop (none: all)
 */
(function () {
  'use strict';
  const els = {
    robots: document.getElementById('robots'),
    count: document.getElementById('robot-count'),
    className: document.getElementById('class-name'),
    program: document.getElementById('class-program'),
    lead: document.getElementById('class-lead'),
    message: document.getElementById('class-message'),
    run: document.getElementById('run-selected'),
    stop: document.getElementById('stop-all'),
    selectAll: document.getElementById('select-all'),
  };
  els.group = document.getElementById('select-group');
  els.language = document.getElementById('class-language');
  const cards = new Map(); // name → {item, view, checkbox, detail, group}

  // The page's words, English and Chinese; the language is the playground's (?lang=, then its saved choice).
  const UI = {
    en: {
      'title': 'Bop classroom', 'select-all': 'Select all', 'group': 'Group', 'group-none': '—', 'run': 'Run on selected',
      'stop': 'Stop all', 'back': 'Playground', 'program': 'Program (the playground\'s editor)',
      'help': 'The program you last wrote in the playground. Robots start together in', 'seconds': 's',
      'lead': 'seconds before they start', 'robots': 'Robots', 'other-language': '中文',
      'class': '— class {name}', 'count': '({online} online of {all})', 'online': 'online', 'offline': 'offline',
      'in-group': 'group {group}', 'playing': 'playing', 'getting-ready': 'getting ready', 'motors': 'motors {mode}',
      'refused': 'refused: {why}', 'started': 'started {when}', 'robot': 'robot {name}',
      'select-first': 'Select robots first (or Select all, or a group).',
      'sent': 'Sent to {robots}: they start together in {lead} s.', 'send-failed': 'Could not send ({status}).',
      'stopped': 'Stop sent to every robot.', 'stop-failed': 'Could not stop ({status}).',
    },
    zh: {
      'title': 'Bop 课堂', 'select-all': '全选', 'group': '小组', 'group-none': '—', 'run': '在选中的机器人上运行',
      'stop': '全部停止', 'back': '编程乐园', 'program': '程序（编程乐园里的程序）',
      'help': '你最近在编程乐园里写的程序。机器人一起开始，在', 'seconds': '秒后',
      'lead': '开始前的秒数', 'robots': '机器人', 'other-language': 'English',
      'class': '— 班级 {name}', 'count': '（{all} 个里有 {online} 个在线）', 'online': '在线', 'offline': '离线',
      'in-group': '{group} 组', 'playing': '正在表演', 'getting-ready': '正在准备', 'motors': '电机 {mode}',
      'refused': '拒绝了：{why}', 'started': '开始于 {when}', 'robot': '机器人 {name}',
      'select-first': '先选几个机器人（或者全选，或者选一个小组）。',
      'sent': '已经发给 {robots}：它们会在 {lead} 秒后一起开始。', 'send-failed': '发不出去（{status}）。',
      'stopped': '已经让所有机器人停下。', 'stop-failed': '停不下来（{status}）。',
    },
  };
  let language = 'en';
  function text(key, values) {
    let s = (UI[language] && UI[language][key]) || UI.en[key] || key;
    for (const name in values || {}) s = s.split('{' + name + '}').join(String(values[name]));
    return s;
  }
  function applyLanguage(code) {
    language = UI[code] ? code : 'en';
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = text(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(function (el) {
      el.setAttribute('aria-label', text(el.dataset.i18nLabel));
    });
    els.language.textContent = text('other-language');
    document.title = text('title');
    try { localStorage.setItem('bop.ui', language); } catch (e) { /* private mode */ }
    if (last) show(last);
  }
  let last = null;
  const SVG = 'http://www.w3.org/2000/svg';

  try { els.program.value = localStorage.getItem('bop.program') || 'level 1\nnod\nwiggle antennas\n'; } catch (e) {
    els.program.value = 'level 1\nnod\nwiggle antennas\n';
  }
  els.program.addEventListener('input', function () {
    try { localStorage.setItem('bop.program', els.program.value); } catch (e) { /* private mode */ }
  });

  function say(text, isError) {
    els.message.textContent = text;
    els.message.classList.toggle('error', !!isError);
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}),
    });
    let parsed = null;
    try { parsed = await response.json(); } catch (e) { parsed = null; }
    return { response, body: parsed };
  }

  function card(name) {
    let entry = cards.get(name);
    if (entry) return entry;
    const item = document.createElement('li');
    item.className = 'robot-card';
    item.dataset.robot = name;
    const label = document.createElement('label');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    checkbox.value = name;
    label.append(checkbox, document.createTextNode(name));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', text('robot', { name }));
    const detail = document.createElement('p');
    detail.className = 'detail';
    item.append(label, svg, detail);
    els.robots.append(item);
    let view = null;
    if (window.ReachyRobot && typeof window.ReachyRobot.create === 'function') {
      try { view = window.ReachyRobot.create(svg, { views: ['front'], captions: false }); } catch (e) { view = null; }
    }
    entry = { item, view, checkbox, detail };
    cards.set(name, entry);
    return entry;
  }

  function describe(robot) {
    const s = robot.status;
    const parts = [s.online ? (s.group ? text('in-group', { group: s.group }) : text('online')) : text('offline')];
    if (s.program) parts.push(s.program.startedAt ? text('playing') : text('getting-ready'));
    else if (s.online) parts.push(text('motors', { mode: s.motors }));
    const e = robot.lastEvent;
    if (e && e.kind === 'rejected') parts.push(text('refused', { why: e.message || '' }));
    if (e && e.kind === 'started' && e.message) parts.push(text('started', { when: e.message }));
    return parts.join(' · ');
  }

  /** The group menu: every group a robot of the class has. */
  function showGroups() {
    const groups = Array.from(new Set(Array.from(cards.values()).map(function (c) { return c.group; })
      .filter(function (g) { return !!g; }))).sort();
    const have = Array.from(els.group.options).slice(1).map(function (o) { return o.value; });
    if (have.join('\n') === groups.join('\n')) return;
    while (els.group.options.length > 1) els.group.remove(1);
    for (const g of groups) {
      const option = document.createElement('option');
      option.value = g;
      option.textContent = g;
      els.group.append(option);
    }
  }

  function show(data) {
    last = data;
    els.className.textContent = text('class', { name: data['class'] });
    const online = data.robots.filter(function (r) { return r.status.online; }).length;
    els.count.textContent = text('count', { online, all: data.robots.length });
    for (const robot of data.robots) {
      const entry = card(robot.status.name);
      entry.group = robot.status.group || '';
      entry.item.classList.toggle('offline', !robot.status.online);
      entry.item.classList.toggle('playing', !!robot.status.program);
      entry.item.classList.toggle('refused', !!(robot.lastEvent && robot.lastEvent.kind === 'rejected'));
      entry.checkbox.disabled = !robot.status.online;
      entry.detail.textContent = describe(robot);
      const state = robot.state;
      if (entry.view && state && state.joints) {
        const frame = { head_joints: state.joints.slice(0, 7), antennas: state.joints.slice(7, 9) };
        if (state.head) frame.head_pose = state.head;
        entry.view.update(frame);
      }
    }
    showGroups();
  }

  async function refresh() {
    try {
      const response = await fetch('/api/class/robots');
      if (response.ok) show(await response.json());
    } catch (e) { /* the next poll retries */ }
    setTimeout(refresh, 200);
  }

  function selected() {
    return Array.from(cards.values()).filter(function (c) { return c.checkbox.checked && !c.checkbox.disabled; })
      .map(function (c) { return c.checkbox.value; });
  }

  els.selectAll.addEventListener('click', function () {
    for (const c of cards.values()) if (!c.checkbox.disabled) c.checkbox.checked = true;
  });

  // Choosing a group selects its robots that are online, and only them.
  els.group.addEventListener('change', function () {
    const group = els.group.value;
    if (!group) return;
    for (const c of cards.values()) c.checkbox.checked = !c.checkbox.disabled && c.group === group;
  });

  els.language.addEventListener('click', function () { applyLanguage(language === 'zh' ? 'en' : 'zh'); });

  els.run.addEventListener('click', async function () {
    const robots = selected();
    if (robots.length === 0) { say(text('select-first'), true); return; }
    const lead = Number(els.lead.value) || 2;
    const { response, body } = await post('/api/class/run', { program: els.program.value, robots, lead });
    if (response.ok) say(text('sent', { robots: robots.join(', '), lead }));
    else say((body && body.detail) || text('send-failed', { status: response.status }), true);
  });

  els.stop.addEventListener('click', async function () {
    const { response, body } = await post('/api/class/stop', {});
    if (response.ok) say(text('stopped'));
    else say((body && body.detail) || text('stop-failed', { status: response.status }), true);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') els.stop.click();
  });

  let saved = null;
  try { saved = localStorage.getItem('bop.ui'); } catch (e) { /* private mode */ }
  const asked = new URLSearchParams(location.search).get('lang');
  applyLanguage(asked || saved || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en'));
  refresh();
})();
