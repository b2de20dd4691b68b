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
  const cards = new Map(); // name → {item, view, checkbox, detail}
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
    svg.setAttribute('aria-label', 'robot ' + name);
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
    const parts = [s.online ? (s.group ? 'group ' + s.group : 'online') : 'offline'];
    if (s.program) parts.push(s.program.startedAt ? 'playing' : 'getting ready');
    else if (s.online) parts.push('motors ' + s.motors);
    const e = robot.lastEvent;
    if (e && e.kind === 'rejected') parts.push('refused: ' + (e.message || ''));
    if (e && e.kind === 'started' && e.message) parts.push('started ' + e.message);
    return parts.join(' · ');
  }

  function show(data) {
    els.className.textContent = '— class ' + data['class'];
    const online = data.robots.filter(function (r) { return r.status.online; }).length;
    els.count.textContent = '(' + online + ' online of ' + data.robots.length + ')';
    for (const robot of data.robots) {
      const entry = card(robot.status.name);
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

  els.run.addEventListener('click', async function () {
    const robots = selected();
    if (robots.length === 0) { say('Select robots first (or Select all).', true); return; }
    const lead = Number(els.lead.value) || 2;
    const { response, body } = await post('/api/class/run', { program: els.program.value, robots, lead });
    if (response.ok) say('Sent to ' + robots.join(', ') + ': they start together in ' + lead + ' s.');
    else say((body && body.detail) || ('Could not send (' + response.status + ').'), true);
  });

  els.stop.addEventListener('click', async function () {
    const { response, body } = await post('/api/class/stop', {});
    if (response.ok) say('Stop sent to every robot.');
    else say((body && body.detail) || ('Could not stop (' + response.status + ').'), true);
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') els.stop.click();
  });

  refresh();
})();
