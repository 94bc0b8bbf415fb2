"""Writes the fixture pages under site/ (run it after changing the contract or Plyr's icon sprite).

The pages are hand-made copies of what the renderer writes (SITE-CONTRACT.md + the default templates),
small enough to read, with a real clip in site/media/. Media were made with ova's bundled ffmpeg:
testsrc2 320x180 8 s H.264+AAC (clip.mp4), 160x90 2 s (preview.mp4), a frame (thumb.jpg), a 4x2 tile of
one frame a second (sprite-1.jpg) and a 512x512 top-bottom stereo clip (vr-tb.mp4).
"""
import json, os, html
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'site')
SVG = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../themes/default/assets/vendor/plyr/plyr.svg')).read()

def vtt():
    lines = ['WEBVTT', '']
    for i in range(8):
        x, y = (i % 4) * 160, (i // 4) * 90
        lines += [f'00:00:0{i}.000 --> 00:00:0{i+1}.000', f'sprite-1.jpg#xywh={x},{y},160,90', '']
    return '\n'.join(lines)

def header(root, kind, scope):
    return f'''<header class="site-header">
  <a class="site-title" href="{root}index.html">Fixture library</a>
  <nav class="site-nav" aria-label="Main">
    <a href="{root}index.html">Library</a> <a href="{root}tags.html">Tags</a> <a href="{root}top-rated.html">Top rated</a>
    <a href="{root}playlists.html">Playlists</a> <a href="{root}folders.html">Folders</a> <a href="{root}search.html">Search</a>
  </nav>
  <form class="search-box" action="{root}search.html" role="search"><input name="q" type="search" placeholder="Search" aria-label="Search videos"></form>
  <button class="random-button" type="button" data-random-scope="{scope}" title="Play a random video">Random</button>
</header>'''

def page(path, kind, title, content, scope='library', head='', data='', scripts=''):
    depth = path.count('/')
    root = '../' * depth
    doc = f'''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>{html.escape(title)} · Fixture library</title>
<link rel="stylesheet" href="{root}assets/ova.css">
{head}</head>
<body data-page="{kind}" data-root="{root}">
<!-- Hand-made fixture for the theme's JavaScript (see ../README.md); markup follows SITE-CONTRACT.md and the default templates. -->
{header(root, kind, scope)}
<main id="main" data-scroll-key="{kind}">
{content}
</main>
<script src="{root}data/library.js" defer></script>
{data}<script src="{root}assets/ova.js" defer></script>
<script src="{root}assets/search.js" defer></script>
{scripts}</body>
</html>
'''
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    open(full, 'w').write(doc)

VIDEOS = [
    dict(id='clip', t='Café at night <&>', tags=['city', 'night'], r=4, preview=True),
    dict(id='other', t='Mountain flight', tags=['nature', 'Sommer café'], r=5, preview=True),
    dict(id='third', t='Beach day', tags=['nature'], r=2, preview=False),
    dict(id='broken', t='Old camcorder tape', tags=['family'], r=0, preview=False),
]

def card(root, v, href=None):
    href = href or f'{root}video/{v["id"]}.html'
    prev = f'{root}media/preview.mp4' if v['preview'] else ''
    stars = '★' * v['r'] + '☆' * (5 - v['r'])
    rating = f'<span class="rating" data-rating="{v["r"]}" aria-label="{v["r"]} of 5 stars">{stars}</span>' if v['r'] else ''
    tags = ''.join(f'<span class="tag">{html.escape(t)}</span>' for t in v['tags'])
    return f'''<li><a class="card" href="{href}" data-id="{v["id"]}" data-preview="{prev}" data-rating="{v["r"]}">
  <span class="thumb-box"><img class="thumb" loading="lazy" src="{root}media/thumb.jpg" alt=""><span class="duration">0:08</span></span>
  <span class="title">{html.escape(v["t"])}</span>
  {rating}<span class="tags">{tags}</span></a></li>'''

def cards(root, vs, key, hrefs=None):
    items = '\n'.join(card(root, v, hrefs[i] if hrefs else None) for i, v in enumerate(vs))
    return f'<ul class="cards" data-list="{key}">\n{items}\n</ul>'

# data files
lib = {'videos': [{'id': v['id'], 't': v['t'], 'u': f'video/{v["id"]}.html', 'th': 'media/thumb.jpg', 'd': 8.0, 'r': v['r'], 'g': v['tags']} for v in VIDEOS]}
os.makedirs(OUT + '/data', exist_ok=True)
open(OUT + '/data/library.js', 'w').write('window.OVA_LIBRARY = ' + json.dumps(lib, ensure_ascii=False) + ';\n')
search = [
    ['video/clip.html', VIDEOS[0]['t'], 'city night', 'espresso tables street lamps', [[0, 'Arrival'], [2.5, 'Ordering'], [5, 'Leaving']], [[1.5, 'Big wave'], [6.2, 'Crème brûlée']]],
    ['video/other.html', 'Mountain flight', 'nature sommer café', 'paragliding glacier valley', [], [[3.8, 'Glacier view']]],
    ['video/third.html', 'Beach day', 'nature', 'sand waves', [], []],
    ['video/broken.html', 'Old camcorder tape', 'family', 'interlaced wave', [], []],
]
open(OUT + '/data/search.js', 'w').write('window.OVA_SEARCH = [' + ',\n'.join(json.dumps(r, ensure_ascii=False) for r in search) + '];\n')
pls = {'mix': {'title': 'Weekend mix', 'random': False, 'videos': ['video/clip.html', 'video/other.html', 'video/third.html']},
       'shuffled': {'title': 'Shuffled', 'random': True, 'videos': ['video/clip.html', 'video/other.html', 'video/third.html']}}
open(OUT + '/data/playlists.js', 'w').write('window.OVA_PLAYLISTS = ' + json.dumps(pls, ensure_ascii=False) + ';\n')

# library page: many cards so scrolling matters
many = '\n'.join(card('', VIDEOS[i % 4]) for i in range(24))
page('index.html', 'library', 'Library', f'''<div class="list-head"><h1>Fixture library</h1><p class="count">4 videos</p></div>
<ul class="cards" data-list="library:added:1">
{many}
</ul>''')

def video_page(v, playable=True, prev=None, nxt=None):
    root = '../'
    data = {
        'id': v['id'], 'title': v['t'], 'duration': 8.0,
        'sprites': {'vtt': vtt(), 'base': '../media/'} if playable else None,
        'chapters': [{'start': 0, 'end': 2.5, 'title': 'Arrival'}, {'start': 2.5, 'end': 5, 'title': 'Ordering'}, {'start': 5, 'end': 8, 'title': 'Leaving'}] if v['id'] == 'clip' else [],
        'markers': [{'at': 1.5, 'label': 'Big wave', 'tags': []}, {'at': 6.2, 'label': 'Crème brûlée <b>', 'tags': ['food']}] if v['id'] == 'clip' else [{'at': 3.8, 'label': 'Glacier view', 'tags': []}],
        'playable': playable, 'message': None if playable else 'This file uses a codec browsers cannot play (DV). Run ova build with a web proxy enabled.',
        'prev': prev, 'next': nxt, 'metadataFile': f'.ova-repo/metadata/{v["id"]}.mp4.yaml', 'vr': None,
    }
    js = json.dumps(data, ensure_ascii=False).replace('</', '<\\/')
    if playable:
        player = f'''<video id="ova-player" controls playsinline preload="metadata" poster="../media/thumb.jpg" data-video-id="{v["id"]}">
      <source src="../media/clip.mp4" type="video/mp4">
    </video>'''
    else:
        player = f'''<div class="not-playable" role="alert"><img src="../media/thumb.jpg" alt=""><p>{data["message"]}</p></div>'''
    ch = ''.join(f'<li><a href="#t={c["start"]}" data-seek="{c["start"]}"><span class="time">0:0{int(c["start"])}</span> {c["title"]}</a></li>' for c in data['chapters'])
    chapters = f'<section class="panel"><h2>Chapters</h2><ol class="chapters">{ch}</ol></section>' if ch else ''
    mk = ''.join(f'<li><a href="#t={m["at"]}" data-seek="{m["at"]}"><span class="time">0:0{int(m["at"])}</span> {html.escape(m["label"])}</a></li>' for m in data['markers'])
    pn = ''
    if prev: pn += f'<a class="prev" rel="prev" href="{prev}">← Previous</a>'
    if nxt: pn += f'<a class="next" rel="next" href="{nxt}">Next →</a>'
    related = cards(root, [VIDEOS[1], VIDEOS[2]], 'related:' + v['id'])
    content = f'''<div class="plyr-icons" hidden aria-hidden="true">{SVG}</div>
<article class="video-page">
  <div class="player-box">
    {player}
  </div>
  <script type="application/json" id="ova-video-data">{js}</script>
  <div class="video-info">
    <h1 class="video-title">{html.escape(v["t"])}</h1>
    <ul class="tag-list" aria-label="Tags">{''.join(f'<li><a class="tag" href="../tags.html">{html.escape(t)}</a></li>' for t in v['tags'])}</ul>
    <div class="description">Fixture video for the theme scripts.</div>
    <nav class="prev-next" aria-label="Previous and next video">{pn}</nav>
  </div>
  <aside class="video-side">
    {chapters}
    <section class="panel"><h2>Markers</h2><ul class="markers">{mk}</ul>
      <button class="add-marker" type="button">Add marker here</button>
      <div class="marker-snippet" hidden><p>Paste into <code>{data["metadataFile"]}</code>:</p><pre></pre></div>
    </section>
  </aside>
  <section class="related"><h2>Related videos</h2>{related}</section>
</article>'''
    page(f'video/{v["id"]}.html', 'video', v['t'], content,
         head='<link rel="stylesheet" href="../assets/vendor/plyr/plyr.css">\n',
         data='<script src="../data/playlists.js" defer></script>\n',
         scripts='<script src="../assets/vendor/plyr/plyr.min.js" defer></script>\n<script src="../assets/player.js" defer></script>\n')

video_page(VIDEOS[0], nxt='../video/other.html')
video_page(VIDEOS[1], prev='../video/clip.html', nxt='../video/third.html')
video_page(VIDEOS[2], prev='../video/other.html')
video_page(VIDEOS[3], playable=False)

page('search.html', 'search', 'Search', '''<div class="list-head"><h1>Search</h1>
  <form class="search-page-form" action="search.html" role="search"><input id="search-input" name="q" type="search" aria-label="Search" autofocus></form></div>
<p class="search-status" aria-live="polite"></p>
<ul class="search-results" data-list="search"></ul>''', data='<script src="data/search.js" defer></script>\n')

tags = [('city', 1), ('family', 1), ('nature', 2), ('night', 1), ('sommer café', 1)]
ti = '\n'.join(f'<li data-name="{n}" data-count="{c}"><a class="tag" href="tags.html">{n}</a> <span class="count">{c}</span></li>' for n, c in tags)
page('tags.html', 'tags', 'Tags', f'''<div class="list-head"><h1>Tags</h1>
  <div class="tag-sort" role="group" aria-label="Sort tags"><button type="button" data-sort-tags="name" aria-pressed="true">By name</button> <button type="button" data-sort-tags="count" aria-pressed="false">By count</button></div></div>
<ul class="tag-index">
{ti}
</ul>''')

rated = sorted([v for v in VIDEOS if v['r']], key=lambda v: -v['r'])
buttons = '<button type="button" data-rating-filter="0" aria-pressed="true">All</button>' + ''.join(
    f'<button type="button" data-rating-filter="{s}" aria-pressed="false" aria-label="{s} stars and up">{"★" * s}</button>' for s in [5, 4, 3, 2, 1])
page('top-rated.html', 'top', 'Top rated', f'''<div class="list-head"><h1>Top rated</h1>
  <div class="rating-filter" role="group" aria-label="Show ratings">{buttons}</div></div>
{cards('', rated, 'top')}''')

pv = [VIDEOS[0], VIDEOS[1], VIDEOS[2]]
for pid, random in (('mix', False), ('shuffled', True)):
    hrefs = [f'../video/{v["id"]}.html?list={pid}&i={i}' for i, v in enumerate(pv)]
    items = '\n'.join(card('../', v, hrefs[i]) for i, v in enumerate(pv))
    page(f'playlist/{pid}.html', 'playlist', pls[pid]['title'], f'''<div class="list-head"><h1><span class="kicker">Playlist</span> {pls[pid]["title"]}</h1>
  <div class="playlist-controls" data-playlist-id="{pid}" data-random="{str(random).lower()}">
    <a class="play-all button" href="{hrefs[0]}">Play all</a>
    <button type="button" class="shuffle" aria-pressed="{str(random).lower()}">Shuffle</button>
    <button type="button" class="repeat" aria-pressed="false">Repeat</button></div></div>
<ol class="cards playlist" data-list="playlist:{pid}" data-playlist-id="{pid}">
{items}
</ol>''', scope=f'playlist:{pid}', data='<script src="../data/playlists.js" defer></script>\n', scripts='<script src="../assets/player.js" defer></script>\n')

for vid, proj, stereo, media in (('vr-tb', '360', 'tb', 'vr-tb.mp4'), ('vr-mono', '360', 'mono', 'vr-tb.mp4'), ('vr-180', '180', 'mono', 'vr-tb.mp4')):
    sphere = ('<a-videosphere src="#vr-video" rotation="0 -90 0"></a-videosphere>' if proj == '360' and stereo == 'mono'
              else f'<a-entity class="vr-sphere" data-vr-sphere data-projection="{proj}" data-stereo="{stereo}"></a-entity>')
    page(f'vr/{vid}.html', 'vr', 'VR ' + vid, f'''<article class="vr-page">
  <h1>VR fixture <span class="kicker">VR {proj}° {stereo}</span></h1>
  <p class="vr-note" data-vr-file-note>Browsers refuse to use a video as a VR texture when the page is opened from a file (<code>file://</code>).
    Serve the site instead: run <code>ova serve</code> on the library, or <code>python3 -m http.server</code> in the site folder. <a href="../video/clip.html">Watch in the normal player</a>.</p>
  <div class="vr-scene" data-projection="{proj}" data-stereo="{stereo}">
    <a-scene embedded vr-mode-ui="enabled: true" loading-screen="enabled: false">
      <a-assets timeout="3000"><video id="vr-video" data-src="../media/{media}" crossorigin="anonymous" playsinline loop preload="metadata" data-video-id="{vid}"></video></a-assets>
      {sphere}
      <a-camera look-controls="reverseMouseDrag: false"></a-camera>
    </a-scene>
  </div>
  <p class="vr-controls"><button type="button" class="vr-play">Play / pause</button> Drag to look around; use the goggles button to enter VR.</p>
</article>''', head='<script src="../assets/vendor/aframe/aframe-v1.7.1.min.js"></script>\n', scripts='<script src="../assets/vr.js" defer></script>\n')
