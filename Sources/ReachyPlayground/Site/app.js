/* Bop playground: an editor for Bop programs that talks to `reachy serve`.
 *   /playground/keywords.json   Bop's keywords in every language (generated from Bop's language files)
 *   /playground/examples.json   the example programs (generated from the examples folder)
 *   POST /api/bop/check         the program's problems, checked as the child types
 *   POST /api/bop/run           run the program on the robot; POST /api/bop/stop stops it
 *   /ws/bop/{uuid}              the run's progress pushed as it plays: the line to highlight, safety warnings
 *   GET /api/bop/timeline/{uuid}  the run's timeline picture (a playhead follows the run)
 *   GET /api/bop/audio/{uuid}   the run's voice and sounds, played here when the robot is the simulator
 *   POST /api/bop/preview       a checked program's timeline and poses: scrub the timeline to see a pose first
 *   POST /api/bop/replay        the program's HTML replay, downloaded with the program by Share
 *   /ws/sdk                     the robot's joints and head pose, 50 times a second, drawn by robot.js
 * Plain JavaScript, no framework, nothing from the network. */
(function () {
  'use strict';

  // ---------------------------------------------------------------- UI text (English / 中文)
  const UI = {
    en: {
      'title': 'Bop playground', 'skip': 'Skip to the program', 'examples': 'Examples',
      'examples-choose': 'Choose an example…', 'open': 'Open', 'run': 'Run', 'stop': 'Stop', 'other-language': '中文',
      'language-help': 'Switch the page to Chinese', 'editor-title': 'Your program', 'editor-label': 'Bop program',
      'completions-label': 'Words you can use', 'problems-title': 'What the robot thinks', 'robot-title': 'Reachy',
      'keys-title': 'Keyboard shortcuts', 'keys-run': 'run the program',
      'keys-stop': 'stop the robot (or close the word list)', 'keys-complete': 'show the words you can use here',
      'keys-pick': 'pick a word from the list', 'keys-tab': 'go to the next button',
      'line': 'Line {n}', 'lines': 'Lines {n}–{m}', 'go-to-line': 'Go to line {n}', 'fix': 'Fix it: {text}',
      'checking': 'Checking…', 'ok': 'No problems found. Ready to dance!',
      'counts': '{e} error(s), {w} warning(s), {n} note(s)', 'empty': 'Write a program, then press Run.',
      'offline': 'I can’t reach the robot’s server. Is `reachy serve` still running?',
      'connected': 'Watching the robot live.', 'connecting': 'Connecting to the robot…',
      'disconnected': 'Lost the robot — trying again…', 'no-picture': 'The robot picture could not be loaded.',
      'running': 'Running your program…', 'stopped': 'Stopped.', 'finished': 'Finished!',
      'run-has-errors': 'Fix the problems first, then press Run again.', 'run-failed': 'The robot could not run it: {why}',
      'stop-failed': 'Could not stop: {why}', 'means': '{word} means “{other}”', 'keyword': '{word} is a Bop word',
      'loaded': 'Opened “{name}”.', 'timeline-title': 'Timeline',
      'timeline-empty': 'Press Run to see your program as a timeline.', 'while-running': 'While running',
      'timeline-stale': 'This is the last version of your program that worked. Fix the problems to see the new one.',
      'no-sound': 'The robot plays the voice and sounds on its own speaker.',
      'sound-failed': 'The voice could not be played here: {why}',
      'progress-lost': 'Lost the run’s progress: {why}',
      'previewing': 'Preview at {t} s (the robot has not moved). Run or Esc to go back to the live robot.',
      'timeline-label': 'Timeline: click it, or use ← and →, to preview a moment', 'share': 'Share',
      'share-help': 'Download the program and a replay page of it', 'sharing': 'Making the replay page…',
      'shared': 'Downloaded your program and its replay page.', 'share-failed': 'Could not make the replay: {why}',
    },
    zh: {
      'title': 'Bop 编程乐园', 'skip': '跳到程序', 'examples': '例子', 'examples-choose': '选一个例子…', 'open': '打开',
      'run': '运行', 'stop': '停止', 'other-language': 'English', 'language-help': '把页面换成英文',
      'editor-title': '你的程序', 'editor-label': 'Bop 程序', 'completions-label': '可以用的词',
      'problems-title': '机器人的想法', 'robot-title': 'Reachy', 'keys-title': '键盘快捷键', 'keys-run': '运行程序',
      'keys-stop': '让机器人停下（或关掉词语列表）', 'keys-complete': '显示这里可以用的词', 'keys-pick': '从列表里选一个词',
      'keys-tab': '到下一个按钮', 'line': '第 {n} 行', 'lines': '第 {n}–{m} 行', 'go-to-line': '去第 {n} 行',
      'fix': '帮我改：{text}', 'checking': '检查中…', 'ok': '没有问题，可以跳舞啦！',
      'counts': '{e} 个错误，{w} 个警告，{n} 个提示', 'empty': '写一个程序，然后按“运行”。',
      'offline': '连不上机器人的服务器。`reachy serve` 还在运行吗？', 'connected': '正在实时观看机器人。',
      'connecting': '正在连接机器人…', 'disconnected': '和机器人断开了——正在重试…', 'no-picture': '机器人的图片加载不了。',
      'running': '正在运行你的程序…', 'stopped': '停下了。', 'finished': '完成了！',
      'run-has-errors': '先把问题改好，再按“运行”。', 'run-failed': '机器人运行不了：{why}', 'stop-failed': '停不下来：{why}',
      'means': '{word} 的意思是“{other}”', 'keyword': '{word} 是 Bop 的词', 'loaded': '打开了“{name}”。',
      'timeline-title': '时间线', 'timeline-empty': '按“运行”就能看到程序的时间线。', 'while-running': '运行时',
      'timeline-stale': '这是你的程序上一次没有问题时的样子。把问题改好，就能看到新的时间线。',
      'no-sound': '机器人用自己的喇叭说话和放声音。', 'sound-failed': '这里放不了声音：{why}',
      'progress-lost': '收不到运行进度了：{why}',
      'previewing': '预览第 {t} 秒（机器人还没有动）。按“运行”或 Esc 回到真的机器人。',
      'timeline-label': '时间线：点一下，或者按 ← 和 →，预览某一刻', 'share': '分享',
      'share-help': '下载程序和它的回放网页', 'sharing': '正在做回放网页…', 'shared': '程序和回放网页都下载好了。',
      'share-failed': '回放做不出来：{why}',
    },
  };

  const $ = (id) => document.getElementById(id);
  const els = {
    program: $('program'), highlight: $('highlight'), gutter: $('gutter'), completions: $('completions'),
    hint: $('hint'), problems: $('problems'), summary: $('problems-summary'), examples: $('examples'),
    openExample: $('open-example'), run: $('run'), stop: $('stop'), share: $('share'), language: $('language'), robot: $('robot'), robotState: $('robot-state'),
    runState: $('run-state'), runningLine: $('running-line'), bubble: $('bubble'), timeline: $('timeline'),
    timelineStale: $('timeline-stale'),
  };

  /** Everything the page knows; tests and the load benchmark read it through `window.playground`. */
  const state = {
    uiLanguage: 'en', programLanguage: 'en', diagnostics: [], checkedText: null, checks: 0, checkSequence: 0,
    lexicon: null, examples: [], completion: { items: [], index: -1, start: 0, end: 0 },
    socket: { connected: false, messages: 0 }, framesDrawn: 0, frame: {}, view: null, runId: null, running: false,
    lastRun: null, timings: {}, ready: false, offline: false,
    // The run being performed (see "performing"): its pushed progress, highlighted lines, warnings, audio, playhead.
    // `preview`: the checked program's poses (POST /api/bop/preview); `previewing`: the picture shows one of them.
    preview: null, previewing: false, previewFrame: null, downloads: [],
    run: null, runSequence: 0, runtimeProblems: [], audio: null, playhead: null, bubble: null,
  };
  window.playground = state;

  function text(key, values) {
    const table = UI[state.uiLanguage] || UI.en;
    let s = table[key] !== undefined ? table[key] : UI.en[key] || key;
    for (const name in values || {}) s = s.split('{' + name + '}').join(String(values[name]));
    return s;
  }

  function applyUILanguage(code) {
    state.uiLanguage = UI[code] ? code : 'en';
    document.documentElement.lang = state.uiLanguage === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = text(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((el) => {
      el.setAttribute('aria-label', text(el.dataset.i18nLabel));
    });
    els.language.textContent = text('other-language');
    document.title = text('title');
    try { localStorage.setItem('bop.ui', state.uiLanguage); } catch (e) { /* private mode */ }
    renderProblems();
    renderRobotState();
    renderHint();
    if (state.view && state.view.setLanguage) state.view.setLanguage(state.uiLanguage);
    if (state.runStateShown) setRunState(...state.runStateShown);
  }

  // ---------------------------------------------------------------- Bop's words
  const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
  const DIRECTIONS = new Set(['left', 'right', 'up', 'down', 'ahead', 'back']);
  const DOUBLE_QUOTES = '"“”＂„';
  const SINGLE_QUOTES = '\'‘’＇';
  const PAIRED = { '「': '」', '『': '』', '«': '»', '《': '》' };

  /** Builds look-up tables from keywords.json: every spelling → its meaning, per language. */
  function buildLexicon(data) {
    const lexicon = { languages: {}, spellings: new Map(), byLanguage: {}, dances: [], sounds: data.sounds || [] };
    for (const lang of data.languages || []) {
      lexicon.languages[lang.code] = lang;
      const entries = [];
      for (const canonical of Object.keys(lang.keywords || {})) {
        for (const spelling of lang.keywords[canonical]) {
          entries.push({ word: spelling, meaning: [canonical], lang: lang.code, kind: 'keyword' });
        }
      }
      for (const spelling of Object.keys(lang.phrases || {})) {
        entries.push({ word: spelling, meaning: lang.phrases[spelling], lang: lang.code, kind: 'phrase' });
      }
      for (const name of Object.keys(lang.dances || {})) {
        entries.push({ word: name, meaning: [lang.dances[name]], lang: lang.code, kind: 'dance' });
      }
      lexicon.byLanguage[lang.code] = entries;
      for (const e of entries) {
        const key = e.word.toLowerCase();
        if (!lexicon.spellings.has(key)) lexicon.spellings.set(key, e);
      }
    }
    // Official dance names (`groovy_sway_and_roll`); children write them with spaces (`groovy sway and roll`).
    for (const name of data.dances || []) {
      const e = { word: name.replace(/_/g, ' '), meaning: [name], lang: 'en', kind: 'dance' };
      lexicon.dances.push(e);
      (lexicon.byLanguage.en = lexicon.byLanguage.en || []).push(e);
      for (const spelling of [e.word, name]) if (!lexicon.spellings.has(spelling)) lexicon.spellings.set(spelling, e);
    }
    // Longest first, so `向左看` wins over `向左` and `groovy sway` over `groovy`.
    lexicon.multiWord = [...lexicon.spellings.values()].filter((e) => /\s/.test(e.word) || CJK.test(e.word))
      .sort((a, b) => b.word.length - a.word.length);
    return lexicon;
  }

  /** The first spelling of a canonical keyword in a language (`look` → `看`). */
  function spellingIn(code, canonical) {
    const lang = state.lexicon && state.lexicon.languages[code];
    if (!lang) return canonical;
    const list = lang.keywords && lang.keywords[canonical];
    if (list && list.length) return list[0];
    for (const phrase of Object.keys(lang.phrases || {})) {
      if (lang.phrases[phrase].length === 1 && lang.phrases[phrase][0] === canonical) return phrase;
    }
    return canonical;
  }

  /** How an entry reads in another language: `向左看` → `look left`. */
  function meaningIn(entry, code) {
    if (entry.kind === 'dance') return entry.meaning[0];
    return entry.meaning.map((canonical) => spellingIn(code, canonical)).join(' ');
  }

  /** The language of a program, like Bop decides it: the language with the most non-English keywords. */
  function detectLanguage(source) {
    const counts = {};
    for (const line of source.split('\n')) {
      for (const token of tokenize(line)) {
        if (token.entry && token.entry.lang !== 'en') counts[token.entry.lang] = (counts[token.entry.lang] || 0) + 1;
      }
    }
    let best = 'en';
    let bestCount = 0;
    for (const code of Object.keys(counts).sort()) {
      if (counts[code] > bestCount) { best = code; bestCount = counts[code]; }
    }
    return best;
  }

  // ---------------------------------------------------------------- tokens (for colours and hints)
  /** The tokens of one line, in code-point columns: {start, end, cls, entry}. */
  function tokenize(line) {
    const chars = Array.from(line);
    const tokens = [];
    const lower = chars.map((c) => c.toLowerCase());
    let i = 0;
    while (i < chars.length) {
      const c = chars[i];
      if (c === '#' || c === '＃') { tokens.push({ start: i, end: chars.length, cls: 'comment' }); break; }
      if (DOUBLE_QUOTES.includes(c) || SINGLE_QUOTES.includes(c) || PAIRED[c]) {
        const close = PAIRED[c] ? [PAIRED[c]] : DOUBLE_QUOTES.includes(c) ? DOUBLE_QUOTES : SINGLE_QUOTES;
        let j = i + 1;
        while (j < chars.length && !close.includes(chars[j])) j++;
        tokens.push({ start: i, end: Math.min(j + 1, chars.length), cls: 'string' });
        i = j + 1;
        continue;
      }
      if (/[0-9０-９]/.test(c)) {
        let j = i + 1;
        while (j < chars.length && /[0-9０-９.．]/.test(chars[j])) j++;
        tokens.push({ start: i, end: j, cls: 'number' });
        i = j;
        continue;
      }
      if (/[A-Za-z_]/.test(c) || CJK.test(c)) {
        const match = matchAt(lower, i);
        if (match) {
          tokens.push({ start: i, end: i + match.length, cls: classOf(match.entry), entry: match.entry });
          i += match.length;
          if (match.entry.meaning.length === 1 && match.entry.meaning[0] === 'say') {
            // `say Hello and dance` (no quote marks, level 1–2): the rest of the line is words to say.
            let j = i;
            while (j < chars.length && /\s/.test(chars[j])) j++;
            const c2 = chars[j];
            if (j < chars.length && !DOUBLE_QUOTES.includes(c2) && !SINGLE_QUOTES.includes(c2) && !PAIRED[c2]) {
              let end = j;
              while (end < chars.length && chars[end] !== '#' && chars[end] !== '＃') end++;
              tokens.push({ start: j, end, cls: 'string' });
              i = end;
            }
          }
          continue;
        }
        if (/[A-Za-z_]/.test(c)) {
          let j = i + 1;
          while (j < chars.length && /[A-Za-z_0-9]/.test(chars[j])) j++;
          i = j;
          continue;
        }
      }
      i++;
    }
    return tokens;
  }

  function classOf(entry) {
    if (entry.kind === 'dance') return 'dance';
    return entry.meaning.length === 1 && DIRECTIONS.has(entry.meaning[0]) ? 'direction' : 'keyword';
  }

  function isWordChar(c) { return c !== undefined && /[A-Za-z_0-9]/.test(c); }

  /** The longest Bop word or phrase starting at column `i` (whole words only for Latin letters). */
  function matchAt(lower, i) {
    const lexicon = state.lexicon;
    if (!lexicon) return null;
    if (CJK.test(lower[i])) {
      for (const e of lexicon.multiWord) {
        const w = Array.from(e.word);
        if (!CJK.test(w[0])) continue;
        if (w.every((ch, k) => lower[i + k] === ch)) return { entry: e, length: w.length };
      }
      return null;
    }
    if (isWordChar(lower[i - 1])) return null;
    for (const e of lexicon.multiWord) {
      const w = Array.from(e.word.toLowerCase());
      if (CJK.test(w[0]) || !/\s/.test(e.word)) continue;
      if (w.every((ch, k) => lower[i + k] === ch) && !isWordChar(lower[i + w.length])) {
        return { entry: e, length: w.length };
      }
    }
    let j = i;
    while (isWordChar(lower[j])) j++;
    const entry = lexicon.spellings.get(lower.slice(i, j).join(''));
    return entry ? { entry, length: j - i } : null;
  }

  // ---------------------------------------------------------------- drawing the editor
  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  }

  /** The columns [start, end) of `line` (1-based) a diagnostic underlines, or null. */
  function diagnosticSpan(d, lineNumber, length) {
    const endLine = d.end_line || d.line;
    if (lineNumber !== d.line && lineNumber !== endLine) return null;
    let start = lineNumber === d.line ? d.column - 1 : 0;
    let end = lineNumber === endLine ? (d.end_column || d.column) - 1 : length;
    if (lineNumber !== d.line) start = 0;
    start = Math.max(0, Math.min(start, length));
    end = Math.max(start, Math.min(end, length));
    return { start, end };
  }

  function renderLine(line, number) {
    const chars = Array.from(line);
    const cls = new Array(chars.length).fill('');
    for (const t of tokenize(line)) for (let k = t.start; k < t.end; k++) cls[k] = 'tok-' + t.cls;
    const diag = new Array(chars.length).fill('');
    let tail = '';
    for (const d of state.diagnostics) {
      const span = diagnosticSpan(d, number, chars.length);
      if (!span) continue;
      const mark = 'diag diag-' + d.severity;
      if (span.end > span.start) {
        for (let k = span.start; k < span.end; k++) if (!diag[k] || d.severity === 'error') diag[k] = mark;
      } else if (span.start < chars.length) {
        diag[span.start] = diag[span.start] || mark;
      } else {
        // Something is missing at the end of the line: underline two spaces after it.
        tail = '<span class="' + mark + '" data-line="' + number + '">  </span>';
      }
    }
    let html = '';
    let k = 0;
    while (k < chars.length) {
      let j = k + 1;
      while (j < chars.length && cls[j] === cls[k] && diag[j] === diag[k]) j++;
      const piece = escapeHTML(chars.slice(k, j).join(''));
      const classes = (cls[k] + ' ' + diag[k]).trim();
      html += classes ? '<span class="' + classes + '"' + (diag[k] ? ' data-line="' + number + '"' : '') + '>' +
        piece + '</span>' : piece;
      k = j;
    }
    return html + tail;
  }

  function renderEditor() {
    const lines = els.program.value.split('\n');
    els.highlight.innerHTML = lines.map((l, i) => renderLine(l, i + 1)).join('\n') + '\n ';
    const severityOf = {};
    for (const d of state.diagnostics.concat(state.runtimeProblems)) {
      for (const n of new Set([d.line, d.end_line || d.line])) {
        if (severityOf[n] !== 'error') severityOf[n] = d.severity === 'error' ? 'error' : severityOf[n] || d.severity;
      }
    }
    let gutter = '';
    for (let n = 1; n <= lines.length; n++) {
      const s = severityOf[n];
      let mark = s === 'error' ? ' has-error' : s === 'warning' ? ' has-warning' : '';
      if (state.run && !state.run.ended && state.run.line === n) mark += ' running';
      gutter += '<div class="line' + mark + '" data-line="' + n + '">' + n + '</div>';
    }
    els.gutter.innerHTML = gutter;
    syncScroll();
  }

  function syncScroll() {
    if (state.run && !state.run.ended) positionRunningLine();
    els.highlight.scrollTop = els.program.scrollTop;
    els.highlight.scrollLeft = els.program.scrollLeft;
    els.gutter.scrollTop = els.program.scrollTop;
  }

  // ---------------------------------------------------------------- problems (from /api/bop/check)
  function renderProblems() {
    if (!els.problems) return;
    els.problems.innerHTML = '';
    // What the checker found, then what the robot's safety layer reported while running (at their lines).
    const list = state.diagnostics.concat(state.runtimeProblems);
    const counts = { error: 0, warning: 0, note: 0 };
    for (const d of list) counts[d.severity] = (counts[d.severity] || 0) + 1;
    if (state.offline) {
      els.summary.textContent = text('offline');
      els.summary.className = 'summary bad';
    } else if (!els.program.value.trim()) {
      els.summary.textContent = text('empty');
      els.summary.className = 'summary';
    } else if (state.checkedText !== els.program.value) {
      els.summary.textContent = text('checking');
      els.summary.className = 'summary';
    } else if (!list.length) {
      els.summary.textContent = text('ok');
      els.summary.className = 'summary ok';
    } else {
      els.summary.textContent = text('counts', { e: counts.error, w: counts.warning, n: counts.note });
      els.summary.className = 'summary' + (counts.error ? ' bad' : '');
    }
    for (const d of list) {
      const li = document.createElement('li');
      li.className = 'problem ' + d.severity;
      li.dataset.line = d.line;
      li.dataset.id = d.id;
      if (d.runtime) li.classList.add('runtime');
      const endLine = d.end_line || d.line;
      const where = endLine > d.line ? text('lines', { n: d.line, m: endLine }) : text('line', { n: d.line });
      li.innerHTML = '<div class="where"></div><div class="title"></div><p class="message"></p>' +
        (d.suggestion ? '<p class="suggestion"></p>' : '') + '<div class="actions"></div>';
      li.querySelector('.where').textContent = where;
      li.querySelector('.title').textContent = d.title;
      withCode(li.querySelector('.message'), d.message);
      if (d.suggestion) withCode(li.querySelector('.suggestion'), d.suggestion);
      const actions = li.querySelector('.actions');
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'go';
      go.textContent = text('go-to-line', { n: d.line });
      go.addEventListener('click', () => goTo(d.line, d.column));
      actions.appendChild(go);
      if (d.fix) {
        const fix = document.createElement('button');
        fix.type = 'button';
        fix.className = 'fix';
        fix.textContent = text('fix', { text: d.fix.replacement || '⌫' });
        fix.addEventListener('click', () => applyFix(d.fix));
        actions.appendChild(fix);
      }
      els.problems.appendChild(li);
    }
  }

  /** The UTF-16 offset in the editor of a 1-based line and code-point column. */
  function offsetOf(line, column) {
    const lines = els.program.value.split('\n');
    let offset = 0;
    for (let n = 1; n < line && n <= lines.length; n++) offset += lines[n - 1].length + 1;
    const chars = Array.from(lines[Math.min(line, lines.length) - 1] || '');
    return offset + chars.slice(0, Math.max(0, column - 1)).join('').length;
  }

  function goTo(line, column) {
    const at = offsetOf(line, column || 1);
    els.program.focus();
    els.program.setSelectionRange(at, at);
    const top = (line - 1) * lineHeight();
    if (top < els.program.scrollTop || top > els.program.scrollTop + els.program.clientHeight - 2 * lineHeight()) {
      els.program.scrollTop = Math.max(0, top - els.program.clientHeight / 3);
    }
  }

  /** Replaces text in the editor keeping the browser's undo history when it can. */
  function replaceRange(start, end, replacement) {
    els.program.focus();
    els.program.setSelectionRange(start, end);
    let done = false;
    try { done = document.execCommand('insertText', false, replacement); } catch (e) { done = false; }
    if (!done) {
      els.program.setRangeText(replacement, start, end, 'end');
      els.program.dispatchEvent(new Event('input'));
    }
  }

  function applyFix(fix) {
    const start = offsetOf(fix.line, fix.column);
    const end = offsetOf(fix.end_line || fix.line, fix.end_column || fix.column);
    replaceRange(start, Math.max(start, end), fix.replacement);
  }

  let checkTimer = null;
  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 350);
  }

  /** Reads the diagnostics out of a check or run answer (an array, or an object holding one). */
  function diagnosticsOf(body) {
    if (Array.isArray(body)) return body;
    if (body && Array.isArray(body.diagnostics)) return body.diagnostics;
    return [];
  }

  function messageOf(body, response) {
    if (body && typeof body === 'object') {
      if (body.error && typeof body.error === 'object' && body.error.message) return body.error.message;
      if (typeof body.error === 'string') return body.error;
      if (typeof body.message === 'string') return body.message;
      if (typeof body.detail === 'string') return body.detail;
      if (typeof body.reason === 'string') return body.reason;
    }
    return response ? response.status + ' ' + response.statusText : '?';
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? '{}' : JSON.stringify(body),
    });
    let parsed = null;
    const raw = await response.text();
    try { parsed = raw ? JSON.parse(raw) : null; } catch (e) { parsed = { message: raw }; }
    return { response, body: parsed };
  }

  async function check() {
    clearTimeout(checkTimer);
    const source = els.program.value;
    const sequence = ++state.checkSequence;
    if (!source.trim()) {
      state.diagnostics = [];
      state.checkedText = source;
      renderEditor();
      renderProblems();
      return;
    }
    try {
      const { response, body } = await post('/api/bop/check', { program: source });
      if (sequence !== state.checkSequence) return; // the child kept typing; a newer check is coming
      if (!response.ok && !Array.isArray(body) && !(body && body.diagnostics)) throw new Error(messageOf(body, response));
      state.offline = false;
      state.diagnostics = diagnosticsOf(body).filter((d) => d && typeof d.line === 'number');
      state.checkedText = source;
      state.checks++;
    } catch (e) {
      if (sequence !== state.checkSequence) return;
      state.offline = true;
    }
    renderEditor();
    renderProblems();
    const hasErrors = state.diagnostics.some((d) => d.severity === 'error');
    markTimelineStale(!state.offline && hasErrors);
    if (!state.offline && !hasErrors) loadPreview(source);
  }

  /**
   * While the editor's program has errors, the timeline still shows the last program that worked: say so and dim
   * it, so a child does not read the old program as the new one (scrubbing it previews nothing: see scrubTo).
   */
  function markTimelineStale(stale) {
    const shown = stale && !!state.timelineView && (!state.run || state.run.ended);
    els.timeline.classList.toggle('stale', shown);
    els.timelineStale.hidden = !shown;
  }

  // ---------------------------------------------------------------- run and stop
  function setRunState(key, values, cls) {
    state.runStateShown = [key, values, cls]; // reworded when the page switches language
    els.runState.textContent = key ? text(key, values) : '';
    els.runState.className = 'run-state' + (cls ? ' ' + cls : '');
  }

  async function run() {
    hideCompletions();
    const source = els.program.value;
    if (!source.trim()) return;
    endPerformance(null);
    endPreview();
    const sequence = ++state.runSequence;
    // Made (or resumed) while handling the key or click: browsers only let a page start sound after a gesture.
    const audio = audioContext();
    setRunState('running', {}, 'running');
    try {
      let { response, body } = await post('/api/bop/run', { program: source });
      if (sequence !== state.runSequence) return; // Stop was pressed meanwhile: Stop wins
      if (response.status === 409) {
        // Something is still moving (an earlier run): stop it, then start this one.
        await post('/api/bop/stop');
        if (sequence !== state.runSequence) return;
        ({ response, body } = await post('/api/bop/run', { program: source }));
        if (sequence !== state.runSequence) return;
      }
      const found = diagnosticsOf(body);
      if (found.length) {
        state.diagnostics = found;
        state.checkedText = source;
        renderEditor();
        renderProblems();
      }
      if (!response.ok) {
        if (found.some((d) => d.severity === 'error')) setRunState('run-has-errors', {}, 'failed');
        else setRunState('run-failed', { why: messageOf(body, response) }, 'failed');
        state.running = false;
        return;
      }
      state.running = true;
      state.runId = body && (body.id || body.uuid || body.run_id) || null;
      state.lastRun = body;
      perform(body, sequence, audio);
    } catch (e) {
      if (sequence !== state.runSequence) return;
      state.running = false;
      setRunState('run-failed', { why: e.message }, 'failed');
    }
  }

  async function stop() {
    hideCompletions();
    // Stop always wins: the page stops at once (sound, bubble, highlight, playhead), then the robot.
    state.runSequence++;
    endPerformance('cancelled');
    endPreview();
    try {
      const { response, body } = await post('/api/bop/stop', state.runId ? { id: state.runId } : {});
      if (!response.ok) throw new Error(messageOf(body, response));
      state.running = false;
      setRunState('stopped', {}, '');
    } catch (e) {
      setRunState('stop-failed', { why: e.message }, 'failed');
    }
  }

  // ---------------------------------------------------------------- performing (a run, as it plays)
  /* A run's progress is pushed over /ws/bop/{uuid} (see docs/playground.md): `playing` starts the page's clock
   * (sound, speech bubble, playhead), every `line` moves the highlight, every `warning`/`notice` lands in the problem
   * list at its line, `bop_finished` ends it. If the socket fails, the same events are read from
   * GET /api/bop/events/{uuid}. */
  let audioCtx = null;
  function audioContext() {
    try {
      if (!audioCtx) {
        const Context = window.AudioContext || window.webkitAudioContext;
        if (Context) audioCtx = new Context();
      }
      if (audioCtx && audioCtx.state === 'suspended') audioCtx.resume().catch(() => {});
    } catch (e) { audioCtx = null; }
    return audioCtx;
  }

  function perform(answer, sequence, audio) {
    const run = {
      id: state.runId, sequence, duration: Math.max(0, (answer.duration || 1) - 1), speech: answer.speech || [],
      last: -1, playingAt: null, line: null, lines: [], latencies: [], ended: false, outcome: null, socket: null,
      source: null, buffer: null,
    };
    state.run = run;
    state.runtimeProblems = [];
    state.audio = answer.audio ? { url: answer.audio, loaded: false, started: false } : null;
    renderEditor();
    renderProblems();
    if (answer.audio && audio) loadAudio(run, answer.audio, audio);
    else if (!answer.audio && answer.speech && answer.speech.length) setRunState('no-sound', {}, 'running');
    if (answer.timeline) loadTimeline(run, answer.timeline);
    if (answer.events) listen(run, answer.events);
  }

  function listen(run, path) {
    const url = new URL(path, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let socket;
    try { socket = new WebSocket(url.href); } catch (e) { poll(run, e.message); return; }
    run.socket = socket;
    socket.addEventListener('message', (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      onProgress(run, message);
    });
    socket.addEventListener('close', (event) => {
      if (!run.ended && state.run === run) poll(run, 'WebSocket closed (' + event.code + ')');
    });
  }

  /** The fallback when the socket fails: the same events, polled. */
  async function poll(run, why) {
    run.socket = null;
    run.polled = why;
    while (!run.ended && state.run === run) {
      try {
        const response = await fetch('/api/bop/events/' + run.id + '?after=' + run.last);
        if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
        const snapshot = await response.json();
        for (const entry of snapshot.events || []) onProgress(run, Object.assign({ type: 'bop_progress' }, entry));
        if (snapshot.finished) onProgress(run, { type: 'bop_finished', outcome: snapshot.outcome });
      } catch (e) {
        if (state.run === run) setRunState('progress-lost', { why: e.message }, 'failed');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  function onProgress(run, message) {
    if (run.ended || state.run !== run || !message) return;
    if (message.type === 'bop_error') {
      // The server does not know the run (it keeps the last 16): say so rather than wait for nothing.
      run.ended = true;
      state.running = false;
      setRunState('progress-lost', { why: message.detail || '?' }, 'failed');
      return;
    }
    if (message.type === 'bop_finished') {
      const outcome = String(message.outcome || 'completed');
      state.running = false;
      if (outcome === 'completed') movePlayhead(run, run.duration);
      endPerformance(outcome);
      if (outcome === 'completed') setRunState('finished', {}, '');
      else if (outcome === 'cancelled') setRunState('stopped', {}, '');
      else setRunState('run-failed', { why: outcome }, 'failed');
      return;
    }
    if (message.type !== 'bop_progress' || typeof message.index !== 'number' || message.index <= run.last) return;
    run.last = message.index;
    if (message.kind === 'playing') {
      run.playingAt = performance.now();
      startAudio(run);
      requestAnimationFrame(() => tick(run));
    } else if (message.kind === 'line' && typeof message.line === 'number') {
      // Re-anchor the page's clock on the server's: the line started `time` seconds into the program.
      if (typeof message.time === 'number' && run.playingAt !== null) {
        const anchored = performance.now() - message.time * 1000;
        if (Math.abs(anchored - run.playingAt) > 150) run.playingAt = anchored;
      }
      const latency = typeof message.at === 'number' ? Date.now() - message.at * 1000 : null;
      showRunningLine(run, message.line, latency);
    } else if ((message.kind === 'warning' || message.kind === 'notice') && message.text) {
      const match = /line (\d+)/.exec(message.text);
      const line = typeof message.line === 'number' ? message.line : match ? Number(match[1]) : null;
      if (line) {
        state.runtimeProblems.push({
          severity: 'warning', line, column: 1, id: 'runtime-' + message.kind, runtime: true,
          title: text('while-running'), message: message.text,
        });
        renderEditor();
        renderProblems();
      }
    }
  }

  function showRunningLine(run, line, latency) {
    run.line = line;
    run.lines.push(line);
    if (latency !== null) run.latencies.push(latency);
    els.gutter.querySelectorAll('.line.running').forEach((el) => el.classList.remove('running'));
    const mark = els.gutter.querySelector('.line[data-line="' + line + '"]');
    if (mark) mark.classList.add('running');
    positionRunningLine();
  }

  function positionRunningLine() {
    const line = state.run && !state.run.ended ? state.run.line : null;
    if (line === null) { els.runningLine.hidden = true; return; }
    const top = parseFloat(getComputedStyle(els.program).paddingTop) + (line - 1) * lineHeight() -
      els.program.scrollTop;
    els.runningLine.style.top = top + 'px';
    els.runningLine.dataset.line = line;
    els.runningLine.hidden = false;
  }

  async function loadAudio(run, url, context) {
    try {
      const response = await fetch(url);
      if (!response.ok) {
        let why = response.status + ' ' + response.statusText;
        try { why = messageOf(await response.json(), response); } catch (e) { /* not JSON */ }
        throw new Error(why);
      }
      const buffer = await context.decodeAudioData(await response.arrayBuffer());
      if (state.run !== run || run.ended) return;
      let peak = 0;
      const samples = buffer.getChannelData(0);
      for (let k = 0; k < samples.length; k++) peak = Math.max(peak, Math.abs(samples[k]));
      run.buffer = buffer;
      Object.assign(state.audio, { loaded: true, seconds: buffer.duration, peak, sampleRate: buffer.sampleRate });
      startAudio(run);
    } catch (e) {
      if (state.run === run) setRunState('sound-failed', { why: e.message }, 'failed');
    }
  }

  /** Plays the run's sound from where the program is now (it may arrive after the motion started). */
  function startAudio(run) {
    if (!run.buffer || run.playingAt === null || run.source || run.ended || !audioCtx) return;
    const offset = Math.max(0, (performance.now() - run.playingAt) / 1000);
    if (offset >= run.buffer.duration) return;
    const source = audioCtx.createBufferSource();
    source.buffer = run.buffer;
    source.connect(audioCtx.destination);
    source.start(0, offset);
    run.source = source;
    Object.assign(state.audio, { started: true, offset, contextState: audioCtx.state, stopped: false });
  }

  async function loadTimeline(run, url) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
      const svg = await response.text();
      if (state.run !== run) return;
      showTimeline(svg, run);
    } catch (e) {
      els.timeline.textContent = text('run-failed', { why: e.message });
    }
  }

  function movePlayhead(run, t) {
    if (run.timeline) placePlayhead(run.timeline, t);
  }

  /** Once a frame while the run plays: the playhead and the speech bubble follow the program's clock. */
  function tick(run) {
    if (run.ended || state.run !== run || run.playingAt === null) return;
    const t = Math.min(run.duration, (performance.now() - run.playingAt) / 1000);
    movePlayhead(run, t);
    const said = run.speech.find((s) => s.start <= t && t < s.start + Math.max(s.duration, 0.8));
    showBubble(said ? said.text : null, said ? said.line : null);
    requestAnimationFrame(() => tick(run));
  }

  function showBubble(words, line) {
    if (!words) {
      if (!els.bubble.hidden) els.bubble.hidden = true;
      return;
    }
    if (els.bubble.textContent !== words) {
      els.bubble.textContent = words;
      state.bubble = { text: words, line, shown: (state.bubble && state.bubble.shown || 0) + 1 };
    }
    els.bubble.hidden = false;
  }

  // ---------------------------------------------------------------- share (the program and its replay page)
  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    state.downloads.push({ name, size: blob.size });
  }

  /** One click: the program as a .bop file, then its self-contained replay page from POST /api/bop/replay. */
  async function share() {
    const source = els.program.value;
    if (!source.trim()) return;
    download(new Blob([source], { type: 'text/plain;charset=utf-8' }), 'my-program.bop');
    setRunState('sharing', {}, '');
    try {
      const response = await fetch('/api/bop/replay', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ program: source }),
      });
      if (!response.ok) {
        let body = null;
        try { body = await response.json(); } catch (e) { /* not JSON */ }
        throw new Error(messageOf(body, response));
      }
      download(await response.blob(), 'my-program-replay.html');
      setRunState('shared', {}, '');
    } catch (e) {
      setRunState('share-failed', { why: e.message }, 'failed');
    }
  }

  // ---------------------------------------------------------------- preview (scrub the timeline before Run)
  let previewSequence = 0;
  async function loadPreview(source) {
    if (state.preview && state.preview.text === source) return;
    const sequence = ++previewSequence;
    try {
      const { response, body } = await post('/api/bop/preview', { program: source });
      if (sequence !== previewSequence || !response.ok || !body || typeof body.timeline !== 'string') return;
      state.preview = {
        text: source, duration: body.duration, rate: body.rate, head_joints: body.head_joints || [],
        antennas: body.antennas || [], head_pose: body.head_pose || [],
      };
      // While a run plays, its own timeline stays; the preview is the same picture for the same program.
      if (!state.run || state.run.ended) showTimeline(body.timeline, null);
    } catch (e) { /* the check already says when the server cannot be reached */ }
  }

  /** Puts a timeline picture in the panel, with a playhead at 0; returns its geometry. */
  function showTimeline(svg, run) {
    els.timeline.innerHTML = svg;
    els.timeline.scrollLeft = 0;
    els.timeline.classList.remove('stale');
    els.timelineStale.hidden = true;
    const root = els.timeline.querySelector('svg');
    if (!root) return null;
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    line.setAttribute('class', 'playhead');
    line.setAttribute('y1', '0');
    line.setAttribute('y2', root.getAttribute('height') || '100%');
    root.appendChild(line);
    const view = {
      root, line, originX: parseFloat(root.dataset.originX) || 0,
      pixelsPerSecond: parseFloat(root.dataset.pixelsPerSecond) || 100,
    };
    state.timelineView = view;
    if (run) run.timeline = view;
    placePlayhead(view, 0);
    return view;
  }

  function placePlayhead(view, t) {
    const x = view.originX + t * view.pixelsPerSecond;
    view.line.setAttribute('x1', String(x));
    view.line.setAttribute('x2', String(x));
    state.playhead = { t, x };
    const box = els.timeline;
    // Keep the playhead in view of a long timeline (the lane names stay in view while it fits).
    if (x > box.scrollLeft + box.clientWidth - 8) box.scrollLeft = x - box.clientWidth / 3;
    else if (x < box.scrollLeft) box.scrollLeft = Math.max(0, x - 120);
  }

  /** Shows the pose at `t` seconds of the checked program in the picture (the robot itself does not move). */
  function scrubTo(t) {
    const p = state.preview;
    const view = state.timelineView;
    if (!p || !view || p.text !== els.program.value || (state.run && !state.run.ended)) return;
    t = Math.max(0, Math.min(p.duration, t));
    const k = Math.min(p.head_joints.length - 1, Math.round(t * p.rate));
    if (k < 0) return;
    placePlayhead(view, t);
    state.previewing = true;
    state.previewFrame = { head_joints: p.head_joints[k], antennas: p.antennas[k], head_pose: p.head_pose[k] };
    renderRobotState();
    if (!drawPending) { drawPending = true; requestAnimationFrame(draw); }
  }

  function endPreview() {
    if (!state.previewing) return;
    state.previewing = false;
    state.previewFrame = null;
    renderRobotState();
    if (!drawPending) { drawPending = true; requestAnimationFrame(draw); }
  }

  function timeAtPointer(event) {
    const view = state.timelineView;
    if (!view) return null;
    const box = view.root.getBoundingClientRect();
    const width = parseFloat(view.root.getAttribute('width')) || box.width;
    const x = (event.clientX - box.left) * (width / box.width);
    return (x - view.originX) / view.pixelsPerSecond;
  }

  function wireTimeline() {
    let dragging = false;
    els.timeline.addEventListener('pointerdown', (event) => {
      const t = timeAtPointer(event);
      if (t === null) return;
      dragging = true;
      scrubTo(t);
    });
    els.timeline.addEventListener('pointermove', (event) => {
      if (!dragging) return;
      const t = timeAtPointer(event);
      if (t !== null) scrubTo(t);
    });
    window.addEventListener('pointerup', () => { dragging = false; });
    els.timeline.addEventListener('keydown', (event) => {
      const now = state.playhead ? state.playhead.t : 0;
      if (event.key === 'ArrowRight') { event.preventDefault(); scrubTo(now + (event.shiftKey ? 0.1 : 0.5)); }
      else if (event.key === 'ArrowLeft') { event.preventDefault(); scrubTo(now - (event.shiftKey ? 0.1 : 0.5)); }
      else if (event.key === 'Home') { event.preventDefault(); scrubTo(0); }
      else if (event.key === 'End') { event.preventDefault(); scrubTo(Infinity); }
    });
  }

  /** Ends what the page performs for the current run (sound, bubble, highlight, playhead, socket). */
  function endPerformance(outcome) {
    const run = state.run;
    if (!run || run.ended) return;
    run.ended = true;
    run.outcome = outcome;
    if (run.source) {
      try { run.source.stop(); } catch (e) { /* already ended */ }
      if (state.audio) state.audio.stopped = true;
    }
    if (run.socket && run.socket.readyState <= 1) run.socket.close(1000);
    showBubble(null);
    els.runningLine.hidden = true;
    els.gutter.querySelectorAll('.line.running').forEach((el) => el.classList.remove('running'));
  }

  // ---------------------------------------------------------------- the live robot (/ws/sdk)
  let drawPending = false;
  function draw() {
    drawPending = false;
    if (!state.view) return;
    try {
      state.view.update(state.previewing && state.previewFrame ? state.previewFrame : state.frame);
      state.framesDrawn++;
      if (state.timings.firstFrame === undefined) state.timings.firstFrame = performance.now();
    } catch (e) {
      els.robotState.textContent = text('no-picture');
    }
  }

  function onSocketMessage(event) {
    let message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    if (!message || typeof message !== 'object') return;
    state.socket.messages++;
    if (message.type === 'joint_positions') {
      if (Array.isArray(message.head_joint_positions)) state.frame.head_joints = message.head_joint_positions;
      if (Array.isArray(message.antennas_joint_positions)) state.frame.antennas = message.antennas_joint_positions;
    } else if (message.type === 'head_pose') {
      if (Array.isArray(message.head_pose)) state.frame.head_pose = message.head_pose;
    } else if (message.type === 'task_progress' && message.finished && state.running) {
      // Nothing to do: Bop runs report through /api/bop/run; kept for daemon tasks.
      return;
    } else {
      return;
    }
    if (!drawPending) {
      drawPending = true;
      requestAnimationFrame(draw);
    }
  }

  function renderRobotState() {
    if (!els.robotState) return;
    if (!state.view) { els.robotState.textContent = text('no-picture'); return; }
    if (state.previewing && state.playhead) {
      els.robotState.textContent = text('previewing', { t: state.playhead.t.toFixed(1) });
      return;
    }
    els.robotState.textContent = text(state.socket.connected ? 'connected' : state.socket.opened ? 'disconnected' :
      'connecting');
  }

  function connect() {
    const url = new URL('/ws/sdk', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let socket;
    try { socket = new WebSocket(url.href); } catch (e) { setTimeout(connect, 1000); return; }
    socket.addEventListener('open', () => { state.socket.connected = true; state.socket.opened = true; renderRobotState(); });
    socket.addEventListener('message', onSocketMessage);
    socket.addEventListener('close', () => {
      state.socket.connected = false;
      renderRobotState();
      setTimeout(connect, 1000);
    });
  }

  function createView() {
    if (!window.ReachyRobot || typeof window.ReachyRobot.create !== 'function') return null;
    try {
      return window.ReachyRobot.create(els.robot, { views: ['front', 'side'], language: state.uiLanguage });
    } catch (e) { return null; }
  }

  // ---------------------------------------------------------------- word hints and completion
  function lineHeight() {
    return parseFloat(getComputedStyle(els.program).lineHeight) || 34;
  }

  let measureContext = null;
  function textWidth(s) {
    if (!measureContext) {
      measureContext = document.createElement('canvas').getContext('2d');
      const style = getComputedStyle(els.program);
      measureContext.font = style.fontSize + ' ' + style.fontFamily;
    }
    return measureContext.measureText(s).width;
  }

  /** The word being typed just before the caret: {start, end, prefix} (UTF-16 offsets), or null. */
  function wordBeforeCaret() {
    const value = els.program.value;
    const end = els.program.selectionStart;
    if (end !== els.program.selectionEnd) return null;
    let start = end;
    if (start > 0 && /[A-Za-z_]/.test(value[start - 1])) {
      while (start > 0 && /[A-Za-z_]/.test(value[start - 1])) start--;
    } else {
      while (start > 0 && CJK.test(value[start - 1]) && end - start < 4) start--;
    }
    return { start, end, prefix: value.slice(start, end) };
  }

  /** Words of the program's language (English always too) that complete what is being typed. */
  function candidates(word, all) {
    const lexicon = state.lexicon;
    if (!lexicon || !word) return [];
    // An English program may switch language at any word; a Chinese one may always use English words.
    const codes = Object.keys(lexicon.byLanguage);
    const languages = state.programLanguage === 'en' ? ['en', ...codes.filter((c) => c !== 'en')] :
      [state.programLanguage, 'en'];
    const seen = new Set();
    const found = [];
    // A Chinese prefix: the longest tail of the typed characters that starts a word.
    const tails = CJK.test(word.prefix) ? Array.from(word.prefix).map((_, k, a) => a.slice(k).join('')) : [word.prefix];
    for (const tail of tails) {
      const lowerTail = tail.toLowerCase();
      for (const code of languages) {
        for (const e of lexicon.byLanguage[code] || []) {
          const w = e.word.toLowerCase();
          if (seen.has(e.word) || (CJK.test(tail) !== CJK.test(e.word))) continue;
          if ((lowerTail === '' && all && e.kind === 'keyword') || (lowerTail && w.startsWith(lowerTail) && w !== lowerTail)) {
            seen.add(e.word);
            found.push({ entry: e, replaceFrom: word.end - tail.length });
          }
        }
      }
      if (found.length) break;
    }
    // Chinese: whole commands (向上看) before the words they are made of (向上); otherwise keywords first.
    const rank = (e) => CJK.test(e.word) ? { phrase: 0, keyword: 1 }[e.kind] ?? 2 : e.kind === 'keyword' ? 0 : 1;
    found.sort((a, b) => rank(a.entry) - rank(b.entry) ||
      a.entry.word.length - b.entry.word.length || a.entry.word.localeCompare(b.entry.word));
    return found.slice(0, 8);
  }

  function showCompletions(all) {
    const word = wordBeforeCaret();
    const items = word ? candidates(word, all) : [];
    if (!items.length || (!all && !word.prefix)) { hideCompletions(); return; }
    const c = state.completion;
    c.items = items;
    c.index = all ? 0 : -1;
    c.end = word.end;
    els.completions.innerHTML = '';
    const other = state.programLanguage === 'en' ? (state.uiLanguage === 'en' ? 'zh' : state.uiLanguage) : 'en';
    items.forEach((item, k) => {
      const li = document.createElement('li');
      li.id = 'completion-' + k;
      li.setAttribute('role', 'option');
      li.textContent = item.entry.word;
      const hint = document.createElement('span');
      hint.className = 'other';
      const translated = meaningIn(item.entry, other);
      hint.textContent = translated !== item.entry.word ? translated : '';
      li.appendChild(hint);
      li.addEventListener('mousedown', (event) => { event.preventDefault(); acceptCompletion(k); });
      els.completions.appendChild(li);
    });
    // Under the caret.
    const value = els.program.value;
    const lineStart = value.lastIndexOf('\n', word.end - 1) + 1;
    const lineIndex = value.slice(0, lineStart).split('\n').length - 1;
    const style = getComputedStyle(els.program);
    const left = els.gutter.offsetWidth + parseFloat(style.paddingLeft) +
      textWidth(value.slice(lineStart, word.start)) - els.program.scrollLeft;
    const top = parseFloat(style.paddingTop) + (lineIndex + 1) * lineHeight() - els.program.scrollTop + 4;
    els.completions.style.left = Math.max(0, left) + 'px';
    els.completions.style.top = top + 'px';
    els.completions.hidden = false;
    highlightCompletion();
  }

  function highlightCompletion() {
    const c = state.completion;
    [...els.completions.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === c.index)));
    if (c.index >= 0) {
      els.program.setAttribute('aria-activedescendant', 'completion-' + c.index);
      const li = els.completions.children[c.index];
      if (li) li.scrollIntoView({ block: 'nearest' });
    } else {
      els.program.removeAttribute('aria-activedescendant');
    }
  }

  function hideCompletions() {
    if (els.completions.hidden) return;
    els.completions.hidden = true;
    state.completion.items = [];
    state.completion.index = -1;
    els.program.removeAttribute('aria-activedescendant');
  }

  function acceptCompletion(k) {
    const item = state.completion.items[k];
    if (!item) return;
    hideCompletions();
    const after = els.program.value[state.completion.end];
    const space = CJK.test(item.entry.word) || (after && /\s/.test(after)) ? '' : ' ';
    replaceRange(item.replaceFrom, state.completion.end, item.entry.word + space);
  }

  /** Fills `element` with `message`, its `code` spans (between backticks) shown as code, never as backticks. */
  function withCode(element, message) {
    element.textContent = '';
    String(message).split('`').forEach((part, i) => {
      if (i % 2 === 1) {
        const code = document.createElement('code');
        code.textContent = part;
        element.appendChild(code);
      } else if (part) {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  /** Under the editor: what the Bop word at the caret means in the page's language, when it is written in the other. */
  function renderHint() {
    if (!els.hint || !state.lexicon) return;
    const value = els.program.value;
    const caret = els.program.selectionStart;
    const lineStart = value.lastIndexOf('\n', caret - 1) + 1;
    let lineEnd = value.indexOf('\n', caret);
    if (lineEnd < 0) lineEnd = value.length;
    const line = value.slice(lineStart, lineEnd);
    const column = Array.from(value.slice(lineStart, caret)).length;
    const token = tokenize(line).find((t) => t.entry && t.start <= column && column <= t.end) ||
      tokenize(line).find((t) => t.entry);
    if (!token) { els.hint.textContent = ''; return; }
    const entry = token.entry;
    // A word in the page's own language needs no translation (an English page does not show “向左” for `left`);
    // a word in the other language is explained in the page's.
    const other = entry.lang === state.uiLanguage ? null : state.uiLanguage;
    const translated = other ? meaningIn(entry, other) : null;
    els.hint.innerHTML = '';
    const b = document.createElement('b');
    b.textContent = entry.word;
    const rest = translated && translated !== entry.word ? text('means', { word: '\u0000', other: translated }) :
      text('keyword', { word: '\u0000' });
    const [before, after] = rest.split('\u0000');
    els.hint.append(before || '', b, after || '');
  }

  // ---------------------------------------------------------------- examples
  function fillExamples() {
    const select = els.examples;
    while (select.options.length > 1) select.remove(1);
    for (const example of state.examples) {
      const option = document.createElement('option');
      option.value = example.file;
      option.textContent = example.title;
      select.appendChild(option);
    }
  }

  function openExample(file) {
    const example = state.examples.find((e) => e.file === file);
    if (!example) return;
    els.program.focus();
    replaceRange(0, els.program.value.length, example.text);
    els.program.setSelectionRange(0, 0);
    els.program.scrollTop = 0;
    syncScroll();
    setRunState('loaded', { name: example.title }, '');
  }

  // ---------------------------------------------------------------- events
  function onInput() {
    // The program changed: warnings of an earlier run may no longer be at the right lines.
    state.runtimeProblems = [];
    state.programLanguage = detectLanguage(els.program.value);
    renderEditor();
    renderProblems();
    renderHint();
    scheduleCheck();
    try { localStorage.setItem('bop.program', els.program.value); } catch (e) { /* private mode */ }
    const word = wordBeforeCaret();
    if (word && word.prefix && document.activeElement === els.program) showCompletions(false);
    else hideCompletions();
  }

  function onEditorKey(event) {
    const c = state.completion;
    const open = !els.completions.hidden && c.items.length > 0;
    if (event.key === ' ' && event.ctrlKey) { event.preventDefault(); showCompletions(true); return; }
    if (!open) return;
    if (event.key === 'ArrowDown') { event.preventDefault(); c.index = (c.index + 1) % c.items.length; highlightCompletion(); }
    else if (event.key === 'ArrowUp') {
      event.preventDefault();
      c.index = c.index <= 0 ? c.items.length - 1 : c.index - 1;
      highlightCompletion();
    } else if (event.key === 'Enter' && c.index >= 0 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      acceptCompletion(c.index);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      hideCompletions();
    }
  }

  function onPageKey(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    else if (event.key === 'Escape' && !event.defaultPrevented) { event.preventDefault(); stop(); }
  }

  function wire() {
    els.program.addEventListener('input', onInput);
    els.program.addEventListener('scroll', () => { syncScroll(); hideCompletions(); });
    els.program.addEventListener('keydown', onEditorKey);
    els.program.addEventListener('keyup', (e) => { if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') renderHint(); });
    els.program.addEventListener('click', () => { hideCompletions(); renderHint(); });
    els.program.addEventListener('blur', () => setTimeout(hideCompletions, 150));
    document.addEventListener('keydown', onPageKey);
    els.run.addEventListener('click', run);
    els.stop.addEventListener('click', stop);
    els.share.addEventListener('click', share);
    els.language.addEventListener('click', () => applyUILanguage(state.uiLanguage === 'en' ? 'zh' : 'en'));
    // Choosing in the menu only selects; the Open button replaces the program (arrow keys on a closed menu
    // must not wipe a child's work).
    els.openExample.addEventListener('click', () => { if (els.examples.value) openExample(els.examples.value); });
  }

  async function fetchJSON(path) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(path + ': ' + response.status);
    return response.json();
  }

  async function start() {
    let saved = null;
    let ui = null;
    try { saved = localStorage.getItem('bop.program'); ui = localStorage.getItem('bop.ui'); } catch (e) { /* */ }
    const params = new URLSearchParams(location.search);
    if (params.get('lang')) ui = params.get('lang');
    if (params.has('fresh')) saved = null;
    state.view = createView();
    wire();
    wireTimeline();
    applyUILanguage(ui || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en'));
    connect();
    const [keywords, examples] = await Promise.all([
      fetchJSON('/playground/keywords.json').catch(() => ({ languages: [] })),
      fetchJSON('/playground/examples.json').catch(() => []),
    ]);
    state.lexicon = buildLexicon(keywords);
    state.examples = Array.isArray(examples) ? examples : [];
    fillExamples();
    els.program.value = saved !== null ? saved : (state.examples[0] ? state.examples[0].text : '');
    state.programLanguage = detectLanguage(els.program.value);
    renderEditor();
    renderProblems();
    renderHint();
    state.timings.editorReady = performance.now();
    state.ready = true;
    check();
  }

  start();
})();
