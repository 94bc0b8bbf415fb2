/*
 * processing.js — the Processing page (body[data-page="processing"]), only under `ova serve`; on file://
 * and static hosts the page keeps its note on how to serve.
 *
 * Lists the processing jobs (GET /api/jobs, then live from the `job` events of /api/events) grouped
 * running, queued, failed and done, each with its step, progress and an expandable live log; "Retry"
 * on a video whose last job failed (POST /api/jobs/{videoId}/retry) and "Re-make VTTs" (POST
 * /api/videos/{id}/vtt, when the server shows that button). Below, the library's drafts (GET
 * /api/uploads) with "Continue" (the Upload page at that draft) and "Cancel" (DELETE /api/uploads/{id}).
 *
 * Needs ova.js and server-api.js.
 */
(function () {
  'use strict';

  const OVA = window.OVA;
  const server = window.OVA_SERVER;
  const app = document.querySelector('.processing-app');
  if (!OVA || !server || !app || typeof server.api !== 'function') {
    return;
  }
  const features = server.features || {};
  app.hidden = false;
  if (!features.processing) {
    const note = document.querySelector('.server-note');
    note.textContent = 'Processing is off: this server runs with --no-process, so new videos get their thumbnails '
      + 'and VTTs at the next ova build (or restart ova serve without --no-process).';
    note.hidden = false;
  }

  const ORDER = ['running', 'queued', 'failed', 'done'];
  const groups = new Map(ORDER.map((state) => [state, app.querySelector('.job-group[data-state="' + state + '"]')]));
  /** Every job shown, by its id: {job, row and its parts}. */
  const shown = new Map();

  const say = OVA.say;

  /** The newest job of each video: only that one offers Retry and Re-make VTTs. */
  function latestByVideo() {
    const latest = new Map();
    shown.forEach(({ job }) => {
      const other = latest.get(job.videoId);
      if (!other || other.id < job.id) {
        latest.set(job.videoId, job);
      }
    });
    return latest;
  }

  function button(cls, label, action) {
    const b = OVA.el('button', { type: 'button', class: cls }, [label]);
    b.addEventListener('click', () => action(b));
    return b;
  }

  /** A write that queues a job: the new job arrives as an event, a refusal shows in the row. */
  function queue(entry, control, path) {
    control.disabled = true;
    say(entry.message, 'Queueing…');
    server.api('POST', path).then((answer) => {
      if (answer.ok) {
        say(entry.message, '');
        update(answer.data);
      } else {
        say(entry.message, server.failure(answer).message, true);
      }
    }).catch(() => say(entry.message, 'The server could not be reached (is ova serve still running?).', true))
      .finally(() => {
        control.disabled = false;
        placeActions();
      });
  }

  function entryFor(job) {
    let entry = shown.get(job.id);
    if (entry) {
      return entry;
    }
    entry = {
      title: OVA.el('span', { class: 'job-title' }),
      kind: OVA.el('span', { class: 'job-kind' }),
      path: OVA.el('span', { class: 'job-path' }),
      state: OVA.el('p', { class: 'job-state' }),
      progress: OVA.el('progress', { max: 1, value: 0 }),
      log: OVA.el('pre'),
      logSummary: OVA.el('summary'),
      message: OVA.el('p', { class: 'job-message', role: 'status' }),
    };
    entry.retry = button('retry', 'Retry', (b) => queue(entry, b, '/api/jobs/' + encodeURIComponent(entry.job.videoId) + '/retry'));
    entry.vtt = button('remake-vtts', 'Re-make VTTs', (b) => queue(entry, b, '/api/videos/' + encodeURIComponent(entry.job.videoId) + '/vtt'));
    if (features.batchVtt === false) {
      entry.vtt.disabled = true;
      entry.vtt.title = 'Turned off on this server (server.batchVtt: false in .ova-repo/config.yaml)';
      entry.vttReason = OVA.el('span', { class: 'vtt-note' }, ['Re-making VTTs is turned off (server.batchVtt: false).']);
    }
    entry.row = OVA.el('li', { class: 'job', 'data-job-id': job.id }, [
      OVA.el('div', { class: 'job-head' }, [entry.title, entry.kind, entry.path]),
      entry.state,
      entry.progress,
      OVA.el('details', { class: 'job-log' }, [entry.logSummary, entry.log]),
      OVA.el('div', { class: 'job-actions' }, [entry.retry, features.vttButton ? entry.vtt : null, entry.vttReason || null]),
      entry.message,
    ]);
    shown.set(job.id, entry);
    return entry;
  }

  function stateText(job) {
    switch (job.state) {
      case 'queued':
        return 'Queued';
      case 'running':
        return 'Step ' + job.step + ' of ' + job.steps + (job.stepName ? ' — ' + job.stepName : '');
      case 'done':
        return 'Done' + (job.finished ? ' at ' + new Date(job.finished).toLocaleTimeString() : '');
      default:
        return 'Failed: ' + (job.failure || 'see the log');
    }
  }

  function update(job) {
    const entry = entryFor(job);
    entry.job = job;
    entry.title.textContent = job.title || job.path;
    entry.kind.textContent = job.kind === 'vtt' ? 'VTTs' : 'processing';
    entry.path.textContent = job.path;
    say(entry.state, stateText(job), job.state === 'failed');
    entry.progress.hidden = job.state !== 'running';
    entry.progress.max = Math.max(1, job.steps || 1);
    entry.progress.value = Math.max(0, (job.step || 1) - 1);
    const lines = job.lines || [];
    entry.logSummary.textContent = 'Log (' + lines.length + (lines.length === 1 ? ' line)' : ' lines)');
    entry.log.textContent = lines.join('\n');
    const list = groups.get(ORDER.includes(job.state) ? job.state : 'failed').querySelector('.job-list');
    if (entry.row.parentNode !== list) {
      list.appendChild(entry.row);
    }
    sortGroups();
    placeActions();
  }

  /** Running and queued oldest first (the order they run in), failed and done newest first. */
  function sortGroups() {
    groups.forEach((group, state) => {
      const list = group.querySelector('.job-list');
      const rows = Array.from(list.children);
      const newestFirst = state === 'failed' || state === 'done';
      rows.sort((a, b) => (Number(a.dataset.jobId) - Number(b.dataset.jobId)) * (newestFirst ? -1 : 1));
      rows.forEach((row) => list.appendChild(row));
      group.hidden = rows.length === 0;
      group.querySelector('.group-count').textContent = '(' + rows.length + ')';
    });
    app.querySelector('.jobs-empty').hidden = shown.size > 0;
  }

  function placeActions() {
    const latest = latestByVideo();
    shown.forEach((entry) => {
      const isLatest = latest.get(entry.job.videoId) === entry.job;
      const finished = entry.job.state === 'done' || entry.job.state === 'failed';
      entry.retry.hidden = !(isLatest && entry.job.state === 'failed');
      entry.vtt.hidden = !(isLatest && finished && features.processing);
      if (entry.vttReason) {
        entry.vttReason.hidden = entry.vtt.hidden;
      }
    });
  }

  // ---------------------------------------------------------------- drafts

  const drafts = app.querySelector('.draft-list');
  const draftsStatus = app.querySelector('.drafts-status');

  function loadDrafts() {
    server.api('GET', '/api/uploads').then((answer) => {
      if (!answer.ok) {
        drafts.replaceChildren();
        say(draftsStatus, 'Drafts cannot be listed: ' + server.failure(answer).message, true);
        return;
      }
      const list = answer.data.drafts || [];
      app.querySelector('.drafts .group-count').textContent = '(' + list.length + ')';
      say(draftsStatus, list.length === 0 ? 'No drafts: uploaded videos wait here until they are published.' : '');
      drafts.replaceChildren(...list.map(draftRow));
    }).catch(() => say(draftsStatus, 'The server could not be reached (is ova serve still running?).', true));
  }

  function draftRow(draft) {
    const message = OVA.el('p', { class: 'job-message', role: 'status' });
    const cancel = button('cancel-draft', 'Cancel', () => {
      if (!window.confirm('Cancel the upload of “' + (draft.title || draft.path) + '”? The file and everything made for it are deleted.')) {
        return;
      }
      cancel.disabled = true;
      server.api('DELETE', '/api/uploads/' + encodeURIComponent(draft.id)).then((answer) => {
        if (answer.ok || answer.status === 404) {
          loadDrafts();
        } else {
          cancel.disabled = false;
          say(message, 'Not cancelled: ' + server.failure(answer).message, true);
        }
      }).catch(() => {
        cancel.disabled = false;
        say(message, 'Not cancelled: the server could not be reached.', true);
      });
    });
    const job = draft.job;
    return OVA.el('li', { class: 'job draft', 'data-video-id': draft.id }, [
      OVA.el('div', { class: 'job-head' }, [
        OVA.el('span', { class: 'job-title' }, [draft.title || draft.path]),
        OVA.el('span', { class: 'job-path' }, [draft.path]),
      ]),
      job ? OVA.el('p', { class: 'job-state' }, [(job.kind === 'vtt' ? 'VTTs: ' : 'Processing: ') + stateText(job)]) : null,
      OVA.el('div', { class: 'job-actions' }, [
        OVA.el('a', { class: 'button continue', href: OVA.siteUrl('upload.html') + '#id=' + encodeURIComponent(draft.id) }, ['Continue']),
        cancel,
      ]),
      message,
    ]);
  }

  // ---------------------------------------------------------------- start

  server.api('GET', '/api/jobs').then((answer) => {
    if (answer.ok) {
      (answer.data.jobs || []).forEach(update);
    }
    sortGroups();
  }).catch(() => sortGroups());
  loadDrafts();

  server.listenJson('job', (job) => {
    update(job);
    if (job.state === 'done' || job.state === 'failed' || job.state === 'queued') {
      loadDrafts();
    }
  });
  // the site changed (a draft published, a video gone): the drafts may have too
  server.listen('reload', loadDrafts);
}());
