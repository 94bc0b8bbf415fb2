/*
 * server-api.js — the edit API's client for pages served by `ova serve` (README, "Serving").
 *
 * Adds to window.OVA_SERVER (set by assets/server.js; null on file:// and static hosts, where this
 * script does nothing):
 *   api(method, path, body, etag) → a promise of {status, ok, etag, data}: one JSON request with the
 *     headers every write needs (X-Requested-With: ova, the token when the server asks for one,
 *     If-Match: etag when given); it rejects only when no answer came.
 *   writeHeaders() → the headers a write needs, for requests api() cannot make (uploads with progress);
 *     refused(status) after such a write forgets a token the server refused (403).
 *   failure(answer) → an Error carrying the answer's {error, detail}.
 *   saveMarker(videoId, {at, label}) → a promise of the saved video (when the server can edit): reads
 *     the video, appends the marker and saves it with the version read, once more from the current
 *     state when someone else saved first (409).
 *   listen(type, handler) → handler(event) for each event of that type from /api/events, over the page's
 *     one connection (opened on first use, closed when the page goes; none where EventSource is missing).
 *   listenJson(type, handler) → the same with handler(data) for events carrying JSON; a malformed event
 *     is ignored.
 */
(function () {
  'use strict';

  const server = window.OVA_SERVER;
  if (!server) {
    return;
  }
  const TOKEN_KEY = 'ova:server-token';

  // The login link `ova serve` prints (…/index.html#ova-token=T) hands this browser the token once: kept
  // here, and taken out of the address at once (a fragment never reaches a server or its logs).
  const login = /(?:^#|&)ova-token=([^&]+)/.exec(location.hash);
  if (login) {
    OVA.store.set(TOKEN_KEY, decodeURIComponent(login[1]));
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  /** The token a server reachable from other hosts wants on writes: from the login link, else asked once. */
  function token() {
    let known = OVA.store.get(TOKEN_KEY, '');
    if (!known) {
      known = (window.prompt('This server needs its token for changes (\u201cova serve\u201d printed it, and a login link, at start):') || '').trim();
      if (known) {
        OVA.store.set(TOKEN_KEY, known);
      }
    }
    return known;
  }

  /** The headers every write needs: X-Requested-With, and the token when the server asks for one. */
  function writeHeaders() {
    const headers = { 'X-Requested-With': 'ova' };
    if (server.writesNeedToken) {
      headers['X-Ova-Token'] = token();
    }
    return headers;
  }

  /** A write the server refused (403) with a token: a wrong or stale one, asked for again next time. */
  function refused(status) {
    if (status === 403 && server.writesNeedToken) {
      OVA.store.remove(TOKEN_KEY);
    }
  }

  function api(method, path, body, etag) {
    const write = method !== 'GET' && method !== 'HEAD';
    const headers = Object.assign({ Accept: 'application/json' }, write ? writeHeaders() : {});
    if (body !== undefined && body !== null) {
      headers['Content-Type'] = 'application/json';
    }
    if (etag) {
      headers['If-Match'] = etag;
    }
    return fetch(path, {
      method,
      headers,
      body: body === undefined || body === null ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    }).then((response) => response.json().catch(() => null).then((data) => {
      if (write) {
        refused(response.status);
      }
      return { status: response.status, ok: response.ok, etag: response.headers.get('ETag'), data };
    }));
  }

  /** The error a failed answer becomes: its JSON error, or the status. */
  function failure(answer) {
    const data = answer.data || {};
    return new Error(data.error ? data.error + (data.detail ? ' (' + data.detail + ')' : '') : 'HTTP ' + answer.status);
  }

  function saveMarker(videoId, marker) {
    const path = '/api/videos/' + encodeURIComponent(videoId);
    const save = (video, etag, triesLeft) => {
      const markers = video.markers.concat([{ at: marker.at, label: marker.label }]);
      return api('PATCH', path, { markers }, etag).then((answer) => {
        if (answer.ok) {
          return answer.data;
        }
        if (answer.status === 409 && triesLeft > 0 && answer.data && answer.data.current) {
          return save(answer.data.current, answer.etag, triesLeft - 1);
        }
        throw failure(answer);
      });
    };
    return api('GET', path).then((answer) => {
      if (!answer.ok) {
        throw failure(answer);
      }
      return save(answer.data, answer.etag, 1);
    });
  }

  let events = null;

  function listen(type, handler) {
    if (typeof EventSource === 'undefined') {
      return;
    }
    if (!events) {
      events = new EventSource('/api/events');
      window.addEventListener('pagehide', () => events.close());
    }
    events.addEventListener(type, handler);
  }

  function listenJson(type, handler) {
    listen(type, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return; // a malformed event changes nothing
      }
      handler(data);
    });
  }

  server.api = api;
  server.listen = listen;
  server.listenJson = listenJson;
  server.writeHeaders = writeHeaders;
  server.refused = refused;
  server.failure = failure;
  if (server.features && server.features.edit) {
    server.saveMarker = saveMarker;
  }
})();
