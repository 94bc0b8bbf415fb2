/*
 * ova.js — runs on every page of an ova site.
 *
 * Plain script (no modules, no build step) so it also works when the site is opened from file://.
 * It never fetches site files: data comes from <script src="data/*.js"> files that set
 * window.OVA_LIBRARY / OVA_PLAYLISTS / OVA_SEARCH (see the theme's SITE-CONTRACT.md, beside assets/).
 *
 * Besides the page behaviour below it publishes a few helpers on window.OVA for player.js,
 * search.js and vr.js, so it must be loaded before them (the layout loads all of them `defer`,
 * which keeps document order).
 *
 * Page behaviour: scroll restore, card hover previews, the random button, the header search box,
 * the rating filter (top rated), the tag sort (tags page), and the watch history: progress bars and
 * "watched" marks on cards and the library page's "Continue watching" row.
 */
(function () {
  'use strict';

  const body = document.body;
  const root = body.dataset.root || '';

  // ---------------------------------------------------------------- helpers shared with the other scripts

  /**
   * Web storage that never throws: it is missing or full in private modes and some file:// setups,
   * and remembering is a convenience, never a failure. Values are stored as JSON.
   */
  function safeStorage(kind) {
    const area = () => window[kind];
    return {
      get(key, fallback) {
        try {
          const text = area().getItem(key);
          return text === null ? fallback : JSON.parse(text);
        } catch (e) {
          return fallback;
        }
      },
      set(key, value) {
        try {
          area().setItem(key, JSON.stringify(value));
        } catch (e) {
          // quota or disabled storage
        }
      },
      remove(key) {
        try {
          area().removeItem(key);
        } catch (e) {
          // see set()
        }
      },
    };
  }

  /** localStorage: kept across visits. */
  const store = safeStorage('localStorage');
  /** sessionStorage: per visit (a tab keeps it across reloads, a new visit starts fresh). */
  const session = safeStorage('sessionStorage');

  /** A data-file address (relative to the site root) as seen from this page. */
  function siteUrl(path) {
    return root + path;
  }

  /** The absolute path of a site-root-relative address, to compare pages whatever the relative prefix. */
  function sitePath(path) {
    return new URL(siteUrl(path), location.href).pathname;
  }

  /**
   * The global a data file defines (e.g. OVA_LIBRARY from data/library.js). Pages normally load the
   * file themselves; when one does not, a <script> element is added — script loads are allowed
   * from file://, unlike fetch/XHR.
   */
  function loadData(globalName, fileName) {
    if (window[globalName] !== undefined) {
      return Promise.resolve(window[globalName]);
    }
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = siteUrl('data/' + fileName);
      script.onload = () => (window[globalName] !== undefined
        ? resolve(window[globalName])
        : reject(new Error('data/' + fileName + ' did not define ' + globalName)));
      script.onerror = () => reject(new Error('could not load data/' + fileName));
      document.head.appendChild(script);
    });
  }

  /** "1:05", "1:02:03"; with `decimals`, "1:23.5" (the form metadata files accept). */
  function formatTime(seconds, decimals) {
    const plain = Math.max(0, Number(seconds) || 0);
    // Players show whole seconds cut down; with decimals round first, so 59.96 s is 1:00.0, never 0:60.0.
    const total = decimals ? Math.round(plain * 10 ** decimals) / 10 ** decimals : Math.floor(plain);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    let s = decimals ? (total % 60).toFixed(decimals).replace(/\.?0+$/, '') : String(Math.floor(total % 60));
    if (Number.parseFloat(s) < 10) {
      s = '0' + s;
    }
    return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
  }

  /** Seconds from "42.5", "1:05" or "1:02:03.5" (as the server reads times); null when it is no time. */
  function parseTime(text) {
    const m = /^(\d+)(?::(\d{1,2}))?(?::(\d{1,2}))?(\.\d+)?$/.exec(String(text).trim());
    if (!m || Number(m[2]) >= 60 || Number(m[3]) >= 60) {
      return null;
    }
    const fraction = m[4] ? Number('0' + m[4]) : 0;
    const parts = [m[1], m[2], m[3]].filter((part) => part !== undefined).map(Number);
    return parts.reduce((total, part) => total * 60 + part, 0) + fraction;
  }

  /** A promise of the library's tags, most used first (from data/library.js), for suggestions. */
  function libraryTags() {
    return loadData('OVA_LIBRARY', 'library.js').then((library) => {
      const counts = new Map();
      library.videos.forEach((v) => (v.g || []).forEach((tag) => counts.set(tag, (counts.get(tag) || 0) + 1)));
      return Array.from(counts.keys()).sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    });
  }

  /** A new element with attributes and children (strings become text, so data is never parsed as HTML). */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    (children || []).forEach((child) => {
      if (child !== null && child !== undefined) {
        node.append(child);
      }
    });
    return node;
  }

  /** Puts `text` into a status line, marked as a problem or not (class "problem"). */
  function say(node, text, problem) {
    node.textContent = text;
    node.classList.toggle('problem', Boolean(problem));
  }

  /** The slug of a tag name, as org.ova.site.Slugs makes it (without its collision suffixes). */
  function slugOf(text) {
    const plain = text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
    return plain.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  }

  /**
   * What this browser watched, per video id: {p: position (s), d: duration (s), w: when (ms since
   * 1970), f: finished}. One localStorage entry, so it works from file:// and "clear history" is one
   * removal. The player writes it; cards and "Continue watching" read it.
   */
  const watched = {
    all() {
      const all = store.get('ova:history', {});
      return all && typeof all === 'object' ? all : {};
    },
    get(id) {
      return watched.all()[id] || null;
    },
    record(id, entry) {
      const all = watched.all();
      all[id] = entry;
      // Kept to the newest 1000 videos, so the entry never nears the storage quota.
      const ids = Object.keys(all);
      if (ids.length > 1000) {
        ids.sort((a, b) => all[a].w - all[b].w).slice(0, ids.length - 1000).forEach((old) => delete all[old]);
      }
      store.set('ova:history', all);
    },
    clear() {
      store.remove('ova:history');
    },
  };

  window.OVA = { root, store, session, siteUrl, sitePath, loadData, libraryTags, formatTime, parseTime, el, say, slugOf, watched };

  // ---------------------------------------------------------------- scroll restore (like Telegram)

  /*
   * Every page remembers how far down it was scrolled, per path + query (the query holds the page,
   * sort and filter), and goes back there on load, on back/forward and on return visits. The browser's
   * own restoration is switched off because it only covers back/forward, and two restorers fight.
   */
  function setUpScrollRestore() {
    const key = () => 'ova:scroll:' + location.pathname + location.search;
    const target = store.get(key(), 0);
    let restoring = true;
    if ('scrollRestoration' in history) {
      history.scrollRestoration = 'manual';
    }
    const restore = () => {
      if (target > 0 && !hashTargetsAnElement()) {
        window.scrollTo(0, target);
      }
    };
    const save = () => {
      if (!restoring) {
        store.set(key(), Math.round(window.scrollY));
      }
    };
    restore();
    // Images and fonts can still grow the page; restore once more when everything is in, and only then
    // start saving, so an early scroll clamped by a short page cannot overwrite the real position.
    const finish = () => {
      restore();
      restoring = false;
    };
    if (document.readyState === 'complete') {
      finish();
    } else {
      window.addEventListener('load', finish, { once: true });
    }
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) {
        // Back/forward cache: the page kept its DOM; put the scroll position back too.
        const y = store.get(key(), 0);
        if (y > 0) {
          window.scrollTo(0, y);
        }
      }
    });
    let pending = null;
    window.addEventListener('scroll', () => {
      if (pending === null) {
        pending = window.setTimeout(() => {
          pending = null;
          save();
        }, 200);
      }
    }, { passive: true });
    window.addEventListener('pagehide', save);
  }

  /** True when the URL's #fragment names an element: then the browser's jump wins over the restore. */
  function hashTargetsAnElement() {
    if (location.hash.length < 2) {
      return false;
    }
    try {
      return document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null;
    } catch (e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- card hover previews

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  /*
   * Hovering (mouse or pen) or keyboard-focusing a card plays its short preview clip, muted, in place of
   * the thumbnail. The <video> is made on the first hover only, so a page of cards loads no video.
   * Touch is left out on purpose: a tap is a click, and scrolling must not start dozens of videos.
   */
  function setUpCardPreviews() {
    document.querySelectorAll('.card[data-preview]').forEach((card) => {
      if (!card.dataset.preview) {
        return;
      }
      card.addEventListener('pointerenter', (event) => {
        if (event.pointerType !== 'touch') {
          startPreview(card);
        }
      });
      card.addEventListener('pointerleave', () => stopPreview(card));
      card.addEventListener('focus', () => {
        if (card.matches(':focus-visible')) {
          startPreview(card);
        }
      });
      card.addEventListener('blur', () => stopPreview(card));
    });
  }

  function startPreview(card) {
    if (reducedMotion.matches) {
      return;
    }
    const video = card.querySelector('video.preview') || createPreview(card);
    video.play().catch(() => {
      // Stopped before it started (the pointer left) or autoplay refused: the thumbnail stays.
    });
  }

  function createPreview(card) {
    const video = el('video', { class: 'preview', 'aria-hidden': 'true', hidden: true, preload: 'auto' });
    video.muted = true;
    video.loop = true;
    video.playsInline = true;
    video.src = card.dataset.preview;
    // Shown only once it really plays, so a slow or missing clip never replaces the thumbnail with black.
    video.addEventListener('playing', () => {
      video.hidden = false;
    });
    // Right after the thumbnail, so the duration badge (later in .thumb-box) stays on top of it.
    const thumb = card.querySelector('img.thumb');
    if (thumb) {
      thumb.after(video);
    } else {
      (card.querySelector('.thumb-box') || card).prepend(video);
    }
    return video;
  }

  function stopPreview(card) {
    const video = card.querySelector('video.preview');
    if (video) {
      video.pause();
      video.hidden = true;
      if (video.readyState > 0) {
        video.currentTime = 0;
      }
    }
  }

  // ---------------------------------------------------------------- random button

  /*
   * data-random-scope: "library", "tag:<slug>" or "playlist:<id>". Candidates come from the data files
   * (the whole library, not just the cards of this page); the video on screen is never picked.
   */
  function setUpRandomButton() {
    document.querySelectorAll('[data-random-scope]').forEach((button) => {
      button.addEventListener('click', () => {
        randomCandidates(button.dataset.randomScope || 'library')
          .catch(() => [])
          // No data file, or a scope it does not know (e.g. a tag slug with a -2 suffix): use the cards here.
          .then((candidates) => (candidates.length > 0 ? candidates : cardCandidates()))
          .then((candidates) => {
            const others = candidates.filter((c) => sitePath(c.path) !== location.pathname);
            if (others.length === 0) {
              button.title = 'No other video to pick';
              return;
            }
            const pick = others[Math.floor(Math.random() * others.length)];
            location.href = siteUrl(pick.path) + (pick.query || '');
          });
      });
    });
  }

  /** Promise of [{path, query}] for a scope; rejects when the data file is missing. */
  function randomCandidates(scope) {
    const [kind, ...rest] = scope.split(':');
    const name = rest.join(':');
    if (kind === 'playlist') {
      return loadData('OVA_PLAYLISTS', 'playlists.js').then((playlists) => {
        const playlist = playlists[name];
        if (!playlist) {
          throw new Error('no playlist ' + name);
        }
        const query = (i) => '?list=' + encodeURIComponent(name) + '&i=' + i;
        return loadData('OVA_LIBRARY', 'library.js').catch(() => ({ videos: [] })).then((library) => {
          const unplayable = new Set(library.videos.filter((v) => v.np).map((v) => v.u));
          return playlist.videos.map((path, i) => ({ path, query: query(i) }))
            .filter((c) => !unplayable.has(c.path));
        });
      });
    }
    return loadData('OVA_LIBRARY', 'library.js').then((library) => {
      // Videos browsers cannot play (np) only have a message to show: Random is for watching.
      const playable = library.videos.filter((v) => !v.np);
      const inScope = kind === 'tag'
        ? playable.filter((v) => v.g.some((tag) => tag === name || slugOf(tag) === name))
        : playable;
      return inScope.map((v) => ({ path: v.u }));
    });
  }

  /** Fallback without data files: the cards on this page (their hrefs are page-relative). */
  function cardCandidates() {
    return Array.from(document.querySelectorAll('a.card')).map((card) => {
      const url = new URL(card.getAttribute('href'), location.href);
      const base = new URL(siteUrl(''), location.href);
      return { path: decodeURI(url.pathname.slice(base.pathname.length)), query: url.search };
    });
  }

  // ---------------------------------------------------------------- header search box

  /**
   * The form already goes to search.html?q= (search.js takes over there); only an empty search is kept
   * from leaving the page.
   */
  function setUpSearchBox() {
    document.querySelectorAll('form.search-box').forEach((form) => {
      const input = form.querySelector('input[name="q"]');
      form.addEventListener('submit', (event) => {
        if (input && input.value.trim() === '') {
          event.preventDefault();
          input.focus();
        }
      });
    });
  }

  // ---------------------------------------------------------------- list filters kept in the URL

  /**
   * Toggle buttons (aria-pressed) whose choice lives in the URL query as `param`, so reload and
   * back/forward bring it back and the scroll position is remembered per choice.
   */
  function setUpUrlChoice(buttons, dataKey, param, fallback, apply) {
    if (buttons.length === 0) {
      return;
    }
    const choose = (value, updateUrl) => {
      buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset[dataKey] === value)));
      apply(value);
      if (updateUrl) {
        const url = new URL(location.href);
        if (value === fallback) {
          url.searchParams.delete(param);
        } else {
          url.searchParams.set(param, value);
        }
        history.replaceState(history.state, '', url.href);
      }
    };
    buttons.forEach((b) => b.addEventListener('click', () => choose(b.dataset[dataKey], true)));
    const initial = new URLSearchParams(location.search).get(param);
    if (initial !== null && buttons.some((b) => b.dataset[dataKey] === initial)) {
      choose(initial, false);
    }
  }

  /** Top rated: buttons [data-rating-filter="N"] show cards rated N stars and up ("0" = all). */
  function setUpRatingFilter() {
    const buttons = Array.from(document.querySelectorAll('[data-rating-filter]'));
    setUpUrlChoice(buttons, 'ratingFilter', 'rating', '0', (value) => {
      const min = Number(value);
      document.querySelectorAll('.cards .card').forEach((card) => {
        card.closest('li').hidden = Number(card.dataset.rating || 0) < min;
      });
    });
  }

  /** Tags page: buttons [data-sort-tags="name|count"] reorder the items of .tag-index. */
  function setUpTagSort() {
    const list = document.querySelector('.tag-index');
    const buttons = Array.from(document.querySelectorAll('[data-sort-tags]'));
    if (!list) {
      return;
    }
    setUpUrlChoice(buttons, 'sortTags', 'sort', 'name', (key) => {
      const byName = (a, b) => a.dataset.name.localeCompare(b.dataset.name);
      const byCount = (a, b) => Number(b.dataset.count) - Number(a.dataset.count) || byName(a, b);
      Array.from(list.children)
        .sort(key === 'count' ? byCount : byName)
        .forEach((item) => list.appendChild(item));
    });
  }

  // ---------------------------------------------------------------- watch history on cards

  /** A thin progress bar on cards of videos partly watched, a "Watched" mark on finished ones. */
  function markWatchedCards() {
    const all = watched.all();
    document.querySelectorAll('.card[data-id]').forEach((card) => {
      const box = card.querySelector('.thumb-box');
      if (!box) {
        return;
      }
      box.querySelectorAll('.watch-progress, .watched-mark').forEach((old) => old.remove());
      const entry = all[card.dataset.id];
      if (!entry) {
        return;
      }
      if (entry.f) {
        box.appendChild(el('span', { class: 'watched-mark' }, ['Watched']));
      } else if (entry.p > 0 && entry.d > 0) {
        const bar = el('span', { class: 'watch-progress', 'aria-label': Math.round((entry.p / entry.d) * 100) + '% watched' },
          [el('span')]);
        bar.firstChild.style.width = Math.min(100, (entry.p / entry.d) * 100).toFixed(1) + '%';
        box.appendChild(bar);
      }
    });
  }

  /** A card like partials/card.peb makes, for a library.js entry. */
  function cardFor(v) {
    const thumb = el('img', { class: v.th ? 'thumb' : 'thumb placeholder', loading: 'lazy', alt: '',
      src: siteUrl(v.th || 'assets/placeholder.svg') });
    const box = el('span', { class: 'thumb-box' }, [thumb,
      v.d > 0 ? el('span', { class: 'duration' }, [formatTime(Math.ceil(v.d - 1e-6))]) : null]);
    return el('li', {}, [el('a', { class: 'card', href: siteUrl(v.u), 'data-id': v.id },
      [box, el('span', { class: 'title' }, [v.t])])]);
  }

  /**
   * The library's first page starts with the videos that have a saved position, newest first, and a
   * control that forgets the whole history.
   */
  function setUpContinueWatching() {
    const current = document.querySelector('.pager .current');
    const head = document.querySelector('.list-head');
    if (body.dataset.page !== 'library' || !head || (current && current.textContent.trim() !== '1')) {
      return;
    }
    const all = watched.all();
    const ids = Object.keys(all).filter((id) => !all[id].f && all[id].p > 0).sort((a, b) => all[b].w - all[a].w);
    if (ids.length === 0) {
      return;
    }
    loadData('OVA_LIBRARY', 'library.js').then((library) => {
      const byId = new Map(library.videos.map((v) => [v.id, v]));
      const cards = ids.filter((id) => byId.has(id)).slice(0, 12).map((id) => cardFor(byId.get(id)));
      if (cards.length === 0) {
        return;
      }
      const clear = el('button', { type: 'button', class: 'clear-history' }, ['Clear history']);
      const row = el('section', { class: 'continue-watching', 'aria-label': 'Continue watching' }, [
        el('div', { class: 'row-head' }, [el('h2', {}, ['Continue watching']), clear]),
        el('ul', { class: 'cards continue-cards' }, cards),
      ]);
      head.after(row);
      clear.addEventListener('click', () => {
        watched.clear();
        row.remove();
        markWatchedCards();
      });
      markWatchedCards();
    }).catch(() => {
      // Without data/library.js there is nothing to show the videos with.
    });
  }

  // ---------------------------------------------------------------- start

  setUpRatingFilter();
  setUpTagSort();
  // After the filters: they change the page's height, and so where the saved scroll position lands.
  setUpScrollRestore();
  setUpCardPreviews();
  setUpRandomButton();
  setUpSearchBox();
  markWatchedCards();
  setUpContinueWatching();
}());
