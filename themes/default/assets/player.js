/*
 * player.js — the video page's player and the playlist player.
 *
 * Video page (body[data-page="video"]): Plyr on #ova-player with scrub thumbnails, markers on the
 * timeline, chapter and marker links, keyboard shortcuts and their help (?), double-tap seeking on
 * touch screens, resume and the watch history, #t=SECONDS, "add marker here", a note when the server
 * cannot seek, and, when opened from a playlist (?list=<id>&i=<n>), the playlist player: the whole list
 * plays in this one player (the source changes, the page stays, so autoplay, fullscreen and volume
 * carry over), with next/previous/shuffle/repeat.
 * Playlist page (body[data-page="playlist"]): the shuffle/repeat toggles and the browser's order.
 *
 * Needs ova.js (window.OVA) and, on the video page, Plyr (vendor/plyr/plyr.min.js) loaded before it.
 */
(function () {
  'use strict';

  const OVA = window.OVA;
  const page = document.body.dataset.page;

  // ---------------------------------------------------------------- playlist order (shared by both pages)

  /** A small seeded generator (mulberry32): the same seed gives the same shuffle after a reload. */
  function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6D2B79F5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(items, seed) {
    const random = seededRandom(seed);
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /**
   * Playlist state: shuffle and repeat are the viewer's choices (localStorage, per playlist; shuffle
   * starts on for random-sort playlists). A shuffled order comes from a seed kept per visit
   * (sessionStorage), so a reload keeps the order and the position while a new visit reshuffles.
   */
  function playlistState(id, playlist) {
    const key = 'ova:playlist:' + id;
    const state = {
      id,
      title: playlist.title,
      shuffle: OVA.store.get(key + ':shuffle', Boolean(playlist.random)),
      repeat: OVA.store.get(key + ':repeat', false),
      order: playlist.videos,
    };
    const seed = () => {
      let value = OVA.session.get(key + ':seed', null);
      if (value === null) {
        value = Math.floor(Math.random() * 2 ** 32);
        OVA.session.set(key + ':seed', value);
      }
      return value;
    };
    state.reorder = () => {
      state.order = state.shuffle ? shuffled(playlist.videos, seed()) : playlist.videos;
    };
    state.toggleShuffle = () => {
      state.shuffle = !state.shuffle;
      OVA.store.set(key + ':shuffle', state.shuffle);
      if (state.shuffle) {
        OVA.session.set(key + ':seed', Math.floor(Math.random() * 2 ** 32));
      }
      state.reorder();
    };
    state.toggleRepeat = () => {
      state.repeat = !state.repeat;
      OVA.store.set(key + ':repeat', state.repeat);
    };
    state.url = (i) => OVA.siteUrl(state.order[i]) + '?list=' + encodeURIComponent(id) + '&i=' + i;
    state.reorder();
    return state;
  }

  function pressed(button, on) {
    button.setAttribute('aria-pressed', String(on));
  }

  // ---------------------------------------------------------------- video page

  function readVideoData() {
    const script = document.getElementById('ova-video-data');
    try {
      return script ? JSON.parse(script.textContent) : null;
    } catch (e) {
      return null;
    }
  }

  function initVideoPage() {
    const data = readVideoData();
    const video = document.getElementById('ova-player');
    if (!data) {
      return;
    }
    const list = new URLSearchParams(location.search).get('list');
    if (!data.playable || !video) {
      showNotPlayable(data, video);
      if (list) {
        setUpPlaylistContext(list, null);
      }
      return;
    }
    if (typeof window.Plyr === 'undefined') {
      return; // Plyr did not load: the browser's own controls still play the video
    }
    const player = createPlayer(video, data);
    const markers = new MarkerTrack(player, video, data);
    setUpChapters(video, data);
    setUpSeekLinks(player, video);
    const help = new ShortcutHelp();
    setUpKeyboard(player, video, data, markers, help);
    setUpDoubleTap(player, video);
    setUpResume(video, data);
    setUpSeekNote(video);
    setUpAddMarker(video, data, markers);
    if (list) {
      setUpPlaylistContext(list, video, { player, data, markers });
    }
  }

  /** The renderer already shows a message instead of the <video>; this covers a player that cannot start. */
  function showNotPlayable(data, video) {
    if (document.querySelector('.not-playable')) {
      return;
    }
    const message = OVA.el('div', { class: 'not-playable', role: 'alert' }, [
      OVA.el('p', {}, [data.message || 'This video cannot be played in this browser.']),
    ]);
    if (video) {
      video.replaceWith(message);
    } else {
      (document.querySelector('.player-box') || document.querySelector('main')).prepend(message);
    }
  }

  /** Plyr's icon sprite, from plyr-icons.js: a file URL would be blocked on file://, and the default is a CDN. */
  function addIcons() {
    if (!window.OVA_PLYR_ICONS || document.querySelector('.plyr-icons')) {
      return;
    }
    const box = OVA.el('div', { class: 'plyr-icons', hidden: true, 'aria-hidden': 'true' });
    box.innerHTML = window.OVA_PLYR_ICONS;
    document.body.prepend(box);
  }

  function createPlayer(video, data) {
    addIcons();
    return new window.Plyr(video, {
      // the icons are in the page (addIcons): no sprite file to load
      iconUrl: '',
      // Plyr's default is a CDN file; the playlist player swaps sources on the <video> itself, never
      // through Plyr's source API, so nothing needs a blank video.
      blankVideo: '',
      // Keys are all handled below (player.js), with ova's own bindings (j/l, [ ], , .) — Plyr's own
      // handler would double-handle space/k/m/f/arrows and take `l` for "loop".
      keyboard: { focused: false, global: false },
      seekTime: 10,
      invertTime: false,
      tooltips: { controls: true, seek: true },
      controls: ['play-large', 'play', 'progress', 'current-time', 'duration', 'mute', 'volume',
        'settings', 'pip', 'fullscreen'],
      settings: ['speed'],
      previewThumbnails: scrubThumbnails(data.sprites),
    });
  }

  /**
   * Plyr loads its thumbnail VTT with XHR, which file:// pages may not do on files — but they may on a
   * blob: URL made from the inline VTT text. The image names in it must then be absolute, because
   * Plyr resolves relative ones against the VTT's (blob) address. Plyr also prefixes every name that
   * does not start with "/" or "http" with that address, so a file: URL is written scheme-relative
   * ("//host/path", empty host for local files), which the page resolves back to the same file.
   */
  function scrubThumbnails(sprites) {
    if (!sprites || !sprites.vtt) {
      return { enabled: false, src: '' };
    }
    const absolute = (file) => {
      const href = new URL(sprites.base + file, location.href).href;
      return /^https?:/.test(href) ? href : href.slice(href.indexOf(':') + 1);
    };
    // A cue's image reference is the line right after its timing line: "sprite-1.jpg#xywh=0,0,160,90".
    const lines = sprites.vtt.split(/\r\n|\n|\r/);
    const vtt = lines.map((line, i) => {
      const text = line.trim();
      if (i === 0 || !lines[i - 1].includes('-->') || text === '') {
        return line;
      }
      const hash = text.includes('#') ? text.indexOf('#') : text.length;
      return absolute(text.slice(0, hash)) + text.slice(hash);
    }).join('\n');
    const src = URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
    return { enabled: true, src };
  }

  // ---------------------------------------------------------------- markers on the timeline

  /**
   * Ticks inside Plyr's progress bar for the video's markers and the ones added in this browser; the
   * label shows on hover (title) and a click seeks there. Plyr 3.8's own `markers` option is not used:
   * it writes labels as HTML and only matches whole seconds.
   */
  class MarkerTrack {
    constructor(player, video, data) {
      this.player = player;
      this.video = video;
      this.data = data;
      this.loadLocal();
      player.on('ready', () => this.draw());
      player.on('loadedmetadata', () => this.draw());
      this.draw();
    }

    /** The markers added in this browser for the video now in data.id (the playlist player changes it). */
    loadLocal() {
      const stored = OVA.store.get(localMarkersKey(this.data.id), []);
      this.local = Array.isArray(stored) ? stored : [];
    }

    /** All markers, sorted by time: the page's own and the local ones. */
    all() {
      return this.data.markers.concat(this.local.map((m) => ({ at: m.at, label: m.label, local: true })))
        .sort((a, b) => a.at - b.at);
    }

    duration() {
      return Number.isFinite(this.video.duration) && this.video.duration > 0 ? this.video.duration : this.data.duration;
    }

    draw() {
      // The one place ova reaches into Plyr's internals: Plyr 3.8 has no API to add elements to its
      // progress bar, so the ticks go into player.elements.progress (the .plyr__progress element). When a
      // Plyr update renames it, the ticks are simply not drawn; the marker list below the player stays.
      const progress = this.player.elements && this.player.elements.progress;
      const duration = this.duration();
      if (!progress || !(duration > 0)) {
        return;
      }
      progress.querySelectorAll('.ova-marker').forEach((tick) => tick.remove());
      this.all().forEach((marker) => {
        const label = OVA.formatTime(marker.at) + ' ' + marker.label;
        const left = Math.min(100, (marker.at / duration) * 100).toFixed(3);
        // only the position is the marker's own; the look is .ova-marker in ova.css
        const tick = OVA.el('span', {
          class: marker.local ? 'ova-marker local' : 'ova-marker',
          title: label,
          'aria-label': 'Marker ' + label,
        });
        tick.style.left = left + '%';
        tick.addEventListener('click', (event) => {
          event.stopPropagation();
          seekAndPlay(this.player, this.video, marker.at);
        });
        progress.appendChild(tick);
      });
    }

    addLocal(marker) {
      this.local.push(marker);
      OVA.store.set(localMarkersKey(this.data.id), this.local);
      this.draw();
    }

    clearLocal() {
      this.local = [];
      OVA.store.remove(localMarkersKey(this.data.id));
      this.draw();
    }
  }

  function localMarkersKey(id) {
    return 'ova:markers:' + id;
  }

  /**
   * Seeks on the media element itself: Plyr ignores seeks until it knows the duration, while the
   * element keeps an early seek and applies it once the metadata is in.
   */
  function seekTo(video, seconds) {
    const end = Number.isFinite(video.duration) ? video.duration : Infinity;
    video.currentTime = Math.max(0, Math.min(seconds, end));
  }

  function seekAndPlay(player, video, seconds) {
    seekTo(video, seconds);
    autoplay(video);
  }

  /**
   * Starts playback without a click. When the browser refuses sound without a gesture, plays muted and
   * shows an "Unmute" button over the player instead; when it refuses even that, the viewer presses play.
   */
  function autoplay(video) {
    const playing = video.play();
    if (!playing || !playing.catch) {
      return;
    }
    playing.catch((error) => {
      if (!error || error.name !== 'NotAllowedError' || video.muted) {
        return;
      }
      video.muted = true;
      video.play().then(() => showUnmute(video)).catch(() => {
        video.muted = false;
      });
    });
  }

  function showUnmute(video) {
    const box = video.closest('.plyr') || video.parentElement;
    if (box.querySelector('.unmute')) {
      return;
    }
    const button = OVA.el('button', { type: 'button', class: 'unmute' }, ['🔇 Unmute']);
    const done = () => button.remove();
    button.addEventListener('click', () => {
      video.muted = false;
      done();
    });
    video.addEventListener('volumechange', () => {
      if (!video.muted) {
        done();
      }
    });
    box.appendChild(button);
  }

  // ---------------------------------------------------------------- chapters and seek links

  /** The chapter being played gets class "current" in ol.chapters (items in data.chapters order). */
  function setUpChapters(video, data) {
    const items = Array.from(document.querySelectorAll('.chapters > li'));
    if (items.length === 0 || data.chapters.length === 0) {
      return;
    }
    let current = -1;
    const update = () => {
      const t = video.currentTime;
      const index = data.chapters.findIndex((c, i) =>
        t >= c.start && (t < c.end || i === data.chapters.length - 1));
      if (index !== current) {
        items.forEach((item, i) => item.classList.toggle('current', i === index));
        current = index;
      }
    };
    video.addEventListener('timeupdate', update);
    video.addEventListener('seeked', update);
  }

  /** Any [data-seek] link (chapters, markers) seeks and plays instead of changing the #hash. */
  function setUpSeekLinks(player, video) {
    document.addEventListener('click', (event) => {
      const link = event.target.closest('[data-seek]');
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        seekAndPlay(player, video, Number(link.dataset.seek));
      }
    });
    // A #t= link to this page from elsewhere on it (search box results, typed URLs).
    window.addEventListener('hashchange', () => {
      const t = timeFromHash();
      if (t !== null) {
        seekAndPlay(player, video, t);
      }
    });
  }

  /** Seconds from "#t=83.5" or "#t=1:23.5"; null when the URL has no such fragment. */
  function timeFromHash() {
    const match = /^#t=([\d:.]+)$/.exec(location.hash);
    if (!match) {
      return null;
    }
    const seconds = match[1].split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    return Number.isFinite(seconds) ? seconds : null;
  }

  // ---------------------------------------------------------------- keyboard

  /** Whether a key event belongs to a text field (or a slider, for arrow keys) rather than the player. */
  function keyIsForControl(event) {
    const target = event.target;
    if (!(target instanceof Element)) {
      return false;
    }
    if (target.isContentEditable || target.closest('textarea, select, [contenteditable], .plyr__menu')) {
      return true;
    }
    if (target.tagName === 'INPUT') {
      // Plyr's seek and volume bars are range inputs: they move with the arrows themselves.
      return target.type !== 'range' || event.key.startsWith('Arrow');
    }
    // A focused button is pressed by space natively (as Plyr does, leave it to the browser).
    return event.key === ' ' && target.closest('button, [role^="menuitem"]') !== null;
  }

  /**
   * space/k play-pause, j/l ∓10 s, ←/→ ∓5 s, [ ] previous/next marker, , . previous/next chapter,
   * f fullscreen, m mute, 0-9 jump to 0%…90%, b "add marker here" (the page's button, so it does the
   * same: saved by the server, or kept in this browser). Plyr's own keyboard handling is off (see createPlayer).
   */
  function setUpKeyboard(player, video, data, markers, help) {
    const jumpBy = (delta) => seekTo(video, video.currentTime + delta);
    const chapterStarts = () => data.chapters.map((c) => c.start);
    const actions = {
      '?': () => help.toggle(),
      ' ': () => player.togglePlay(),
      k: () => player.togglePlay(),
      j: () => jumpBy(-10),
      l: () => jumpBy(10),
      ArrowLeft: () => jumpBy(-5),
      ArrowRight: () => jumpBy(5),
      '[': () => jumpToNeighbour(video, markers.all().map((m) => m.at), -1),
      ']': () => jumpToNeighbour(video, markers.all().map((m) => m.at), 1),
      ',': () => jumpToNeighbour(video, chapterStarts(), -1),
      '.': () => jumpToNeighbour(video, chapterStarts(), 1),
      f: () => player.fullscreen.toggle(),
      m: () => {
        player.muted = !player.muted;
      },
      b: () => {
        const addMarker = document.querySelector('.add-marker');
        if (addMarker) {
          addMarker.click();
        }
      },
    };
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || keyIsForControl(event)) {
        return;
      }
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (help.isOpen() && key !== '?') {
        return; // the dialog has the keyboard (Escape closes it)
      }
      const action = actions[key] || (/^[0-9]$/.test(key) ? () => jumpToFraction(video, data, Number(key)) : null);
      if (action) {
        event.preventDefault();
        action();
      }
    });
  }

  /** Every key setUpKeyboard handles, for the help overlay. */
  const SHORTCUTS = [
    ['Space, K', 'Play or pause'],
    ['J / L', 'Back / forward 10 seconds'],
    ['← / →', 'Back / forward 5 seconds'],
    ['[ / ]', 'Previous / next marker'],
    [', / .', 'Previous / next chapter'],
    ['0 … 9', 'Jump to 0% … 90%'],
    ['F', 'Full screen'],
    ['M', 'Mute'],
    ['B', 'Add a marker here'],
    ['?', 'This help'],
  ];

  /** The "?" overlay listing the shortcuts, made on first use; a keyboard icon by the player opens it too. */
  class ShortcutHelp {
    constructor() {
      this.dialog = null;
      const icon = OVA.el('button', { type: 'button', class: 'keys-button', title: 'Keyboard shortcuts (?)',
        'aria-label': 'Keyboard shortcuts' }, ['⌨']);
      icon.addEventListener('click', () => this.toggle());
      const meta = document.querySelector('.video-meta');
      if (meta) {
        meta.appendChild(icon);
      }
    }

    isOpen() {
      return this.dialog !== null && this.dialog.open;
    }

    toggle() {
      if (this.isOpen()) {
        this.dialog.close();
        return;
      }
      if (!this.dialog) {
        const rows = SHORTCUTS.map(([keys, what]) => OVA.el('tr', {}, [OVA.el('th', {}, [keys]), OVA.el('td', {}, [what])]));
        const close = OVA.el('button', { type: 'button', class: 'close' }, ['Close']);
        this.dialog = OVA.el('dialog', { class: 'shortcut-help', 'aria-label': 'Keyboard shortcuts' }, [
          OVA.el('h2', {}, ['Keyboard shortcuts']),
          OVA.el('table', {}, [OVA.el('tbody', {}, rows)]),
          OVA.el('p', { class: 'touch-hint' }, ['On a touch screen, double-tap the left or right third of the video to go back or forward 10 seconds.']),
          close,
        ]);
        close.addEventListener('click', () => this.dialog.close());
        // A click on the backdrop (outside the box) closes it too.
        this.dialog.addEventListener('click', (event) => {
          if (event.target === this.dialog) {
            this.dialog.close();
          }
        });
        document.body.appendChild(this.dialog);
      }
      this.dialog.showModal();
    }
  }

  /**
   * Touch screens: a double tap on the left or right third of the video goes back or forward 10 s,
   * as phone players do; the middle third is left to Plyr (play/pause, controls).
   */
  function setUpDoubleTap(player, video) {
    const box = player.elements && player.elements.container;
    if (!box) {
      return;
    }
    let last = { at: 0, side: 0 };
    box.addEventListener('pointerup', (event) => {
      if (event.pointerType !== 'touch' || event.target.closest('.plyr__controls, button, input')) {
        return;
      }
      const rect = box.getBoundingClientRect();
      const x = (event.clientX - rect.left) / rect.width;
      const side = x < 1 / 3 ? -1 : x > 2 / 3 ? 1 : 0;
      if (side !== 0 && side === last.side && event.timeStamp - last.at < 400) {
        seekTo(video, video.currentTime + side * 10);
        flashSeek(box, side);
        last = { at: 0, side: 0 };
      } else {
        last = { at: event.timeStamp, side };
      }
    });
  }

  function flashSeek(box, side) {
    const flash = OVA.el('span', { class: side < 0 ? 'seek-flash back' : 'seek-flash forward', 'aria-hidden': 'true' },
      [side < 0 ? '« 10 s' : '10 s »']);
    box.appendChild(flash);
    window.setTimeout(() => flash.remove(), 600);
  }

  /**
   * The next time after now, or the previous one — where "previous" skips the one just passed when it
   * is less than a second behind, so pressing the key again keeps going back (as players do).
   */
  function jumpToNeighbour(video, times, direction) {
    const now = video.currentTime;
    const target = direction > 0
      ? times.find((t) => t > now + 0.25)
      : times.filter((t) => t < now - 1).pop();
    if (target !== undefined) {
      seekTo(video, target);
    } else if (direction < 0) {
      seekTo(video, 0);
    }
  }

  function jumpToFraction(video, data, tenths) {
    const duration = Number.isFinite(video.duration) ? video.duration : data.duration;
    seekTo(video, (duration * tenths) / 10);
  }

  // ---------------------------------------------------------------- resume and #t=

  /**
   * Where the viewer left off, per video, in the watch history (OVA.watched, localStorage), saved every
   * few seconds and when leaving. A #t= in the URL wins; a position near the end (nearTheEnd) counts
   * as finished. data.id is read at each save: the playlist player changes it.
   */
  function setUpResume(video, data) {
    const saved = OVA.watched.get(data.id);
    const start = timeFromHash() !== null ? timeFromHash() : (saved && !saved.f ? saved.p : null);
    const ownId = data.id;
    const apply = () => {
      if (data.id !== ownId) {
        return; // the playlist player already moved on to another video
      }
      const duration = Number.isFinite(video.duration) ? video.duration : data.duration;
      if (start !== null && start > 0 && (timeFromHash() !== null || !nearTheEnd(start, duration))) {
        seekTo(video, start);
      }
    };
    if (video.readyState >= 1) {
      apply();
    } else {
      video.addEventListener('loadedmetadata', apply, { once: true });
    }
    let lastSave = 0;
    const save = () => {
      const t = video.currentTime;
      const duration = Number.isFinite(video.duration) ? video.duration : data.duration;
      const finished = duration > 0 && nearTheEnd(t, duration);
      if (t > 1 || finished) {
        OVA.watched.record(data.id, { p: finished ? 0 : Math.round(t * 10) / 10, d: duration, w: Date.now(), f: finished });
      }
    };
    video.addEventListener('timeupdate', () => {
      if (Date.now() - lastSave > 4000) {
        lastSave = Date.now();
        save();
      }
    });
    video.addEventListener('pause', save);
    video.addEventListener('ended', save);
    window.addEventListener('pagehide', save);
  }

  /** Whether `t` is in the last 5 s of a video (the last tenth of a short one): it counts as watched. */
  function nearTheEnd(t, duration) {
    return t >= duration - Math.min(5, duration / 10);
  }

  /**
   * A server that ignores byte ranges (python3 -m http.server, some static hosts) makes every seek jump
   * back to 0:00. The browser shows it as a video that is not seekable; say so once per visit.
   */
  function setUpSeekNote(video) {
    if (!/^https?:$/.test(location.protocol)) {
      return;
    }
    const check = () => {
      const seekable = video.seekable.length > 0 && video.seekable.end(video.seekable.length - 1) > 0;
      if (seekable || !(video.duration > 1) || OVA.session.get('ova:seek-note', false)) {
        return;
      }
      OVA.session.set('ova:seek-note', true);
      const note = OVA.el('p', { class: 'seek-note', role: 'status' }, ['This server cannot seek in videos (it ignores '
        + 'byte-range requests), so skipping ahead starts the video again. Serve the site with ova serve, or any '
        + 'server with byte-range support.']);
      (document.querySelector('.player-box') || video).after(note);
    };
    // The deferred script can run after the metadata arrived (a fast local server): check at once then.
    if (video.readyState >= 1) {
      check();
    } else {
      video.addEventListener('loadedmetadata', check, { once: true });
    }
  }

  // ---------------------------------------------------------------- add marker here

  /**
   * Hook for `ova serve`: when the page has found a running server (its status call sets
   * window.OVA_SERVER), the server saves the marker into the video's metadata file. Returns a promise,
   * or null on a static host, where the marker stays in this browser and a YAML snippet is offered.
   */
  function saveMarkerOnServer(videoId, marker) {
    const server = window.OVA_SERVER;
    return server && typeof server.saveMarker === 'function' ? server.saveMarker(videoId, marker) : null;
  }

  /** "Add marker here": stores {at, label} and shows the YAML to paste into the metadata file. */
  function setUpAddMarker(video, data, markers) {
    const button = document.querySelector('.add-marker');
    const snippet = document.querySelector('.marker-snippet');
    if (!button || !snippet) {
      return;
    }
    const pre = snippet.querySelector('pre') || snippet.appendChild(OVA.el('pre'));
    const labelInput = OVA.el('input', { type: 'text', class: 'marker-label', 'aria-label': 'Label of the new marker' });
    const forget = OVA.el('button', { type: 'button', class: 'forget-markers' }, ['Forget these markers']);
    snippet.insertBefore(OVA.el('label', { class: 'marker-label-field' }, ['Label ', labelInput]), pre);
    snippet.appendChild(forget);
    const show = () => {
      pre.textContent = markersYaml(markers.local);
      snippet.hidden = markers.local.length === 0;
    };
    button.addEventListener('click', () => {
      const marker = { at: Math.round(video.currentTime * 10) / 10, label: 'Marker ' + OVA.formatTime(video.currentTime) };
      const saved = saveMarkerOnServer(data.id, marker);
      if (saved) {
        // Saved into the metadata file: it is one of the video's own markers from now on. The event
        // tells an open Edit form (edit-form.js), whose `video` is the saver's answer when it gives one.
        saved.then((answer) => {
          data.markers.push(marker);
          markers.draw();
          document.dispatchEvent(new CustomEvent('ova:marker-saved', { detail: { videoId: data.id, marker, video: answer } }));
        }).catch(() => keepLocally(marker));
      } else {
        keepLocally(marker);
      }
    });
    const keepLocally = (marker) => {
      markers.addLocal(marker);
      labelInput.value = marker.label;
      show();
      labelInput.focus();
      labelInput.select();
    };
    // The label field renames the newest marker; the snippet follows as you type.
    labelInput.addEventListener('input', () => {
      const newest = markers.local[markers.local.length - 1];
      if (newest) {
        newest.label = labelInput.value.trim() || 'Marker ' + OVA.formatTime(newest.at);
        OVA.store.set(localMarkersKey(data.id), markers.local);
        markers.draw();
        show();
      }
    });
    forget.addEventListener('click', () => {
      markers.clearLocal();
      show();
    });
    show();
  }

  /** markers:\n  - at: 1:23.5\n    label: ... — in the form metadata files use. */
  function markersYaml(list) {
    const lines = ['markers:'];
    list.slice().sort((a, b) => a.at - b.at).forEach((m) => {
      lines.push('  - at: ' + OVA.formatTime(m.at, 1), '    label: ' + yamlString(m.label));
    });
    return lines.join('\n') + '\n';
  }

  /** Plain when YAML would read it back as the same string, else double-quoted (JSON is valid YAML there). */
  function yamlString(text) {
    const plain = /^[\p{L}\p{N}][\p{L}\p{N} _.,()'’!?-]*$/u.test(text) && !/^(true|false|yes|no|on|off|null|~|[\d.:]+)$/i.test(text);
    return plain && !/\s$/.test(text) ? text : JSON.stringify(text);
  }

  // ---------------------------------------------------------------- playlist context on a video page

  /**
   * ?list=<id>&i=<n>: previous/next follow the playlist's (maybe shuffled) order, and the next video
   * starts at the end of one, in this page's player (see PlaylistPlayer). `i` is corrected when the
   * order differs (another tab reshuffled it), so a reload always lands on the same video.
   *
   * @param page {player, data, markers} of this page's player; null without one (no next at the end)
   */
  function setUpPlaylistContext(id, video, page) {
    const library = OVA.loadData('OVA_LIBRARY', 'library.js').catch(() => ({ videos: [] }));
    Promise.all([OVA.loadData('OVA_PLAYLISTS', 'playlists.js'), library]).then(([playlists, lib]) => {
      const playlist = playlists[id];
      if (!playlist) {
        return;
      }
      const state = playlistState(id, playlist);
      const videos = new Map(lib.videos.map((v) => [v.u, v]));
      const player = page ? new PlaylistPlayer(video, page, videos) : null;
      const bar = new PlaylistBar(state, videos, player);
      if (bar.index < 0) {
        return; // this video is no longer in the playlist: behave like a plain video page
      }
      if (player) {
        video.addEventListener('ended', () => bar.go(1));
        autoplay(video);
      }
    }).catch(() => {
      // No playlists data: the page still works as a plain video page.
    });
  }

  /**
   * Plays another video of the playlist in this page's player: the source, poster, title and the
   * player's markers change; the page's own details (side panels, tags, related) hide until the list
   * comes back to this page's video, and a link leads to the shown video's own page.
   */
  class PlaylistPlayer {
    /** @param videos library.js entries by site-relative page address */
    constructor(video, page, videos) {
      this.video = video;
      this.page = page;
      this.videos = videos;
      this.ownPathname = location.pathname;
      this.own = { ...page.data };
      this.ownSource = video.currentSrc || (video.querySelector('source') || {}).src || '';
      this.ownPoster = video.getAttribute('poster') || '';
      this.heading = document.querySelector('.video-title');
      this.siteTitle = document.title.slice(document.title.indexOf(' · '));
      this.link = OVA.el('a', { class: 'item-page', hidden: true }, ['Open this video’s page']);
      if (this.heading) {
        this.heading.after(this.link);
      }
    }

    isOwn(path) {
      return OVA.sitePath(path) === this.ownPathname;
    }

    /** Whether `path` can play here: this page's video, or one library.js gives a playable file for. */
    canPlay(path) {
      const entry = this.videos.get(path);
      return this.isOwn(path) || Boolean(entry && entry.s);
    }

    show(path) {
      const { player, data, markers } = this.page;
      const own = this.isOwn(path);
      const entry = this.videos.get(path);
      if (own) {
        Object.assign(data, this.own);
      } else {
        Object.assign(data, { id: entry.id, title: entry.t, duration: entry.d, sprites: null, chapters: [], markers: [] });
      }
      const source = own ? this.ownSource : OVA.siteUrl(entry.s);
      if (this.video.currentSrc !== new URL(source, location.href).href) {
        this.video.src = source;
      }
      player.poster = own ? this.ownPoster : (entry.th ? OVA.siteUrl(entry.th) : '');
      this.video.dataset.videoId = data.id;
      markers.loadLocal();
      markers.draw();
      document.querySelector('.video-page').classList.toggle('playing-other', !own);
      if (this.heading) {
        this.heading.textContent = data.title;
      }
      document.title = data.title + this.siteTitle;
      this.link.hidden = own;
      this.link.href = OVA.siteUrl(path);
      autoplay(this.video);
    }
  }

  /** The playlist's place on a video page: prev/next links, position, shuffle and repeat. */
  class PlaylistBar {
    /**
     * @param videos library.js entries by site-relative page address (titles for previous/next)
     * @param player the PlaylistPlayer, or null on a page without a player
     */
    constructor(state, videos, player) {
      this.state = state;
      this.videos = videos;
      this.player = player;
      this.index = this.indexFromUrl();
      if (this.index < 0) {
        return;
      }
      this.nav = document.querySelector('.prev-next')
        || (document.querySelector('.video-info') || document.querySelector('main')).appendChild(
          OVA.el('nav', { class: 'prev-next', 'aria-label': 'Previous and next video' }));
      const titleLink = OVA.el('a', { href: OVA.siteUrl('playlist/' + encodeURIComponent(state.id) + '.html') }, [state.title]);
      this.position = OVA.el('span', { class: 'position' });
      this.shuffle = OVA.el('button', { type: 'button', class: 'shuffle' }, ['Shuffle']);
      this.repeat = OVA.el('button', { type: 'button', class: 'repeat' }, ['Repeat']);
      this.bar = OVA.el('div', { class: 'playlist-bar' }, ['Playlist ', titleLink, ' ', this.position, ' ', this.shuffle, ' ', this.repeat]);
      this.nav.before(this.bar);
      this.shuffle.addEventListener('click', () => {
        const current = state.order[this.index];
        state.toggleShuffle();
        this.index = state.order.indexOf(current);
        this.render(false);
      });
      this.repeat.addEventListener('click', () => {
        state.toggleRepeat();
        this.render(false);
      });
      // Previous/next play here; a new tab or window (modifier keys) opens the video's own page.
      this.nav.addEventListener('click', (event) => {
        const link = event.target.closest('a[data-index]');
        if (link && this.player && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
          event.preventDefault();
          this.goTo(Number(link.dataset.index));
        }
      });
      window.addEventListener('popstate', () => {
        const k = this.indexFromUrl();
        if (k >= 0 && k !== this.index && this.player) {
          this.index = k;
          this.player.show(state.order[k]);
          this.render(false);
        }
      });
      if (this.player && !this.player.isOwn(state.order[this.index])) {
        this.player.show(state.order[this.index]); // a reload of a video the player moved on to
      }
      this.render(false);
    }

    /**
     * The playing item: `v` (a video id, in addresses the player made on file://, where the address
     * cannot change to another file) with `i`, else this page's own place in the order.
     */
    indexFromUrl() {
      const params = new URLSearchParams(location.search);
      const id = params.get('v');
      if (id && this.player) {
        const i = Number(params.get('i'));
        const matches = (path) => (this.videos.get(path) || {}).id === id;
        const k = matches(this.state.order[i]) ? i : this.state.order.findIndex(matches);
        if (k >= 0 && this.player.canPlay(this.state.order[k])) {
          return k;
        }
      }
      return this.state.order.findIndex((path) => OVA.sitePath(path) === location.pathname);
    }

    /** The index `step` away, wrapping only with repeat on; null past either end. */
    neighbour(step) {
      const n = this.state.order.length;
      const k = this.index + step;
      if (k >= 0 && k < n) {
        return k;
      }
      return this.state.repeat && n > 0 ? (k + n) % n : null;
    }

    go(step) {
      const k = this.neighbour(step);
      if (k !== null) {
        this.goTo(k);
      }
    }

    /** Plays item k here, or opens its page when this player cannot play it (no player, unplayable file). */
    goTo(k) {
      const path = this.state.order[k];
      if (!this.player || !this.player.canPlay(path)) {
        location.href = this.state.url(k);
        return;
      }
      this.index = k;
      this.player.show(path);
      this.render(true);
    }

    /** Writes the item into the address: its own page where the browser allows, else this one with ?v=. */
    remember(push) {
      const state = this.state;
      const path = state.order[this.index];
      const write = (url) => (push ? history.pushState(null, '', url) : history.replaceState(history.state, '', url));
      if (!this.player || this.player.isOwn(path)) {
        write(state.url(this.index) + location.hash);
        return;
      }
      try {
        write(state.url(this.index));
      } catch (e) {
        // file:// addresses may not change to another file
        const entry = this.videos.get(path);
        write(location.pathname + '?list=' + encodeURIComponent(state.id) + '&i=' + this.index + '&v=' + encodeURIComponent(entry.id));
      }
    }

    render(push) {
      const state = this.state;
      this.remember(push);
      OVA.store.set('ova:playlist:' + state.id + ':position', state.order[this.index]);
      this.position.textContent = (this.index + 1) + ' / ' + state.order.length;
      pressed(this.shuffle, state.shuffle);
      pressed(this.repeat, state.repeat);
      this.nav.replaceChildren();
      [[-1, 'prev', '← '], [1, 'next', '']].forEach(([step, rel, arrow]) => {
        const k = this.neighbour(step);
        if (k !== null) {
          const entry = this.videos.get(state.order[k]);
          const title = (entry && entry.t) || (step < 0 ? 'Previous' : 'Next');
          this.nav.appendChild(OVA.el('a', { class: rel, rel, href: state.url(k), 'data-index': k },
            [arrow + title + (step > 0 ? ' →' : '')]));
        }
      });
    }
  }

  // ---------------------------------------------------------------- playlist page

  /**
   * The playlist page's Shuffle/Repeat buttons share their state with the video pages; with shuffle on
   * the cards are shown in the browser's order and their ?i= follow it. The video last played from this
   * playlist is marked aria-current.
   */
  function initPlaylistPage() {
    const controls = document.querySelector('.playlist-controls[data-playlist-id]');
    const id = controls && controls.dataset.playlistId;
    if (!id) {
      return;
    }
    OVA.loadData('OVA_PLAYLISTS', 'playlists.js').then((playlists) => {
      const playlist = playlists[id];
      if (!playlist) {
        return;
      }
      const state = playlistState(id, playlist);
      const shuffle = controls.querySelector('.shuffle');
      const repeat = controls.querySelector('.repeat');
      const render = () => {
        if (shuffle) {
          pressed(shuffle, state.shuffle);
        }
        if (repeat) {
          pressed(repeat, state.repeat);
        }
        orderCards(state);
      };
      if (shuffle) {
        shuffle.addEventListener('click', () => {
          state.toggleShuffle();
          render();
        });
      }
      if (repeat) {
        repeat.addEventListener('click', () => {
          state.toggleRepeat();
          render();
        });
      }
      render();
    }).catch(() => {
      // Without data/playlists.js the page keeps its build-time order.
    });
  }

  function orderCards(state) {
    const list = document.querySelector('ol.playlist, .cards[data-playlist-id]');
    const playAll = document.querySelector('.play-all');
    const last = OVA.store.get('ova:playlist:' + state.id + ':position', null);
    if (playAll && state.order.length > 0) {
      playAll.href = state.url(0);
    }
    if (!list) {
      return;
    }
    const byPath = new Map();
    Array.from(list.querySelectorAll('a.card')).forEach((card) => {
      byPath.set(new URL(card.getAttribute('href'), location.href).pathname, card);
    });
    state.order.forEach((path, i) => {
      const card = byPath.get(OVA.sitePath(path));
      if (card) {
        card.href = state.url(i);
        if (path === last) {
          card.setAttribute('aria-current', 'true');
        } else {
          card.removeAttribute('aria-current');
        }
        list.appendChild(card.closest('li'));
      }
    });
  }

  // ---------------------------------------------------------------- for other pages

  /**
   * The video page's player on another page's <video> (the upload page's review, upload.js): Plyr with
   * the same scrub thumbnails and timeline ticks. `data` is shaped like the video page's (`id`,
   * `duration`, `sprites` {vtt, base} or null, `markers` [{at, label}]); after changing `data.markers`,
   * `redraw()` moves the ticks. `player.destroy()` gives the <video> back.
   */
  OVA.mountPlayer = (video, data) => {
    const player = createPlayer(video, data);
    const markers = new MarkerTrack(player, video, data);
    return { player, redraw: () => markers.draw() };
  };

  // ---------------------------------------------------------------- start

  if (page === 'video') {
    initVideoPage();
  } else if (page === 'playlist') {
    initPlaylistPage();
  }
}());
