#!/usr/bin/env python3
"""Checks the illustrative saved copies against their gold files.

Run from the repository root:  python3 tests/data/copies/check_gold.py

For every page under dev/, heldout/ and heldout2/:
  * the page decodes strictly in its declared encoding (a Big5 page also decodes to the same text
    as CP950 and Big5-HKSCS, the tables browsers build on; a UTF-16LE page starts with its BOM);
  * the page's visible text, cut into lines (a text page) or block elements and <br> breaks (an
    HTML page, without <head>, <script> and <style>), is exactly covered, in order, by the gold's
    kept and dropped entries (their on-page form when they have one); an entry never spans two
    lines, and several entries may share one (a dateline leading a paragraph, flattened
    paragraphs, a title next to a dateline, a two-column row saved as text); only on a page with
    hard-wrapped lines (a PDF saved as text) does an entry's on-page form hold line breaks, one
    part per line, and whole lines of other entries (page headers and footers) may stand between
    its parts;
  * the kept paragraphs are the base text's paragraphs, all of them, in order; a kept heading
    without a number is one of the base's headings; sections count up by one at each heading,
    section marker or section-opening numbered paragraph;
  * every recorded damage is undone by a simple normaliser that does not know the clean text
    (pinyin in parentheses, doubled punctuation, "，。", ASCII punctuation, invisible
    characters, ○ for 〇, numbering prefixes), and a Traditional page's paragraphs are the
    OpenCC s2twp conversion of the base's (s2twp_cache.json);
  * no furniture, lead, pinyin, English or extra-dateline string of the first held-out set
    occurs verbatim in the development set, and none of the second held-out set occurs verbatim
    in the development set or the first held-out set.
"""

import sys
sys.dont_write_bytecode = True  # no __pycache__ in the test data folder

import html.parser
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.setrecursionlimit(20000)

import make_copies  # noqa: E402  (base parsing only; nothing is written)

KEPT_KINDS = {'title', 'source_line', 'place_date', 'section_marker', 'heading', 'paragraph',
              'signatory', 'date_line'}
REASONS = {'furniture', 'title', 'dateline', 'lead', 'other_language', 'pinyin'}
SETS = ('dev', 'heldout', 'heldout2')

BLOCK_TAGS = {
    'html', 'body', 'head', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'section', 'article',
    'header', 'footer', 'nav', 'aside', 'main', 'figure', 'figcaption', 'blockquote', 'dl',
    'dt', 'dd', 'hr', 'br', 'form', 'pre', 'address', 'center',
}
HIDDEN = {'head', 'title', 'script', 'style', 'noscript', 'template'}


class Segmenter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.segments = []
        self.buf = []
        self.hidden = 0

    def flush(self):
        s = ''.join(self.buf).strip()
        if s:
            self.segments.append(s)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.buf.append(data)


def decode(data, enc):
    if enc == 'utf-8':
        if data.startswith(b'\xef\xbb\xbf'):
            data = data[3:]
        return data.decode('utf-8')
    if enc == 'gb18030':
        return data.decode('gb18030')
    if enc == 'big5':
        a = data.decode('big5')
        if data.decode('big5hkscs') != a or data.decode('cp950') != a:
            raise ValueError('Big5, CP950 and Big5-HKSCS decode differently')
        return a
    if enc == 'utf-16le':
        if not data.startswith(b'\xff\xfe'):
            raise ValueError('UTF-16LE page without its BOM')
        return data[2:].decode('utf-16-le')
    raise ValueError('unknown encoding %r' % enc)


def segments(text, fmt):
    if fmt == 'text':
        return [ln.strip() for ln in re.split(r'\r\n|\r|\n', text) if ln.strip()]
    p = Segmenter()
    p.feed(text)
    p.close()
    p.flush()
    return p.segments


def nows(s):
    return ''.join(ch for ch in s if not ch.isspace())


TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ'
PINYIN_RE = re.compile(r'\((?=[a-zü%s]*[%s])[a-zü%s]+\)' % (TONED, TONED, TONED))
NUM_RE = re.compile(r'^(\d+\.\s?|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+，)')
FULL = {',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}


def _wide(ch):
    return ord(ch) >= 0x2E80


def _fold_ascii(s):
    # ( ) around text with Chinese characters; , : ; ? ! next to a Chinese character or
    # full-width punctuation
    def paren(m):
        before = s[m.start() - 1] if m.start() else ''
        after = s[m.end()] if m.end() < len(s) else ''
        if any(_wide(c) for c in m.group(1) + before + after):
            return '（%s）' % m.group(1)
        return m.group(0)
    s = re.sub(r'\(([^()]*)\)', paren, s)
    out = []
    for i, ch in enumerate(s):
        if ch in ',:;?!':
            prev = s[i - 1] if i else ''
            nxt = s[i + 1] if i + 1 < len(s) else ''
            if (prev and _wide(prev)) or (nxt and _wide(nxt)):
                ch = FULL[ch]
        out.append(ch)
    return ''.join(out)


def undo(s, strip_number=False):
    """A normaliser that does not know the clean text."""
    s = PINYIN_RE.sub('', s)
    s = _fold_ascii(s)
    s = re.sub(r'([，。、])\1+', r'\1', s)
    s = s.replace('，。', '。')
    s = s.replace('\u200b', '').replace('\u00ad', '').replace('\u00a0', '')
    s = s.replace('○', '〇')
    if strip_number:
        s = NUM_RE.sub('', s, count=1)
    return s


def parts(e):
    """An entry's on-page form, one part per line (hard-wrapped entries have several)."""
    return [p for p in (nows(x) for x in e.get('on_page', e['text']).split('\n')) if p]


def cover(segs, kept, dropped):
    """Whether the entries, in order, cover the segments exactly; else the furthest point.  A
    part of an entry other than its last must end its line, and a part other than its first must
    start one."""
    K = [parts(e) for e in kept]
    D = [parts(e) for e in dropped]
    S = [nows(s) for s in segs]
    memo = {}
    best = [(-1, 0, 0, 0)]

    def step(E, i, j, seg, pos):
        """The position after part j of entry i at pos, or None."""
        if i >= len(E) or not E[i]:
            return None
        part = E[i][j]
        if j > 0 and pos != 0:
            return None
        if not seg.startswith(part, pos):
            return None
        end = pos + len(part)
        if j < len(E[i]) - 1 and end != len(seg):
            return None
        return end

    def go(si, pos, ki, kj, di, dj):
        key = (si, pos, ki, kj, di, dj)
        if key in memo:
            return memo[key]
        best[0] = max(best[0], (si, pos, ki, di))
        if si == len(S):
            r = ki == len(K) and di == len(D)
        elif pos == len(S[si]):
            r = go(si + 1, 0, ki, kj, di, dj)
        else:
            seg = S[si]
            r = False
            end = step(K, ki, kj, seg, pos)
            if end is not None:
                r = (go(si, end, ki, kj + 1, di, dj) if kj < len(K[ki]) - 1
                     else go(si, end, ki + 1, 0, di, dj))
            if not r:
                end = step(D, di, dj, seg, pos)
                if end is not None:
                    r = (go(si, end, ki, kj, di, dj + 1) if dj < len(D[di]) - 1
                         else go(si, end, ki, kj, di + 1, 0))
        memo[key] = r
        return r

    ok = go(0, 0, 0, 0, 0, 0)
    return ok, best[0]


def check_page(set_name, gold_path, cache, errors):
    rel = os.path.relpath(gold_path, HERE)
    def err(msg):
        errors.append('%s: %s' % (rel, msg))
    with open(gold_path, encoding='utf-8') as f:
        g = json.load(f)
    page_rel = rel[:-len('.gold.json')]
    if g.get('page') != page_rel:
        err('"page" is %r, expected %r' % (g.get('page'), page_rel))
    for k in ('encoding', 'format', 'base', 'shapes', 'kept', 'dropped'):
        if k not in g:
            err('missing %r' % k)
            return None
    if not g['shapes']:
        err('no shapes')
    with open(os.path.join(HERE, page_rel), 'rb') as f:
        data = f.read()
    try:
        text = decode(data, g['encoding'])
    except (UnicodeDecodeError, ValueError) as e:
        err('does not decode as %s: %s' % (g['encoding'], e))
        return None
    fmt = g['format']
    if fmt not in ('text', 'html'):
        err('bad format')
        return None
    ext = os.path.splitext(page_rel)[1]
    if (fmt == 'html') != (ext == '.html'):
        err('format %s but extension %s' % (fmt, ext))
    for e in g['kept']:
        if e.get('kind') not in KEPT_KINDS:
            err('bad kept kind %r' % e.get('kind'))
        if not isinstance(e.get('section'), int):
            err('kept entry without a section: %r' % e)
    for e in g['dropped']:
        if e.get('reason') not in REASONS:
            err('bad dropped reason %r' % e.get('reason'))
    for e in g['kept'] + g['dropped']:
        if '\n' in e.get('on_page', '') and 'hard_wrapped' not in g['shapes']:
            err('an entry spans two lines on a page without hard-wrapped lines: %r' % e['text'][:30])
    # coverage of the visible text
    segs = segments(text, fmt)
    ok, best = cover(segs, g['kept'], g['dropped'])
    if not ok:
        si, pos, ki, di = best
        seg = segs[si] if si < len(segs) else '<end>'
        nk = g['kept'][ki] if ki < len(g['kept']) else None
        nd = g['dropped'][di] if di < len(g['dropped']) else None
        err('coverage fails at line/block %d offset %d: %r; next kept %r; next dropped %r'
            % (si, pos, seg[:60], nk and nk['text'][:40], nd and nd['text'][:40]))
    # the base
    base = make_copies.load_base(g['base'])
    base_paras = [b['clean'] for b in base if b['kind'] == 'paragraph']
    base_heads = {b['clean'] for b in base if b['kind'] == 'heading'}
    paras = [e for e in g['kept'] if e['kind'] == 'paragraph']
    if [e['text'] for e in paras] != base_paras:
        missing = [p[:20] for p in base_paras if p not in {e['text'] for e in paras}]
        extra = [e['text'][:20] for e in paras if e['text'] not in set(base_paras)]
        err('kept paragraphs are not the base paragraphs in order (%d kept, %d in base; '
            'missing %r, not in base %r)' % (len(paras), len(base_paras), missing[:3], extra[:3]))
    trad = 'traditional_twp' in g['shapes']
    for e in g['kept']:
        if e['kind'] == 'heading' and not NUM_RE.match(e['text']) and e['text'] not in base_heads:
            err('heading %r is not a base heading' % e['text'])
        if e['kind'] in ('title', 'source_line', 'place_date', 'section_marker', 'signatory',
                         'date_line') and 'on_page' in e:
            if nows(undo(e['on_page'])) != nows(e['text']):
                err('damage on %r is not undone by the normaliser' % e['text'][:30])
        if e['kind'] in ('paragraph', 'heading'):
            on = e.get('on_page', e['text'])
            want = e['text']
            if trad and not NUM_RE.match(e['text']):
                if want not in cache:
                    err('no s2twp conversion cached for %r' % want[:20])
                    continue
                want = cache[want]
            got = undo(on, strip_number=(e['kind'] == 'paragraph'))
            if e['kind'] == 'heading' and NUM_RE.match(e['text']):
                got = undo(on)
            if nows(got) != nows(want):
                err('%s %r: the on-page form does not normalise to it' % (e['kind'], e['text'][:30]))
    for e in g['dropped']:
        if 'on_page' in e and nows(undo(e['on_page'])) != nows(e['text']):
            err('dropped %r: damage not undone by the normaliser' % e['text'][:30])
    # sections
    prev = 0
    for i, e in enumerate(g['kept']):
        s = e['section']
        if s < prev or s > prev + 1:
            err('section jumps from %d to %d at %r' % (prev, s, e['text'][:20]))
        if e['kind'] in ('heading', 'section_marker') and s != prev + 1:
            err('%s %r does not open a section' % (e['kind'], e['text']))
        if s == prev + 1 and e['kind'] not in ('heading', 'section_marker', 'paragraph'):
            err('section opened by a %s' % e['kind'])
        if s == prev + 1 and e['kind'] == 'paragraph' and 'on_page' in e and not NUM_RE.match(
                undo(e['on_page'])):
            err('paragraph opening section %d has no number' % s)
        prev = s
    first = g['kept'][0] if g['kept'] else None
    if first and first['section'] != 0 and first['kind'] not in ('heading', 'section_marker'):
        err('first kept block is not in section 0')
    # the damage a page claims is on the page
    page_forms = [e.get('on_page', '') for e in g['kept'] + g['dropped']]
    claims = {
        'pinyin_annotations': lambda: any(PINYIN_RE.search(x) for x in page_forms),
        'doubled_punctuation': lambda: any(re.search(r'([，。、])\1', x) for x in page_forms),
        'comma_period_pairs': lambda: any('，。' in x for x in page_forms),
        'ascii_punctuation': lambda: all(any(c in x for x in page_forms) for c in ',()'),
        'invisible_chars': lambda: any(re.search('[\u200b\u00ad]', x) for x in page_forms),
        'ring_for_zero': lambda: any('○' in x for x in page_forms),
        'pinyin_line': lambda: any(e['reason'] == 'pinyin' for e in g['dropped']),
        'lead': lambda: any(e['reason'] == 'lead' for e in g['dropped']),
        'bilingual_lines': lambda: sum(e['reason'] == 'other_language' for e in g['dropped']) > 100,
        'bilingual_table': lambda: sum(e['reason'] == 'other_language' for e in g['dropped']) > 100,
        'bilingual_tab_text': lambda: sum(e['reason'] == 'other_language' for e in g['dropped']) > 100,
        'title_repeated': lambda: any(e['reason'] == 'title' for e in g['dropped']),
        'repeated_dateline': lambda: any(e['reason'] == 'dateline' for e in g['dropped']),
        'extra_dateline': lambda: any(e['reason'] == 'dateline' for e in g['dropped']),
        'place_date': lambda: any(e['kind'] == 'place_date' for e in g['kept']),
        'bare_numeral_sections': lambda: any(e['kind'] == 'section_marker' for e in g['kept']),
        'number_only_headings': lambda: any(e['kind'] == 'section_marker' and e['text'].endswith('、')
                                            for e in g['kept']),
        'numbered_headings': lambda: any(e['kind'] == 'heading' and NUM_RE.match(e['text'])
                                         for e in g['kept']),
        'flattened_paragraphs': lambda: flattened(),
        'traditional_twp': lambda: any('國' in x for x in page_forms),
        'utf8_bom': lambda: data.startswith(b'\xef\xbb\xbf'),
        'crlf': lambda: b'\r\n' in data or b'\r\x00\n\x00' in data,
        'date_at_top': lambda: [e['kind'] for e in g['kept']].index('date_line') <
                               [e['kind'] for e in g['kept']].index('paragraph'),
        'hard_wrapped': lambda: sum('\n' in e.get('on_page', '') for e in g['kept']) > 50,
        'page_headers': lambda: sum(1 for e in g['dropped'] if re.search(
            r'第\s*\d+\s*页|^-\s*\d+\s*-$', e['text'])) > 3,
        'appended_watermark': lambda: max(
            [sum(e['text'] == x['text'] for x in g['dropped']) for e in g['dropped']] or [0]) > 3,
        'heading_like_line': lambda: any(e['reason'] == 'furniture' and 2 <= len(nows(e['text'])) <= 8 and
                                         re.fullmatch(r'[\u4e00-\u9fff\[\]編輯]+', nows(e['text']))
                                         for e in g['dropped']),
        'infobox_rows': lambda: sum(e['text'].endswith('：') or len(e['text']) <= 5
                                    for e in g['dropped']) > 4,
    }

    def flattened():
        paras = {nows(e.get('on_page', e['text'])) for e in g['kept'] if e['kind'] == 'paragraph'}
        return sum(1 for sg in segs if sum(1 for p in paras if p and p in nows(sg)) > 1) > 3
    for shape, test in claims.items():
        if shape in g['shapes'] and not test():
            err('claims %s but the page does not show it' % shape)
    kinds = [e['kind'] for e in g['kept']]
    if kinds.count('title') > 1:
        err('more than one kept title')
    if kinds.count('source_line') > 1:
        err('more than one kept source line')
    return g


def main():
    errors = []
    with open(os.path.join(HERE, 's2twp_cache.json'), encoding='utf-8') as f:
        cache = json.load(f)
    golds = {s: [] for s in SETS}
    n = 0
    for s in SETS:
        d = os.path.join(HERE, s)
        if not os.path.isdir(d):
            errors.append('%s/ is missing' % s)
            continue
        for fn in sorted(os.listdir(d)):
            if fn.endswith('.gold.json'):
                g = check_page(s, os.path.join(d, fn), cache, errors)
                n += 1
                if g:
                    golds[s].append(g)
            elif not os.path.exists(os.path.join(d, fn + '.gold.json')):
                errors.append('%s/%s has no gold file' % (s, fn))
    # held-out strings must not be dev strings
    titles = {make_copies.TITLE, cache[make_copies.TITLE]}

    def pool_strings(gs):
        out = set()
        for g in gs:
            for e in g['dropped']:
                if e['reason'] == 'title' or e['text'] in titles:
                    continue        # the declaration's title is the same on every page
                if e['reason'] == 'dateline' and re.search('新[华華]社莫斯科11月10日', e['text']):
                    continue
                out.add(e['text'])
        return out
    shared = pool_strings(golds['dev']) & pool_strings(golds['heldout'])
    for s in sorted(shared):
        errors.append('held-out string also in dev: %r' % s)
    earlier = pool_strings(golds['dev']) | pool_strings(golds['heldout'])
    for s in sorted(pool_strings(golds['heldout2']) & earlier):
        errors.append('second held-out string also in dev or heldout: %r' % s)
    for e in errors:
        print(e)
    print('check_gold: %d pages, %d errors' % (n, len(errors)))
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
