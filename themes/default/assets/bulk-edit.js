/*
 * bulk-edit.js — one change for many videos from a list page (library, sort, tag, folder, top rated,
 * playlist), when `ova serve` says it can edit (OVA_SERVER.features.edit; see server-api.js). On
 * file:// and static hosts OVA_SERVER is null and nothing is shown.
 *
 * "Select" puts a checkbox on each card (a click on a card then selects it instead of opening it);
 * the bar adds a tag, removes a tag (both suggested from the library's tags) and/or sets a rating for
 * the selected videos with PATCH /api/videos, then reloads the page, which the server has re-rendered
 * by the time it answers.
 */
(function () {
  'use strict';

  const server = window.OVA_SERVER;
  const list = document.querySelector('main .cards[data-list]');
  const head = document.querySelector('main .list-head');
  if (!server || !server.features || !server.features.edit || !server.api || !list || !head) {
    return;
  }
  const el = OVA.el;
  const selected = new Set();
  const cards = () => Array.from(list.querySelectorAll(':scope > li > a.card[data-id]'));

  const toggle = el('button', { type: 'button', class: 'bulk-toggle', 'aria-pressed': 'false' }, ['Select']);
  const count = el('span', { class: 'bulk-count' });
  const addTag = el('input', {
    type: 'text', name: 'addTag', list: 'ova-bulk-tags', placeholder: 'Add tag', 'aria-label': 'Tag to add',
  });
  const removeTag = el('input', {
    type: 'text', name: 'removeTag', list: 'ova-bulk-tags', placeholder: 'Remove tag', 'aria-label': 'Tag to remove',
  });
  const ratings = [el('option', { value: '' }, ['Rating: keep']), el('option', { value: '0' }, ['No rating'])];
  for (let stars = 1; stars <= 5; stars++) {
    ratings.push(el('option', { value: String(stars) }, ['\u2605'.repeat(stars)]));
  }
  const rating = el('select', { name: 'rating', 'aria-label': 'Rating for all selected' }, ratings);
  const apply = el('button', { type: 'button', class: 'bulk-apply' }, ['Apply']);
  const status = el('span', { class: 'bulk-status', role: 'status' });
  const tools = el('div', { class: 'bulk-tools', hidden: true }, [count, addTag, removeTag, rating, apply, status]);
  const tagList = el('datalist', { id: 'ova-bulk-tags' });
  const bar = el('div', { class: 'bulk-bar' }, [toggle, tools, tagList]);
  head.appendChild(bar);

  function selecting() {
    return toggle.getAttribute('aria-pressed') === 'true';
  }

  function update() {
    count.textContent = selected.size + ' selected';
    apply.disabled = selected.size === 0;
  }

  function pick(card, on) {
    if (on) {
      selected.add(card.dataset.id);
    } else {
      selected.delete(card.dataset.id);
    }
    card.parentNode.classList.toggle('bulk-selected', on);
    card.parentNode.querySelector('.bulk-check').checked = on;
    update();
  }

  function start() {
    cards().forEach((card) => {
      const check = el('input', { type: 'checkbox', class: 'bulk-check', 'aria-label': 'Select ' + card.querySelector('.title').textContent });
      check.addEventListener('change', () => pick(card, check.checked));
      card.parentNode.classList.add('bulk-item');
      card.parentNode.prepend(check);
    });
    OVA.loadData('OVA_LIBRARY', 'library.js').then((library) => {
      const names = new Map();
      library.videos.forEach((video) => (video.g || []).forEach((tag) => names.set(tag.toLowerCase(), tag)));
      Array.from(names.values()).sort((a, b) => a.localeCompare(b))
        .forEach((tag) => tagList.appendChild(el('option', { value: tag })));
    }).catch(() => {
      // no suggestions: typing a tag still works
    });
  }

  function stop() {
    list.querySelectorAll('.bulk-check').forEach((check) => check.remove());
    list.querySelectorAll('.bulk-item').forEach((item) => item.classList.remove('bulk-item', 'bulk-selected'));
    selected.clear();
    tagList.textContent = '';
    status.textContent = '';
  }

  toggle.addEventListener('click', () => {
    const on = !selecting();
    toggle.setAttribute('aria-pressed', String(on));
    tools.hidden = !on;
    bar.classList.toggle('selecting', on);
    document.body.classList.toggle('bulk-selecting', on);
    if (on) {
      start();
    } else {
      stop();
    }
    update();
  });

  // While selecting, a click on a card selects it; the capture phase keeps it from the player's and
  // the preview's handlers too.
  list.addEventListener('click', (event) => {
    const card = event.target.closest('a.card[data-id]');
    if (!selecting() || !card) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    pick(card, !selected.has(card.dataset.id));
  }, true);

  /** A problem's field as a person knows it: "ids[1]" is the title of the second selected video. */
  function named(field, ids) {
    const index = /^ids\[(\d+)\]$/.exec(field);
    const title = index && list.querySelector('a.card[data-id="' + CSS.escape(ids[Number(index[1])]) + '"] .title');
    return title ? title.textContent : field;
  }

  apply.addEventListener('click', () => {
    const body = { ids: Array.from(selected) };
    if (addTag.value.trim()) {
      body.addTags = [addTag.value.trim()];
    }
    if (removeTag.value.trim()) {
      body.removeTags = [removeTag.value.trim()];
    }
    if (rating.value !== '') {
      body.rating = Number(rating.value);
    }
    if (!body.addTags && !body.removeTags && body.rating === undefined) {
      status.textContent = 'Choose a tag to add or remove, or a rating.';
      return;
    }
    apply.disabled = true;
    status.textContent = 'Saving\u2026';
    server.api('PATCH', '/api/videos', body).then((answer) => {
      const problems = (answer.data && answer.data.problems) || [];
      if (answer.ok && problems.length === 0) {
        location.reload();
        return;
      }
      status.textContent = problems.length
        ? problems.map((p) => (p.field ? named(p.field, body.ids) + ': ' : '') + p.message).join('; ')
        : server.failure(answer).message;
      apply.disabled = false;
    }).catch((error) => {
      status.textContent = 'Not saved: ' + error.message;
      apply.disabled = false;
    });
  });
})();
