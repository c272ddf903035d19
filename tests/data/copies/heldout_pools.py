"""Held-out set: phrase pools and page specifications (written by the decldiff project).

Kept apart from dev_pools.py so that the cleaner can be tuned on the development set without
reading these strings.  None of the furniture, lead, pinyin or English strings below occurs in
the development set (check_gold.py verifies it).  {T} stands for the declaration's title in the
page's script.
"""

# ---------------------------------------------------------------------------------------------
# HTML skeletons

SECTIONED = '''<body id="detail">
<div id="wrapper">
<section class="masthead">
{top}
</section>
<section class="path">
{crumbs}
</section>
<section class="story">
<div class="story-title">
{head}
</div>
<div class="story-text">
{body_pre}
{article}
{body_post}
</div>
<div class="story-tail">
{post}
</div>
</section>
<section class="rail">
{aside}
</section>
<section class="colophon">
{bottom}
</section>
</div>
<script>document.title = document.title;</script>
</body>'''

IDS = '''<body>
<div id="hd">
{top}
</div>
<div id="bd">
<div id="pos">
{crumbs}
</div>
<div id="main">
<div id="art_title">
{head}
</div>
<div id="art_content">
{body_pre}
{article}
{body_post}
</div>
<div id="art_extra">
{post}
</div>
</div>
<div id="side">
{aside}
</div>
</div>
<div id="ft">
{bottom}
</div>
</body>'''

FONTTABLE = '''<body leftmargin="0" topmargin="0">
<table width="778" align="center" cellpadding="0" cellspacing="0">
<tr>
<td height="60">
{top}
</td>
</tr>
<tr>
<td>
{crumbs}
</td>
</tr>
<tr>
<td align="center">
{head}
</td>
</tr>
<tr>
<td class="content">
{body_pre}
{article}
{body_post}
</td>
</tr>
<tr>
<td>
{post}
{aside}
</td>
</tr>
<tr>
<td align="center" class="copyright">
{bottom}
</td>
</tr>
</table>
</body>'''

MOBILE = '''<body class="m">
<div class="m-top">
{top}
</div>
<div class="m-crumb">
{crumbs}
</div>
<div class="m-article">
<div class="m-h">
{head}
</div>
<div class="m-body">
{body_pre}
{article}
{body_post}
</div>
<div class="m-after">
{post}
</div>
</div>
<div class="m-more">
{aside}
</div>
<div class="m-foot">
{bottom}
</div>
</body>'''

# ---------------------------------------------------------------------------------------------
# English lines

ENGLISH = {
    'openers': [
        ('成员国高度评价', 'member states gave a high assessment of {}'),
        ('成员国积极评价', 'member states noted with satisfaction the progress on {}'),
        ('成员国坚定支持', 'member states expressed firm backing for {}'),
        ('成员国重申', 'member states restated their positions on {}'),
        ('成员国强调', 'member states underlined {}'),
        ('成员国指出', 'member states observed trends in {}'),
        ('成员国认为', 'in the view of the member states, {} deserves attention'),
        ('成员国支持', 'member states backed joint work on {}'),
        ('成员国欢迎', 'member states greeted proposals concerning {}'),
        ('成员国注意到', 'member states registered the initiative on {}'),
        ('成员国将', 'member states intend to strengthen {}'),
        ('成员国愿', 'member states stand ready to develop {}'),
        ('成员国倡导', 'member states promote an open dialogue on {}'),
        ('成员国呼吁', 'member states urged progress on {}'),
        ('成员国对', 'member states voiced concern over {}'),
        ('上合组织', 'the Organisation restated its contribution to {}'),
        ('为此', 'accordingly, attention was given to {}'),
    ],
    'default': 'the text addresses {}',
    'fallback': {
        'preamble': 'the international situation', '安全合作': 'security matters',
        '议会合作': 'links between parliaments', '司法合作': 'legal and judicial links',
        '经贸合作': 'the economy', '人文合作': 'culture and society',
        '人文交流合作': 'culture and society', '国际交往': 'international outreach',
        '*': 'the matters concerned',
    },
    'headings': {
        '安全合作': 'Cooperation in the field of security', '议会合作': 'Inter-parliamentary cooperation',
        '司法合作': 'Cooperation between courts', '经贸合作': 'Economic and trade cooperation',
        '人文合作': 'Humanitarian ties', '人文交流合作': 'Humanitarian exchanges',
        '国际交往': 'Relations with other partners',
    },
    'date': 'Moscow, 10 November 2020',
    'title': 'SCO Moscow Declaration (Council of Heads of State, 2020)',
}

# ---------------------------------------------------------------------------------------------
# Simplified furniture

RMW_TOP = [
    {'menu': ['网站首页', '要闻', '时评', '环球', '军情', '科教', '数据'], 'sep': ' · '},
    '客户端下载　|　登录　|　注册',
]
RMW_CRUMBS = ['人民视窗 > 环球 > 峰会直击']
RMW_INFO = {'inline': ['人民视窗', '2020年11月11日07:46'], 'sep': '　', 'attrs': ' class="src"'}
RMW_SHARE = {'inline': ['一键分享', '朋友圈', '微博', '复制链接'], 'attrs': ' class="sharebar"'}
RMW_POST = [
    '（责编：周雨桐、马骏）',
    {'inline': ['举报', '收藏', '打印本文'], 'attrs': ' class="opts"'},
]
RMW_ASIDE = [
    {'heading': '推荐阅读', 'tag': 'h4'},
    {'links': ['视频峰会上的“上合声音”', '数说上合：二十年合作成绩单', '评论：团结协作应对共同挑战']},
]
RMW_BOTTOM = [
    '人民视窗版权所有，未经书面授权禁止使用',
    'Copyright © 1997-2020 by www.example-rmsc.cn. all rights reserved',
    '京ICP证000123号　京公网安备11000002000088号',
]

GOV_TOP = ['简|繁|EN', {'menu': ['首 页', '政 务', '服 务', '互 动', '数 据'], 'sep': ' '}]
GOV_CRUMBS = ['当前位置：门户网站 » 政务公开 » 外事动态']
GOV_INFO = '【发布时间：2020-11-11 09:00】【信息来源：新华社】【字体：大 中 小】'
GOV_POST = ['扫一扫在手机打开当前页', '【打印此页】　【关闭窗口】', '相关链接：']
GOV_BOTTOM = ['网站标识码 6500000001　新ICP备05000099号', '主办：某市人民政府办公室　承办：信息中心',
              '建议使用1280×720分辨率浏览本站']

FORUM_TOP = ['学习资料分享站', '找资料 / 传资料 / 问答区']
FORUM_INFO = '上传者：资料搬运工　浏览次数：847　下载次数：62'
FORUM_POST = ['声明：本文档由用户上传，仅供学习交流。', '下载本文档（共12页）', '喜欢这篇文档的还喜欢']
FORUM_BOTTOM = ['Copyright © 2020 学习资料分享站　苏ICP备17066000号-2']

WIKI2_TOP = [{'menu': ['百科', '词条分类', '历史上的今天', '任务中心'], 'sep': ' | '}]
WIKI2_BOX = [
    {'rows': [['文件名称', '{T}'], ['发布时间', '二〇二〇年十一月'], ['文件类型', '国际组织宣言'],
              ['相关会议', '上海合作组织成员国元首理事会第二十次会议']], 'sep': '　'},
    {'heading': '内容提要', 'tag': 'h3'},
    {'para': '宣言共分序言及安全合作、经贸合作、人文合作等部分，并附各成员国领导人签署。'},
    {'heading': '宣言正文', 'tag': 'h3'},
]
WIKI2_POST = [{'heading': '扩展阅读', 'tag': 'h3'},
              {'links': ['上海合作组织宪章（2002）', '上海合作组织成员国长期睦邻友好合作条约']},
              '本词条由“外交文献”专题组编辑。最近更新：2021-03-08']
WIKI2_BOTTOM = ['百科知识库　免责声明　意见反馈', '沪ICP备10200300号']

LOCAL_TOP = ['晨江日报数字版', {'menu': ['本报首页', '前一版', '后一版', '版面导航'], 'sep': ' '}]
LOCAL_INFO = '2020年11月11日　星期三　第A05版：国际新闻'
LOCAL_CAPTION = {'caption': '上海合作组织成员国元首理事会会议现场视频画面截图。　本报资料'}
LOCAL_MID = {'links': ['延伸阅读：上合组织二十年大事记', '延伸阅读：莫斯科峰会将发布哪些文件']}
LOCAL_POST = [{'links': ['上一条：外长谈峰会成果', '下一条：塔吉克斯坦接任轮值主席国']},
              '本版编辑　郑海燕　美编　李想']
LOCAL_BOTTOM = ['晨江日报社出版　地址：滨江大道18号', '浙ICP备11004321号']

# ---------------------------------------------------------------------------------------------
# Leads

LEAD_RMW = [
    '人民网北京11月11日电　当地时间10日，上海合作组织成员国元首理事会第二十次会议以视频连线形式召开。受新冠肺炎疫情影响，这是上合组织峰会首次在线上举行。',
    '会议期间，各方就组织发展前景及国际和地区热点问题交换看法，会后发表了《{T}》。',
    '以下为宣言全文：',
]
LEAD_PAPER = [
    '本报综合报道　受疫情影响，今年的上合组织峰会改为线上举行。俄罗斯作为轮值主席国主持了会议，与会领导人通过了一系列成果文件。',
    '附：宣言全文',
]
LEAD_RING = [
    '编者按：二〇二〇年十一月十日晚，上合组织成员国领导人以视频方式出席元首理事会会议并签署宣言。本站整理宣言全文，供读者参阅。',
]
LEAD_REV = [
    '中新社莫斯科11月11日电　上合组织成员国元首理事会第二十次会议日前在线举行，会议发表莫斯科宣言，宣言内容如下：',
]

# ---------------------------------------------------------------------------------------------
# Traditional furniture

HK_TOP = [{'menu': ['港澳焦點', '即時', '兩岸', '國際', '財經', '副刊'], 'sep': '  '}]
HK_CRUMBS = ['首頁 ＞ 國際 ＞ 上合峰會']
HK_INFO = '發佈日期：2020年11月11日 10:05　記者：陳思遠'
HK_POST = ['相關新聞：', '【責任編輯：黃志明】', '列印　電郵　字體放大']
HK_BOTTOM = ['港澳焦點傳媒有限公司　版權所有　不得轉載', '私隱政策 | 使用條款 | 廣告查詢']

TWN_TOP = ['寰宇觀察週報 電子版', '首頁 / 國際 / 專題報導']
TWN_INFO = '更新時間：2020/11/11 11:20　作者：編輯部'
TWN_POST = ['延伸閱讀', '訂閱電子報　加入粉絲專頁']
TWN_BOTTOM = ['本網站所有內容未經許可不得轉載']

MIRROR2_TOP = ['要聞速遞 - 最新資訊']
MIRROR2_INFO = '時間：2020-11-11 11:46　點擊：392'
MIRROR2_BOTTOM = ['聲明：本站內容均來自網路轉載。', '閩ICP備19000666號']


def page(name, encoding, fmt, shapes, **kw):
    spec = {'name': name, 'encoding': encoding, 'format': fmt, 'base': 'sco-2020', 'shapes': shapes,
            'href_pattern': '/html/2020-11/11/content_%d.htm'}
    spec.update(kw)
    return spec


def pages():
    P = []
    # 01: Traditional, Big5, table layout; a relay agency's dateline on its own line and a
    # place-and-date line
    P.append(page('heldout/01-relay-table.html', 'big5', 'html',
                  ['traditional_twp', 'table_layout', 'dateline_traditional', 'extra_dateline',
                   'dateline_own_line', 'place_date', 'furniture'],
                  script='trad', html_template=FONTTABLE, meta_charset='big5', meta_style='http-equiv',
                  doctype='<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">',
                  page_title='港澳焦點 - {T}',
                  furn_tag='p', top=[('furn', x) for x in HK_TOP], crumbs=[('furn', x) for x in HK_CRUMBS],
                  head=[('title', '{T}', 'p', ' class="f20"', '<font size="5"><b>{}</b></font>'),
                        ('furn', HK_INFO)],
                  body_pre=[('dateline', '中評社北京11月11日電（記者 陳思遠）', False),
                            ('place_date', '（2020年11月10日　莫斯科）')],
                  post=[('furn', x) for x in HK_POST], bottom=[('furn', x) for x in HK_BOTTOM]))
    # 02: Traditional, Big5 text, an English line after each paragraph
    P.append(page('heldout/02-traditional-bilingual.txt', 'big5', 'text',
                  ['traditional_twp', 'bilingual_lines', 'furniture'],
                  script='trad', bilingual='lines', english=ENGLISH,
                  top=[('furn', x) for x in TWN_TOP],
                  head=[('title', '{T}'), ('english', ENGLISH['title']), ('furn', TWN_INFO)],
                  post=[('furn', x) for x in TWN_POST], bottom=[('furn', x) for x in TWN_BOTTOM]))
    # 03: a three-paragraph lead, bare numerals with the preamble numbered, runs of paragraphs in
    # one <p>
    P.append(page('heldout/03-lead-bare-flattened.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'lead', 'lead_intro_line', 'bare_numeral_sections',
                   'numbered_preamble', 'flattened_paragraphs', 'share_widgets', 'editor_line'],
                  html_template=SECTIONED, meta_charset='UTF-8', page_title='{T}--人民视窗',
                  html_attrs=' lang="zh-Hans"',
                  sections={'style': 'bare', 'number_preamble': True},
                  heading_html=('p', ' style="text-align: center;"', '<strong>{}</strong>'),
                  flatten={'seps': ['　', ' '], 'rate': 0.5, 'max': 3},
                  top=[('furn', x) for x in RMW_TOP], crumbs=[('furn', x) for x in RMW_CRUMBS],
                  head=[('title', '{T}', 'h1'), ('furn', RMW_INFO), ('furn', RMW_SHARE)],
                  body_pre=[('lead', LEAD_RMW[0], '　　'), ('lead', LEAD_RMW[1], '　　'),
                            ('lead', LEAD_RMW[2], '　　')],
                  post=[('furn', x) for x in RMW_POST], aside=[('furn', x) for x in RMW_ASIDE],
                  bottom=[('furn', x) for x in RMW_BOTTOM]))
    # 04: （一）安全合作 headings, pinyin after some characters, CRLF
    P.append(page('heldout/04-paren-headings-pinyin.txt', 'gb18030', 'text',
                  ['numbered_headings', 'pinyin_annotations', 'crlf', 'furniture'],
                  eol='\r\n', sections={'style': 'numbered_headings', 'scheme': 'cn_paren'},
                  damage=[{'op': 'pinyin', 'chars': '员发进结', 'target': 'all'}],
                  top=[('furn', x) for x in FORUM_TOP],
                  head=[('title', '{T}'), ('furn', FORUM_INFO)],
                  post=[('furn', x) for x in FORUM_POST], bottom=[('furn', x) for x in FORUM_BOTTOM]))
    # 05: the dateline glued to the first paragraph, the date at the top, every paragraph numbered
    P.append(page('heldout/05-glued-dateline-numbered.txt', 'utf-8', 'text',
                  ['dateline_in_paragraph', 'date_at_top', 'paragraph_numbering', 'no_closing_source'],
                  date_position='top', paragraph_numbering='arabic_dot_space', closing_source='none',
                  paragraph_numbering_from=2,
                  head=[('title', '{T}'), ('date_top',)],
                  dateline_in_paragraph={'text': '新华社莫斯科11月10日电', 'sep': ''}))
    # 06: a two-column bilingual table, UTF-16 without a charset declaration
    P.append(page('heldout/06-bilingual-table.html', 'utf-16le', 'html',
                  ['furniture', 'plain_html', 'bilingual_table', 'icp_footer'],
                  html_template=IDS, page_title='{T}（中英文对照版）',
                  bilingual='table', english=ENGLISH,
                  top=[('furn', x) for x in GOV_TOP], crumbs=[('furn', x) for x in GOV_CRUMBS],
                  head=[('title', '{T}', 'h2'), ('english', ENGLISH['title'], 'h3'), ('furn', GOV_INFO)],
                  post=[('furn', x) for x in GOV_POST], bottom=[('furn', x) for x in GOV_BOTTOM]))
    # 07: <br>-separated paragraphs with ASCII punctuation and invisible characters
    P.append(page('heldout/07-br-ascii-invisible.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'br_paragraphs', 'ascii_punctuation', 'invisible_chars',
                   'html_entities'],
                  html_template=IDS, meta_charset='utf-8', entities=True, article_mode='br', br='<br />',
                  page_title='{T} - 门户网站',
                  heading_html=('p', '', '<strong>{}</strong>'),
                  damage=[{'op': 'ascii_punct', 'rate': 0.35, 'target': 'all'},
                          {'op': 'invisible', 'rate': 0.03, 'kinds': ['\u200b', '\u00a0'], 'target': 'all'}],
                  top=[('furn', x) for x in GOV_TOP], crumbs=[('furn', x) for x in GOV_CRUMBS],
                  head=[('title', '{T}', 'h1'), ('furn', GOV_INFO)],
                  post=[('furn', x) for x in GOV_POST], bottom=[('furn', x) for x in GOV_BOTTOM]))
    # 08: an encyclopedia entry, （一） at paragraph starts, the title three times
    P.append(page('heldout/08-encyclopedia-paren.html', 'gb18030', 'html',
                  ['encyclopedia', 'paren_numeral_sections', 'title_repeated', 'furniture', 'plain_html'],
                  html_template=IDS, meta_charset='GB2312', page_title='{T} - 百科知识库',
                  sections={'style': 'prefix', 'scheme': 'cn_paren'},
                  top=[('furn', x) for x in WIKI2_TOP],
                  head=[('title', '{T}', 'h1')] + [('furn', x) for x in WIKI2_BOX],
                  body_pre=[('title', '{T}', 'p', ' align="center"', '<b>{}</b>')],
                  post=[('furn', x) for x in WIKI2_POST], bottom=[('furn', x) for x in WIKI2_BOTTOM]))
    # 09: our revision after a lead that ends like the declaration's own first paragraph;
    # doubled punctuation; 《title》
    P.append(page('heldout/09-rev1-lead-doubled.txt', 'utf-8', 'text',
                  ['lead', 'doubled_punctuation', 'comma_period_pairs', 'title_guillemets',
                   'title_repeated', 'furniture'],
                  base='rev1',
                  damage=[{'op': 'double_punct', 'rate': 0.12, 'target': 'all'},
                          {'op': 'comma_period', 'rate': 0.2}],
                  head=[('title', '《{T}》'), ('furn', FORUM_INFO)],
                  body_pre=[('lead', LEAD_REV[0], '　　'), ('title', '{T}')],
                  bottom=[('furn', x) for x in FORUM_BOTTOM]))
    # 10: our revision in a newspaper's digital edition: 第一， numbering, photo caption,
    # previous/next, related links inside the article
    P.append(page('heldout/10-rev1-ordinal-paper.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'ordinal_sections', 'photo_caption', 'prev_next',
                   'mid_article_furniture'],
                  base='rev1', html_template=MOBILE, meta_charset='utf-8', page_title='{T}-晨江日报',
                  head_extra=['<meta name="viewport" content="width=device-width, initial-scale=1">'],
                  sections={'style': 'prefix', 'scheme': 'ordinal'},
                  mid_furniture=[(70, LOCAL_MID)],
                  top=[('furn', x) for x in LOCAL_TOP],
                  head=[('furn', LOCAL_INFO), ('title', '{T}', 'h2'), ('furn', LOCAL_CAPTION)],
                  post=[('furn', x) for x in LOCAL_POST], bottom=[('furn', x) for x in LOCAL_BOTTOM]))
    # 11: 1. 2. numbering of sections, blank lines, ○ for 〇 in the lead and an infobox line
    P.append(page('heldout/11-arabic-blank-ring.txt', 'gb18030', 'text',
                  ['arabic_numbered_sections', 'blank_line_separated', 'ring_for_zero', 'lead'],
                  blank_lines=True, sections={'style': 'prefix', 'scheme': 'arabic_dot'},
                  damage=[{'op': 'ring_zero', 'target': 'furniture'}],
                  head=[('title', '{T}'), ('furn', '整理日期：二〇二一年三月')],
                  body_pre=[('lead', LEAD_RING[0])]))
    # 12: a Traditional mirror with pinyin after characters and doubled punctuation
    P.append(page('heldout/12-traditional-pinyin.html', 'utf-8', 'html',
                  ['traditional_twp', 'pinyin_annotations', 'pinyin_line', 'doubled_punctuation',
                   'furniture', 'plain_html'],
                  script='trad', html_template=MOBILE, meta_charset='utf-8', page_title='{T}_要聞速遞',
                  damage=[{'op': 'pinyin', 'chars': '國會統務動網時號', 'target': 'all'},
                          {'op': 'double_punct', 'rate': 0.1, 'target': 'all'}],
                  top=[('furn', x) for x in MIRROR2_TOP],
                  head=[('title', '{T}', 'h1'),
                        ('pinyin', 'Shànghǎi Hézuò Zǔzhī Chéngyuánguó '
                                   'Yuánshǒu Lǐshìhuì Mòsīkē Xuānyán', 'div'),
                        ('furn', MIRROR2_INFO)],
                  bottom=[('furn', x) for x in MIRROR2_BOTTOM]))
    # 13: number-only headings (一、), a lead, runs joined by ideographic spaces; UTF-16
    P.append(page('heldout/13-number-only-lead-flat.txt', 'utf-16le', 'text',
                  ['number_only_headings', 'lead', 'lead_intro_line', 'flattened_paragraphs'],
                  sections={'style': 'bare', 'scheme': 'cn_dun_bare'},
                  flatten={'seps': ['　'], 'rate': 0.6, 'max': 5},
                  head=[('title', '{T}')],
                  body_pre=[('lead', LEAD_PAPER[0], '　　'), ('lead', LEAD_PAPER[1], '　　')]))
    # 14: a two-column table saved as text (tab between Chinese and English); the title next to
    # the dateline
    P.append(page('heldout/14-bilingual-tab.txt', 'utf-8', 'text',
                  ['bilingual_tab_text', 'title_with_dateline', 'repeated_dateline'],
                  bilingual='table', english=ENGLISH,
                  head=[('title_dateline', '{T}', '新华社莫斯科11月10日电', '　', True)]))
    # 15: 《title》（全文）, the parenthesised dateline on its own line above the text, no closing
    # source, semantic sections
    P.append(page('heldout/15-guillemets-paren-dateline.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'title_guillemets', 'title_fulltext', 'title_repeated',
                   'dateline_parenthesised', 'dateline_own_line', 'no_closing_source', 'breadcrumb'],
                  html_template=SECTIONED, meta_charset='utf-8', page_title='《{T}》（全文）',
                  closing_source='none',
                  heading_html=('h4', '', '{}'), heading_indent='',
                  top=[('furn', x) for x in RMW_TOP], crumbs=[('furn', x) for x in RMW_CRUMBS],
                  head=[('title', '《{T}》（全文）', 'h1'), ('furn', RMW_INFO)],
                  body_pre=[('dateline', '（新华社莫斯科11月10日电）', True, 'p'),
                            ('title', '{T}', 'h2')],
                  post=[('furn', x) for x in RMW_POST], aside=[('furn', x) for x in RMW_ASIDE],
                  bottom=[('furn', x) for x in RMW_BOTTOM]))
    return P
