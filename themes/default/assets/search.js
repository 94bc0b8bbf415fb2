/*
 * search.js — instant client-side search on search.html (body[data-page="search"]).
 *
 * The index is window.OVA_SEARCH from data/search.js, one row per video:
 *   [page, title, "tags space separated", "description words", [[seconds, chapter]...], [[seconds, marker]...]]
 * Matching ignores case and accents ("cafe" finds "Café"); every word of the query must match
 * somewhere in a video; title hits rank first, then tags, chapters and markers, then description words.
 * A chapter or marker hit links to the video at that time (video/<id>.html#t=SECONDS).
 *
 * Rows are scanned in slices and the best results so far are shown after the first slice, so a
 * large library answers at once and refines while the rest is read.
 *
 * Loaded on every page (it is in the layout); it does nothing outside the search page, where the header
 * box is a plain form that goes to search.html?q=.
 */
(function () {
  'use strict';

  const OVA = window.OVA;
  const SLICE = 2000;
  const PAGE = 50;
  const MAX_HITS_PER_VIDEO = 5;
  const WEIGHTS = { title: 100, tag: 40, chapter: 25, marker: 25, words: 10 };
  const FIELDS = ['title', 'tag', 'words'];

  if (document.body.dataset.page !== 'search') {
    return;
  }

  /** Lower case without accents: NFD splits "é" into "e" + a combining mark, which is dropped. */
  function fold(text) {
    return String(text).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  }

  /** A row with its texts folded once, on first use, and kept for the next queries. */
  function prepared(row, cache, index) {
    let entry = cache[index];
    if (!entry) {
      const [path, title, tags, words, chapters, markers] = row;
      entry = {
        path,
        title,
        fields: { title: fold(title), tag: fold(tags), words: fold(words) },
        timed: (chapters || []).map(([at, label]) => ({ kind: 'chapter', at, label, folded: fold(label) }))
          .concat((markers || []).map(([at, label]) => ({ kind: 'marker', at, label, folded: fold(label) }))),
      };
      // Everything in one string, so a row missing any query word is dropped with one indexOf per word.
      entry.all = [entry.fields.title, entry.fields.tag, entry.fields.words].concat(entry.timed.map((t) => t.folded)).join('\n');
      cache[index] = entry;
    }
    return entry;
  }

  /** Score of one query term in one text: 0 if absent, more at a word start, most for the whole text. */
  function termScore(text, term, weight) {
    const at = text.indexOf(term);
    if (at < 0) {
      return 0;
    }
    if (text === term) {
      return weight * 3;
    }
    const wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]);
    return wordStart ? weight * 1.5 : weight;
  }

  /** {entry, score, hits, target} when every term matches somewhere in the video, else null. */
  function match(entry, terms) {
    if (!terms.every((term) => entry.all.includes(term))) {
      return null;
    }
    let score = 0;
    let plainHit = false;
    for (const term of terms) {
      let best = 0;
      for (const field of FIELDS) {
        const s = termScore(entry.fields[field], term, WEIGHTS[field]);
        best = Math.max(best, s);
        plainHit = plainHit || s > 0;
      }
      for (const item of entry.timed) {
        best = Math.max(best, termScore(item.folded, term, WEIGHTS[item.kind]));
      }
      if (best === 0) {
        return null;
      }
      score += best;
    }
    const hits = entry.timed.filter((item) => terms.some((term) => item.folded.includes(term)))
      .sort((a, b) => a.at - b.at);
    // Found only through a chapter or marker: the result itself opens the video at that moment.
    const target = plainHit || hits.length === 0 ? null : hits[0].at;
    return { entry, score, hits, target };
  }

  // ---------------------------------------------------------------- rendering

  function videoHref(path, at) {
    return OVA.siteUrl(path) + (at === null || at === undefined ? '' : '#t=' + at);
  }

  function resultItem(result, library) {
    const { entry, hits, target } = result;
    const info = library.get(entry.path);
    const href = videoHref(entry.path, target);
    const meta = [];
    if (info && info.d) {
      meta.push(OVA.formatTime(info.d));
    }
    if (info && info.r > 0) {
      meta.push('★'.repeat(info.r));
    }
    if (info && info.g.length > 0) {
      meta.push(info.g.join(', '));
    }
    const thumb = OVA.siteUrl(info && info.th ? info.th : 'assets/placeholder.svg');
    return OVA.el('li', { class: 'search-result' }, [
      OVA.el('a', { class: 'result-thumb', href, tabindex: '-1', 'aria-hidden': 'true' }, [
        OVA.el('img', { class: 'thumb', src: thumb, alt: '', loading: 'lazy', width: '160', height: '90' }),
      ]),
      OVA.el('div', { class: 'result-body' }, [
        OVA.el('a', { class: 'result-title', href }, [entry.title]),
        meta.length > 0 ? OVA.el('p', { class: 'result-meta' }, [meta.join(' · ')]) : null,
        hits.length > 0 ? hitList(entry, hits) : null,
      ]),
    ]);
  }

  function hitList(entry, hits) {
    return OVA.el('ul', { class: 'result-hits' }, hits.slice(0, MAX_HITS_PER_VIDEO).map((hit) =>
      OVA.el('li', { class: 'hit ' + hit.kind }, [
        OVA.el('a', { href: videoHref(entry.path, hit.at) }, [
          OVA.el('span', { class: 'time' }, [OVA.formatTime(hit.at)]),
          ' ' + hit.label + ' ',
          OVA.el('span', { class: 'kind' }, ['(' + hit.kind + ')']),
        ]),
      ])));
  }

  // ---------------------------------------------------------------- the search page

  function init(index, lib) {
    const input = document.getElementById('search-input') || document.querySelector('main input[type="search"]')
      || document.querySelector('.search-box input[name="q"]');
    const results = document.querySelector('.search-results')
      || document.querySelector('main').appendChild(OVA.el('ul', { class: 'search-results' }));
    let status = document.querySelector('.search-status');
    if (!status) {
      status = OVA.el('p', { class: 'search-status', 'aria-live': 'polite' });
      results.before(status);
    }
    const library = new Map(lib.videos.map((v) => [v.u, v]));
    const cache = new Array(index.length);
    let run = 0;

    const search = (query) => {
      const terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const thisRun = ++run;
      results.replaceChildren();
      if (terms.length === 0) {
        status.textContent = 'Search ' + index.length + ' video' + (index.length === 1 ? '' : 's')
          + ' by title, tag, description, chapter or marker.';
        return;
      }
      const found = [];
      const scanFrom = (start) => {
        if (thisRun !== run) {
          return; // a newer query started
        }
        const end = Math.min(index.length, start + SLICE);
        for (let i = start; i < end; i++) {
          const result = match(prepared(index[i], cache, i), terms);
          if (result) {
            result.order = i;
            found.push(result);
          }
        }
        // Results show after the first slice and again at the end; rendering every slice costs more
        // than it tells.
        if (start === 0 || end === index.length) {
          show(found, end < index.length, query);
        }
        if (end < index.length) {
          window.setTimeout(() => scanFrom(end), 0);
        }
      };
      scanFrom(0);
    };

    // The best PAGE results first; "Show more" adds the next PAGE (hundreds of rows at once are slow
    // to lay out on a phone, and nobody reads them).
    const show = (found, more, query) => {
      found.sort((a, b) => b.score - a.score || a.order - b.order);
      let shown = Math.min(PAGE, found.length);
      results.replaceChildren(...found.slice(0, shown).map((r) => resultItem(r, library)));
      const count = found.length === 1 ? '1 video' : found.length + ' videos';
      status.textContent = more ? 'Searching… ' + count + ' so far'
        : (found.length === 0 ? 'Nothing found for “' + query + '”.' : count + ' for “' + query + '”.');
      if (!more && shown < found.length) {
        const button = OVA.el('button', { type: 'button', class: 'show-more' }, ['Show more']);
        const item = OVA.el('li', { class: 'search-more' }, [button]);
        button.addEventListener('click', () => {
          const next = found.slice(shown, shown + PAGE).map((r) => resultItem(r, library));
          shown += next.length;
          item.before(...next);
          if (shown >= found.length) {
            item.remove();
          }
        });
        results.appendChild(item);
      }
    };

    // Fold the index while the viewer is still typing, so the first search does not pay for it.
    const warmUp = (start) => {
      const end = Math.min(index.length, start + SLICE);
      for (let i = start; i < end; i++) {
        prepared(index[i], cache, i);
      }
      if (end < index.length) {
        window.setTimeout(() => warmUp(end), 0);
      }
    };

    let pending = null;
    const onInput = () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => {
        const url = new URL(location.href);
        if (input.value.trim()) {
          url.searchParams.set('q', input.value.trim());
        } else {
          url.searchParams.delete('q');
        }
        history.replaceState(history.state, '', url.href);
        search(input.value);
      }, 60);
    };

    const initial = new URLSearchParams(location.search).get('q') || '';
    if (input) {
      input.value = initial;
      input.addEventListener('input', onInput);
      // Enter keeps you here: results are already on screen.
      const form = input.closest('form');
      if (form) {
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          onInput();
        });
      }
    }
    search(initial);
    if (!initial) {
      warmUp(0);
    }
  }

  // The library data only adds thumbnails and facts to the results; search works without it.
  const library = OVA.loadData('OVA_LIBRARY', 'library.js').catch(() => ({ videos: [] }));
  const missingIndex = () => {
    const status = document.querySelector('.search-status');
    if (status) {
      status.textContent = 'The search index (data/search.js) is missing: rebuild the site with ova build.';
    }
  };
  Promise.all([OVA.loadData('OVA_SEARCH', 'search.js'), library]).then(([index, lib]) => init(index, lib), missingIndex);
}());
