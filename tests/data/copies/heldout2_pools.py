"""Second held-out set: phrase pools and page specifications (written by the decldiff project).

Written after the first held-out set had been measured (docs/accuracy.md), in site layouts that
neither dev/ nor heldout/ has: a document-sharing site, a newspaper's e-paper page, a WeChat
article, a government portal with its metadata table, an encyclopedia infobox, a forum thread,
PDFs saved as text (hard-wrapped lines, page headers and footers), a machine-translated mirror
and short heading-like lines before the text.  Every furniture string, lead, English line and
title variant below is our own illustrative wording in the register of real pages (SHAPES.md);
none is copied from a real page.  {T} stands for the declaration's title in the page's script.

Do not read this file while tuning the cleaner: it is the answer key of a measurement.
"""

# ---------------------------------------------------------------------------------------------
# HTML skeletons

DOCSHARE = '''<body class="doc-view">
<div class="doc-header">
{top}
</div>
<div class="doc-crumb">
{crumbs}
</div>
<div class="doc-wrap">
<div class="doc-main">
<div class="doc-title-box">
{head}
</div>
<div class="doc-reader" id="reader">
{body_pre}
{article}
{body_post}
</div>
<div class="doc-after">
{post}
</div>
</div>
<div class="doc-side">
{aside}
</div>
</div>
<div class="doc-footer">
{bottom}
</div>
<script src="/static/reader.min.js"></script>
</body>'''

EPAPER = '''<body leftmargin="0" topmargin="0">
<table width="1000" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td class="masthead">
{top}
</td></tr>
<tr>
<td width="260" valign="top" class="banmian">
{crumbs}
</td>
<td valign="top">
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td class="article-head">
{head}
</td></tr>
<tr><td class="article-body">
<div id="ozoom">
{body_pre}
{article}
{body_post}
</div>
</td></tr>
<tr><td class="article-tools">
{post}
</td></tr>
</table>
</td>
</tr>
<tr><td colspan="2" class="copyright">
{bottom}
</td></tr>
</table>
</body>'''

WECHAT = '''<body id="activity-detail" class="zh_CN mm_appmsg">
<div class="rich_media">
<div class="top_banner">
{top}
</div>
<div class="rich_media_inner">
<div class="rich_media_area_primary">
{head}
<div class="rich_media_content" id="js_content">
{body_pre}
<section data-role="outer">
{article}
</section>
{body_post}
</div>
<div class="rich_media_tool">
{post}
</div>
</div>
<div class="rich_media_area_extra">
{aside}
</div>
</div>
</div>
<div class="qr_code_pc_inner">
{bottom}
</div>
<script nonce="1841093">var msg_title = "";</script>
</body>'''

GOV = '''<body>
<div class="gov-top">
{top}
</div>
<div class="gov-location">
{crumbs}
</div>
<div class="gov-content">
<table class="xxgk" width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td>
{head}
</td></tr>
</table>
<div class="gov-article" id="zoom">
{body_pre}
{article}
{body_post}
</div>
<div class="gov-tools">
{post}
</div>
</div>
<div class="gov-footer">
{bottom}
</div>
</body>'''

WIKI2 = '''<body class="mediawiki skin-vector">
<header class="vector-header">
{top}
</header>
<main id="content" class="mw-body">
<header class="mw-body-header">
{head}
</header>
<div id="mw-content-text" class="mw-parser-output">
{body_pre}
{article}
{body_post}
</div>
<div id="catlinks">
{post}
</div>
</main>
<nav class="vector-page-toolbar">
{aside}
</nav>
<footer class="mw-footer">
{bottom}
</footer>
</body>'''

FORUM = '''<body id="nv_forum">
<div id="hd">
{top}
</div>
<div id="pt" class="bm">
{crumbs}
</div>
<div id="ct" class="wp">
<div id="postlist" class="pl">
<table id="pid_1" class="plhin" cellspacing="0" cellpadding="0">
<tr>
<td class="pls" rowspan="2">
{head}
</td>
<td class="plc">
<div class="pct">
{body_pre}
<div class="t_fsz">
{article}
</div>
{body_post}
</div>
</td>
</tr>
</table>
<div id="replies">
{post}
</div>
</div>
</div>
<div id="ft">
{bottom}
</div>
</body>'''

WORDPRESS = '''<body class="post-template-default single single-post">
<header id="masthead" class="site-header">
{top}
</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
<article class="post type-post">
<header class="entry-header">
{head}
</header>
<div class="entry-content">
{body_pre}
{article}
{body_post}
</div>
<footer class="entry-footer">
{post}
</footer>
</article>
</main>
<aside id="secondary" class="widget-area">
{aside}
</aside>
</div>
<footer id="colophon" class="site-footer">
{bottom}
</footer>
</body>'''

HKNEWS = '''<body>
<header class="hk-head">
{top}
</header>
<nav class="hk-path">
{crumbs}
</nav>
<main class="hk-main">
<article class="hk-article">
<header>
{head}
</header>
<section class="hk-content">
{body_pre}
{article}
{body_post}
</section>
<footer>
{post}
</footer>
</article>
</main>
<footer class="hk-foot">
{bottom}
</footer>
</body>'''

LEARN = '''<body>
<div class="site-top">
{top}
</div>
<div class="path">
{crumbs}
</div>
<div class="wrapper">
<div class="art-head">
{head}
</div>
<div class="art-text">
{body_pre}
{article}
{body_post}
</div>
<div class="art-foot">
{post}
</div>
</div>
<div class="site-bottom">
{bottom}
</div>
</body>'''

MIRROR = '''<body>
<div class="hd">
{top}
</div>
<div class="bd">
<div class="main-l">
<div class="tit">
{head}
</div>
<div class="content" id="article">
{body_pre}
{article}
{body_post}
</div>
<div class="info-foot">
{post}
</div>
</div>
<div class="main-r">
{aside}
</div>
</div>
<div class="ft">
{bottom}
</div>
</body>'''

# ---------------------------------------------------------------------------------------------
# English lines: illustrative, not a translation.  ENGLISH_MT imitates a machine translation
# shown under each paragraph; ENGLISH_REF is a study-site rendering.

ENGLISH_MT = {
    'openers': [
        ('成员国高度评价', 'member states highly evaluated the work in {}'),
        ('成员国积极评价', 'member states positively evaluated results in {}'),
        ('成员国坚定支持', 'member states firmly support the efforts of {}'),
        ('成员国重申', 'member states reiterated their position about {}'),
        ('成员国强调', 'member states emphasized the significance of {}'),
        ('成员国指出', 'member states pointed out the situation of {}'),
        ('成员国认为', 'member states believe that cooperation in {} is necessary'),
        ('成员国支持', 'member states support to carry out cooperation in {}'),
        ('成员国欢迎', 'member states welcome the initiatives in {}'),
        ('成员国注意到', 'member states noticed the proposals in {}'),
        ('成员国将', 'member states will continue to promote {}'),
        ('成员国愿', 'member states are willing to strengthen {}'),
        ('成员国倡导', 'member states advocate to deepen dialogue in {}'),
        ('成员国呼吁', 'member states call on all parties to act in {}'),
        ('成员国对', 'member states expressed the concern to {}'),
        ('成员国意识到', 'member states realized the risks in {}'),
        ('成员国一致同意', 'member states unanimously agreed to expand {}'),
        ('成员国反对', 'member states oppose the politicization of {}'),
        ('成员国特别指出', 'member states specially pointed out {}'),
        ('成员国在', 'member states expressed the position on the {}'),
        ('上合组织', 'SCO will play the role in {}'),
        ('为此', 'for this, member states took measures in {}'),
        ('作为', 'as the members of international community, member states treat {}'),
        ('根据', 'according to the agreements, member states treat {}'),
        ('哈萨克斯坦共和国', 'some member states reiterated to support {}'),
        ('在此背景下', 'under this background, member states treat {}'),
        ('为提高', 'for improve the efficiency, member states treat {}'),
    ],
    'default': 'member states expressed the opinions on {}',
    'fallback': {
        'preamble': 'the international relations situation', '安全合作': 'the safety of region',
        '议会合作': 'the parliament contacts', '司法合作': 'the justice departments',
        '经贸合作': 'the economy and trade', '人文合作': 'the humanities fields',
        '人文交流合作': 'the humanities exchanges', '国际交往': 'the external contacts',
        '*': 'the related questions',
    },
    'headings': {
        '安全合作': 'Safety cooperation', '议会合作': 'Parliament cooperation',
        '司法合作': 'Justice cooperation', '经贸合作': 'Economy and trade cooperation',
        '人文合作': 'Humanities cooperation', '人文交流合作': 'Humanities exchange cooperation',
        '国际交往': 'International intercourse',
    },
    'date': 'November 10, 2020',
    'title': 'Shanghai Cooperation Organization Member States Heads of State Council Moscow Declaration',
}

ENGLISH_REF = {
    'openers': [
        ('成员国高度评价', 'the member states commended the progress made in {}'),
        ('成员国积极评价', 'the member states gave a positive assessment of {}'),
        ('成员国坚定支持', 'the member states expressed firm support for {}'),
        ('成员国重申', 'the member states restated their commitment regarding {}'),
        ('成员国强调', 'the member states underlined {}'),
        ('成员国指出', 'the member states observed trends in {}'),
        ('成员国认为', 'the member states regard {} as a priority'),
        ('成员国支持', 'the member states endorse joint work on {}'),
        ('成员国欢迎', 'the member states greeted the steps taken on {}'),
        ('成员国注意到', 'the member states acknowledged the proposals on {}'),
        ('成员国将', 'the member states intend to pursue {}'),
        ('成员国愿', 'the member states stand ready to expand {}'),
        ('成员国倡导', 'the member states promote an inclusive approach to {}'),
        ('成员国呼吁', 'the member states urged concerted action on {}'),
        ('成员国对', 'the member states voiced concern about {}'),
        ('成员国意识到', 'the member states are aware of the difficulties of {}'),
        ('成员国一致同意', 'the member states concurred on widening {}'),
        ('成员国反对', 'the member states reject any politicisation of {}'),
        ('成员国特别指出', 'the member states singled out {}'),
        ('成员国在', 'the member states outlined a shared view on {}'),
        ('上合组织', 'the Organisation restated its part in {}'),
        ('为此', 'accordingly, the member states turned to {}'),
        ('作为', 'in their capacity as members of the international community, the member states considered {}'),
        ('根据', 'pursuant to earlier decisions, the member states considered {}'),
        ('哈萨克斯坦共和国', 'a number of member states restated their backing for {}'),
        ('在此背景下', 'in this context, the member states considered {}'),
        ('为提高', 'with a view to greater efficiency, the member states considered {}'),
    ],
    'default': 'the member states shared their assessment of {}',
    'fallback': {
        'preamble': 'the global situation', '安全合作': 'common security',
        '议会合作': 'contacts between parliaments', '司法合作': 'legal assistance',
        '经贸合作': 'economic links', '人文合作': 'cultural ties',
        '人文交流合作': 'cultural and social exchanges', '国际交往': 'partners abroad',
        '*': 'the matters before them',
    },
    'headings': {
        '安全合作': 'On security', '议会合作': 'On parliamentary ties', '司法合作': 'On judicial matters',
        '经贸合作': 'On trade and the economy', '人文合作': 'On culture and society',
        '人文交流合作': 'On cultural and social exchanges', '国际交往': 'On external relations',
    },
    'end': '.',
    'date': 'Moscow, 10 November 2020',
    'title': 'Moscow Declaration of the Heads of State Council of the Shanghai Cooperation Organisation',
}

# ---------------------------------------------------------------------------------------------
# 01: a document-sharing site

DOC_TOP = [
    '文档云库 — 海量资料在线分享平台',
    {'menu': ['文库首页', '精品专区', '公文范文', '我的文档', '上传文档', '开通会员'], 'attrs': ' class="doc-nav"'},
]
DOC_CRUMBS = ['文档云库 > 公文范文 > 外事外交 > 国际组织']
DOC_INFO = {'inline': ['分享者：云帆书屋', '发布于：2020-11-13', '共9页', '下载量：268', '阅读量：3417',
                       'DOCX格式', '41.6KB'], 'sep': '　', 'attrs': ' class="doc-meta"'}
DOC_RATE = '★★★★☆　4.6分（35人评价）'
DOC_BUTTONS = {'inline': ['立即下载', '收藏', '举报'], 'sep': ' ', 'attrs': ' class="doc-btns"',
               'tags': ['a href="#dl"', 'a href="#fav"', 'a href="#report"']}
DOC_PREVIEW = {'heading': '在线预览', 'tag': 'h3'}
# the preview's page labels (nine pages of about 14 paragraphs) and the fold after page 3
DOC_MID = sorted([(14 * k, '第%d页' % (k + 1)) for k in range(1, 9)] + [(41, '剩余 6 页未读，点击展开 ▼')])
DOC_AFTER = [{'inline': ['下载文档到本地', '需 2 积分', '立即下载'], 'sep': '　', 'attrs': ' class="doc-dl"'}]
DOC_POST = [
    '声明：本站所有文档均为网友上传分享，仅供参考学习；如涉及侵权，请联系客服处理。',
    {'heading': '相关文档', 'tag': 'h3'},
    {'links': ['上海合作组织宪章（中俄文本）.pdf', '上合组织峰会历届宣言汇总.docx',
               '比什凯克宣言全文（2019）.doc', '国际组织概论课件第七章.ppt']},
]
DOC_ASIDE = [
    {'heading': '热门下载', 'tag': 'h3'},
    {'links': ['2020年政府工作报告全文.doc', '公文写作格式规范（最新版）.docx', '党政机关公文处理工作条例.pdf']},
]
DOC_BOTTOM = [
    '© 2013-2020 文档云库　版权所有',
    '沪ICP备15039187号-4　沪公网安备31010702004261号',
    '客服电话：400-610-2587　工作时间：9:00-18:00',
]

# ---------------------------------------------------------------------------------------------
# 02: a newspaper's e-paper page

EP_TOP = [
    '滨江日报 · 数字报',
    '2020年11月11日　星期三　第9132期',
    {'inline': ['往期查阅', '版面导航', 'PDF下载', '本报首页'], 'sep': ' | ', 'attrs': ' class="ep-tools"'},
]
EP_PAGES = [
    {'rows': [['第A01版：要闻', '第A02版：要闻·综合'], ['第A06版：经济', '第A07版：国际·视点'],
              ['第A08版：文体', '第A09版：副刊']], 'attrs': ' class="bmdh"'},
    {'inline': ['上一版', '下一版'], 'sep': '　', 'attrs': ' class="ep-turn"'},
]
EP_KICKER = '上合组织成员国元首理事会第二十次会议以视频方式举行'
EP_SUBTITLE = '成员国领导人签署并发表宣言　阐述在安全、经贸、人文等领域的共同立场'
EP_CAPTION = {'caption': '11月10日，上海合作组织成员国元首理事会第二十次会议以视频方式举行。图为会议现场。　新华社发'}
EP_EDITOR = '（本版编辑：周立群　校对：孙蕾）'
EP_POST = [
    {'inline': ['【放大】', '【缩小】', '【默认】'], 'sep': ' ', 'attrs': ' class="ep-zoom"'},
    {'links': ['◀上一篇　俄方：视频峰会为上合组织开辟新的工作方式',
               '下一篇▶　我市举办“上合组织国家地方合作”主题展']},
]
EP_BOTTOM = [
    '滨江日报社主办　版权所有　未经授权不得复制或建立镜像',
    '地址：滨江市新华路118号　邮编：315010　电子邮箱：szb@binjiang-daily.cn',
]

# ---------------------------------------------------------------------------------------------
# 03: a WeChat article

WX_TOP = ['点击上方“环球观察室”→ 右上角“…”→ 设为星标★']
WX_META = {'inline': ['环球观察室', '2020-11-11 07:30'], 'sep': ' ', 'attrs': ' class="rich_media_meta_list"'}
WX_LEAD = ('新华社莫斯科11月10日电　10日晚，受新冠肺炎疫情影响，上海合作组织成员国元首理事会第二十次会议'
           '改以视频形式召开，八国领导人在线出席，会议结束时发表了《{T}》。')
WX_INTRO = '宣言篇幅较长，建议先收藏再阅读。全文如下：'
WX_MID = {'links': ['推荐阅读｜一图读懂上合组织二十年']}
WX_AFTER = ['— THE END —', '来源｜新华社', '编辑｜许沐阳　审核｜程远', '（图片来自网络，侵删）']
WX_POST = [
    {'inline': ['阅读原文', '阅读 10万+'], 'sep': '　', 'attrs': ' class="media_tool_meta"'},
    {'inline': ['分享', '收藏', '在看', '赞'], 'sep': ' ', 'attrs': ' class="like_area"'},
    '写留言',
    {'heading': '留言精选', 'tag': 'h4'},
    '江南客：已收藏，值得细读',
    '木子：上合组织二十年，不容易',
]
WX_ASIDE = [
    {'heading': '往期推荐', 'tag': 'h4'},
    {'links': ['多国领导人在线“聚首”，这次峰会有何不同？', '一文读懂：上合组织的“朋友圈”有多大']},
]
WX_BOTTOM = ['长按二维码　关注我们', '微信扫一扫关注该公众号']

# ---------------------------------------------------------------------------------------------
# 04: a government portal with its metadata table

GOV_TOP = [
    '滨海市人民政府外事办公室',
    {'menu': ['门户首页', '机构设置', '政务公开', '外事要闻', '领事服务', '政民互动'], 'attrs': ' class="gov-nav"'},
    '无障碍浏览｜长者模式｜English',
]
GOV_CRUMBS = ['您所在的位置：门户首页 > 政务公开 > 外事文件']
GOV_META = {'rows': [['索引号：', '002957184/2020-11358', '主题分类：', '外事\\国际交流'],
                     ['发文机关：', '转载（新华社）', '成文日期：', '2020-11-10'],
                     ['标　　题：', '{T}'],
                     ['发文字号：', '无', '发布日期：', '2020-11-12'],
                     ['有 效 性：', '有效']], 'attrs': ' class="xxgk-table"'}
GOV_INFO = {'inline': ['发布时间：2020-11-12 16:05', '来源：新华社', '浏览次数：'], 'sep': '　',
            'attrs': ' class="gov-info"'}
GOV_FONT = {'inline': ['字体：', '大', '中', '小'], 'sep': ' ', 'attrs': ' class="gov-font"'}
GOV_BEFORE = {'heading': '文件内容', 'tag': 'h4'}
GOV_AFTER = ['附件：上合组织成员国元首理事会莫斯科宣言（PDF版）']
GOV_POST = [
    {'inline': ['【打印本页】', '【关闭窗口】', '【返回顶部】'], 'sep': ' ', 'attrs': ' class="gov-print"'},
    '手机扫码浏览本页',
    {'heading': '相关文件', 'tag': 'h4'},
    {'links': ['上海合作组织成员国元首理事会关于共同应对新冠肺炎疫情的声明',
               '上海合作组织成员国元首理事会关于数字经济领域合作的声明']},
]
GOV_BOTTOM = [
    '主办单位：滨海市人民政府外事办公室　承办：滨海市大数据发展管理中心',
    '网站标识码：3302000017　浙ICP备05019386号　浙公网安备 33020302000871号',
    '本网站支持IPv6　建议使用1366×768以上分辨率浏览',
]

# ---------------------------------------------------------------------------------------------
# 05: an encyclopedia entry with an infobox (Traditional, Big5)

WK_TOP = [
    {'inline': ['跳到導覽', '跳到搜尋'], 'sep': ' ', 'tags': ['a href="#nav"', 'a href="#search"'],
     'attrs': ' class="skip"'},
    {'menu': ['主頁面', '分類索引', '特色內容', '隨機條目', '說明文件'], 'attrs': ' class="vector-menu"'},
    '自由百科，人人可編輯的百科全書',
]
WK_HEAD_AFTER = [
    '出自自由百科',
    '本條目依據繁體中文顯示，部分用語可能與原始文本不同。',
    {'rows': [['中文名稱', '{T}'],
              ['外文名稱', 'Moscow Declaration of the Council of Heads of State of the SCO'],
              ['發表日期', '2020-11-10'],
              ['會議', '上合組織成員國元首理事會第二十次會議'],
              ['舉行方式', '視訊方式'],
              ['輪值主席國', '俄羅斯'],
              ['文件性質', '政治宣言']], 'attrs': ' class="infobox vcard"'},
]
WK_LEAD = ('《上海合作組織成員國元首理事會莫斯科宣言》是2020年11月10日上海合作組織成員國元首理事會'
           '第二十次會議通過的政治文件。會議因疫情改以視訊方式舉行，由輪值主席國俄羅斯主持。')
WK_TOC = [{'heading': '目次', 'tag': 'h2'}, {'links': ['1 背景', '2 要點', '3 宣言文本', '4 參見']}]
WK_BG_HEAD = {'inline': ['背景', '[編輯]'], 'sep': '', 'tag': 'h2', 'tags': ['span', 'a href="#edit1"']}
WK_BG = ('上海合作組織元首理事會每年舉行一次例行會議。2020年的會議原定在聖彼得堡舉行，'
         '後因新冠肺炎疫情延至11月並改為線上舉行，這是該組織首次以視訊方式舉行元首會議。')
WK_POINTS_HEAD = {'inline': ['要點', '[編輯]'], 'sep': '', 'tag': 'h2', 'tags': ['span', 'a href="#edit2"']}
WK_POINTS = '宣言開篇寫道，成員國領導人於2020年11月10日以視訊方式舉行元首理事會會議，並發表宣言如下：……'
WK_TEXT_HEAD = {'inline': ['宣言文本', '[編輯]'], 'sep': '', 'tag': 'h2', 'tags': ['span', 'a href="#edit3"']}
WK_POST = [
    {'inline': ['參見', '[編輯]'], 'sep': '', 'tag': 'h2', 'tags': ['span', 'a href="#edit4"']},
    {'links': ['上海精神 (國際關係)', '上海合作組織秘書處', '比什凱克宣言 (2019年)']},
    {'inline': ['參考資料', '[編輯]'], 'sep': '', 'tag': 'h2', 'tags': ['span', 'a href="#edit5"']},
    '^ 上合組織成員國元首理事會莫斯科宣言. 新華網. 2020-11-10 [2020-11-12].',
    '分類：2020年國際關係｜上海合作組織文件｜宣言',
]
WK_ASIDE = [{'links': ['閱讀', '原始碼', '修訂記錄', '下載為PDF', '可列印版']}]
WK_BOTTOM = [
    '此頁面最後編輯於2022年3月8日 (星期二) 09:15。',
    '本站全部文字在創用CC 姓名標示-相同方式分享 4.0 協議之條款下提供。',
    '隱私權政策｜關於自由百科｜免責聲明｜行動版檢視',
]

# ---------------------------------------------------------------------------------------------
# 06: a forum thread that reposts the text

BBS_TOP = [
    '国际观察论坛',
    {'menu': ['论坛首页', '今日新帖', '精华区', '排行榜', '帮助中心'], 'attrs': ' class="nv"'},
    '登录 | 立即注册 | 找回密码',
]
BBS_CRUMBS = ['国际观察论坛 › 时事纵横 › 国际风云 › 查看帖子']
BBS_HEAD = [
    {'inline': ['查看: 2816', '回复: 14'], 'sep': ' | ', 'attrs': ' class="hm ptn"'},
    '[资料转载]',
]
BBS_USER = [
    {'rows': [['云中漫步'], ['UID', '38817'], ['主题', '214'], ['帖子', '1295'], ['积分', '4671']],
     'attrs': ' class="pil cl"'},
]
BBS_POST_META = [
    {'inline': ['楼主', '发表于 2020-11-11 09:26', '只看该作者', '倒序浏览'], 'sep': ' | ', 'attrs': ' class="pti"'},
    '本帖最后由 云中漫步 于 2020-11-11 09:41 编辑',
]
BBS_INTRO = '转自新华网，全文如下：'
BBS_AFTER = [
    {'para': '知史以明智，观世以知今。'},
    {'inline': ['回复', '引用', '举报', '评分'], 'sep': ' ', 'attrs': ' class="po"'},
]
BBS_REPLIES = [
    '海风吹过',
    {'inline': ['沙发', '发表于 2020-11-11 09:52'], 'sep': ' | '},
    {'para': '感谢分享，已收藏慢慢看。'},
    '老街旧书',
    {'inline': ['板凳', '发表于 2020-11-11 10:17'], 'sep': ' | '},
    {'para': '关于阿富汗和数字经济的几段值得细读。'},
    '北窗听雨',
    {'inline': ['地板', '发表于 2020-11-11 11:03'], 'sep': ' | '},
    {'para': '第一次视频峰会，有历史意义。'},
    {'inline': ['返回列表', '发新帖', '回复'], 'sep': ' ', 'attrs': ' class="pgs"'},
]
BBS_BOTTOM = [
    'Powered by Discuz! X3.4　© 2001-2020 Comsenz Inc.',
    '国际观察论坛　粤ICP备13021457号-1',
    'GMT+8, 2020-11-12 14:08 , Processed in 0.061842 second(s), 19 queries .',
]

# ---------------------------------------------------------------------------------------------
# 07, 08: PDFs saved as text

PDF_CN_HEADER = '国际组织文件选编·2020年第4辑'
PDF_TW_TOP = '附件二'

# ---------------------------------------------------------------------------------------------
# 09: a machine-translated mirror

WP_TOP = [
    {'inline': ['Skip to content'], 'tags': ['a href="#main"'], 'attrs': ' class="skip-link"'},
    'Asia Desk Daily 亚洲时事日报',
    '此页面由机器翻译自动生成，可能存在错误。',
    {'inline': ['查看原文', 'Original'], 'sep': ' | ', 'attrs': ' class="gt-bar"'},
    {'menu': ['Home', '世界新闻', '政治', '商业', '关于本站'], 'attrs': ' class="primary-menu"'},
]
WP_META = {'inline': ['Posted on 2020年11月11日', 'by 编辑台', '0 条评论'], 'sep': ' · ', 'attrs': ' class="entry-meta"'}
WP_LEADS = [
    '上海合作组织成员国领导人星期二（11月10日）举行了视频峰会, the summit adopted the declaration and '
    'a number of statements, 会议由俄罗斯主持.',
    'The following is the original text of the declaration and the machine translation: 以下为宣言原文和机器翻译：',
]
WP_AFTER = [
    {'inline': ['Share this:', 'Twitter', 'Facebook', 'Telegram'], 'sep': ' ', 'attrs': ' class="sharedaddy"'},
    {'inline': ['喜欢这个：', 'Like', 'Loading...'], 'sep': ' ', 'attrs': ' class="likes"'},
]
WP_POST = [
    {'heading': '相关文章 Related', 'tag': 'h3'},
    {'links': ['印度总理在上合峰会上谈多边合作 Modi speaks at SCO', '巴基斯坦：上合组织应加强地区互联互通']},
    {'heading': 'Leave a Reply 发表评论', 'tag': 'h3'},
    '您的电子邮件地址不会被公开。 Required fields are marked *',
]
WP_ASIDE = [{'heading': 'Recent Posts', 'tag': 'h2'},
            {'links': ['亚洲开发银行上调区域增长预期', 'Central Asia gas pipeline talks resume 中亚天然气管道谈判重启']}]
WP_BOTTOM = ['© 2020 Asia Desk Daily', 'Proudly powered by WordPress | 主题：NewsLite']

# ---------------------------------------------------------------------------------------------
# 10: a text export with heading-like lines before the text

TXT_TOP = ['国际组织文献资料库　文本导出', '导出时间：2020-11-20 15:42　格式：TXT']
TXT_HEAD_AFTER = [
    '导读',
    '成员国领导人于2020年11月10日以视频方式举行元首理事会会议并发表宣言，内容涉及国际形势、安全、议会、司法、经贸、人文和对外交往等方面。',
    '原文',
]
TXT_AFTER = [
    '相关文件',
    '上海合作组织成员国元首理事会会议新闻公报（2020年11月10日）',
    '上海合作组织成员国元首理事会关于保障国际信息安全领域合作的声明',
]

# ---------------------------------------------------------------------------------------------
# 11: a Traditional study site, Chinese and English in two columns

TWL_TOP = [
    {'menu': ['學習園地', '雙語新聞', '時事英文', '會員專區'], 'attrs': ' class="top-menu"'},
]
TWL_CRUMBS = ['目前位置：學習園地 > 雙語新聞 > 國際組織']
TWL_INFO = '張貼日期：2020/11/13　分類：雙語新聞　人氣：862'
TWL_POST = ['（英文部分為本站學習譯文，僅供參考，以官方文本為準）', '上一篇：聯合國大會一般性辯論摘要（中英對照）']
TWL_BOTTOM = ['本站雙語內容僅供語言學習使用，請勿轉作商業用途。', '聯絡信箱：service@twlearn-bilingual.tw']

# ---------------------------------------------------------------------------------------------
# 12: a two-column page saved as text

TAB_TOP = ['双语阅读｜外交文件中英对照', '（左栏中文，右栏英文）']
TAB_BOTTOM = ['（英文部分为学习参考译文，以官方文本为准）']

# ---------------------------------------------------------------------------------------------
# 13: our revision typed into a text file, with a lead

REV_TOP = '二〇二〇年十一月十一日　星期三　农历九月廿六'
REV_LEAD = ('二〇二〇年十一月十日晚，上海合作组织成员国元首理事会以视频方式举行第二十次会议。'
            '会议由俄罗斯总统主持，八个成员国领导人与会，会后发表宣言。')
REV_INTRO = '宣言文本照录如下：'
REV_BOTTOM = '（本文由资料室据公开发布文本录入，二〇二〇年十一月）'

# ---------------------------------------------------------------------------------------------
# 14: a pinyin-annotating mirror with our revision

PY_TOP = ['汉语拼音资讯站 — 新闻注音版',
          {'menu': ['注音新闻', '成语故事', '古诗词', '汉字查询'], 'attrs': ' class="py-nav"'}]
PY_LINE = 'Shàng-hǎi Hé-zuò Zǔ-zhī Chéng-yuán-guó Yuán-shǒu Lǐ-shì-huì Mò-sī-kē Xuān-yán'
PY_INFO = '2020-11-12　注音校对：拼音小组'
PY_POST = ['（注：本站注音由程序自动生成，仅供参考）']
PY_BOTTOM = ['汉语拼音资讯站　联系邮箱：pinyin-news@zhuyin.cn']

# ---------------------------------------------------------------------------------------------
# 15: a text file saved by Notepad

NOTE_TOP = ['整理：学而思政工作室　2020-11-12']
NOTE_BOTTOM = ['（完）', '——转载请注明出处——']

# ---------------------------------------------------------------------------------------------
# 16: a Hong Kong news site (Traditional, Big5)

HK_TOP = [
    '港島時報網',
    {'menu': ['本港新聞', '中國新聞', '環球新聞', '經濟新聞', '體育新聞', '娛樂新聞'], 'attrs': ' class="hk-nav"'},
]
HK_CRUMBS = ['主頁 > 即時新聞 > 兩岸國際']
HK_INFO = {'inline': ['2020年11月11日 星期三 10:26', '責任編輯：鄭詠欣'], 'sep': '　', 'attrs': ' class="hk-meta"'}
HK_SHARE = {'inline': ['分享：', 'Facebook', 'WhatsApp', 'LINE', '複製連結'], 'sep': ' ', 'attrs': ' class="hk-share"'}
HK_POST = [
    {'heading': '相關報道', 'tag': 'h3'},
    {'links': ['上合峰會首度視訊舉行　八國領導人線上與會', '外交部：中方願與各方落實峰會共識']},
    {'links': ['上一則：國際油價連續第三日上揚', '下一則：亞太經合組織領導人會議將於下週舉行']},
]
HK_BOTTOM = ['本網站內容版權所有，未經許可不得轉載。', '聯絡我們｜私隱政策｜廣告查詢']

# ---------------------------------------------------------------------------------------------
# 17: a scraper mirror that glues its watermark to paragraphs

SC_TOP = ['YL资讯网 - 天下新闻一网打尽',
          {'menu': ['资讯首页', '时政要闻', '国际观察', '社会万象', '娱乐八卦'], 'attrs': ' class="nav2"'}]
SC_INFO = '来源：中国新闻网　作者：佚名　发布时间：2020-11-11 11:47'
SC_MARK = 'YL资讯网——天下新闻一网打尽WWW.YLZX8.NET'
SC_ASIDE = [{'heading': '24小时热文', 'tag': 'h3'},
            {'links': ['这些城市今冬将迎来首场降雪', '双十一快递高峰来了，如何查件？', '专家解读：明年经济走势如何']}]
SC_BOTTOM = ['本站内容来自互联网自动采集，不代表本站立场。', '豫ICP备19028731号']


def page(name, encoding, fmt, shapes, **kw):
    spec = {'name': name, 'encoding': encoding, 'format': fmt, 'base': 'sco-2020', 'shapes': shapes}
    spec.update(kw)
    return spec


def furn(items):
    return [('furn', x) for x in items]


def pages():
    P = []
    # 01: a document-sharing site: metadata of the upload, an online preview whose paragraphs run
    # together, page labels inside the text
    P.append(page('heldout2/01-doc-share.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'doc_sharing', 'breadcrumb', 'heading_like_line',
                   'title_repeated', 'paren_numeral_sections', 'numbered_preamble', 'flattened_paragraphs',
                   'mid_article_furniture', 'icp_footer'],
                  html_template=DOCSHARE, meta_charset='utf-8', page_title='{T}.docx - 文档云库',
                  sections={'style': 'prefix', 'scheme': 'cn_paren', 'number_preamble': True},
                  flatten={'seps': ['　　', ' 　　'], 'rate': 0.75, 'max': 5},
                  para_attrs=' class="doc-p"', mid_furniture=DOC_MID,
                  top=furn(DOC_TOP), crumbs=furn(DOC_CRUMBS),
                  head=[('title', '{T}', 'h1'), ('furn', DOC_INFO), ('furn', DOC_RATE), ('furn', DOC_BUTTONS)],
                  body_pre=[('furn', DOC_PREVIEW), ('title', '{T}', 'p', ' class="doc-p"')],
                  body_post=furn(DOC_AFTER), post=furn(DOC_POST), aside=furn(DOC_ASIDE),
                  bottom=furn(DOC_BOTTOM)))
    # 02: a newspaper's e-paper page: the paper's pages, a kicker and a subtitle around the title,
    # a photo caption, the agency dateline
    P.append(page('heldout2/02-epaper.html', 'gb18030', 'html',
                  ['furniture', 'table_layout', 'epaper', 'lead', 'photo_caption', 'dateline_own_line',
                   'repeated_dateline', 'editor_line', 'prev_next', 'nbsp_indent'],
                  html_template=EPAPER, meta_charset='gb2312', meta_style='http-equiv',
                  doctype='<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
                  page_title='滨江日报数字报-{T}', html_indent='nbsp',
                  heading_html=('p', '', '<b>{}</b>'),
                  top=furn(EP_TOP), crumbs=furn(EP_PAGES),
                  head=[('lead', EP_KICKER), ('title', '{T}', 'h2'), ('lead', EP_SUBTITLE),
                        ('furn', EP_CAPTION)],
                  body_pre=[('dateline', '新华社莫斯科11月10日电', True)],
                  body_post=[('furn', EP_EDITOR)], post=furn(EP_POST), bottom=furn(EP_BOTTOM)))
    # 03: a WeChat article: styled spans, no indent, a news lead with the agency's dateline,
    # invisible characters and entities
    P.append(page('heldout2/03-wechat.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'wechat_article', 'title_fulltext', 'lead', 'lead_intro_line',
                   'dateline_in_lead', 'numbered_headings', 'no_indent', 'invisible_chars', 'html_entities',
                   'share_widgets', 'editor_line', 'mid_article_furniture'],
                  html_template=WECHAT, meta_charset='utf-8', page_title='{T}（全文）', entities=True,
                  indent='', heading_indent='',
                  sections={'style': 'numbered_headings', 'scheme': 'cn_paren'},
                  heading_html=('p', ' style="text-align: center;"',
                                '<strong><span style="color: rgb(171, 25, 66);">{}</span></strong>'),
                  para_wrap='<span style="font-size: 15px; letter-spacing: 1px;">{}</span>',
                  damage=[{'op': 'invisible', 'rate': 0.03, 'target': 'all'}],
                  mid_furniture=[(70, WX_MID)],
                  top=furn(WX_TOP),
                  head=[('title', '{T}（全文）', 'h1', ' class="rich_media_title"'), ('furn', WX_META)],
                  body_pre=[('lead', WX_LEAD), ('lead', WX_INTRO)],
                  body_post=furn(WX_AFTER), post=furn(WX_POST), aside=furn(WX_ASIDE),
                  bottom=furn(WX_BOTTOM)))
    # 04: a government portal: the metadata table (index number, issuing body, dates), the date
    # under the title, a heading-like line, the Xinhua line in ASCII parentheses
    P.append(page('heldout2/04-gov-portal.html', 'utf-16le', 'html',
                  ['furniture', 'table_layout', 'gov_portal', 'infobox_rows', 'breadcrumb', 'date_at_top',
                   'heading_like_line', 'dateline_parenthesised', 'icp_footer'],
                  html_template=GOV, meta_charset='UTF-16', page_title='{T}_外事文件_滨海市人民政府外事办公室',
                  date_position='top', closing_source='ascii_parens',
                  top=furn(GOV_TOP), crumbs=furn(GOV_CRUMBS),
                  head=[('furn', GOV_META), ('title', '{T}', 'h1'), ('date_top', 'p'), ('furn', GOV_INFO),
                        ('furn', GOV_FONT)],
                  body_pre=[('furn', GOV_BEFORE)],
                  body_post=furn(GOV_AFTER), post=furn(GOV_POST), bottom=furn(GOV_BOTTOM)))
    # 05: an encyclopedia entry in Traditional characters (Big5): infobox rows, contents,
    # sections with edit links, a summary repeating the text's start
    P.append(page('heldout2/05-wiki-infobox.html', 'big5', 'html',
                  ['traditional_twp', 'furniture', 'semantic_html', 'encyclopedia', 'infobox_rows',
                   'wiki_header', 'title_guillemets', 'lead', 'summary_line', 'heading_like_line',
                   'no_closing_source'],
                  script='trad', html_template=WIKI2, meta_charset='big5', page_title='{T} - 自由百科',
                  closing_source='none', heading_html=('p', '', '<b>{}</b>'),
                  top=furn(WK_TOP),
                  head=[('title', '《{T}》', 'h1')] + furn(WK_HEAD_AFTER) + [('lead', WK_LEAD)] + furn(WK_TOC),
                  body_pre=[('furn', WK_BG_HEAD), ('lead', WK_BG), ('furn', WK_POINTS_HEAD),
                            ('furn', WK_POINTS), ('furn', WK_TEXT_HEAD)],
                  post=furn(WK_POST), aside=furn(WK_ASIDE), bottom=furn(WK_BOTTOM)))
    # 06: a forum thread: the poster's profile, floor labels, <br>-separated text, replies
    P.append(page('heldout2/06-forum-repost.html', 'gb18030', 'html',
                  ['furniture', 'table_layout', 'forum_repost', 'breadcrumb', 'lead', 'lead_intro_line',
                   'title_repeated', 'dateline_in_paragraph', 'repeated_dateline', 'br_paragraphs',
                   'ordinal_sections'],
                  html_template=FORUM, meta_charset='gbk', meta_style='http-equiv',
                  page_title='{T} - 国际风云 - 国际观察论坛 - Powered by Discuz!',
                  article_mode='br', br='<br />\n<br />',
                  sections={'style': 'prefix', 'scheme': 'ordinal'},
                  dateline_in_paragraph={'text': '新华社莫斯科11月10日电', 'sep': '　'},
                  top=furn(BBS_TOP), crumbs=furn(BBS_CRUMBS) + furn(BBS_HEAD) + [('title', '{T}', 'h1')],
                  head=furn(BBS_USER),
                  body_pre=furn(BBS_POST_META) + [('lead', BBS_INTRO), ('title', '{T}', 'p')],
                  body_post=furn(BBS_AFTER), post=furn(BBS_REPLIES), bottom=furn(BBS_BOTTOM)))
    # 07: a PDF saved as text: 28 characters a line, 22 lines a page, a running header and
    # 第 n 页 共 N 页 footers, CRLF
    P.append(page('heldout2/07-pdf-text.txt', 'gb18030', 'text',
                  ['furniture', 'pdf_export', 'page_headers', 'hard_wrapped', 'title_once', 'place_date',
                   'numbered_headings', 'crlf'],
                  eol='\r\n', title_indent='            ',
                  sections={'style': 'numbered_headings', 'scheme': 'cn_dun'},
                  pdf={'width': 28, 'lines': 22, 'header': ('furn', PDF_CN_HEADER), 'header_gap': True,
                       'header_indent': '                    ',
                       'footer': '第 {n} 页 共 {N} 页', 'footer_gap': True,
                       'footer_indent': '                         '},
                  head=[('title', '{T}'), ('place_date', '（2020年11月10日　莫斯科）')]))
    # 08: a PDF saved as text, Traditional (Big5): the title as running header from page 2,
    # - n - page numbers, an attachment label before the title
    P.append(page('heldout2/08-pdf-trad.txt', 'big5', 'text',
                  ['traditional_twp', 'furniture', 'pdf_export', 'page_headers', 'hard_wrapped',
                   'heading_like_line', 'title_repeated', 'dateline_traditional', 'dateline_own_line',
                   'repeated_dateline'],
                  script='trad', title_indent='        ',
                  pdf={'width': 30, 'lines': 28, 'header': ('title', '{T}'), 'header_first': False,
                       'header_indent': '                ', 'footer': '- {n} -',
                       'footer_indent': '                              '},
                  top=[('furn', PDF_TW_TOP)],
                  head=[('title', '{T}'), ('dateline', '新華社莫斯科11月10日電', True)]))
    # 09: a machine-translated mirror: English interface left untranslated, a lead that switches
    # language mid-sentence, a machine translation under every paragraph
    P.append(page('heldout2/09-machine-translated.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'machine_translated', 'bilingual_lines', 'lead',
                   'lead_intro_line', 'share_widgets'],
                  html_template=WORDPRESS, meta_charset='UTF-8', html_attrs=' lang="en-US"',
                  page_title='{T} – Asia Desk Daily',
                  bilingual='lines', english=ENGLISH_MT, english_attrs=' class="mt-translation"',
                  top=furn(WP_TOP),
                  head=[('english', ENGLISH_MT['title'], 'h1'), ('title', '{T}', 'h2'), ('furn', WP_META)],
                  body_pre=[('lead', WP_LEADS[0]), ('lead', WP_LEADS[1])],
                  body_post=furn(WP_AFTER), post=furn(WP_POST), aside=furn(WP_ASIDE),
                  bottom=furn(WP_BOTTOM)))
    # 10: a text export: the title next to the dateline, heading-like lines and an abstract
    # before the text, bare numerals, blank lines
    P.append(page('heldout2/10-heading-lines.txt', 'utf-16le', 'text',
                  ['furniture', 'title_with_dateline', 'repeated_dateline', 'heading_like_line',
                   'bare_numeral_sections', 'numbered_preamble', 'blank_line_separated'],
                  blank_lines=True, sections={'style': 'bare', 'number_preamble': True},
                  top=furn(TXT_TOP),
                  head=[('title_dateline', '{T}', '新华社莫斯科11月10日电', '　', True)] + furn(TXT_HEAD_AFTER),
                  body_post=furn(TXT_AFTER)))
    # 11: a Traditional study site: Chinese and English in a two-column table, UTF-16
    P.append(page('heldout2/11-bilingual-table-trad.html', 'utf-16le', 'html',
                  ['traditional_twp', 'furniture', 'plain_html', 'breadcrumb', 'bilingual_table',
                   'dateline_traditional', 'dateline_own_line', 'repeated_dateline'],
                  script='trad', html_template=LEARN, meta_charset='utf-16', page_title='{T}（中英對照）',
                  bilingual='table', english=ENGLISH_REF,
                  top=furn(TWL_TOP), crumbs=furn(TWL_CRUMBS),
                  head=[('title', '{T}（中英對照）', 'h1'), ('furn', TWL_INFO), ('english', ENGLISH_REF['title'], 'h2'),
                        ('dateline', '新華社莫斯科11月10日電', True)],
                  post=furn(TWL_POST), bottom=furn(TWL_BOTTOM)))
    # 12: the two-column table saved as text; 一、 alone as section markers
    P.append(page('heldout2/12-bilingual-tab-markers.txt', 'utf-8', 'text',
                  ['furniture', 'bilingual_tab_text', 'number_only_headings', 'title_guillemets'],
                  bilingual='table', english=ENGLISH_REF,
                  sections={'style': 'bare', 'scheme': 'cn_dun_bare'},
                  top=furn(TAB_TOP),
                  head=[('title', '《{T}》'), ('english', ENGLISH_REF['title'])],
                  bottom=furn(TAB_BOTTOM)))
    # 13: our revision typed into a text file: a dated header and a lead with ○ for 〇, no indent
    P.append(page('heldout2/13-rev1-ring-lead.txt', 'utf-8', 'text',
                  ['furniture', 'title_once', 'lead', 'lead_intro_line', 'ring_for_zero', 'no_indent'],
                  base='rev1', indent='', closing_source='none',
                  damage=[{'op': 'ring_zero', 'target': 'furniture'}],
                  top=[('furn', REV_TOP)],
                  head=[('title', '{T}')],
                  body_pre=[('lead', REV_LEAD), ('lead', REV_INTRO)],
                  bottom=[('furn', REV_BOTTOM)]))
    # 14: our revision on a pinyin-annotating mirror: a pinyin line under the title, 一、 opening
    # each section's first paragraph
    P.append(page('heldout2/14-rev1-pinyin-prefix.html', 'gb18030', 'html',
                  ['furniture', 'semantic_html', 'pinyin_annotations', 'pinyin_line',
                   'numbered_paragraph_sections'],
                  base='rev1', html_template=HKNEWS, meta_charset='gb18030',
                  page_title='{T}（注音版）- 汉语拼音资讯站',
                  sections={'style': 'prefix', 'scheme': 'cn_dun'},
                  damage=[{'op': 'pinyin', 'chars': '发进协织', 'target': 'all'}],
                  top=furn(PY_TOP),
                  head=[('title', '{T}', 'h1'), ('pinyin', PY_LINE, 'p'), ('furn', PY_INFO)],
                  post=furn(PY_POST), bottom=furn(PY_BOTTOM)))
    # 15: a Notepad save: UTF-8 BOM, CRLF, ASCII-space indents, every paragraph numbered
    P.append(page('heldout2/15-notepad-numbered.txt', 'utf-8', 'text',
                  ['furniture', 'utf8_bom', 'crlf', 'ascii_indent', 'paragraph_numbering', 'title_fulltext'],
                  bom=True, eol='\r\n', indent='  ', paragraph_numbering='arabic_dot_space',
                  head=[('title', '{T}（全文）')] + furn(NOTE_TOP),
                  bottom=furn(NOTE_BOTTOM)))
    # 16: a Hong Kong news site (Big5): another agency's dateline leading the first paragraph,
    # the Xinhua line at the end being the declaration's own
    P.append(page('heldout2/16-hk-relay.html', 'big5', 'html',
                  ['traditional_twp', 'furniture', 'semantic_html', 'breadcrumb', 'share_widgets',
                   'editor_line', 'prev_next', 'dateline_traditional', 'dateline_in_paragraph',
                   'extra_dateline'],
                  script='trad', html_template=HKNEWS, meta_charset='big5', page_title='{T}｜港島時報網',
                  dateline_in_paragraph={'text': '華夏社香港11月11日電', 'sep': '　', 'own': False},
                  top=furn(HK_TOP), crumbs=furn(HK_CRUMBS),
                  head=[('title', '{T}', 'h1'), ('furn', HK_INFO), ('furn', HK_SHARE)],
                  post=furn(HK_POST), bottom=furn(HK_BOTTOM)))
    # 17: a scraper mirror: its watermark glued to some paragraphs, 1. 2. 3. sections, ASCII and
    # doubled punctuation
    P.append(page('heldout2/17-scraper-watermark.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'appended_watermark', 'title_repeated',
                   'arabic_numbered_sections', 'ascii_punctuation', 'doubled_punctuation',
                   'comma_period_pairs'],
                  html_template=MIRROR, meta_charset='utf-8', page_title='{T}_YL资讯网',
                  sections={'style': 'prefix', 'scheme': 'arabic_dot'},
                  para_suffix={'every': 9, 'offset': 4, 'text': SC_MARK},
                  damage=[{'op': 'ascii_punct', 'rate': 0.45},
                          {'op': 'double_punct', 'rate': 0.12, 'target': 'all'},
                          {'op': 'comma_period', 'rate': 0.2}],
                  top=furn(SC_TOP),
                  head=[('title', '{T}', 'h1'), ('furn', SC_INFO)],
                  body_pre=[('title', '{T}', 'p', ' style="text-align:center"', '<strong>{}</strong>')],
                  aside=furn(SC_ASIDE), bottom=furn(SC_BOTTOM)))
    return P
