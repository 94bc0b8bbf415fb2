// Controls that need `ova serve`: shown only when assets/server.js says a server runs (window.OVA_SERVER).
// Every page: elements marked [data-served] (hidden as built: the Upload and Processing links) appear,
// those whose value names a feature only when the server has it on; [data-needs-server] notes go away.
// On file:// and static hosts the Trim panel offers the equivalent ffmpeg command instead.
(function () {
  'use strict';
  var server = window.OVA_SERVER;
  if (server) {
    var features = server.features || {};
    Array.prototype.forEach.call(document.querySelectorAll('[data-served]'), function (node) {
      var feature = node.getAttribute('data-served');
      node.hidden = Boolean(feature) && !features[feature];
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-needs-server]'), function (node) {
      node.hidden = true;
    });
  }
  var dataEl = document.getElementById('ova-video-data');
  var player = document.getElementById('ova-player');
  if (!dataEl || !player) { return; }
  var video;
  try { video = JSON.parse(dataEl.textContent); } catch (e) { return; }
  var live = server && server.features && server.features.trim;

  function clock(s) {
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, sec = s - Math.floor(s / 60) * 60;
    var ss = (sec < 10 ? '0' : '') + sec.toFixed(1).replace(/\.0$/, '');
    return (h ? h + ':' + (m < 10 ? '0' : '') + m : m) + ':' + ss;
  }
  function parse(text) {
    var parts = String(text).trim().split(':');
    if (parts.length > 3 || parts.some(function (p) { return !/^\d+(\.\d+)?$/.test(p); })) { return NaN; }
    return parts.reduce(function (total, p) { return total * 60 + parseFloat(p); }, 0);
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function quote(s) { return /^[A-Za-z0-9_.\/:+=,-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }

  var panel = el('details', { 'class': 'trim-panel', id: 'ova-trim' });
  panel.appendChild(el('summary', {}, 'Trim'));
  var row = el('div', { 'class': 'trim-row' });
  var start = el('input', { type: 'text', name: 'start', value: '0:00', size: '9', 'aria-label': 'Start' });
  var end = el('input', { type: 'text', name: 'end', value: clock(video.duration || 0), size: '9', 'aria-label': 'End' });
  var setStart = el('button', { type: 'button' }, 'Start = now');
  var setEnd = el('button', { type: 'button' }, 'End = now');
  var mode = el('select', { name: 'mode', 'aria-label': 'Mode' });
  mode.appendChild(el('option', { value: 'copy' }, 'copy (fast, keyframes)'));
  mode.appendChild(el('option', { value: 'exact' }, 'exact (re-encode)'));
  var pick = el('select', { name: 'from', 'aria-label': 'From a chapter or marker' });
  pick.appendChild(el('option', { value: '' }, 'Chapter or marker…'));
  (video.chapters || []).forEach(function (c) {
    var o = el('option', { value: c.start + '-' + (c.end || video.duration) }, 'Chapter: ' + c.title);
    pick.appendChild(o);
  });
  (video.markers || []).forEach(function (m) {
    pick.appendChild(el('option', { value: m.at + '-' }, 'Marker: ' + m.label));
  });
  [start, setStart, end, setEnd, mode, pick].forEach(function (n) { row.appendChild(n); });
  panel.appendChild(row);
  var action = el(live ? 'a' : 'div', live ? { 'class': 'trim-download', download: '' } : { 'class': 'trim-command' });
  panel.appendChild(action);

  setStart.addEventListener('click', function () { start.value = clock(player.currentTime); update(); });
  setEnd.addEventListener('click', function () { end.value = clock(player.currentTime); update(); });
  pick.addEventListener('change', function () {
    var range = pick.value.split('-');
    if (range[0] !== '') { start.value = clock(parseFloat(range[0])); }
    if (range[1]) { end.value = clock(parseFloat(range[1])); }
    update();
  });
  [start, end, mode].forEach(function (n) { n.addEventListener('input', update); n.addEventListener('change', update); });

  function update() {
    var s = parse(start.value), e = parse(end.value);
    var ok = s >= 0 && e > s && e <= (video.duration || Infinity) + 0.001;
    if (live) {
      action.textContent = ok ? 'Download ' + clock(s) + '–' + clock(e) : 'Start and end must lie within the video';
      if (ok) {
        action.href = '/api/videos/' + encodeURIComponent(video.id) + '/trim?start=' + s + '&end=' + e + '&mode=' + mode.value;
      } else {
        action.removeAttribute('href');
      }
      return;
    }
    var source = decodeURIComponent(new URL(player.currentSrc || player.querySelector('source').src).pathname.split('/').pop());
    var args = ['ffmpeg', '-ss', s.toFixed(3), '-i', source, '-t', (e - s).toFixed(3), '-map', '0:v:0?', '-map', '0:a:0?'];
    args = args.concat(mode.value === 'exact'
      ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '160k']
      : ['-c', 'copy', '-avoid_negative_ts', 'make_zero']);
    args = args.concat(['-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', video.title + ' trim.mp4']);
    action.textContent = '';
    action.appendChild(el('p', {}, ok ? 'No server here: run this in the video\u2019s folder (or start \u201cova serve\u201d for a download button):' : 'Start and end must lie within the video'));
    if (ok) { action.appendChild(el('pre', {}, args.map(quote).join(' '))); }
  }
  update();
  var info = document.querySelector('.video-info');
  (info || player.parentNode).appendChild(panel);
})();
