/*
 * upload.js — the Upload page (body[data-page="upload"]), only under `ova serve` with uploads on
 * (window.OVA_SERVER.features.upload); on file:// and static hosts the page keeps its note on how to serve.
 *
 * 1. Upload: files dropped or picked are checked (extension, size) before anything is sent, then sent
 *    one at a time as multipart POST /api/uploads (parts folder, title, tags, then the file) with
 *    XMLHttpRequest, for the progress bar, speed and time left; a refused file shows the server's reason.
 * 2. VTTs and chapters (#id=VIDEO): the draft's processing live (the `job` events of /api/events),
 *    "Generate VTTs" (POST /api/uploads/{id}/vtt), and a chapter editor saved with PUT …/chapters.
 * 3. Review (#id=VIDEO&step=review): the video in the video page's player (player.js: poster, scrub
 *    thumbnails, chapter ticks), "Confirm & publish" (POST …/publish) and "Cancel upload" (DELETE).
 * A link to #id=VIDEO (the Processing page's "Continue") resumes a draft at step 2.
 *
 * Needs ova.js, server-api.js and, for the review, Plyr and player.js (OVA.mountPlayer).
 */
(function () {
  'use strict';

  const OVA = window.OVA;
  const server = window.OVA_SERVER;
  const app = document.querySelector('.upload-app');
  if (!OVA || !server || !app || typeof server.api !== 'function') {
    return;
  }
  const features = server.features || {};
  if (!features.upload) {
    const note = document.querySelector('.server-note');
    note.textContent = 'Uploads are turned off on this server: set server.uploads: true in .ova-repo/config.yaml '
      + 'and restart ova serve.';
    note.hidden = false;
    return;
  }
  app.hidden = false;

  // ---------------------------------------------------------------- small helpers

  function bytesText(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return (unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '')) + ' ' + units[unit];
  }

  function extensionOf(name) {
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot).toLowerCase() : '';
  }

  /** Tags from comma-separated texts, trimmed, each once (compared without case, as the server does). */
  function tagList(...texts) {
    const seen = new Set();
    return texts.join(',').split(',').map((tag) => tag.trim()).filter((tag) => {
      const key = tag.toLowerCase();
      const fresh = tag !== '' && !seen.has(key);
      seen.add(key);
      return fresh;
    });
  }

  /** A refused request in words: the server's problem JSON, led by what its status means. */
  function problemText(status, data) {
    const leads = {
      403: 'Refused',
      413: 'Too large',
      415: 'Not a video this library takes',
      507: 'Not enough disk space on the server',
    };
    const reason = server.failure({ status, data }).message;
    return (leads[status] ? leads[status] + ': ' : '') + reason;
  }

  const say = OVA.say;

  // ---------------------------------------------------------------- tag suggestions for comma lists

  /**
   * One datalist for every tags field: rebuilt as the field is typed in, each suggestion being the text
   * before the last comma plus a library tag not chosen yet, so picking one completes the list.
   */
  const suggestions = OVA.el('datalist', { id: 'upload-tag-suggestions' });
  document.body.appendChild(suggestions);
  let knownTags = [];
  OVA.libraryTags().then((tags) => {
    knownTags = tags;
  }).catch(() => {
    // without suggestions the fields still take any tag
  });

  function suggestTags(field) {
    const cut = field.value.lastIndexOf(',') + 1;
    const before = field.value.slice(0, cut);
    const typed = field.value.slice(cut).trim().toLowerCase();
    const chosen = new Set(tagList(before).map((tag) => tag.toLowerCase()));
    const prefix = before === '' ? '' : before.replace(/\s*$/, ' ');
    const options = knownTags
      .filter((tag) => !chosen.has(tag.toLowerCase()) && tag.toLowerCase().includes(typed))
      .slice(0, 50)
      .map((tag) => OVA.el('option', { value: prefix + tag }));
    suggestions.replaceChildren(...options);
  }

  ['input', 'focusin'].forEach((type) => app.addEventListener(type, (event) => {
    if (event.target.classList && event.target.classList.contains('tags-input')) {
      suggestTags(event.target);
    }
  }));

  // ---------------------------------------------------------------- step 1: upload

  const form = app.querySelector('.upload-form');
  const fileInput = form.querySelector('.file-input');
  const dropZone = form.querySelector('.drop-zone');
  const queue = form.querySelector('.upload-queue');
  const startButton = form.querySelector('.upload-start');
  const summary = form.querySelector('.upload-summary');
  const folderSelect = form.elements.folder;
  const newFolderBox = form.querySelector('.new-folder');
  const newFolder = form.elements.newFolder;
  const allTags = form.elements.tags;
  allTags.setAttribute('list', suggestions.id);
  // the status lists them without the dot (mp4); file names are matched with it (.mp4)
  const extensions = (features.extensions || []).map((e) => (e.startsWith('.') ? e : '.' + e).toLowerCase());
  const maxBytes = features.maxUploadMb ? features.maxUploadMb * 1024 * 1024 : Infinity;
  const items = [];
  let uploading = false;

  if (extensions.length > 0) {
    fileInput.accept = extensions.join(',');
  }
  form.querySelector('.upload-limits').textContent = (extensions.length > 0 ? 'Video files (' + extensions.join(', ') + ')' : 'Video files')
    + (maxBytes < Infinity ? ', up to ' + bytesText(maxBytes) + ' each.' : '.');

  folderSelect.addEventListener('change', () => {
    newFolderBox.hidden = !folderSelect.selectedOptions[0].hasAttribute('data-new-folder');
    if (!newFolderBox.hidden) {
      newFolder.focus();
    }
  });

  /** Why `file` cannot be sent, or null. */
  function refusal(file) {
    if (extensions.length > 0 && !extensions.includes(extensionOf(file.name))) {
      return 'Not a video this library takes: only ' + extensions.join(', ') + ' files are uploaded.';
    }
    if (file.size > maxBytes) {
      return 'Too large: ' + bytesText(file.size) + ', and this server takes up to ' + bytesText(maxBytes)
        + ' (server.maxUploadMb in .ova-repo/config.yaml).';
    }
    if (file.size === 0) {
      return 'The file is empty.';
    }
    return null;
  }

  function addFiles(files) {
    Array.from(files).forEach((file) => {
      const item = { file, state: 'ready', id: null };
      const base = file.name.replace(/\.[^.]*$/, '');
      item.title = OVA.el('input', { type: 'text', class: 'item-title', placeholder: base, 'aria-label': 'Title of ' + file.name });
      item.tags = OVA.el('input', { type: 'text', class: 'tags-input item-tags', list: suggestions.id, autocomplete: 'off',
        placeholder: 'comma-separated', 'aria-label': 'Tags of ' + file.name });
      item.progress = OVA.el('progress', { max: 100, value: 0, 'aria-label': 'Upload of ' + file.name });
      item.status = OVA.el('p', { class: 'item-status', role: 'status' });
      const remove = OVA.el('button', { type: 'button', class: 'remove-item', 'aria-label': 'Remove ' + file.name }, ['✕']);
      item.row = OVA.el('li', { class: 'upload-item' }, [
        OVA.el('div', { class: 'item-head' }, [
          OVA.el('span', { class: 'item-name' }, [file.name]),
          OVA.el('span', { class: 'item-size' }, [bytesText(file.size)]),
          remove,
        ]),
        OVA.el('div', { class: 'item-fields' }, [
          OVA.el('label', {}, ['Title ', item.title]),
          OVA.el('label', {}, ['Tags ', item.tags]),
        ]),
        item.progress,
        item.status,
      ]);
      remove.addEventListener('click', () => {
        items.splice(items.indexOf(item), 1);
        item.row.remove();
        update();
        (startButton.disabled ? fileInput : startButton).focus();
      });
      const refused = refusal(file);
      if (refused) {
        item.state = 'refused';
        item.row.classList.add('failed');
        item.progress.hidden = true;
        item.row.querySelector('.item-fields').hidden = true;
        say(item.status, refused, true);
      }
      items.push(item);
      queue.appendChild(item.row);
    });
    update();
  }

  /** The Upload button and the summary follow the queue. */
  function update() {
    const waiting = items.filter((item) => item.state === 'ready' || item.state === 'failed').length;
    startButton.disabled = uploading || waiting === 0;
    startButton.textContent = waiting > 1 ? 'Upload ' + waiting + ' files' : 'Upload';
  }

  fileInput.addEventListener('change', () => {
    addFiles(fileInput.files);
    fileInput.value = '';
  });
  ['dragenter', 'dragover'].forEach((type) => dropZone.addEventListener(type, (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  }));
  ['dragleave', 'drop'].forEach((type) => dropZone.addEventListener(type, () => dropZone.classList.remove('dragging')));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    addFiles(event.dataTransfer.files);
  });

  /** The folder chosen ("" for the library's own), or null after saying what is missing. */
  function chosenFolder() {
    if (!folderSelect.selectedOptions[0].hasAttribute('data-new-folder')) {
      return folderSelect.value;
    }
    const typed = newFolder.value.trim().replace(/^\/+|\/+$/g, '');
    if (typed === '') {
      say(summary, 'Name the new folder first (like trips/2026).', true);
      newFolder.focus();
      return null;
    }
    return typed;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const folder = chosenFolder();
    if (folder === null || uploading) {
      return;
    }
    const batch = items.filter((item) => item.state === 'ready' || item.state === 'failed');
    uploading = true;
    update();
    say(summary, '');
    batch.reduce((previous, item) => previous.then(() => send(item, folder)), Promise.resolve()).then(() => {
      uploading = false;
      update();
      const done = batch.filter((item) => item.state === 'done');
      const failed = batch.length - done.length;
      say(summary, (done.length === 1 ? '1 video uploaded as a draft' : done.length + ' videos uploaded as drafts')
        + (failed ? ', ' + failed + ' refused' : '') + '. A draft stays off the site until you publish it.', failed > 0);
      if (done.length === 1 && failed === 0) {
        location.hash = '#id=' + encodeURIComponent(done[0].id);
      }
    });
  });

  /** Sends one file; resolves when the server answered (the item shows how it went). */
  function send(item, folder) {
    return new Promise((resolve) => {
      const data = new FormData();
      data.append('folder', folder);
      data.append('title', item.title.value.trim());
      data.append('tags', tagList(allTags.value, item.tags.value).join(','));
      data.append('file', item.file, item.file.name); // last: the server has the other parts before the bytes
      const request = new XMLHttpRequest();
      request.open('POST', '/api/uploads');
      request.setRequestHeader('Accept', 'application/json');
      Object.entries(server.writeHeaders()).forEach(([name, value]) => request.setRequestHeader(name, value));
      item.state = 'uploading';
      item.row.classList.remove('failed');
      item.progress.hidden = false;
      item.row.querySelectorAll('input, .remove-item').forEach((control) => {
        control.disabled = true;
      });
      say(item.status, 'Starting…');
      const meter = { at: performance.now(), loaded: 0, speed: 0 };
      request.upload.addEventListener('progress', (event) => {
        if (!event.lengthComputable) {
          return;
        }
        const now = performance.now();
        const seconds = (now - meter.at) / 1000;
        if (seconds >= 0.25 || event.loaded === event.total) {
          const speed = (event.loaded - meter.loaded) / Math.max(seconds, 0.001);
          meter.speed = meter.speed ? meter.speed * 0.7 + speed * 0.3 : speed;
          meter.at = now;
          meter.loaded = event.loaded;
        }
        const percent = Math.floor((event.loaded / event.total) * 100);
        item.progress.value = percent;
        const left = meter.speed > 0 ? (event.total - event.loaded) / meter.speed : null;
        say(item.status, event.loaded === event.total
          ? 'Sent; the server is placing it into the library…'
          : percent + '% · ' + bytesText(event.loaded) + ' of ' + bytesText(event.total)
            + (meter.speed > 0 ? ' · ' + bytesText(meter.speed) + '/s' : '')
            + (left !== null ? ' · ' + OVA.formatTime(Math.ceil(left)) + ' left' : ''));
      });
      request.addEventListener('load', () => {
        server.refused(request.status);
        let answer = null;
        try {
          answer = JSON.parse(request.responseText);
        } catch (e) {
          // a proxy's HTML error page: the status says enough
        }
        if (request.status === 201 && answer && answer.id) {
          uploaded(item, answer);
        } else {
          failed(item, problemText(request.status, answer));
        }
        resolve();
      });
      request.addEventListener('error', () => {
        failed(item, 'The server could not be reached (is ova serve still running?).');
        resolve();
      });
      request.send(data);
    });
  }

  function uploaded(item, answer) {
    item.state = 'done';
    item.id = answer.id;
    item.progress.value = 100;
    item.row.classList.add('done');
    item.row.querySelector('.item-fields').hidden = true;
    item.row.querySelector('.remove-item').hidden = true;
    item.status.replaceChildren('Uploaded as a draft: ' + answer.path + ' ',
      OVA.el('a', { href: '#id=' + encodeURIComponent(answer.id), class: 'continue' }, ['Continue: VTTs and chapters →']));
  }

  function failed(item, message) {
    item.state = 'failed';
    item.row.classList.add('failed');
    item.progress.hidden = true;
    item.row.querySelectorAll('input, .remove-item').forEach((control) => {
      control.disabled = false;
    });
    say(item.status, message + ' Press Upload to try again.', true);
  }

  // ---------------------------------------------------------------- steps 2 and 3: one draft

  const work = app.querySelector('.draft-work');
  const uploadStep = app.querySelector('[data-step="upload"]');
  const playerBox = work.querySelector('.draft-player');
  const jobState = work.querySelector('.job-state');
  const jobProgress = work.querySelector('.job-progress');
  const jobLog = work.querySelector('.job-log');
  const vttButton = work.querySelector('.make-vtts');
  const vttNote = work.querySelector('.vtt-note');
  const editor = work.querySelector('.chapter-editor');
  const rows = editor.querySelector('.timed-rows');
  const importButton = editor.querySelector('.import-chapters');
  const editStatus = editor.querySelector('.edit-status');
  const reviewChapters = work.querySelector('.review-chapters');
  const publishButton = work.querySelector('.publish');
  const cancelButton = work.querySelector('.cancel-draft');
  const reviewStatus = work.querySelector('.review-status');
  /** The draft shown: {id, upload (its Upload JSON), saved (chapters as saved), video, mounted, playerKey}. */
  let current = null;

  function uploadPath(id, rest) {
    return '/api/uploads/' + encodeURIComponent(id) + (rest || '');
  }

  function route() {
    const params = new URLSearchParams(location.hash.slice(1));
    const id = params.get('id');
    const step = id ? (params.get('step') === 'review' ? 'review' : 'edit') : 'upload';
    uploadStep.hidden = step !== 'upload';
    work.hidden = step === 'upload';
    app.querySelectorAll('[data-step-link]').forEach((link) => {
      const target = link.dataset.stepLink;
      if (target !== 'upload') {
        const to = current || id ? '#id=' + encodeURIComponent(id || current.id) + (target === 'review' ? '&step=review' : '') : null;
        if (to) {
          link.setAttribute('href', to);
        } else {
          link.removeAttribute('href');
        }
      }
      if (link.closest('.step-nav')) {
        if (target === step) {
          link.setAttribute('aria-current', 'step');
        } else {
          link.removeAttribute('aria-current');
        }
      }
    });
    work.querySelectorAll('.draft-step').forEach((panel) => {
      panel.hidden = panel.dataset.step !== step;
    });
    if (id && (!current || current.id !== id)) {
      openDraft(id);
    }
  }

  function openDraft(id) {
    if (current && current.mounted) {
      current.mounted.player.destroy();
    }
    current = { id, upload: null, saved: [], video: null, mounted: null, playerKey: null };
    playerBox.replaceChildren();
    work.querySelector('.draft-title').textContent = 'Loading…';
    work.querySelector('.draft-path').textContent = '';
    [editStatus, reviewStatus, vttNote].forEach((node) => say(node, ''));
    publishButton.disabled = false;
    cancelButton.disabled = false;
    server.api('GET', uploadPath(id)).then((answer) => {
      if (!current || current.id !== id) {
        return;
      }
      if (!answer.ok) {
        work.querySelector('.draft-title').textContent = answer.status === 404
          ? 'This draft is gone: it was published or cancelled.' : problemText(answer.status, answer.data);
        return;
      }
      show(answer.data, true);
    }).catch(() => {
      work.querySelector('.draft-title').textContent = 'The server could not be reached (is ova serve still running?).';
    });
  }

  /** The API's chapters ({at, title}, as the edit API has them) as the editor holds them ({start, title}). */
  function fromApi(chapters) {
    return (chapters || []).map((c) => ({ title: c.title, start: c.at }));
  }

  /** Shows the draft's state; the chapter editor is refilled only when asked, or while it holds no edits. */
  function show(answer, refillChapters) {
    const upload = Object.assign({}, answer, {
      chapters: fromApi(answer.chapters), containerChapters: fromApi(answer.containerChapters) });
    current.upload = upload;
    work.querySelector('.draft-title').textContent = upload.title || upload.path;
    work.querySelector('.draft-path').textContent = upload.path + (upload.duration ? ' · ' + OVA.formatTime(upload.duration) : '');
    if (refillChapters || !chaptersChanged()) {
      current.saved = upload.chapters || [];
      fillChapters(current.saved);
    }
    importButton.disabled = !(upload.containerChapters && upload.containerChapters.length);
    importButton.title = importButton.disabled ? 'The file has no chapters of its own' : '';
    showJob(upload.job, upload.failure);
    showVttButton();
    showReview(upload);
    mountPlayer(upload);
  }

  function refresh() {
    const id = current.id;
    server.api('GET', uploadPath(id)).then((answer) => {
      if (answer.ok && current && current.id === id) {
        show(answer.data, false);
      }
    }).catch(() => {
      // the next job event tries again
    });
  }

  // ---------------------------------------------------------------- processing, live

  function showJob(job, failure) {
    jobProgress.hidden = true;
    jobLog.hidden = !job || !job.lines || job.lines.length === 0;
    if (job && job.lines) {
      jobLog.querySelector('pre').textContent = job.lines.join('\n');
    }
    const what = job && job.kind === 'vtt' ? 'Making VTTs' : 'Processing';
    if (!job) {
      say(jobState, features.processing
        ? 'Waiting for processing (thumbnail, scrub thumbnails, chapters)…'
        : 'Processing is off on this server (ova serve --no-process): the video gets its thumbnail and VTTs at the next ova build.');
    } else if (job.state === 'queued') {
      say(jobState, what + ': queued…');
    } else if (job.state === 'running') {
      say(jobState, what + ': step ' + job.step + ' of ' + job.steps + (job.stepName ? ' — ' + job.stepName : ''));
      jobProgress.hidden = false;
      jobProgress.max = Math.max(1, job.steps);
      jobProgress.value = Math.max(0, job.step - 1);
    } else if (job.state === 'done') {
      say(jobState, job.kind === 'vtt' ? 'VTTs generated.' : 'Processed: thumbnail, scrub thumbnails and chapters are ready.');
    } else {
      say(jobState, what + ' failed: ' + (job.failure || failure || 'see the log') + '. Retry it from the Processing page.', true);
    }
  }

  function showVttButton() {
    vttButton.hidden = !features.vttButton;
    vttButton.disabled = features.batchVtt === false || !features.processing;
    if (features.batchVtt === false) {
      say(vttNote, 'Turned off on this server (server.batchVtt: false in .ova-repo/config.yaml).');
    } else if (!features.processing) {
      say(vttNote, 'Processing is off on this server (ova serve --no-process).');
    }
  }

  vttButton.addEventListener('click', () => {
    vttButton.disabled = true;
    say(vttNote, 'Queueing…');
    server.api('POST', uploadPath(current.id, '/vtt')).then((answer) => {
      if (answer.ok) {
        say(vttNote, '');
        showJob(answer.data);
      } else {
        say(vttNote, problemText(answer.status, answer.data), true);
      }
    }).catch(() => say(vttNote, 'The server could not be reached.', true)).finally(() => {
      vttButton.disabled = features.batchVtt === false || !features.processing;
    });
  });

  server.listenJson('job', (job) => {
    if (current && current.upload && job.videoId === current.id) {
      showJob(job);
      if (job.state === 'done' || job.state === 'failed') {
        refresh(); // its poster, scrub thumbnails and chapters are there now
      }
    }
  });

  // ---------------------------------------------------------------- chapters

  function playerTime() {
    return current && current.video ? Math.floor(current.video.currentTime * 10) / 10 : 0;
  }

  function chapterRow(chapter, i) {
    const name = 'Chapter ' + (i + 1);
    const time = OVA.el('input', { type: 'text', class: 'row-time', inputmode: 'decimal', size: 9, 'aria-label': name + ' start (m:ss)',
      value: typeof chapter.start === 'number' ? OVA.formatTime(chapter.start, 3) : chapter.start });
    const title = OVA.el('input', { type: 'text', class: 'row-text', 'aria-label': name + ' title', value: chapter.title || '', placeholder: 'Title' });
    const fromPlayer = OVA.el('button', { type: 'button', class: 'now', title: 'Set the start to the player’s position',
      'aria-label': 'Set ' + name + ' start from the player' }, ['Set from player']);
    const remove = OVA.el('button', { type: 'button', class: 'delete', 'aria-label': 'Remove ' + name, title: 'Remove' }, ['✕']);
    fromPlayer.addEventListener('click', () => {
      time.value = OVA.formatTime(playerTime(), 3);
      clearProblem(time);
    });
    remove.addEventListener('click', () => {
      const chapters = chapterValues();
      chapters.splice(i, 1);
      fillChapters(chapters);
      const next = rows.children[Math.min(i, chapters.length - 1)];
      (next ? next.querySelector('.delete') : editor.querySelector('.add-row')).focus();
    });
    time.addEventListener('input', () => clearProblem(time));
    return OVA.el('li', { class: 'timed-row' }, [time, fromPlayer, title, OVA.el('span', { class: 'row-buttons' }, [remove])]);
  }

  function fillChapters(chapters) {
    rows.replaceChildren(...chapters.map(chapterRow));
  }

  /** The rows as [{title, start}]; a start that does not parse stays as typed. */
  function chapterValues() {
    return Array.from(rows.children).map((row) => {
      const typed = row.querySelector('.row-time').value;
      const start = OVA.parseTime(typed);
      return { title: row.querySelector('.row-text').value.trim(), start: start === null ? typed.trim() : start };
    });
  }

  function chaptersChanged() {
    const shape = (list) => JSON.stringify(list.map((c) => [c.title, typeof c.start === 'number' ? Math.round(c.start * 1000) : c.start]));
    return current !== null && shape(chapterValues()) !== shape(current.saved || []);
  }

  function problemAt(row, message) {
    const time = row.querySelector('.row-time');
    time.setAttribute('aria-invalid', 'true');
    row.appendChild(OVA.el('p', { class: 'field-problem' }, [message]));
  }

  function clearProblem(time) {
    time.removeAttribute('aria-invalid');
    time.closest('.timed-row').querySelectorAll('.field-problem').forEach((p) => p.remove());
  }

  editor.querySelector('.add-row').addEventListener('click', () => {
    const at = playerTime();
    const chapters = chapterValues();
    let index = chapters.findIndex((c) => typeof c.start === 'number' && c.start > at);
    index = index < 0 ? chapters.length : index;
    chapters.splice(index, 0, { title: 'Chapter ' + (chapters.length + 1), start: at });
    fillChapters(chapters);
    const title = rows.children[index].querySelector('.row-text');
    title.focus();
    title.select();
  });

  importButton.addEventListener('click', () => {
    const found = current.upload.containerChapters || [];
    fillChapters(found);
    say(editStatus, 'Imported ' + found.length + (found.length === 1 ? ' chapter' : ' chapters')
      + ' from the file: Save chapters to keep them.');
  });

  /** Saves the chapters; a promise of whether they were saved. */
  function saveChapters() {
    editor.querySelectorAll('.field-problem').forEach((p) => p.remove());
    const chapters = chapterValues();
    const wrong = chapters.findIndex((c) => typeof c.start !== 'number');
    if (wrong >= 0) {
      problemAt(rows.children[wrong], 'Not a time: write seconds (42.5) or m:ss (1:05).');
      say(editStatus, 'Not saved: a chapter start is not a time.', true);
      rows.children[wrong].querySelector('.row-time').focus();
      return Promise.resolve(false);
    }
    const id = current.id;
    say(editStatus, 'Saving…');
    const sent = chapters.map((c) => ({ at: c.start, title: c.title }));
    return server.api('PUT', uploadPath(id, '/chapters'), { chapters: sent }).then((answer) => {
      if (answer.ok) {
        if (current && current.id === id) {
          show(answer.data, true);
          say(editStatus, 'Saved.');
        }
        return true;
      }
      const problems = (answer.data && answer.data.problems) || [];
      problems.forEach((p) => {
        const index = /chapters\[(\d+)\]/.exec(p.field || '');
        const row = index ? rows.children[Number(index[1])] : null;
        if (row) {
          problemAt(row, p.message);
        }
      });
      say(editStatus, 'Not saved: ' + problemText(answer.status, answer.data)
        + (problems.some((p) => !/chapters\[\d+\]/.test(p.field || '')) ? ' — ' + problems.map((p) => p.message).join('; ') : ''), true);
      return false;
    }).catch(() => {
      say(editStatus, 'Not saved: the server could not be reached.', true);
      return false;
    });
  }

  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    saveChapters();
  });

  // "Next: review" saves what is unsaved first
  editor.querySelector('.next-step').addEventListener('click', (event) => {
    if (chaptersChanged()) {
      event.preventDefault();
      saveChapters().then((saved) => {
        if (saved) {
          location.hash = '#id=' + encodeURIComponent(current.id) + '&step=review';
        }
      });
    }
  });

  // ---------------------------------------------------------------- the player and the review

  function mountPlayer(upload) {
    const key = [upload.src, upload.poster, upload.thumbnailsVtt, upload.chaptersVtt].join('|');
    if (current.playerKey === key) {
      return;
    }
    current.playerKey = key;
    const at = current.video ? current.video.currentTime : 0;
    if (current.mounted) {
      current.mounted.player.destroy();
      current.mounted = null;
    }
    const video = OVA.el('video', { id: 'upload-player', controls: true, playsinline: true, preload: 'metadata',
      poster: upload.poster, 'data-video-id': upload.id }, [
      OVA.el('source', { src: upload.src }),
      upload.chaptersVtt ? OVA.el('track', { kind: 'chapters', src: upload.chaptersVtt, srclang: 'en', label: 'Chapters' }) : null,
    ]);
    if (at > 0) {
      video.currentTime = at;
    }
    playerBox.replaceChildren(video);
    current.video = video;
    const sprites = upload.thumbnailsVtt
      ? fetch(upload.thumbnailsVtt, { cache: 'no-store' }).then((r) => (r.ok ? r.text() : null)).catch(() => null)
      : Promise.resolve(null);
    sprites.then((vtt) => {
      if (!current || current.playerKey !== key || typeof OVA.mountPlayer !== 'function' || typeof window.Plyr === 'undefined') {
        return; // without Plyr the browser's own controls play it
      }
      current.playerData = {
        id: upload.id,
        duration: upload.duration || 0,
        sprites: vtt ? { vtt, base: upload.thumbnailsVtt.replace(/[^/]*$/, '') } : null,
        markers: chapterTicks(current.upload.chapters),
      };
      current.mounted = OVA.mountPlayer(video, current.playerData);
    });
  }

  function chapterTicks(chapters) {
    return (chapters || []).map((c) => ({ at: c.start, label: c.title }));
  }

  function showReview(upload) {
    const chapters = upload.chapters || [];
    reviewChapters.replaceChildren(...(chapters.length === 0
      ? [OVA.el('li', { class: 'empty' }, ['No chapters.'])]
      : chapters.map((c) => {
        const seek = OVA.el('button', { type: 'button', class: 'chapter-seek' }, [
          OVA.el('span', { class: 'time' }, [OVA.formatTime(c.start)]), ' ' + c.title]);
        seek.addEventListener('click', () => {
          current.video.currentTime = c.start;
          current.video.play().catch(() => {});
        });
        return OVA.el('li', {}, [seek]);
      })));
    if (current.mounted) {
      current.playerData.markers = chapterTicks(chapters);
      current.mounted.redraw();
    }
  }

  function pageUrl(published) {
    const page = published.page || 'video/' + encodeURIComponent(published.id) + '.html';
    return /^(\/|https?:)/.test(page) ? page : OVA.siteUrl(page);
  }

  publishButton.addEventListener('click', () => {
    const id = current.id;
    publishButton.disabled = true;
    say(reviewStatus, 'Publishing…');
    server.api('POST', uploadPath(id, '/publish')).then((answer) => {
      if (!answer.ok) {
        publishButton.disabled = false;
        say(reviewStatus, 'Not published: ' + problemText(answer.status, answer.data), true);
        return;
      }
      cancelButton.disabled = true;
      reviewStatus.replaceChildren('Published: it is on the site now. ',
        OVA.el('a', { href: pageUrl(answer.data), class: 'published-link' }, ['Open its page']), ' · ',
        OVA.el('a', { href: '#' }, ['Upload more']));
      reviewStatus.classList.remove('problem');
    }).catch(() => {
      publishButton.disabled = false;
      say(reviewStatus, 'Not published: the server could not be reached.', true);
    });
  });

  cancelButton.addEventListener('click', () => {
    const { id, upload } = current;
    if (!window.confirm('Cancel the upload of “' + (upload ? upload.title || upload.path : id) + '”? The file and everything '
      + 'made for it are deleted.')) {
      return;
    }
    cancelButton.disabled = true;
    server.api('DELETE', uploadPath(id)).then((answer) => {
      if (!answer.ok && answer.status !== 404) {
        cancelButton.disabled = false;
        say(reviewStatus, 'Not cancelled: ' + problemText(answer.status, answer.data), true);
        return;
      }
      if (current.mounted) {
        current.mounted.player.destroy();
      }
      current = null;
      playerBox.replaceChildren();
      items.filter((item) => item.id === id).forEach((item) => {
        item.row.classList.replace('done', 'cancelled');
        say(item.status, 'Cancelled: the file was deleted.');
      });
      say(summary, 'Cancelled the upload of “' + (upload ? upload.title || upload.path : id) + '”: its file is deleted.');
      location.hash = '';
    }).catch(() => {
      cancelButton.disabled = false;
      say(reviewStatus, 'Not cancelled: the server could not be reached.', true);
    });
  });

  window.addEventListener('hashchange', route);
  window.addEventListener('beforeunload', (event) => {
    if (uploading) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  route();
}());
