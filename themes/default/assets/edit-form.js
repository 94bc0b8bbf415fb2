/*
 * edit-form.js — the video page's Edit form, for `ova serve` with its edit API on
 * (window.OVA_SERVER.features.edit). On file:// and static hosts it adds nothing and sends nothing.
 *
 * The form edits what the video's metadata file holds — title, description, tags, rating, draft, VR
 * mode, chapters and markers — through GET and PATCH /api/videos/{id}. It keeps the state the server
 * last sent (`base`, with its etag): Save sends only the fields that differ from it, with If-Match,
 * so a change made meanwhile (another tab, a text editor, "add marker here") is never overwritten
 * unseen. The server answers 409 with the file's current state (`current`); the form then takes every field the
 * viewer did not touch from it, merges lists item by item, keeps the viewer's values where both
 * changed and shows the other value beside them, and the next Save applies the viewer's version.
 * A 400 lists problems by field path ("chapters[2].at"), shown next to that field.
 *
 * Needs ova.js (window.OVA) and server-api.js (OVA_SERVER.api, which adds the token a server reachable
 * from other hosts asks for); player.js, when it saves a marker through OVA_SERVER.saveMarker, sends
 * the event `ova:marker-saved`, which the open form merges the same way.
 */
(function () {
  'use strict';

  const OVA = window.OVA;
  const server = window.OVA_SERVER;
  const dataElement = document.getElementById('ova-video-data');
  if (!OVA || !server || !server.features || !server.features.edit || typeof server.api !== 'function' || !dataElement) {
    return;
  }
  let pageData;
  try {
    pageData = JSON.parse(dataElement.textContent);
  } catch (e) {
    return;
  }
  const videoId = pageData.id;
  const player = document.getElementById('ova-player');
  const FIELDS = ['title', 'description', 'tags', 'rating', 'draft', 'vr', 'chapters', 'markers'];
  const LIST_FIELDS = ['tags', 'chapters', 'markers'];
  const SAVED_KEY = 'ova:edit-saved';

  // ---------------------------------------------------------------- values

  const parseTime = OVA.parseTime;

  /** A time as the form shows it: "1:05", "1:02:03.5" (to the millisecond the file keeps). */
  function showTime(seconds) {
    return OVA.formatTime(seconds, 3);
  }

  /** The player's position, cut to tenths so it never lies past the end. */
  function currentTime() {
    return player ? Math.floor(player.currentTime * 10) / 10 : 0;
  }

  /**
   * A field's value in one canonical form, as text, to compare the form, the state it was loaded from
   * and the server's state now. A time that does not parse stays as typed, so it differs from any state.
   */
  function canonical(field, value) {
    const time = (at) => (typeof at === 'number' ? Math.round(at * 1000) / 1000 : String(at).trim());
    const strings = (list) => (list || []).map((s) => String(s).trim()).filter((s) => s !== '');
    const shapes = {
      title: (v) => String(v || '').trim(),
      description: (v) => String(v || '').trim(),
      tags: strings,
      rating: (v) => Number(v) || 0,
      draft: (v) => Boolean(v),
      vr: (v) => [(v && v.projection) || 'auto', (v && v.stereo) || 'auto'],
      chapters: (v) => (v || []).map((c) => [time(c.at), String(c.title || '').trim()]),
      markers: (v) => (v || []).map((m) => [time(m.at), String(m.label || '').trim(), strings(m.tags)]),
    };
    return JSON.stringify(shapes[field](value));
  }

  function same(field, a, b) {
    return canonical(field, a) === canonical(field, b);
  }

  /**
   * A three-way merge of a list: the viewer's items, less those the other side removed, plus those it
   * added. Items are compared whole, so an item changed on both sides is kept in both versions.
   */
  function mergeList(field, base, mine, theirs) {
    const key = (item) => canonical(field, [item]);
    const baseKeys = new Set(base.map(key));
    const theirKeys = new Set(theirs.map(key));
    const mineKeys = new Set(mine.map(key));
    const kept = mine.filter((item) => theirKeys.has(key(item)) || !baseKeys.has(key(item)));
    const added = theirs.filter((item) => !baseKeys.has(key(item)) && !mineKeys.has(key(item)));
    const merged = kept.concat(added);
    return field === 'tags' ? merged : merged.sort((a, b) => (parseTime(a.at) ?? Infinity) - (parseTime(b.at) ?? Infinity));
  }

  /** A value in words, for the "changed elsewhere" notes. */
  function describe(field, value) {
    switch (field) {
      case 'tags':
        return value.length ? value.join(', ') : 'no tags';
      case 'rating':
        return value ? '★'.repeat(value) + '☆'.repeat(5 - value) : 'no rating';
      case 'draft':
        return value ? 'a draft' : 'not a draft';
      case 'vr':
        return value.projection + ', ' + value.stereo;
      case 'chapters':
        return value.length ? value.map((c) => showTime(c.at) + ' ' + c.title).join('; ') : 'no chapters';
      case 'markers':
        return value.length ? value.map((m) => showTime(m.at) + ' ' + m.label).join('; ') : 'no markers';
      default:
        return value === '' ? '(empty)' : value;
    }
  }

  // ---------------------------------------------------------------- the API

  /** One call to /api/videos/{id} through server-api.js: a promise of {status, ok, etag, data}. */
  function callApi(method, body, etag) {
    return server.api(method, '/api/videos/' + encodeURIComponent(videoId), body, etag);
  }

  // ---------------------------------------------------------------- parts of the form

  let ids = 0;
  function uniqueId(name) {
    ids += 1;
    return 'ova-edit-' + name + '-' + ids;
  }

  /** A labelled field whose problems and "changed elsewhere" notes go inside it. */
  function fieldBox(field, label, control) {
    control.id = uniqueId(field);
    return OVA.el('div', { class: 'edit-field', 'data-field': field }, [OVA.el('label', { for: control.id }, [label]), control]);
  }

  /** Tags as chips with a remove button, and an input that suggests the library's tags. */
  class TagEditor {
    constructor(onChange) {
      this.onChange = onChange;
      this.tags = [];
      this.list = OVA.el('ul', { class: 'tag-chips', 'aria-label': 'Tags of this video' });
      const listId = uniqueId('known-tags');
      this.known = OVA.el('datalist', { id: listId });
      this.input = OVA.el('input', { type: 'text', list: listId, placeholder: 'Add a tag', autocomplete: 'off', enterkeyhint: 'done' });
      const add = OVA.el('button', { type: 'button', class: 'add-tag' }, ['Add']);
      this.box = fieldBox('tags', 'Tags', this.input);
      this.box.insertBefore(this.list, this.input);
      this.box.append(add, this.known);
      add.addEventListener('click', () => this.addTyped());
      this.input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ',') {
          event.preventDefault();
          this.addTyped();
        } else if (event.key === 'Backspace' && this.input.value === '' && this.tags.length > 0) {
          this.set(this.tags.slice(0, -1));
        }
      });
      // picking a suggestion from the list adds it at once
      this.input.addEventListener('input', (event) => {
        if (event.inputType === 'insertReplacementText' || event.inputType === undefined) {
          if (Array.from(this.known.options).some((o) => o.value === this.input.value)) {
            this.addTyped();
          }
        }
        this.onChange();
      });
    }

    /** The library's tags, most used first, as suggestions (data/library.js, loaded once). */
    suggest() {
      if (this.known.options.length > 0) {
        return;
      }
      OVA.libraryTags().then((tags) => {
        tags.forEach((tag) => this.known.appendChild(OVA.el('option', { value: tag })));
      }).catch(() => {
        // without suggestions the field still takes any tag
      });
    }

    /** The tags, with one still typed in the input counted too (Save without Enter keeps it). */
    value() {
      return this.withTag(this.tags, this.input.value);
    }

    /** `tags` plus `tag` when it is not blank and not in them yet (compared without case, as the server does). */
    withTag(tags, tag) {
      const trimmed = tag.trim();
      const known = tags.some((t) => t.toLowerCase() === trimmed.toLowerCase());
      return trimmed === '' || known ? tags : tags.concat([trimmed]);
    }

    addTyped() {
      this.set(this.withTag(this.tags, this.input.value.replace(/,/g, ' ')));
      this.input.value = '';
      this.input.focus();
    }

    set(tags) {
      this.tags = tags.slice();
      this.list.replaceChildren(...this.tags.map((tag) => {
        const remove = OVA.el('button', { type: 'button', class: 'remove-tag', 'aria-label': 'Remove tag ' + tag }, ['×']);
        remove.addEventListener('click', () => {
          this.set(this.tags.filter((t) => t !== tag));
          this.input.focus();
        });
        return OVA.el('li', { class: 'tag-chip' }, [OVA.el('span', {}, [tag]), remove]);
      }));
      this.onChange();
    }
  }

  /** Five stars as a radio group (arrow keys move, a click on the chosen star or "Clear" clears it). */
  class StarRating {
    constructor(onChange) {
      this.onChange = onChange;
      const name = uniqueId('rating');
      this.inputs = [];
      this.labels = [];
      const stars = OVA.el('span', { class: 'stars' });
      for (let n = 1; n <= 5; n++) {
        const input = OVA.el('input', { type: 'radio', name, value: n, id: name + '-' + n, 'aria-label': n + (n === 1 ? ' star' : ' stars') });
        const label = OVA.el('label', { for: input.id, title: n + ' of 5', 'aria-hidden': 'true' }, ['★']);
        let wasChecked = false;
        label.addEventListener('pointerdown', () => {
          wasChecked = input.checked;
        });
        input.addEventListener('click', () => {
          if (wasChecked) {
            this.set(0);
          }
          wasChecked = false;
          this.changed();
        });
        input.addEventListener('change', () => this.changed());
        this.inputs.push(input);
        this.labels.push(label);
        stars.append(input, label);
      }
      const clear = OVA.el('button', { type: 'button', class: 'clear-rating' }, ['Clear']);
      clear.addEventListener('click', () => {
        this.set(0);
        this.changed();
      });
      this.box = OVA.el('fieldset', { class: 'edit-field star-rating', 'data-field': 'rating' }, [
        OVA.el('legend', {}, ['Rating']), stars, clear]);
    }

    value() {
      const checked = this.inputs.find((input) => input.checked);
      return checked ? Number(checked.value) : 0;
    }

    set(rating) {
      this.inputs.forEach((input, i) => {
        input.checked = i + 1 === rating;
      });
      this.paint();
    }

    changed() {
      this.paint();
      this.onChange();
    }

    paint() {
      const rating = this.value();
      this.labels.forEach((label, i) => label.classList.toggle('on', i < rating));
    }
  }

  /**
   * Chapters or markers: rows of a time (typed, or "Now") and a text. Up and down move a row's text
   * to the neighbouring time (the server keeps both lists sorted by time, so a row's place is its time).
   */
  class TimedList {
    /** @param kind {field: 'chapters', text: 'title', one: 'Chapter'} */
    constructor(kind, onChange) {
      this.kind = kind;
      this.onChange = onChange;
      this.list = OVA.el('ol', { class: 'timed-rows' });
      const add = OVA.el('button', { type: 'button', class: 'add-row' }, ['Add ' + kind.one.toLowerCase() + (player ? ' at ' : '')]);
      this.addTime = OVA.el('span', { class: 'time' });
      if (player) {
        add.append(this.addTime);
        player.addEventListener('timeupdate', () => this.showNow());
        player.addEventListener('seeked', () => this.showNow());
      }
      add.addEventListener('click', () => this.add());
      this.box = OVA.el('fieldset', { class: 'edit-field timed-list', 'data-field': kind.field }, [
        OVA.el('legend', {}, [kind.one + 's']), this.list, add]);
      this.showNow();
    }

    showNow() {
      this.addTime.textContent = showTime(currentTime());
    }

    /** The rows as [{at, title|label, tags}]; a time that does not parse stays text (the server explains it). */
    value() {
      return Array.from(this.list.children).map((row) => {
        const typed = row.querySelector('.row-time').value;
        const at = parseTime(typed);
        const item = { at: at === null ? typed.trim() : at };
        item[this.kind.text] = row.querySelector('.row-text').value.trim();
        if (this.kind.field === 'markers') {
          item.tags = JSON.parse(row.dataset.tags || '[]');
        }
        return item;
      });
    }

    set(items) {
      this.list.replaceChildren(...items.map((item, i) => this.row(item, i, items.length)));
      this.onChange();
    }

    row(item, i, count) {
      const field = this.kind.field + '[' + i + ']';
      const name = this.kind.one + ' ' + (i + 1);
      const time = OVA.el('input', { type: 'text', class: 'row-time', inputmode: 'decimal', size: 9, 'aria-label': name + ' time',
        'data-field': field + '.at', value: typeof item.at === 'number' ? showTime(item.at) : item.at });
      const text = OVA.el('input', { type: 'text', class: 'row-text', 'aria-label': name + ' ' + this.kind.text,
        'data-field': field + '.' + this.kind.text, value: item[this.kind.text] || '', placeholder: this.kind.placeholder });
      const button = (cls, label, title, action, disabled) => {
        const b = OVA.el('button', { type: 'button', class: cls, 'aria-label': title + ' (' + name + ')', title, disabled }, [label]);
        b.addEventListener('click', () => action(b));
        return b;
      };
      const row = OVA.el('li', { class: 'timed-row', 'data-field': field, 'data-tags': JSON.stringify(item.tags || []) }, [
        time,
        player ? button('now', 'Now', 'Set to the current time', () => {
          time.value = showTime(currentTime());
          this.onChange();
        }) : null,
        text,
        OVA.el('span', { class: 'row-buttons' }, [
          button('up', '↑', 'Move up', () => this.move(i, -1, 'up'), i === 0),
          button('down', '↓', 'Move down', () => this.move(i, 1, 'down'), i === count - 1),
          button('delete', '✕', 'Delete', () => this.remove(i)),
        ]),
      ]);
      // A wrong time is flagged when the field is left and cleared as soon as it reads as a time. Leaving
      // never removes a note: the layout would shift under the pointer and a click on Save would miss.
      time.addEventListener('change', () => {
        if (parseTime(time.value) === null && time.getAttribute('aria-invalid') !== 'true') {
          problem(time, 'not a time: write seconds (42.5) or m:ss, h:mm:ss (1:05, 1:02:03.5)');
        }
      });
      time.addEventListener('input', () => {
        if (parseTime(time.value) !== null && time.getAttribute('aria-invalid') === 'true') {
          time.removeAttribute('aria-invalid');
          row.querySelectorAll('.field-problem').forEach((p) => p.remove());
        }
      });
      return row;
    }

    /** Swaps the texts (and marker tags) of rows i and i+step; the times stay where they are. */
    move(i, step, focusClass) {
      const items = this.value();
      const j = i + step;
      const swapped = items.map((item, k) => {
        const from = k === i ? items[j] : k === j ? items[i] : item;
        return Object.assign({}, from, { at: item.at });
      });
      this.set(swapped);
      const target = this.list.children[j].querySelector('.' + focusClass + ':not([disabled])');
      (target || this.list.children[j].querySelector('.row-text')).focus();
    }

    remove(i) {
      const items = this.value();
      items.splice(i, 1);
      this.set(items);
      const next = this.list.children[Math.min(i, items.length - 1)];
      (next ? next.querySelector('.delete') : this.box.querySelector('.add-row')).focus();
    }

    /** A new row at the player's position, in time order, with its text field focused. */
    add() {
      const at = currentTime();
      const items = this.value();
      const item = { at };
      item[this.kind.text] = this.kind.one + ' ' + OVA.formatTime(at);
      if (this.kind.field === 'markers') {
        item.tags = [];
      }
      let index = items.findIndex((other) => typeof other.at === 'number' && other.at > at);
      index = index < 0 ? items.length : index;
      items.splice(index, 0, item);
      this.set(items);
      const text = this.list.children[index].querySelector('.row-text');
      text.focus();
      text.select();
    }
  }

  /** Shows `message` at `control` (an input or a field box): beside it, and marks the input invalid. */
  function problem(control, message) {
    const box = control.matches('input, select, textarea') ? control.closest('.timed-row, .edit-field') : control;
    if (control !== box) {
      control.setAttribute('aria-invalid', 'true');
    }
    box.appendChild(OVA.el('p', { class: 'field-problem' }, [message]));
  }

  // ---------------------------------------------------------------- the form

  class EditForm {
    constructor() {
      this.base = null;
      this.busy = false;
      const changed = () => this.showDirty();
      this.title = OVA.el('input', { type: 'text', 'data-field': 'title' });
      this.description = OVA.el('textarea', { rows: 3, 'data-field': 'description' });
      this.tags = new TagEditor(changed);
      this.rating = new StarRating(changed);
      this.draft = OVA.el('input', { type: 'checkbox' });
      this.projection = this.select('vr.projection', [['auto', 'auto (detect)'], ['flat', 'flat'], ['360', '360°'], ['180', '180°']]);
      this.stereo = this.select('vr.stereo', [['auto', 'auto (detect)'], ['mono', 'mono'], ['sbs', 'side by side'], ['tb', 'top-bottom']]);
      this.chapters = new TimedList({ field: 'chapters', text: 'title', one: 'Chapter', placeholder: 'Title' }, changed);
      this.markers = new TimedList({ field: 'markers', text: 'label', one: 'Marker', placeholder: 'Label' }, changed);
      this.status = OVA.el('div', { class: 'edit-status', role: 'status', 'aria-live': 'polite' });
      this.save = OVA.el('button', { type: 'submit', class: 'save' }, ['Save']);
      const revert = OVA.el('button', { type: 'button', class: 'revert' }, ['Undo changes']);
      // one fieldset holds every control, so they are all off until the state has loaded
      this.fields = OVA.el('fieldset', { class: 'edit-fields' }, [
        fieldBox('title', 'Title', this.title),
        fieldBox('description', 'Description', this.description),
        this.tags.box,
        this.rating.box,
        OVA.el('div', { class: 'edit-field', 'data-field': 'draft' }, [
          OVA.el('label', { class: 'check' }, [this.draft, ' Draft: keep this video out of the site']),
        ]),
        OVA.el('fieldset', { class: 'edit-field vr-fields', 'data-field': 'vr' }, [
          OVA.el('legend', {}, ['VR']),
          OVA.el('label', {}, ['Projection ', this.projection]),
          OVA.el('label', {}, ['Stereo ', this.stereo]),
        ]),
        this.chapters.box,
        this.markers.box,
        OVA.el('div', { class: 'edit-actions' }, [this.save, revert,
          OVA.el('span', { class: 'edit-file' }, ['Saved into ', OVA.el('code', {}, [pageData.metadataFile || 'the metadata file'])])]),
      ]);
      this.form = OVA.el('form', { class: 'edit-form', novalidate: true }, [this.status, this.fields]);
      this.summary = OVA.el('summary', {}, ['Edit']);
      this.panel = OVA.el('details', { class: 'edit-panel', id: 'ova-edit' }, [this.summary, this.form]);
      this.form.addEventListener('input', changed);
      this.form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.submit();
      });
      revert.addEventListener('click', () => {
        if (this.base) {
          this.fill(this.base);
          this.say('');
        }
      });
      this.panel.addEventListener('toggle', () => {
        if (this.panel.open) {
          this.tags.suggest();
          if (!this.dirty()) {
            this.load();
          }
        }
      });
      window.addEventListener('beforeunload', (event) => {
        if (this.dirty()) {
          event.preventDefault();
          event.returnValue = '';
        }
      });
      document.addEventListener('ova:marker-saved', (event) => this.markerSaved(event.detail || {}));
      this.setEnabled(false);
    }

    select(field, options) {
      return OVA.el('select', { 'data-field': field }, options.map(([value, text]) => OVA.el('option', { value }, [text])));
    }

    setEnabled(on) {
      this.fields.disabled = !on;
    }

    // ---- values in and out

    value() {
      return {
        title: this.title.value,
        description: this.description.value,
        tags: this.tags.value(),
        rating: this.rating.value(),
        draft: this.draft.checked,
        vr: { projection: this.projection.value, stereo: this.stereo.value },
        chapters: this.chapters.value(),
        markers: this.markers.value(),
      };
    }

    fill(state) {
      FIELDS.forEach((field) => this.fillField(field, state[field]));
      this.clearNotes();
      this.showDirty();
    }

    fillField(field, value) {
      switch (field) {
        case 'title':
        case 'description':
          this[field].value = value || '';
          break;
        case 'tags':
          this.tags.input.value = '';
          this.tags.set(value || []);
          break;
        case 'rating':
          this.rating.set(Number(value) || 0);
          break;
        case 'draft':
          this.draft.checked = Boolean(value);
          break;
        case 'vr':
          this.projection.value = (value && value.projection) || 'auto';
          this.stereo.value = (value && value.stereo) || 'auto';
          break;
        default:
          this[field].set(value || []);
      }
    }

    /** The fields whose value differs from the state the form was loaded from, as a PATCH body. */
    changes() {
      const now = this.value();
      const body = {};
      FIELDS.filter((field) => !same(field, now[field], this.base[field])).forEach((field) => {
        body[field] = now[field];
      });
      return body;
    }

    dirty() {
      return this.base !== null && Object.keys(this.changes()).length > 0;
    }

    showDirty() {
      this.panel.classList.toggle('unsaved', this.dirty());
    }

    // ---- talking to the server

    load() {
      this.say('Loading…');
      return callApi('GET').then((answer) => {
        if (answer.status !== 200 || !answer.data) {
          this.say(answer.status === 404 ? 'This video is no longer in the library.' : 'Could not load the video: ' + server.failure(answer).message, true);
          return;
        }
        this.base = answer.data;
        this.fill(answer.data);
        this.setEnabled(true);
        this.say('');
      }).catch(() => this.say('Could not reach the server (is ova serve still running?).', true));
    }

    submit() {
      if (this.busy || this.base === null) {
        return;
      }
      this.clearNotes();
      const changes = this.changes();
      if (Object.keys(changes).length === 0) {
        this.say('Nothing to save: nothing was changed.');
        return;
      }
      this.busy = true;
      this.save.disabled = true;
      this.say('Saving…');
      callApi('PATCH', changes, this.base.etag).then((answer) => {
        if (answer.status === 200 && answer.data) {
          this.saved(answer.data);
        } else if (answer.status === 409 && answer.data && answer.data.current) {
          this.merge(answer.data.current);
          this.say('This video was changed elsewhere since the form was loaded. The form now shows those changes; '
            + 'where you changed the same field, yours is kept and the other value shown beside it. Save again to '
            + 'apply yours, or reload the page to drop them.', true, true);
        } else if (answer.status === 400 && answer.data && Array.isArray(answer.data.problems)) {
          this.showProblems(answer.data.problems);
        } else {
          this.say('Not saved: ' + server.failure(answer).message + '. Your changes are still here.', true);
        }
      }).catch(() => {
        this.say('Not saved: the server could not be reached (is ova serve still running?). Your changes are still here.', true);
      }).finally(() => {
        this.busy = false;
        this.save.disabled = false;
      });
    }

    /** The server has written the file and rendered the site: show the new page (a draft's page is gone). */
    saved(state) {
      this.base = state;
      this.fill(state);
      if (state.draft) {
        this.say('Saved. This video is a draft now, so the site leaves it out; untick Draft and save to bring it back.');
        return;
      }
      OVA.session.set(SAVED_KEY, videoId);
      this.say('Saved.');
      location.reload();
    }

    /**
     * Takes `current` (the server's state now) as the new base: every field the viewer left alone shows
     * it, lists are merged item by item, and a field both sides changed keeps the viewer's value with a
     * note giving the other one.
     */
    merge(current) {
      const mine = this.value();
      const base = this.base;
      this.clearNotes();
      FIELDS.forEach((field) => {
        const mineChanged = !same(field, mine[field], base[field]);
        const theirsChanged = !same(field, current[field], base[field]);
        if (!mineChanged) {
          this.fillField(field, current[field]);
        } else if (theirsChanged && !same(field, mine[field], current[field])) {
          if (LIST_FIELDS.includes(field)) {
            this.fillField(field, mergeList(field, base[field], mine[field], current[field]));
          }
          this.noteTheirs(field, current[field]);
        }
      });
      this.base = current;
      this.showDirty();
    }

    /** A marker saved by "add marker here" (player.js): the open form shows it and saves on top of it. */
    markerSaved(detail) {
      if (detail.videoId !== videoId || this.base === null) {
        return;
      }
      const state = detail.video && detail.video.etag ? Promise.resolve({ status: 200, data: detail.video }) : callApi('GET');
      state.then((answer) => {
        if (answer.status === 200 && answer.data) {
          this.merge(answer.data);
        }
      }).catch(() => {
        // the next Save meets the change as a 409 and merges it then
      });
    }

    noteTheirs(field, value) {
      const box = this.form.querySelector('.edit-field[data-field="' + field + '"]');
      const note = OVA.el('p', { class: 'edit-theirs' }, [
        LIST_FIELDS.includes(field) ? 'Also changed elsewhere (merged above), to: ' : 'Changed elsewhere to: ',
        OVA.el('q', {}, [describe(field, value)]), ' ']);
      if (!LIST_FIELDS.includes(field)) {
        const use = OVA.el('button', { type: 'button', class: 'use-theirs' }, ['Use this']);
        use.addEventListener('click', () => {
          this.fillField(field, value);
          note.remove();
          this.showDirty();
        });
        note.appendChild(use);
      }
      box.appendChild(note);
    }

    /** Each problem of a 400 beside its field ("chapters[2].at" at that row's time); the rest in the status. */
    showProblems(problems) {
      const general = [];
      problems.forEach((p) => {
        const target = this.fieldElement(p.field || '');
        if (target) {
          problem(target, p.message);
        } else {
          general.push(OVA.el('li', {}, [(p.field ? p.field + ': ' : '') + p.message]));
        }
      });
      this.say('Not saved: ' + (problems.length === 1 ? 'one problem' : problems.length + ' problems') + ' to fix.', true);
      if (general.length > 0) {
        this.status.appendChild(OVA.el('ul', {}, general));
      }
      const first = this.form.querySelector('[aria-invalid="true"], .field-problem');
      if (first) {
        first.scrollIntoView({ block: 'center' });
      }
    }

    /**
     * The element for a problem's field path, or its nearest parent path's: "markers[1].at", "markers[1]",
     * "markers"; the innermost one (the title's input rather than its box).
     */
    fieldElement(path) {
      let rest = path;
      while (rest !== '') {
        const found = this.form.querySelectorAll('[data-field="' + CSS.escape(rest) + '"]');
        if (found.length > 0) {
          return found[found.length - 1];
        }
        const parent = rest.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        rest = parent === rest ? '' : parent;
      }
      return null;
    }

    clearNotes() {
      this.form.querySelectorAll('.field-problem, .edit-theirs').forEach((note) => note.remove());
      this.form.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
    }

    say(text, isProblem, isConflict) {
      this.status.textContent = text;
      this.status.classList.toggle('problem', Boolean(isProblem));
      this.status.classList.toggle('conflict', Boolean(isConflict));
    }
  }

  const form = new EditForm();
  const info = document.querySelector('.video-info');
  const meta = info && info.querySelector('.video-meta');
  if (meta) {
    meta.after(form.panel);
  } else {
    (info || document.querySelector('main')).appendChild(form.panel);
  }
  if (OVA.session.get(SAVED_KEY, null) === videoId) {
    OVA.session.remove(SAVED_KEY);
    form.summary.appendChild(OVA.el('span', { class: 'edit-saved', role: 'status' }, [' · saved']));
  }
}());
