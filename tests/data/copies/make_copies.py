#!/usr/bin/env python3
"""Writes the illustrative saved copies of SCO declarations and their gold files.

Run from the repository root:  python3 tests/data/copies/make_copies.py

The pages are written by the decldiff project in the shapes real web copies have (see
SHAPES.md); no page text is copied from a real site.  The declaration inside every page is our
own shipped text (corpora/sco/sco-2020.zh.txt) or our illustrative revision
(tests/data/rev1/new.txt).  The page furniture, leads and page specifications are in three pool
modules: dev_pools.py (the development set), heldout_pools.py (the first held-out set, written
with separate phrase pools) and heldout2_pools.py (the second held-out set, written after the
first one was measured); read the held-out modules only when you mean to.

Traditional conversion uses OpenCC `s2twp`; its output for every string converted is kept in
s2twp_cache.json so that the generator runs (and gives the same bytes) without OpenCC.
Pass --refresh-opencc to recompute the cache with the installed OpenCC.

The script is deterministic: the same inputs give the same bytes.
"""

import sys
sys.dont_write_bytecode = True  # no __pycache__ in the test data folder

import html
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, HERE)

BASES = {
    'sco-2020': 'corpora/sco/sco-2020.zh.txt',
    'rev1': 'tests/data/rev1/new.txt',
}
TITLE = '上海合作组织成员国元首理事会莫斯科宣言'
HEADINGS = {'安全合作', '议会合作', '司法合作', '经贸合作', '人文合作', '人文交流合作', '国际交往'}
CN_NUM = '一二三四五六七八九十'
IDSP = '\u3000'

# --------------------------------------------------------------------------------------------
# Base texts


def load_base(name):
    with open(os.path.join(ROOT, BASES[name]), encoding='utf-8') as f:
        lines = f.read().split('\n')
    while lines and lines[-1] == '':
        lines.pop()
    blocks = []
    for raw in lines:
        s = raw.strip()
        if not s:
            continue
        if s in HEADINGS:
            kind = 'heading'
        elif re.fullmatch(r'\d{4}年\d{1,2}月\d{1,2}日', s):
            kind = 'date_line'
        elif s.startswith('（新华社'):
            kind = 'source_line'
        elif '\xa0\xa0' in raw:
            kind = 'signatory'
        else:
            kind = 'paragraph'
        # the clean line without its leading U+3000 indent (the gold's T for paragraphs)
        clean = raw.lstrip(IDSP)
        blocks.append({'kind': kind, 'raw': raw, 'clean': clean})
    return blocks


# --------------------------------------------------------------------------------------------
# Traditional conversion (OpenCC s2twp), cached

CACHE_PATH = os.path.join(HERE, 's2twp_cache.json')
_cache = None
_cache_dirty = False
_refresh = '--refresh-opencc' in sys.argv
_cc = None


def _load_cache():
    global _cache
    if _cache is None:
        if os.path.exists(CACHE_PATH) and not _refresh:
            with open(CACHE_PATH, encoding='utf-8') as f:
                _cache = json.load(f)
        else:
            _cache = {}
    return _cache


def s2twp(text):
    global _cache_dirty, _cc
    cache = _load_cache()
    if text in cache:
        return cache[text]
    if _cc is None:
        try:
            import opencc  # noqa: F401
        except ImportError:
            sys.exit('make_copies: %r is not in s2twp_cache.json and OpenCC is not installed '
                     '(pip install opencc)' % text[:20])
        _cc = opencc.OpenCC('s2twp')
    out = _cc.convert(text)
    cache[text] = out
    _cache_dirty = True
    return out


def save_cache():
    if _cache_dirty:
        with open(CACHE_PATH, 'w', encoding='utf-8') as f:
            json.dump(dict(sorted(_cache.items())), f, ensure_ascii=False, indent=0)
            f.write('\n')


# --------------------------------------------------------------------------------------------
# Damage a normaliser can undo without the clean text

PINYIN = {
    '国': 'guó', '國': 'guó', '会': 'huì', '會': 'huì', '关': 'guān', '關': 'guān',
    '动': 'dòng', '動': 'dòng', '统': 'tǒng', '統': 'tǒng', '务': 'wù', '務': 'wù',
    '际': 'jì', '際': 'jì', '区': 'qū', '區': 'qū', '构': 'gòu', '構': 'gòu',
    '设': 'shè', '設': 'shè', '结': 'jié', '結': 'jié', '团': 'tuán', '團': 'tuán',
    '发': 'fā', '發': 'fā', '组': 'zǔ', '組': 'zǔ', '织': 'zhī', '織': 'zhī',
    '济': 'jì', '濟': 'jì', '进': 'jìn', '進': 'jìn', '协': 'xié', '協': 'xié',
    '议': 'yì', '議': 'yì', '领': 'lǐng', '領': 'lǐng', '导': 'dǎo', '導': 'dǎo',
    '员': 'yuán', '員': 'yuán', '网': 'wǎng', '網': 'wǎng', '时': 'shí', '時': 'shí',
    '号': 'hào', '號': 'hào', '来': 'lái', '來': 'lái', '话': 'huà', '話': 'huà',
    '长': 'zhǎng', '長': 'zhǎng', '强': 'qiáng', '強': 'qiáng', '调': 'diào', '調': 'diào',
}
ASCII_OF = {'，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')'}
INVISIBLE = ['\u200b', '\u00ad', '\u00a0']


def _is_cjk(ch):
    return '\u4e00' <= ch <= '\u9fff'


def apply_damage(text, ops, rng):
    """Applies the damage ops (in order) to one Chinese line of the page."""
    for op in ops:
        name = op['op']
        if name == 'pinyin':
            chars = op['chars']
            text = ''.join(ch + ('(%s)' % PINYIN[ch] if ch in chars else '') for ch in text)
        elif name == 'double_punct':
            p = op.get('rate', 0.3)
            out = []
            for ch in text:
                out.append(ch)
                if ch in '，。、' and rng.random() < p:
                    out.append(ch)
            text = ''.join(out)
        elif name == 'comma_period':
            p = op.get('rate', 0.4)
            out = []
            for i, ch in enumerate(text):
                if ch == '。' and i > 0 and text[i - 1] not in '，。' and rng.random() < p:
                    out.append('，')
                out.append(ch)
            text = ''.join(out)
        elif name == 'ascii_punct':
            p = op.get('rate', 0.5)
            paren = rng.random() < p
            out = []
            for ch in text:
                if ch in '（）':
                    out.append(ASCII_OF[ch] if paren else ch)
                elif ch in ASCII_OF and rng.random() < p:
                    out.append(ASCII_OF[ch])
                else:
                    out.append(ch)
            text = ''.join(out)
        elif name == 'invisible':
            p = op.get('rate', 0.05)
            kinds = op.get('kinds', INVISIBLE)
            out = []
            for i, ch in enumerate(text):
                out.append(ch)
                if i + 1 < len(text) and _is_cjk(ch) and _is_cjk(text[i + 1]) and rng.random() < p:
                    out.append(rng.choice(kinds))
            text = ''.join(out)
        elif name == 'ring_zero':
            text = text.replace('〇', '○')
        else:
            raise ValueError(name)
    return text


# --------------------------------------------------------------------------------------------
# English lines for bilingual pages

GLOSSARY = [
    ('联合国', 'the United Nations'), ('恐怖主义', 'terrorism'), ('极端主义', 'extremism'),
    ('阿富汗', 'Afghanistan'), ('毒品', 'illicit drugs'), ('麻醉药品', 'narcotic drugs'),
    ('信息安全', 'information security'), ('信息通信技术', 'information and communication technologies'),
    ('数字经济', 'the digital economy'), ('新冠肺炎', 'COVID-19'), ('疫情', 'the pandemic'),
    ('贸易', 'trade'), ('投资', 'investment'), ('交通', 'transport'), ('能源', 'energy'),
    ('农业', 'agriculture'), ('粮食安全', 'food security'), ('科技', 'science and technology'),
    ('创新', 'innovation'), ('旅游', 'tourism'), ('体育', 'sport'), ('青年', 'youth'),
    ('妇女', 'women'), ('女性', 'women'), ('教育', 'education'), ('文化', 'culture'),
    ('卫生', 'health'), ('传染病', 'infectious diseases'), ('环境', 'the environment'),
    ('气候', 'climate'), ('咸海', 'the Aral Sea'), ('叙利亚', 'Syria'), ('伊朗', 'Iran'),
    ('核', 'nuclear non-proliferation'), ('化学武器', 'chemical weapons'), ('生物', 'biological weapons'),
    ('外空', 'outer space'), ('裁军', 'disarmament'), ('议会', 'parliaments'), ('立法机构', 'legislatures'),
    ('司法', 'the judiciary'), ('最高法院', 'the supreme courts'), ('世界贸易组织', 'the WTO'),
    ('一带一路', 'the Belt and Road Initiative'), ('欧亚经济联盟', 'the Eurasian Economic Union'),
    ('地方合作', 'cooperation between regions'), ('中小微企业', 'small and medium-sized enterprises'),
    ('银行联合体', 'the Interbank Consortium'), ('实业家委员会', 'the Business Council'),
    ('观察员国', 'observer states'), ('对话伙伴', 'dialogue partners'), ('秘书处', 'the Secretariat'),
    ('地区反恐怖机构', 'the Regional Anti-Terrorist Structure'), ('民间外交', 'public diplomacy'),
    ('媒体', 'the media'), ('第二次世界大战', 'the Second World War'), ('人权', 'human rights'),
    ('多边主义', 'multilateralism'), ('国际法', 'international law'), ('主权', 'sovereignty'),
    ('消费者', 'consumer rights'), ('紧急', 'emergency response'), ('灾害', 'disaster relief'),
    ('海关', 'customs'), ('工业', 'industry'), ('金融', 'finance'), ('电子商务', 'e-commerce'),
    ('扶贫', 'poverty reduction'), ('贫困', 'poverty reduction'), ('城市', 'cities'),
    ('电影', 'film'), ('博物馆', 'museums'), ('档案', 'archives'), ('游牧', 'nomad games'),
]


def english_line(clean, section_name, templates):
    """An illustrative English line for one Chinese paragraph (not a translation)."""
    topics = []
    for zh, en in GLOSSARY:
        if zh in clean and en not in topics:
            topics.append(en)
        if len(topics) == 3:
            break
    if not topics:
        topics = [templates['fallback'].get(section_name, templates['fallback']['*'])]
    if len(topics) == 1:
        tp = topics[0]
    else:
        tp = ', '.join(topics[:-1]) + ' and ' + topics[-1]
    opener = templates['default']
    for zh, en in templates['openers']:
        if clean.startswith(zh):
            opener = en
            break
    s = opener.format(tp)
    return s[0].upper() + s[1:] + templates.get('end', '.')


# --------------------------------------------------------------------------------------------
# Page model: pieces (one gold entry each), units (a line of a text page or a block element of
# an HTML page) and groups (HTML containers)


class Piece:
    def __init__(self, role, text, on_page=None, kind=None, reason=None, parts=None, sep=''):
        self.role = role            # 'kept' | 'dropped' | 'title?' | 'own_dateline?'
        self.kind = kind            # kept kind
        self.reason = reason        # dropped reason
        self.text = text            # gold T (undamaged form)
        self.on_page = text if on_page is None else on_page
        self.section = None
        # inline HTML parts [(open tag, text)] joined by sep, when the piece is more than text
        self.parts = parts
        self.sep = sep
        self.lang_zh = True


class Unit:
    def __init__(self, pieces, seps=None, indent='', tag='p', attrs='', wrap='{}'):
        self.pieces = pieces
        self.seps = seps if seps is not None else [''] * (len(pieces) - 1)
        self.indent = indent
        self.tag = tag
        self.attrs = attrs
        self.wrap = wrap


class Group:
    def __init__(self, tag, attrs, children):
        self.tag = tag
        self.attrs = attrs
        self.children = children


def dropped(text, reason='furniture', **kw):
    return Piece('dropped', text, reason=reason, **kw)


def kept(kind, text, on_page=None):
    return Piece('kept', text, on_page=on_page, kind=kind)


# --------------------------------------------------------------------------------------------
# Furniture items (pool strings and dicts) -> nodes


def furn_nodes(item, fmt, ctx, reason='furniture'):
    """One furniture item of a pool, as nodes for the page's format."""
    if isinstance(item, str):
        return [Unit([dropped(ctx.fill(item), reason)], tag=ctx.opt('furn_tag', 'div'))]
    if 'menu' in item:
        items = [ctx.fill(x) for x in item['menu']]
        if fmt == 'text':
            if item.get('text_lines'):
                return [Unit([dropped(x, reason)]) for x in items]
            return [Unit([dropped(item.get('sep', ' | ').join(items), reason)])]
        lis = [Unit([dropped(x, reason, parts=[('a href="%s"' % ctx.href(), x)])], tag='li')
               for x in items]
        return [Group(item.get('tag', 'ul'), item.get('attrs', ' class="nav"'), lis)]
    if 'inline' in item:
        parts = [ctx.fill(x) for x in item['inline']]
        sep = item.get('sep', ' ')
        text = sep.join(parts)
        tagged = list(zip(_cycle(item.get('tags', ['span']), len(parts)), parts))
        return [Unit([dropped(text, reason, parts=tagged, sep=sep)], tag=item.get('tag', 'div'),
                     attrs=item.get('attrs', ''))]
    if 'links' in item:
        items = [ctx.fill(x) for x in item['links']]
        if fmt == 'text':
            return [Unit([dropped(x, reason)]) for x in items]
        lis = [Unit([dropped(x, reason, parts=[('a href="%s"' % ctx.href(), x)])], tag='li')
               for x in items]
        return [Group('ul', item.get('attrs', ''), lis)]
    if 'heading' in item:
        return [Unit([dropped(ctx.fill(item['heading']), reason)], tag=item.get('tag', 'h3'))]
    if 'caption' in item:
        cap = ctx.fill(item['caption'])
        if fmt == 'text':
            return [Unit([dropped(cap, reason)])]
        img = Unit([], tag='img-only', attrs=' src="%s" alt=""' % ctx.img())
        return [Group('figure', ' class="pic"', [img, Unit([dropped(cap, reason)], tag='figcaption')])]
    if 'para' in item:
        return [Unit([dropped(ctx.fill(item['para']), reason)], tag='p', indent=item.get('indent', ''))]
    if 'rows' in item:
        # a small table (an infobox); each cell is a block of its own in HTML; a row is one
        # tab-separated line in a text page
        if fmt == 'text':
            return [Unit([dropped(item.get('sep', '：').join(ctx.fill(c) for c in row) +
                                  item.get('text_end', ''), reason)])
                    for row in item['rows']]
        trs = [Group('tr', '', [Unit([dropped(ctx.fill(c), reason)], tag='td') for c in row])
               for row in item['rows']]
        return [Group('table', item.get('attrs', ' class="infobox"'), trs)]
    raise ValueError(item)


def _cycle(seq, n):
    return [seq[i % len(seq)] for i in range(n)]


def esc(s, entities=False):
    out = html.escape(s, quote=False).replace('©', '&copy;')
    if entities:
        out = (out.replace('“', '&ldquo;').replace('”', '&rdquo;').replace('—', '&mdash;')
               .replace('·', '&middot;').replace('\xa0', '&nbsp;').replace('《', '&#12298;')
               .replace('》', '&#12299;'))
    else:
        out = out.replace('\xa0', '&nbsp;')
    return out


class Ctx:
    """What furniture strings may refer to: {T} the title in the page's script, {TT} the title in
    Traditional characters."""

    def __init__(self, spec, rng):
        self.spec = spec
        self.rng = rng
        self.n = 0

    def fill(self, s):
        return s.replace('{T}', self.title).replace('{TT}', s2twp(TITLE))

    def opt(self, k, d=None):
        return self.spec.get(k, d)

    def href(self):
        self.n += 1
        return self.spec.get('href_pattern', '/a/%d.html') % (1000 + self.n * 7)

    def img(self):
        self.n += 1
        return '/img/2020/1111/p%d.jpg' % (10 + self.n)

    @property
    def title(self):
        return s2twp(TITLE) if self.spec.get('script') == 'trad' else TITLE


# --------------------------------------------------------------------------------------------
# The declaration's own blocks


def cn(i):
    return CN_NUM[i - 1] if i <= 10 else '十' + CN_NUM[i - 11]


def numbering(scheme, i):
    if scheme == 'arabic_dot':
        return '%d.' % i
    if scheme == 'arabic_dot_space':
        return '%d. ' % i
    return {
        'cn_dun': '{}、', 'cn_paren': '（{}）', 'ordinal': '第{}，', 'cn_bare': '{}', 'cn_dun_bare': '{}、',
    }[scheme].format(cn(i))


def build_article(spec, fmt, ctx, rng):
    """The declaration's blocks as units, in page order (before the closing block moves)."""
    base = load_base(spec['base'])
    trad = spec.get('script') == 'trad'
    conv = s2twp if trad else (lambda s: s)
    big5 = spec['encoding'] == 'big5'
    damage = spec.get('damage', [])
    para_damage = [d for d in damage if d.get('target', 'paragraphs') in ('paragraphs', 'all')]
    sect = spec.get('sections', {'style': 'titled'})
    style = sect['style']
    scheme = sect.get('scheme')
    number_preamble = sect.get('number_preamble', False)
    para_num = spec.get('paragraph_numbering')
    indent = spec.get('indent', IDSP * 2)
    heading_indent = spec.get('heading_indent', indent)
    bil = spec.get('bilingual')
    eng = spec.get('english')
    units = []
    closing = []
    sec_no = 0          # the numeral of the last section opened on the page
    pending_prefix = None
    para_index = 0
    section_name = 'preamble'
    dl_para = spec.get('dateline_in_paragraph')
    first_para = True
    flat = spec.get('flatten')
    heading_html = spec.get('heading_html', ('p', '', '<strong>{}</strong>'))

    def add_unit(u, english=None):
        units.append(u)
        if bil and english is not None:
            units.append(('english', english, u))

    for bi, b in enumerate(base):
        k = b['kind']
        if k == 'heading':
            section_name = b['clean']
            on = conv(b['clean'])
            if style == 'titled':
                p = kept('heading', b['clean'], on_page=on)
                p.section_open = True
                add_unit(Unit([p], indent=heading_indent, tag=heading_html[0], attrs=heading_html[1],
                              wrap=heading_html[2]), english=eng and eng['headings'][b['clean']])
            elif style == 'numbered_headings':
                sec_no += 1
                t = numbering(scheme or 'cn_dun', sec_no) + on
                p = kept('heading', t)
                p.section_open = True
                add_unit(Unit([p], indent=heading_indent, tag=heading_html[0], attrs=heading_html[1],
                              wrap=heading_html[2]), english=eng and eng['headings'][b['clean']])
            elif style == 'bare':
                sec_no += 1
                t = numbering(scheme or 'cn_bare', sec_no)
                p = kept('section_marker', t)
                p.section_open = True
                add_unit(Unit([p], indent=heading_indent, tag=heading_html[0], attrs=heading_html[1],
                              wrap=heading_html[2]))
            elif style == 'prefix':
                sec_no += 1
                pending_prefix = numbering(scheme, sec_no)
            else:
                raise ValueError(style)
            continue
        if k == 'paragraph':
            para_index += 1
            if number_preamble and para_index == 2:
                sec_no += 1
                if style == 'bare':
                    p = kept('section_marker', numbering(scheme or 'cn_bare', sec_no))
                    p.section_open = True
                    add_unit(Unit([p], indent=heading_indent, tag=heading_html[0],
                                  attrs=heading_html[1], wrap=heading_html[2]))
                elif style == 'prefix':
                    pending_prefix = numbering(scheme, sec_no)
            on = apply_damage(conv(b['clean']), para_damage, rng)
            opens = False
            if pending_prefix:
                on = pending_prefix + on
                pending_prefix = None
                opens = True
            if para_num:
                first = spec.get('paragraph_numbering_from', 1)
                if para_index >= first:
                    on = numbering(para_num, para_index - first + 1) + on
            p = kept('paragraph', b['clean'], on_page=on)
            p.section_open = opens
            pieces, seps = [p], []
            if first_para and dl_para:
                dp = Piece('own_dateline?' if dl_para.get('own', True) else 'dropped',
                           ctx.fill(dl_para['text']), kind='source_line', reason='dateline')
                pieces, seps = [dp, p], [dl_para.get('sep', IDSP)]
            first_para = False
            suffix = spec.get('para_suffix')
            if suffix and para_index % suffix['every'] == suffix.get('offset', 0):
                # a scraper's watermark glued to the end of the paragraph's line
                pieces, seps = pieces + [dropped(suffix['text'], 'furniture')], seps + [suffix.get('sep', '')]
            u = Unit(pieces, seps=seps, indent=indent, tag=spec.get('para_tag', 'p'),
                     attrs=spec.get('para_attrs', ''), wrap=spec.get('para_wrap', '{}'))
            u.clean = b['clean']
            u.ends = b['clean'][-1]
            u.section_name = section_name
            u.is_para = True
            u.opens = opens
            add_unit(u, english=eng and english_line(b['clean'], section_name, eng))
            continue
        # closing block
        on = conv(b['raw'].lstrip(IDSP))
        if big5:
            on = on.replace('\xa0', ' ')
        if k == 'source_line':
            form = spec.get('closing_source', 'keep')
            if form == 'none':
                continue
            if form == 'ascii_parens':
                on = on.replace('（', '(').replace('）', ')')
            elif form == 'bare':
                on = on.strip('（）')
            closing.append(('source_line', Unit([Piece('own_dateline?', on.strip(), kind='source_line',
                                                       reason='dateline')],
                                                indent=spec.get('closing_indent', indent),
                                                tag=spec.get('closing_tag', 'p'),
                                                attrs=spec.get('closing_attrs', ''))))
            continue
        u = Unit([kept(k, on.strip(), on_page=on)], indent=spec.get('closing_indent', indent),
                 tag=spec.get('closing_tag', 'p'), attrs=spec.get('closing_attrs', ''))
        closing.append((k, u))

    # flattening: runs of paragraphs of one section joined on one line
    if flat:
        units = flatten_units(units, flat, rng)
    date_unit = [u for k, u in closing if k == 'date_line']
    if spec.get('date_position') == 'top':
        closing = [(k, u) for k, u in closing if k != 'date_line']
    return units, closing, date_unit[0] if date_unit else None


def flatten_units(units, flat, rng):
    out = []
    run = None
    for u in units:
        if isinstance(u, Unit) and getattr(u, 'is_para', False):
            can_join = (run is not None and run.section_name == u.section_name and
                        run.ends == '。' and not u.opens and len(run.pieces) < flat.get('max', 4)
                        and len(u.pieces) == 1)
            if can_join and rng.random() < flat.get('rate', 0.7):
                run.pieces.append(u.pieces[0])
                run.seps.append(rng.choice(flat['seps']))
                run.ends = u.ends
                continue
            run = u
            out.append(u)
        else:
            run = None
            out.append(u)
    return out


# --------------------------------------------------------------------------------------------
# Assembling a page


def head_nodes(tokens, spec, fmt, ctx, rng, date_unit):
    """Header, lead and other non-declaration tokens of a page spec, as nodes."""
    nodes = []
    for tok in tokens:
        t = tok[0]
        if t == 'furn':
            nodes += furn_nodes(tok[1], fmt, ctx)
        elif t == 'title':
            # ('title', variant, tag, attrs)
            text = ctx.fill(tok[1])
            tag = tok[2] if len(tok) > 2 else 'h1'
            attrs = tok[3] if len(tok) > 3 else ''
            wrap = tok[4] if len(tok) > 4 else '{}'
            nodes.append(Unit([Piece('title?', text, kind='title', reason='title')], tag=tag,
                              attrs=attrs, wrap=wrap, indent=spec.get('title_indent', '')))
        elif t == 'title_dateline':
            # ('title_dateline', title variant, dateline, sep, own)
            tp = Piece('title?', ctx.fill(tok[1]), kind='title', reason='title')
            dp = Piece('own_dateline?' if tok[4] else 'dropped', ctx.fill(tok[2]), kind='source_line',
                       reason='dateline')
            nodes.append(Unit([tp, dp], seps=[tok[3]], tag='p', attrs=' class="title"'))
        elif t == 'dateline':
            # ('dateline', text, own, tag)
            own = tok[2]
            p = Piece('own_dateline?' if own else 'dropped', ctx.fill(tok[1]), kind='source_line',
                      reason='dateline')
            nodes.append(Unit([p], tag=tok[3] if len(tok) > 3 else 'p',
                              indent=spec.get('dateline_indent', '')))
        elif t == 'place_date':
            nodes.append(Unit([kept('place_date', ctx.fill(tok[1]))], tag=tok[2] if len(tok) > 2 else 'p',
                              attrs=tok[3] if len(tok) > 3 else ''))
        elif t == 'date_top':
            u = date_unit
            u.indent = spec.get('date_top_indent', '')
            u.tag = tok[1] if len(tok) > 1 else 'p'
            nodes.append(u)
        elif t == 'lead':
            text = ctx.fill(tok[1])
            on = apply_damage(text, [d for d in spec.get('damage', [])
                                     if d.get('target') in ('all', 'furniture')], rng)
            nodes.append(Unit([dropped(text, 'lead', on_page=on)], tag='p',
                              indent=tok[2] if len(tok) > 2 else spec.get('lead_indent', '')))
        elif t == 'pinyin':
            p = dropped(tok[1], 'pinyin')
            p.lang_zh = False
            nodes.append(Unit([p], tag=tok[2] if len(tok) > 2 else 'p'))
        elif t == 'english':
            p = dropped(tok[1], 'other_language')
            p.lang_zh = False
            nodes.append(Unit([p], tag=tok[2] if len(tok) > 2 else 'p'))
        else:
            raise ValueError(t)
    return nodes


def damage_furniture(nodes, spec, rng):
    ops = [d for d in spec.get('damage', []) if d.get('target') in ('all', 'furniture')]
    if not ops:
        return
    for u in walk_units(nodes):
        for p in u.pieces:
            if not p.lang_zh:
                continue
            if p.role == 'dropped' and p.reason == 'lead':
                continue        # leads are damaged where they are made
            if p.role == 'kept' and p.kind == 'paragraph':
                continue        # paragraphs are damaged where they are made
            if p.parts is not None:
                p.parts = [(t, apply_damage(x, ops, rng)) for t, x in p.parts]
                p.on_page = p.sep.join(x for t, x in p.parts)
            else:
                p.on_page = apply_damage(p.on_page, ops, rng)


def walk_units(nodes):
    for n in nodes:
        if isinstance(n, Unit):
            yield n
        elif isinstance(n, Group):
            yield from walk_units(n.children)


def build_page(spec):
    rng = random.Random('decldiff-copies:' + spec['name'])
    fmt = spec['format']
    ctx = Ctx(spec, rng)
    art_units, closing, date_unit = build_article(spec, fmt, ctx, rng)
    zones = {}
    for z in ('top', 'crumbs', 'head', 'body_pre', 'body_post', 'post', 'aside', 'bottom'):
        zones[z] = head_nodes(spec.get(z, []), spec, fmt, ctx, rng, date_unit)
    # English lines and mid-article furniture
    body = []
    mids = {k: v for k, v in spec.get('mid_furniture', [])}
    npara = 0
    bil = spec.get('bilingual')
    for u in art_units:
        if isinstance(u, tuple) and u[0] == 'english':
            _, text, zh_unit = u
            ep = dropped(text, 'other_language')
            ep.lang_zh = False
            if bil == 'table':
                zh_unit.pair = ep
            else:
                body.append(Unit([ep], tag=spec.get('english_tag', 'p'),
                                 attrs=spec.get('english_attrs', ''),
                                 indent=spec.get('english_indent', '')))
            continue
        body.append(u)
        if getattr(u, 'is_para', False):
            npara += len(u.pieces)
            for k in list(mids):
                if npara >= k:
                    body += furn_nodes(mids.pop(k), fmt, ctx)
    closing_units = [u for k, u in closing]
    if bil == 'lines' and spec.get('english'):
        eng = spec['english']
        with_en = []
        for k, u in closing:
            with_en.append(u)
            if k == 'date_line' and eng.get('date'):
                ep = dropped(eng['date'], 'other_language')
                ep.lang_zh = False
                with_en.append(Unit([ep], tag=spec.get('english_tag', 'p'),
                                    indent=spec.get('english_indent', '')))
        closing_units = with_en
    article = body + closing_units
    if bil == 'table':
        for u in article:
            if isinstance(u, Unit):
                u.in_table = True
    all_nodes = []
    for z in ('top', 'crumbs', 'head', 'body_pre'):
        all_nodes += zones[z]
    all_nodes += article
    for z in ('body_post', 'post', 'aside', 'bottom'):
        all_nodes += zones[z]
    damage_furniture(all_nodes, spec, rng)
    # big5: no NBSP in the page
    if spec['encoding'] == 'big5':
        for u in walk_units(all_nodes):
            for p in u.pieces:
                p.on_page = p.on_page.replace('\xa0', ' ')
    resolve(all_nodes, spec)
    extra = []
    if spec.get('pdf'):
        assert fmt == 'text', spec['name']
        data, extra = render_pdf(spec, zones, article, ctx)
    elif fmt == 'text':
        data = render_text(spec, zones, article)
    else:
        data = render_html(spec, zones, article, ctx)
    gold = make_gold(spec, zones, article, extra)
    return data, gold


def resolve(nodes, spec):
    """The first occurrence of the title is kept, later ones dropped; likewise the declaration's
    own dateline.  Sections are numbered in reading order."""
    seen_title = seen_dl = False
    order = list(reading_order_pieces(nodes, spec))
    for p in order:
        if p.role == 'title?':
            if seen_title:
                p.role, p.reason = 'dropped', 'title'
            else:
                p.role, p.kind = 'kept', 'title'
                seen_title = True
        elif p.role == 'own_dateline?':
            if seen_dl:
                p.role, p.reason = 'dropped', 'dateline'
            else:
                p.role, p.kind = 'kept', 'source_line'
                seen_dl = True
    sec = 0
    for p in order:
        if p.role == 'kept':
            if getattr(p, 'section_open', False):
                sec += 1
            p.section = sec


def reading_order_pieces(nodes, spec):
    for u in walk_units(nodes):
        for p in u.pieces:
            yield p
        if getattr(u, 'pair', None) is not None:
            yield u.pair


# --------------------------------------------------------------------------------------------
# Rendering


def unit_text_line(u):
    s = ''
    for i, p in enumerate(u.pieces):
        if i:
            s += u.seps[i - 1]
        s += p.on_page
    return u.indent + s


def text_lines(nodes):
    lines = []
    for n in nodes:
        if isinstance(n, Unit):
            if n.tag == 'img-only':
                continue
            if getattr(n, 'pair', None) is not None:
                lines.append(unit_text_line(n) + '\t' + n.pair.on_page)
            else:
                lines.append(unit_text_line(n))
        elif isinstance(n, Group):
            lines += text_lines(n.children)
    return lines


def render_text(spec, zones, article):
    blank = spec.get('blank_lines', False)
    lines = []
    for z in ('top', 'crumbs', 'head', 'body_pre'):
        lines += text_lines(zones[z])
    lines += text_lines(article)
    for z in ('body_post', 'post', 'aside', 'bottom'):
        lines += text_lines(zones[z])
    sep = '\n\n' if blank else '\n'
    text = sep.join(lines) + '\n'
    eol = spec.get('eol', '\n')
    if eol != '\n':
        text = text.replace('\n', eol)
    return encode(text, spec)


def encode(text, spec):
    enc = spec['encoding']
    if enc == 'utf-8':
        return (b'\xef\xbb\xbf' if spec.get('bom') else b'') + text.encode('utf-8')
    if enc == 'gb18030':
        return text.encode('gb18030')
    if enc == 'big5':
        return text.encode('big5')
    if enc == 'utf-16le':
        return b'\xff\xfe' + text.encode('utf-16-le')
    raise ValueError(enc)


# --------------------------------------------------------------------------------------------
# A PDF saved as text (pdftotext): lines hard-wrapped at the page width, a header and a footer
# on every page, a form feed between pages

NO_LINE_START = set('，。、；：？！）》”’」』〉…')
NO_LINE_END = set('（《“‘「『〈')


def _cols(ch):
    return 2 if ord(ch) >= 0x2E80 or ch in '“”‘’…—·' else 1


def _alnum(ch):
    return ch.isascii() and ch.isalnum()


def wrap_positions(s, limit):
    """Where the lines of `s` start (after the first), wrapping at `limit` columns (a CJK
    character is two): closing punctuation hangs at the line end, an opening bracket never ends
    a line, and a run of ASCII letters and digits is not split."""
    breaks = []
    start = col = i = 0
    n = len(s)
    while i < n:
        w = _cols(s[i])
        if col + w > limit and i > start:
            b = i
            while b < n and s[b] in NO_LINE_START:
                b += 1
            if b >= n:
                break
            if _alnum(s[b - 1]) and _alnum(s[b]):
                r = b
                while r > start + 1 and _alnum(s[r - 1]):
                    r -= 1
                if r > start + 1:
                    b = r
            while b - 1 > start and s[b - 1] in NO_LINE_END:
                b -= 1
            breaks.append(b)
            start, col, i = b, 0, b
            continue
        col += w
        i += 1
    return breaks


def text_units(nodes):
    for n in nodes:
        if isinstance(n, Unit):
            if n.tag == 'img-only':
                continue
            assert getattr(n, 'pair', None) is None
            yield n
        elif isinstance(n, Group):
            yield from text_units(n.children)


def render_pdf(spec, zones, article, ctx):
    """The page as pdftotext writes it.  Every piece gets `pos`, the output line where it starts;
    the headers and footers are returned as extra dropped pieces."""
    pdf = spec['pdf']
    limit = 2 * pdf['width']
    nodes = []
    for z in ('top', 'crumbs', 'head', 'body_pre'):
        nodes += zones[z]
    nodes += article
    for z in ('body_post', 'post', 'aside', 'bottom'):
        nodes += zones[z]
    body, placed = [], []
    for u in text_units(nodes):
        s, spans = u.indent, []
        for i, p in enumerate(u.pieces):
            if i:
                s += u.seps[i - 1]
            spans.append((len(s), p))
            s += p.on_page
        breaks = wrap_positions(s, limit)
        for start, p in spans:
            end = start + len(p.on_page)
            cuts = [b - start for b in breaks if start < b < end]
            t = p.on_page
            for c in reversed(cuts):
                t = t[:c] + '\n' + t[c:]
            p.on_page = t
            placed.append((len(body) + sum(1 for b in breaks if b <= start), p))
        bounds = [0] + breaks + [len(s)]
        body += [s[a:b] for a, b in zip(bounds, bounds[1:])]
    per_page = pdf['lines']
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    out, where, extra = [], {}, []
    for k, lines in enumerate(pages, 1):
        first = len(out)
        header = pdf.get('header')
        if header and (k > 1 or pdf.get('header_first', True)):
            kind, text = header
            p = Piece('dropped', ctx.fill(text), reason='title' if kind == 'title' else 'furniture')
            p.pos = len(out)
            extra.append(p)
            out.append(pdf.get('header_indent', '') + p.on_page)
            if pdf.get('header_gap'):
                out.append('')
        for line in lines:
            where[len(where)] = len(out)
            out.append(line)
        if pdf.get('footer'):
            if pdf.get('footer_gap'):
                out.append('')
            p = dropped(pdf['footer'].format(n=k, N=len(pages)))
            p.pos = len(out)
            extra.append(p)
            out.append(pdf.get('footer_indent', '') + p.on_page)
        if k > 1:
            out[first] = '\f' + out[first]
    out.append('\f')
    for line_no, p in placed:
        p.pos = where[line_no]
    text = '\n'.join(out) + '\n'
    eol = spec.get('eol', '\n')
    if eol != '\n':
        text = text.replace('\n', eol)
    return encode(text, spec), extra


def piece_html(p, ent):
    if p.parts is None:
        return esc(p.on_page, ent)
    return esc(p.sep, ent).join('<%s>%s</%s>' % (t, esc(x, ent), t.split()[0]) for t, x in p.parts)


def unit_html(u, spec, depth):
    ent = spec.get('entities', False)
    pad = '  ' * depth
    if u.tag == 'img-only':
        return pad + '<img%s>' % u.attrs
    inner = ''
    for i, p in enumerate(u.pieces):
        if i:
            inner += esc(u.seps[i - 1], ent)
        inner += piece_html(p, ent)
    indent = u.indent
    if indent and spec.get('html_indent') == 'nbsp':
        indent = '&nbsp;' * (2 * len(indent))
    else:
        indent = esc(indent, ent)
    inner = indent + u.wrap.format(inner)
    if getattr(u, 'pair', None) is not None:
        # a two-column row: the Chinese cell and the English cell
        return (pad + '<tr>\n' + pad + '  <td class="zh">%s</td>\n' % inner + pad +
                '  <td class="en">%s</td>\n' % esc(u.pair.on_page, ent) + pad + '</tr>')
    if getattr(u, 'in_table', False):
        return pad + '<tr><td colspan="2">%s</td></tr>' % inner
    return pad + '<%s%s>%s</%s>' % (u.tag, u.attrs, inner, u.tag)


def nodes_html(nodes, spec, depth):
    out = []
    for n in nodes:
        if isinstance(n, Unit):
            out.append(unit_html(n, spec, depth))
        elif isinstance(n, Group):
            pad = '  ' * depth
            out.append(pad + '<%s%s>' % (n.tag, n.attrs))
            out += nodes_html(n.children, spec, depth + 1)
            out.append(pad + '</%s>' % n.tag)
    return out


def br_html(nodes, spec, depth):
    """The article as one container whose paragraphs are separated by <br> (old CMS pages)."""
    ent = spec.get('entities', False)
    pad = '  ' * depth
    br = spec.get('br', '<br><br>')
    out, parts = [], []

    def flush():
        if parts:
            out.append(pad + ('\n' + pad + br + '\n' + pad).join(parts))
            parts.clear()
    for n in nodes:
        if isinstance(n, Group):
            flush()
            out.extend(nodes_html([n], spec, depth))
            continue
        inner = ''
        for i, p in enumerate(n.pieces):
            if i:
                inner += esc(n.seps[i - 1], ent)
            inner += piece_html(p, ent)
        ind = '&nbsp;' * (2 * len(n.indent)) if spec.get('html_indent') == 'nbsp' else esc(n.indent, ent)
        parts.append(ind + n.wrap.format(inner))
    flush()
    return out


def render_html(spec, zones, article, ctx):
    d = 2
    def z(name, depth=d):
        return '\n'.join(nodes_html(zones[name], spec, depth))
    if spec.get('article_mode') == 'br':
        art = '\n'.join(br_html(article, spec, d + 1))
    elif spec.get('bilingual') == 'table':
        art = '\n'.join(nodes_html(article, spec, d + 2))
        art = '  ' * (d + 1) + '<table class="bilingual">\n' + art + '\n' + '  ' * (d + 1) + '</table>'
    else:
        art = '\n'.join(nodes_html(article, spec, d + 1))
    tpl = spec['html_template']
    for name, nodes in zones.items():
        if nodes and '{%s}' % name not in tpl:
            raise ValueError('%s: the HTML skeleton has no place for %s' % (spec['name'], name))
    meta = spec.get('meta_charset')
    head = ['<head>']
    if meta:
        if spec.get('meta_style') == 'http-equiv':
            head.append('<meta http-equiv="Content-Type" content="text/html; charset=%s">' % meta)
        else:
            head.append('<meta charset="%s">' % meta)
    head.append('<title>%s</title>' % esc(ctx.fill(spec.get('page_title', '{T}'))))
    for extra in spec.get('head_extra', []):
        head.append(extra)
    head.append('</head>')
    body = tpl.format(top=z('top'), crumbs=z('crumbs'), head=z('head', d + 1), body_pre=z('body_pre', d + 1),
                      article=art, body_post=z('body_post', d + 1), post=z('post', d + 1),
                      aside=z('aside'), bottom=z('bottom'))
    doc = spec.get('doctype', '<!DOCTYPE html>') + '\n' + '<html%s>\n' % spec.get('html_attrs', '') + \
        '\n'.join(head) + '\n' + body + '\n</html>\n'
    doc = re.sub(r'\n\s*\n', '\n', doc)
    if spec.get('eol', '\n') != '\n':
        doc = doc.replace('\n', spec['eol'])
    return encode(doc, spec)


# --------------------------------------------------------------------------------------------
# Gold


def make_gold(spec, zones, article, extra=()):
    nodes = []
    for z in ('top', 'crumbs', 'head', 'body_pre'):
        nodes += zones[z]
    nodes += article
    for z in ('body_post', 'post', 'aside', 'bottom'):
        nodes += zones[z]
    kept_l, dropped_l = [], []
    order = list(reading_order_pieces(nodes, spec))
    if extra:
        # page headers and footers stand between the lines of the text: page order by line
        order = [p for _, _, p in sorted((p.pos, i, p) for i, p in enumerate(list(order) + list(extra)))]
    for p in order:
        on = p.on_page.strip()
        if p.role == 'kept':
            e = {'kind': p.kind, 'text': p.text.strip(), 'section': p.section}
            if on != e['text']:
                e['on_page'] = on
            kept_l.append(e)
        elif p.role == 'dropped':
            e = {'text': p.text.strip(), 'reason': p.reason}
            if on != e['text']:
                e['on_page'] = on
            dropped_l.append(e)
        else:
            raise AssertionError(p.role)
    return {
        'page': spec['name'],
        'encoding': spec['encoding'],
        'format': spec['format'],
        'base': spec['base'],
        'shapes': spec['shapes'],
        'kept': kept_l,
        'dropped': dropped_l,
    }


def main():
    import dev_pools
    import heldout_pools
    import heldout2_pools
    specs = dev_pools.pages() + heldout_pools.pages() + heldout2_pools.pages()
    # remove pages (and gold files) of earlier runs that no specification makes any more
    wanted = {s['name'] for s in specs} | {s['name'] + '.gold.json' for s in specs}
    for d in ('dev', 'heldout', 'heldout2'):
        folder = os.path.join(HERE, d)
        if os.path.isdir(folder):
            for fn in sorted(os.listdir(folder)):
                if d + '/' + fn not in wanted:
                    os.remove(os.path.join(folder, fn))
    names = set()
    for spec in specs:
        assert spec['name'] not in names, spec['name']
        names.add(spec['name'])
        data, gold = build_page(spec)
        path = os.path.join(HERE, spec['name'])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data)
        with open(path + '.gold.json', 'w', encoding='utf-8') as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write('\n')
    save_cache()
    print('make_copies: %d pages written' % len(specs))


if __name__ == '__main__':
    main()
