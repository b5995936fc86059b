// The live part of the form. The page works without it (values in the HTML, plain form posts); this adds the checks as the clerk
// types (the server runs the same binder and rules as `docgen validate`), paragraph and acknowledgement editing, spreadsheet keys,
// save with a warning about comments, render with downloads, and the PDF preview. No framework, nothing from the internet.
'use strict';
(function () {
  const form = document.getElementById('report');
  if (!form) return;
  // The token now lives in the cookie: take it out of the address bar (and of the history) so it is not copied around.
  if (location.search.includes('token=')) history.replaceState(null, '', location.pathname);
  document.querySelectorAll('[hidden]:not(#preview)').forEach(e => { e.hidden = false; });

  const status = document.getElementById('status');
  // sequence numbers the checks; checks up to quietUpTo were asked for before the clerk's last save, render or preview, so their
  // answers mark the cells but leave that action's message in the status line (a late answer once replaced "已保存" there).
  let sequence = 0, timer = 0, quietUpTo = 0;

  function body(extra) {
    const data = new URLSearchParams(new FormData(form));
    for (const [k, v] of Object.entries(extra || {})) data.set(k, v);
    return data;
  }
  async function post(url, extra) {
    const response = await fetch(url, { method: 'POST', body: body(extra), headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.status + ' ' + (await response.text()));
    return response.json();
  }

  // ---- problems on the cells they concern ----
  function named(name) { return Array.from(form.querySelectorAll('[name="' + CSS.escape(name) + '"]')); }
  function elementsFor(field) {
    const exact = named(field).concat(Array.from(form.querySelectorAll('[data-total="' + CSS.escape(field) + '"]')));
    if (exact.length) return exact;
    const indexed = /^(.*)\[(\d+)\]$/.exec(field);
    if (indexed) {
      // Blank paragraphs and title lines are not saved, so the file's index counts only the filled ones.
      const filled = named(indexed[1]).filter(e => e.value.trim() !== '');
      if (filled.length) return filled[+indexed[2]] ? [filled[+indexed[2]]] : [];
    }
    return Array.from(form.querySelectorAll('[name]')).filter(e => e.name.startsWith(field + '.') || e.name.startsWith(field + '['));
  }
  function show(check, keepStatus) {
    form.querySelectorAll('.bad, .warn').forEach(e => { e.classList.remove('bad', 'warn'); e.removeAttribute('title'); });
    form.querySelectorAll('ul.problems').forEach(u => { u.textContent = ''; });
    const all = document.getElementById('all-problems');
    const lists = Array.from(form.querySelectorAll('ul.problems[data-problems]'));
    for (const p of check.problems) {
      const li = document.createElement('li');
      li.className = p.severity;
      li.textContent = p.text;
      all.appendChild(li);
      const local = p.path && lists.find(u => p.path.startsWith(u.dataset.problems));
      if (local) local.appendChild(li.cloneNode(true));
      for (const field of (p.fields.length ? p.fields : p.path ? [p.path] : [])) {
        for (const e of elementsFor(field)) {
          e.classList.add(p.severity === 'error' ? 'bad' : 'warn');
          e.title = e.title ? e.title + '\n' + p.text : p.text;
        }
      }
    }
    for (const out of form.querySelectorAll('[data-total]')) out.textContent = check.totals[out.dataset.total] ?? '';
    if (keepStatus) return;
    status.textContent = check.errors === 0 && check.warnings === 0 ? '✓ 没有发现问题'
      : check.errors === 0 ? '✓ 有效（' + check.warnings + ' 个警告）'
      : '✗ ' + check.errors + ' 个错误，' + check.warnings + ' 个警告';
  }
  async function check() {
    const mine = ++sequence;
    try {
      const result = await post('/api/check');
      if (mine === sequence) show(result, mine <= quietUpTo); // an older answer arriving late must not undo a newer one
    } catch (e) { if (mine > quietUpTo) status.textContent = '检查失败：' + e.message; }
  }
  // Before an action writes the status line: the check the last keystrokes are waiting for runs now, quietly.
  function quietCheck() { clearTimeout(timer); quietUpTo = sequence + 1; check(); }
  function scheduleCheck() { clearTimeout(timer); timer = setTimeout(check, 120); }
  form.addEventListener('input', scheduleCheck);

  // ---- save, render, preview ----
  form.addEventListener('submit', async event => {
    const id = event.submitter && event.submitter.id;
    if (id === 'stop') { if (!confirm('停止表单服务？未保存的修改会丢失。')) event.preventDefault(); return; }
    event.preventDefault();
    quietCheck();
    if (id === 'render') return render();
    return save({});
  });
  async function save(extra) {
    const result = await post('/api/save', extra);
    if (result.needsConfirmation) {
      if (confirm(result.message)) return save({ _dropComments: '1' });
      status.textContent = '没有保存';
      return;
    }
    const notice = document.getElementById('comments');
    if (notice) notice.remove();
    status.textContent = result.message;
  }
  async function render() {
    status.textContent = '正在生成……';
    const result = await post('/api/render');
    if (!result.outputs.length) {
      show({ problems: result.problems, totals: {}, errors: result.problems.filter(p => p.severity === 'error').length, warnings: 0 });
      status.textContent = '✗ 没有生成：请先改正错误';
      return;
    }
    const downloads = document.getElementById('downloads');
    downloads.textContent = '';
    for (const o of result.outputs) {
      const a = document.createElement('a');
      a.href = o.url; a.download = o.name; a.textContent = o.name;
      downloads.appendChild(a);
    }
    status.textContent = '已生成 ' + result.outputs.map(o => o.name).join('、');
  }
  document.getElementById('show-preview').addEventListener('click', async () => {
    quietCheck();
    status.textContent = '正在生成预览……';
    const result = await post('/api/preview');
    if (!result.url) { status.textContent = '✗ 无法预览：请先改正错误'; return; }
    const section = document.getElementById('preview');
    section.hidden = false;
    document.getElementById('preview-frame').src = result.url;
    section.scrollIntoView();
    status.textContent = '预览已更新';
  });

  // ---- paragraphs: add, delete, reorder ----
  form.addEventListener('click', event => {
    const button = event.target.closest('button');
    if (!button || button.type !== 'button') return;
    const item = button.closest('li.paragraph');
    if (button.dataset.move && item) {
      const sibling = +button.dataset.move < 0 ? item.previousElementSibling : item.nextElementSibling;
      if (sibling) { if (+button.dataset.move < 0) sibling.before(item); else sibling.after(item); }
    } else if (button.classList.contains('remove-paragraph') && item) {
      if (item.parentElement.children.length > 1) item.remove(); else item.querySelector('textarea').value = '';
    } else if (button.classList.contains('add-paragraph')) {
      const list = button.closest('fieldset').querySelector('ol.paragraphs');
      const copy = list.lastElementChild.cloneNode(true);
      copy.querySelector('textarea').value = '';
      list.appendChild(copy);
      copy.querySelector('textarea').focus();
    } else if (button.id === 'add-ack') {
      const rows = document.getElementById('ack-rows');
      const copy = rows.lastElementChild.cloneNode(true);
      copy.querySelectorAll('input').forEach(i => { i.value = ''; });
      rows.appendChild(copy);
      renumberAcks();
    } else if (button.classList.contains('remove-ack')) {
      const rows = document.getElementById('ack-rows');
      if (rows.children.length > 1) button.closest('tr').remove(); else button.closest('tr').querySelectorAll('input').forEach(i => { i.value = ''; });
      renumberAcks();
    } else return;
    scheduleCheck();
  });
  function renumberAcks() {
    Array.from(document.getElementById('ack-rows').children).forEach((row, i) =>
      row.querySelectorAll('input').forEach(input => { input.name = input.name.replace(/^acknowledgements\[\d+\]/, 'acknowledgements[' + i + ']'); }));
  }

  // ---- spreadsheet keys: arrows between cells, Enter moves down, Tab and Shift-Tab as usual ----
  form.addEventListener('focusin', event => { if (event.target.classList.contains('cell')) event.target.select(); });
  form.addEventListener('keydown', event => {
    const cell = event.target;
    // Enter in a one-line field must not submit (save) the whole form, as browsers do by default.
    if (event.key === 'Enter' && cell.tagName === 'INPUT' && !cell.classList.contains('cell')) { event.preventDefault(); return; }
    if (!cell.classList || !cell.classList.contains('cell') || event.altKey || event.ctrlKey || event.metaKey) return;
    const whole = cell.selectionStart === 0 && cell.selectionEnd === cell.value.length;
    const step = { ArrowDown: [0, 1], Enter: [0, 1], ArrowUp: [0, -1],
      ArrowLeft: (whole || cell.selectionStart === 0) ? [-1, 0] : null,
      ArrowRight: (whole || cell.selectionEnd === cell.value.length) ? [1, 0] : null }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = neighbour(cell, step[0], step[1]);
    if (next) next.focus();
  });
  function neighbour(cell, dx, dy) {
    const r = +cell.dataset.r, c = +cell.dataset.c;
    const cells = Array.from(cell.closest('table').querySelectorAll('input.cell'));
    const covers = e => +e.dataset.c <= c && c < +e.dataset.c + +e.dataset.w;
    let best = null, distance = Infinity;
    for (const e of cells) {
      const er = +e.dataset.r, ec = +e.dataset.c;
      const d = dy ? (covers(e) ? (er - r) * dy : -1) : (er === r ? (ec - c) * dx : -1);
      if (d > 0 && d < distance) { best = e; distance = d; }
    }
    return best;
  }
})();
