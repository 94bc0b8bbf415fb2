"""Checks the theme's JavaScript in headless Chromium on the fixture site, from file:// and over http.

Usage: python3 check.py            (needs /usr/bin/chromium and /usr/bin/chromedriver; no Selenium)
It assembles the site in a temp folder (assemble.sh), serves it on 127.0.0.1 with byte ranges (Python's
http.server has none, and Chromium cannot seek a video without them), drives Chromium through
chromedriver's W3C HTTP API, and fails on any SEVERE console message. A reference for the Java browser
tests, not part of the Maven build.
"""
import base64, functools, http.server, json, os, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        rng = self.headers.get('Range')
        if not rng or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        start, _, end = rng.replace('bytes=', '').partition('-')
        start, end = int(start or 0), min(int(end) if end else size - 1, size - 1)
        f = open(path, 'rb')
        f.seek(start)
        self.send_response(206)
        self.send_header('Content-Type', self.guess_type(path))
        self.send_header('Content-Range', f'bytes {start}-{end}/{size}')
        self.send_header('Content-Length', str(end - start + 1))
        self.send_header('Accept-Ranges', 'bytes')
        self.end_headers()
        self.remaining = end - start + 1
        return f

    def copyfile(self, source, out):
        n = getattr(self, 'remaining', None)
        if n is None:
            return super().copyfile(source, out)
        while n > 0:
            chunk = source.read(min(65536, n))
            if not chunk:
                break
            out.write(chunk)
            n -= len(chunk)

    def log_message(self, *args):
        pass


class Browser:
    """Just enough of the W3C WebDriver protocol."""

    def __init__(self, port=9517):
        self.port = port
        self.proc = subprocess.Popen(['/usr/bin/chromedriver', f'--port={port}'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)
        args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--window-size=1280,800',
                '--user-data-dir=' + tempfile.mkdtemp()]
        caps = {'capabilities': {'alwaysMatch': {'browserName': 'chrome', 'goog:loggingPrefs': {'browser': 'ALL'},
                                                 'goog:chromeOptions': {'binary': '/usr/bin/chromium', 'args': args}}}}
        self.sid = self.call('POST', '/session', caps)['sessionId']

    def call(self, method, path, body=None):
        req = urllib.request.Request(f'http://127.0.0.1:{self.port}{path}', method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={'Content-Type': 'application/json'})
        try:
            return json.loads(urllib.request.urlopen(req, timeout=60).read())['value']
        except urllib.error.HTTPError as e:
            raise RuntimeError(e.read().decode()[:600])

    def s(self, method, path, body=None):
        return self.call(method, f'/session/{self.sid}{path}', body)

    def get(self, url, wait=1.0):
        self.s('POST', '/url', {'url': url})
        time.sleep(wait)

    def js(self, script, *args):
        return self.s('POST', '/execute/sync', {'script': script, 'args': list(args)})

    def element(self, css):
        return self.s('POST', '/element', {'using': 'css selector', 'value': css})

    def click(self, css, wait=0.6):
        self.s('POST', f'/element/{list(self.element(css).values())[0]}/click', {})
        time.sleep(wait)

    def keys(self, text, wait=0.4):
        actions = [a for ch in text for a in ({'type': 'keyDown', 'value': ch}, {'type': 'keyUp', 'value': ch})]
        self.s('POST', '/actions', {'actions': [{'type': 'key', 'id': 'kb', 'actions': actions}]})
        time.sleep(wait)

    def pointer_to(self, x, y, origin='viewport', wait=1.0):
        self.s('POST', '/actions', {'actions': [{'type': 'pointer', 'id': 'mouse', 'parameters': {'pointerType': 'mouse'},
                                                 'actions': [{'type': 'pointerMove', 'duration': 50, 'origin': origin, 'x': x, 'y': y}]}]})
        time.sleep(wait)

    def hover(self, css, wait=1.2):
        self.pointer_to(0, 0, self.element(css), wait)

    def cdp(self, cmd, params):
        return self.s('POST', '/goog/cdp/execute', {'cmd': cmd, 'params': params})

    def back(self, wait=1.0):
        self.s('POST', '/back', {})
        time.sleep(wait)

    def refresh(self, wait=1.2):
        self.s('POST', '/refresh', {})
        time.sleep(wait)

    def url(self):
        return self.s('GET', '/url')

    def screenshot(self, path):
        with open(path, 'wb') as f:
            f.write(base64.b64decode(self.s('GET', '/screenshot')))

    def severe_logs(self):
        return [l['message'] for l in self.s('POST', '/se/log', {'type': 'browser'}) if l['level'] == 'SEVERE']

    def quit(self):
        try:
            self.s('DELETE', '')
        finally:
            self.proc.terminate()


FAILURES = []


def check(name, actual, expected):
    ok = actual == expected
    print(('ok   ' if ok else 'FAIL ') + name + ('' if ok else f': got {actual!r}, expected {expected!r}'), flush=True)
    if not ok:
        FAILURES.append(name)


def player_time(b):
    return round(b.js("return document.getElementById('ova-player').currentTime"), 1)


def run(b, base, shots, http):
    b.get(base + 'video/clip.html', 1.5)
    check('markers are drawn on the timeline', b.js("return Array.from(document.querySelectorAll('.plyr__progress .ova-marker')).map(t => t.title)"),
          ['0:01 Big wave', '0:06 Crème brûlée <b>'])
    r = b.js("const p = document.querySelector('.plyr__progress'); p.scrollIntoView({block: 'nearest'});"
             "const r = p.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]")
    b.pointer_to(int(r[0] + r[2] * 0.6), int(r[1] + r[3] / 2))
    check('hovering the progress bar shows a scrub thumbnail', b.js(
        "const img = document.querySelector('.plyr__preview-thumb--is-shown img'); return !!img && img.naturalWidth > 0"), True)
    b.screenshot(os.path.join(shots, 'video.png'))
    b.js("window.scrollTo(0, 0)")
    b.click('.chapters li:nth-child(2) a', 0.8)
    check('a chapter click seeks and plays', [player_time(b) >= 2.5, b.js("return document.getElementById('ova-player').paused")], [True, False])
    check('the current chapter is highlighted', b.js("return Array.from(document.querySelectorAll('.chapters li')).map(li => li.className)"), ['', 'current', ''])
    b.js("document.activeElement.blur()")
    b.keys('k')
    check('k pauses', b.js("return document.getElementById('ova-player').paused"), True)
    b.js("document.getElementById('ova-player').currentTime = 0.2")
    time.sleep(0.3)
    seen = []
    for key in ']][.,':
        b.keys(key)
        seen.append(player_time(b))
    check('[ ] , . jump between markers and chapters', seen, [1.5, 6.2, 1.5, 2.5, 0.0])
    b.keys('l')
    check('l jumps 10 s (and does not toggle loop)', [player_time(b), b.js("return document.getElementById('ova-player').loop")], [8.0, False])
    b.js("document.getElementById('ova-player').currentTime = 3.3")
    time.sleep(0.3)
    b.click('.add-marker', 0.3)
    b.keys('Nice spot: yes', 0.3)
    check('add marker shows a YAML snippet', b.js("return document.querySelector('.marker-snippet pre').textContent"),
          'markers:\n  - at: 0:03.3\n    label: "Nice spot: yes"\n')
    b.js("document.getElementById('ova-player').currentTime = 2.0")
    time.sleep(0.3)
    b.get(base + 'index.html', 0.5)
    b.get(base + 'video/clip.html', 1.5)
    check('resume where the viewer left off', player_time(b), 2.0)
    check('local markers survive a reload', b.js("return document.querySelectorAll('.ova-marker.local').length"), 1)
    b.get(base + 'video/other.html#t=3.8', 1.5)
    check('#t= seeks', player_time(b), 3.8)
    b.get(base + 'video/broken.html', 0.8)
    check('an unplayable video shows its message and no player', b.js("return [document.querySelectorAll('.plyr').length, !!document.querySelector('.not-playable')]"), [0, True])

    b.get(base + 'index.html', 0.8)
    b.hover('.cards li:nth-child(1) .card')
    check('hover plays the preview muted', b.js("const v = document.querySelector('.cards li:nth-child(1) video.preview'); return v && [v.hidden, v.paused, v.muted]"), [False, False, True])
    b.hover('.site-title', 0.3)
    check('leaving stops it', b.js("const v = document.querySelector('video.preview'); return [v.hidden, v.paused]"), [True, True])
    b.cdp('Emulation.setEmulatedMedia', {'features': [{'name': 'prefers-reduced-motion', 'value': 'reduce'}]})
    b.hover('.cards li:nth-child(2) .card', 0.8)
    check('reduced motion: no preview', b.js("return !!document.querySelector('.cards li:nth-child(2) video.preview')"), False)
    b.cdp('Emulation.setEmulatedMedia', {'features': []})
    b.js("window.scrollTo(0, 500)")
    time.sleep(0.5)
    b.js("document.querySelectorAll('.card')[10].click()")
    time.sleep(1.0)
    b.back()
    check('scroll position restored on back', b.js("return window.scrollY"), 500)
    b.get(base + 'tags.html', 0.5)
    b.get(base + 'index.html')
    check('scroll position restored on a return visit', b.js("return window.scrollY"), 500)

    picks = set()
    for _ in range(5):
        b.get(base + 'video/clip.html', 0.5)
        b.click('.random-button', 0.8)
        picks.add(b.url().rsplit('/', 1)[-1])
    check('random never picks the video on screen', 'clip.html' in picks or len(picks) == 0, False)

    b.get(base + 'tags.html', 0.5)
    b.click('[data-sort-tags="count"]', 0.2)
    b.refresh(0.6)
    check('tag sort by count, kept in the URL', b.js("return Array.from(document.querySelectorAll('.tag-index li')).map(li => li.dataset.name)"),
          ['nature', 'city', 'family', 'night', 'sommer café'])
    b.get(base + 'top-rated.html', 0.5)
    b.click('[data-rating-filter="4"]', 0.2)
    check('rating filter: 4 stars and up', b.js("return Array.from(document.querySelectorAll('.cards li')).filter(li => !li.hidden).map(li => li.querySelector('.card').dataset.id)"), ['other', 'clip'])

    b.get(base + 'search.html?q=creme', 0.8)
    check('search finds a marker label, accents ignored, linked at its time', b.js(
        "return Array.from(document.querySelectorAll('.search-results .result-title')).map(a => a.getAttribute('href'))"), ['video/clip.html#t=6.2'])
    b.js("const i = document.getElementById('search-input'); i.value = ''; i.focus()")
    b.keys('CAFE', 0.5)
    check('title hits rank first', b.js("return Array.from(document.querySelectorAll('.search-results .result-title')).map(a => a.getAttribute('href'))"),
          ['video/clip.html', 'video/other.html'])
    b.screenshot(os.path.join(shots, 'search.png'))

    b.get(base + 'playlist/mix.html', 0.6)
    b.click('.play-all', 1.0)
    b.js("const v = document.getElementById('ova-player'); v.muted = true; v.currentTime = 7.5; v.play()")
    time.sleep(2.0)
    check('playlist auto-advances', b.url().rsplit('/', 1)[-1], 'other.html?list=mix&i=1')
    b.refresh()
    check('playlist position survives a reload', b.js("return document.querySelector('.playlist-bar .position').textContent"), '2 / 3')
    b.get(base + 'playlist/shuffled.html', 0.6)
    order = b.js("return Array.from(document.querySelectorAll('ol.playlist .card')).map(a => a.getAttribute('href'))")
    b.refresh(0.6)
    check('a shuffled playlist keeps its order on reload', b.js("return Array.from(document.querySelectorAll('ol.playlist .card')).map(a => a.getAttribute('href'))"), order)

    b.get(base + 'vr/vr-tb.html', 3.0)
    if http:
        check('VR over http: scene, stereo spheres on layers 1 and 2, camera sees layer 1', b.js(
            "const s = document.querySelector('a-scene'); const e = document.querySelector('[data-vr-sphere]');"
            "return [s.hasLoaded, e.getObject3D('mesh').children.map(m => m.layers.mask), s.camera.layers.mask, document.querySelector('[data-vr-file-note]').hidden]"),
            [True, [2, 4], 3, True])
    else:
        check('VR from file://: the note and no scene', b.js(
            "return [document.querySelector('[data-vr-file-note]').hidden, !!document.querySelector('a-scene')]"), [False, False])
    b.screenshot(os.path.join(shots, 'vr.png'))


def main():
    out = tempfile.mkdtemp(prefix='ova-jsfixture-')
    site = os.path.join(out, 'site')
    subprocess.run([os.path.join(HERE, 'assemble.sh'), site], check=True, stdout=subprocess.DEVNULL)
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(RangeHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for name, base in (('file', 'file://' + site + '/'), ('http', f'http://127.0.0.1:{server.server_port}/')):
        print(f'--- {name}: {base}')
        shots = os.path.join(out, 'shots-' + name)
        os.makedirs(shots)
        b = Browser()
        try:
            run(b, base, shots, name == 'http')
            errors = sorted(set(b.severe_logs()))
            check('no SEVERE console messages', errors, [])
        finally:
            b.quit()
        print('screenshots in', shots)
    server.shutdown()
    print('FAILED: ' + ', '.join(FAILURES) if FAILURES else 'all passed')
    sys.exit(1 if FAILURES else 0)


if __name__ == '__main__':
    main()
