// Live reload and the problems banner, only under `ova serve` (window.OVA_SERVER set by assets/server.js);
// on file:// and static hosts this does nothing.
//
// The page listens to the server's events (GET /api/events, Server-Sent Events, over the page's one
// connection: server-api.js):
// - `reload` after the server rendered the site again (YAML changed by hand): the page asks for its own file
//   (a HEAD request) and reloads only when that file changed, so a video playing on an unaffected page
//   goes on. Scroll position survives the reload (ova.js keeps it). While a form field has focus or a
//   dialog is open, the page offers a "Reload" button instead of dropping what is being typed.
// - `problems` whenever the problems in the YAML files change: a banner on every page lists them
//   (file:line:column: message) until they are fixed; it can be dismissed until the list changes.
(function () {
  'use strict';

  const server = window.OVA_SERVER;
  if (!server || !Array.isArray(server.problems) || typeof server.listen !== 'function'
      || typeof EventSource === 'undefined') {
    return;
  }
  const DISMISSED = 'ova:problems-dismissed';

  // ---------------------------------------------------------------- problems banner

  let banner = null;

  function session(action, value) {
    try {
      if (action === 'get') {
        return window.sessionStorage.getItem(DISMISSED);
      }
      window.sessionStorage.setItem(DISMISSED, value);
    } catch (e) {
      // storage off: the banner comes back on the next page
    }
    return null;
  }

  function showProblems(problems) {
    const key = JSON.stringify(problems);
    if (banner) {
      banner.remove();
      banner = null;
    }
    if (problems.length === 0 || session('get') === key) {
      return;
    }
    banner = document.createElement('aside');
    banner.className = 'ova-problems';
    banner.setAttribute('role', 'alert');
    const head = document.createElement('p');
    head.textContent = (problems.length === 1 ? 'A YAML file of the library has a problem' : problems.length
      + ' problems in YAML files of the library') + '; the site shows the last good version until fixed:';
    const list = document.createElement('ul');
    problems.forEach((p) => {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = p.file + ':' + p.line + ':' + p.column;
      item.append(where, ': ' + p.message);
      list.appendChild(item);
    });
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'dismiss';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => {
      session('set', key);
      banner.remove();
      banner = null;
    });
    banner.append(close, head, list);
    document.body.insertBefore(banner, document.body.firstChild);
  }

  // ---------------------------------------------------------------- reload when this page changed

  /** This page's file as the server has it now: {tag: its ETag, modified: ms}, or null when it is gone. */
  function current() {
    return fetch(location.pathname, { method: 'HEAD', cache: 'no-store' }).then((response) => (response.ok
      ? { tag: response.headers.get('ETag'), modified: Date.parse(response.headers.get('Last-Modified') || '') }
      : null));
  }

  /**
   * Whether the file changed between the document's load and the first look: its Last-Modified second or
   * its size (the ETag is "size-mtime" in hex) differs from the document's. A change within the same second
   * that keeps the size is missed here; later ones are caught by comparing ETags.
   */
  function changedSinceLoad(now) {
    if (now === null) {
      return false;
    }
    const shown = Date.parse(document.lastModified);
    if (!isNaN(shown) && !isNaN(now.modified) && Math.floor(shown / 1000) !== Math.floor(now.modified / 1000)) {
      return true;
    }
    const navigation = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    const size = /^"?([0-9a-f]+)-/.exec(now.tag || '');
    return Boolean(navigation && navigation.decodedBodySize && size
      && parseInt(size[1], 16) !== navigation.decodedBodySize);
  }

  /** True while reloading would throw away what someone is typing or choosing. */
  function busy() {
    const active = document.activeElement;
    return document.querySelector('dialog[open]') !== null
      || (active !== null && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)));
  }

  function offerReload() {
    if (document.querySelector('.ova-changed')) {
      return;
    }
    const note = document.createElement('aside');
    note.className = 'ova-changed';
    note.setAttribute('role', 'status');
    note.textContent = 'This page changed. ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', () => location.reload());
    note.appendChild(button);
    document.body.insertBefore(note, document.body.firstChild);
  }

  /**
   * Reloads, or offers to while a form is in use. A reload on a guess (`changedSinceLoad`) happens once per
   * version of the file (`guessed`: its ETag), so a guess that stays wrong never reloads the page again.
   */
  function reload(guessed) {
    if (busy()) {
      offerReload();
      return;
    }
    if (guessed) {
      const key = 'ova:live-reload:' + location.pathname;
      try {
        if (window.sessionStorage.getItem(key) === guessed) {
          return;
        }
        window.sessionStorage.setItem(key, guessed);
      } catch (e) {
        return; // no storage, no guard: no guessing either
      }
    }
    location.reload();
  }

  let seen = current().then((now) => {
    if (changedSinceLoad(now)) {
      reload(now.tag || 'unknown');
    }
    return now === null ? null : now.tag;
  }).catch(() => null);

  function checkPage() {
    Promise.all([seen, current()]).then(([before, now]) => {
      if (now === null) {
        // the page is gone (a playlist file deleted): the start page shows what there is now
        location.href = (document.body.dataset.root || '') + 'index.html';
      } else if (now.tag !== before) {
        seen = Promise.resolve(now.tag);
        reload(null);
      }
    }).catch(() => {
      // the server went away: nothing to compare with
    });
  }

  // ---------------------------------------------------------------- events

  showProblems(server.problems);
  server.listenJson('problems', showProblems);
  // The Upload and Processing pages show the API's state, kept live by their own scripts: a reload would
  // only cut uploads in flight and lose the step a person is at.
  if (!['upload', 'processing'].includes(document.body.dataset.page)) {
    server.listen('reload', checkPage);
    // a change rendered before the stream was open (or while it was down) sent its event to no one
    server.listen('open', checkPage);
  }
}());
