"""Development set: phrase pools and page specifications (written by the decldiff project).

Every furniture string, lead and title variant below is our own illustrative wording in the
register of real pages (see SHAPES.md); none is copied from a real page.  {T} stands for the
declaration's title in the page's script.
"""

# ---------------------------------------------------------------------------------------------
# HTML skeletons

SEMANTIC = '''<body>
<header class="site-header">
{top}
</header>
<nav class="breadcrumb">
{crumbs}
</nav>
<main class="main">
<article class="news">
<header class="news-head">
{head}
</header>
<div class="news-body" id="content">
{body_pre}
{article}
{body_post}
</div>
<footer class="news-foot">
{post}
</footer>
</article>
<aside class="sidebar">
{aside}
</aside>
</main>
<footer class="site-footer">
{bottom}
</footer>
<script src="/js/stat.js"></script>
</body>'''

PLAIN = '''<body>
<div class="topbar">
{top}
</div>
<div class="w980 mt10">
<div class="location">
{crumbs}
</div>
<div class="con_left">
<div class="title_area">
{head}
</div>
<div class="TRS_Editor">
{body_pre}
{article}
{body_post}
</div>
<div class="bottom_area">
{post}
</div>
</div>
<div class="con_right">
{aside}
</div>
</div>
<div class="foot">
{bottom}
</div>
<script type="text/javascript">var pageId = 4817;</script>
</body>'''

TABLE = '''<body bgcolor="#FFFFFF">
<table width="960" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td>
{top}
</td></tr>
<tr><td class="dh">
{crumbs}
</td></tr>
<tr><td>
<table width="100%" border="0">
<tr><td class="bt">
{head}
</td></tr>
<tr><td class="zw">
{body_pre}
{article}
{body_post}
</td></tr>
<tr><td>
{post}
</td></tr>
</table>
</td></tr>
<tr><td>
{aside}
</td></tr>
<tr><td class="bq">
{bottom}
</td></tr>
</table>
</body>'''

WIKI = '''<body class="skin-plain">
<header class="wiki-header">
{top}
</header>
<div class="wiki-page">
<nav class="wiki-crumbs">
{crumbs}
</nav>
<main id="content">
<header>
{head}
</header>
<div class="prose">
{body_pre}
{article}
{body_post}
</div>
<div class="catlinks">
{post}
</div>
</main>
<aside class="wiki-tools">
{aside}
</aside>
</div>
<footer class="wiki-footer">
{bottom}
</footer>
</body>'''

# ---------------------------------------------------------------------------------------------
# English lines (bilingual pages): illustrative, not a translation

ENGLISH = {
    'openers': [
        ('成员国高度评价', 'the member states spoke highly of the work on {}'),
        ('成员国积极评价', 'the member states welcomed the results achieved on {}'),
        ('成员国坚定支持', 'the member states firmly support efforts on {}'),
        ('成员国重申', 'the member states reaffirmed their commitments on {}'),
        ('成员国强调', 'the member states stressed the importance of {}'),
        ('成员国指出', 'the member states noted developments concerning {}'),
        ('成员国认为', 'the member states consider cooperation on {} important'),
        ('成员国支持', 'the member states support cooperation on {}'),
        ('成员国欢迎', 'the member states welcomed initiatives on {}'),
        ('成员国注意到', 'the member states took note of proposals on {}'),
        ('成员国将', 'the member states will continue to work on {}'),
        ('成员国愿', 'the member states are ready to cooperate on {}'),
        ('成员国倡导', 'the member states advocate dialogue on {}'),
        ('成员国呼吁', 'the member states called for joint action on {}'),
        ('成员国对', 'the member states expressed concern regarding {}'),
        ('成员国意识到', 'the member states recognise the challenges of {}'),
        ('成员国一致同意', 'the member states agreed to deepen cooperation on {}'),
        ('成员国反对', 'the member states oppose the politicisation of {}'),
        ('成员国特别指出', 'the member states pointed in particular to {}'),
        ('成员国在', 'the member states set out their position on {}'),
        ('上合组织', 'the SCO reaffirmed its role with regard to {}'),
        ('为此', 'to this end, the member states acted on {}'),
        ('作为', 'as responsible members of the international community, the member states addressed {}'),
        ('根据', 'in line with earlier agreements, the member states addressed {}'),
        ('哈萨克斯坦共和国', 'several member states reaffirmed their support for {}'),
        ('在此背景下', 'against this background, the member states addressed {}'),
        ('为提高', 'to raise efficiency, the member states addressed {}'),
    ],
    'default': 'the member states set out their views on {}',
    'fallback': {
        'preamble': 'the state of international relations', '安全合作': 'regional security',
        '议会合作': 'parliamentary ties', '司法合作': 'judicial cooperation',
        '经贸合作': 'economic cooperation', '人文合作': 'people-to-people exchanges',
        '人文交流合作': 'people-to-people exchanges', '国际交往': 'external relations',
        '*': 'the questions raised',
    },
    'headings': {
        '安全合作': 'Security cooperation', '议会合作': 'Parliamentary cooperation',
        '司法合作': 'Judicial cooperation', '经贸合作': 'Trade and economic cooperation',
        '人文合作': 'Cultural and humanitarian cooperation',
        '人文交流合作': 'Cultural and humanitarian exchanges', '国际交往': 'International contacts',
    },
    'date': '10 November 2020',
    'title': 'Moscow Declaration of the SCO Council of Heads of State',
}

# ---------------------------------------------------------------------------------------------
# Furniture

NEWS_TOP = [
    {'menu': ['首页', '时政', '国际', '财经', '评论', '图片', '视频', '专题'], 'sep': ' | '},
]
NEWS_CRUMBS = ['当前位置：首页 > 国际频道 > 正文']
NEWS_INFO = {'inline': ['2020-11-11 06:58:12', '来源：新华网'], 'attrs': ' class="info"'}
NEWS_SHARE = {'inline': ['分享到：', '微信', '微博', 'QQ空间'], 'attrs': ' class="share"',
              'tags': ['span', 'a href="#wx"', 'a href="#wb"', 'a href="#qz"']}
NEWS_FONT = {'inline': ['【字号', '大', '中', '小】'], 'attrs': ' class="fontsize"'}
NEWS_POST = [
    '【责任编辑：刘明远】',
    {'inline': ['【打印】', '【关闭】', '【纠错】'], 'attrs': ' class="tools"'},
    {'links': ['上一篇：外交部发言人就上合组织视频峰会答记者问',
               '下一篇：综述：抗疫合作成为本次上合峰会的关键词']},
]
NEWS_ASIDE = [
    {'heading': '相关新闻'},
    {'links': ['上合组织秘书长：视频峰会开创了组织历史上的先例',
               '图解：上海合作组织成立以来的十九次元首会议',
               '专家解读莫斯科峰会成果文件']},
    {'heading': '热点排行'},
    {'links': ['1 今冬首场寒潮将影响我国中东部', '2 第三届进口博览会落幕', '3 多地发布流感防控提示']},
]
NEWS_BOTTOM = [
    {'menu': ['关于我们', '联系我们', '网站声明', '广告服务', '网站地图'], 'sep': ' | '},
    '版权所有 © 2020 环球时讯网 All Rights Reserved',
    '京ICP备05071234号-3　京公网安备11010502034567号',
]

PORTAL_TOP = [
    '设为首页 | 加入收藏 | 手机版 | 无障碍浏览',
    {'menu': ['新闻中心', '本地', '国内', '国际', '专题', '图片', '论坛'], 'sep': '  '},
]
PORTAL_CRUMBS = ['您现在的位置：海峡视点网 >> 新闻中心 >> 国际新闻']
PORTAL_INFO = {'inline': ['发布时间：2020年11月11日 08:15', '来源：新华社', '作者：'],
               'attrs': ' class="msg"'}
PORTAL_POST = [
    '责任编辑：王晓东　审核：陈立',
    {'inline': ['打印本页', '关闭窗口'], 'attrs': ' class="print"'},
]
PORTAL_BOTTOM = [
    '主办单位：海峡视点报社　版权所有　未经授权禁止转载',
    'Copyright © 2008-2020 All Rights Reserved　闽ICP备09012345号-1',
    '违法和不良信息举报电话：0591-87650000',
]

ACADEMIC_TOP = [
    {'menu': ['首页', '学术动态', '期刊文献', '国际问题', '资料库', '联系我们'], 'sep': ' '},
]
ACADEMIC_CRUMBS = ['首页 > 资料库 > 重要文件']
ACADEMIC_HEAD_AFTER = [
    '内容摘要：上海合作组织（以下称“上合组织”或“本组织”）成员国领导人于2020年11月10日以视频方式举行元首理事会会议，并发表宣言如下：……',
    '关键词：上合组织；成员国；元首理事会；莫斯科宣言',
    '作者简介：',
]
ACADEMIC_POST = [
    '（本文转载自新华网，仅供学术研究参考）',
    {'inline': ['点击率：2316', '【打印】', '【关闭】']},
]
ACADEMIC_BOTTOM = [
    '国际问题研究资料中心　版权所有',
    '地址：北京市海淀区学院路35号　邮编：100083',
    '京ICP备12004567号',
]

TEXTSITE_TOP = ['资料中心 - 文献全文', '首页　|　法规　|　文献　|　论文　|　下载']

# ---------------------------------------------------------------------------------------------
# Leads (journalism before the declaration)

LEAD_XH = ('新华社莫斯科11月10日电　上海合作组织成员国元首理事会第二十次会议10日以视频方式举行。'
           '会议由轮值主席国俄罗斯主持，各成员国领导人出席并签署发表《{T}》。')
LEAD_LOCAL = [
    '本网讯　11月10日晚，上海合作组织成员国元首理事会第二十次会议以视频方式召开。这是上合组织成立以来首次以视频方式举行元首理事会会议。',
    '与会各方围绕抗击疫情、维护地区安全和推动务实合作等议题深入交换意见，会议通过了莫斯科宣言等一系列文件。',
]
LEAD_ASCII = [
    '上合组织峰会首次“云端”举行；各方达成了哪些共识？',
    '11月10日，上海合作组织成员国领导人以视频连线方式举行元首理事会会议，会议通过并发表了莫斯科宣言。宣言涉及安全、经贸、人文等多个领域。一起来看！',
]
LEAD_RING = '二〇二〇年十一月十日，上海合作组织成员国元首理事会会议以视频方式举行，会议发表莫斯科宣言。以下为宣言全文。'
LEAD_MIRROR = ('中新网11月11日电　据新华社消息，上海合作组织成员国元首理事会第二十次会议10日以视频方式举行，'
               '成员国领导人通过了《{T}》，宣布由塔吉克斯坦接任轮值主席国。')
LEAD_DECL_LIKE = '据新华社报道，上合组织成员国领导人10日通过视频连线举行峰会，并发表莫斯科宣言如下：'

# ---------------------------------------------------------------------------------------------
# Traditional furniture

TW_TOP = [
    {'menu': ['兩岸時評網', '首頁', '新聞', '評論', '兩岸', '國際', '專題'], 'sep': '｜'},
]
TW_INFO = '2020-11-11 09:41:06　來源：兩岸時評網　字級：大 中 小'
TW_POST = ['（編輯：林佳穎）', '【列印】【轉寄】【關閉】']
TW_BOTTOM = ['關於我們｜聯絡我們｜隱私權政策', 'Copyright 2020 兩岸時評網 版權所有，轉載請註明出處']

WS_TOP = [
    {'inline': ['跳至內容'], 'tags': ['a href="#content"'], 'attrs': ' class="skip"'},
    {'menu': ['主選單', '首頁', '隨機頁面', '最近更改', '說明'], 'sep': ' '},
]
WS_HEAD_AFTER = ['開放文獻館，人人可讀的典籍']
WS_NAV = '←上海合作組織成員國元首理事會比什凱克宣言　｜　上海合作組織成員國元首理事會杜尚別宣言→'
WS_POST = ['本作品是政府正式文件，屬於公有領域。', '分類：上海合作組織文件　2020年文件']
WS_ASIDE = [{'links': ['編輯', '檢視歷史', '下載PDF', '列印版本']}]
WS_BOTTOM = ['本頁面最後修訂於2023年5月2日 (星期二) 14:07。', '隱私政策　關於本站　免責聲明']

ENC_TW_TOP = [{'menu': ['知識百科', '首頁', '分類', '熱門詞條', '登入'], 'sep': ' '}]
ENC_TW_BOX = [
    {'heading': '基本介紹', 'tag': 'h2'},
    {'rows': [['中文名', '{T}'],
              ['外文名', 'Moscow Declaration of the SCO Heads of State Council'],
              ['簽署時間', '2020年11月10日'],
              ['簽署方式', '視訊會議']]},
    {'heading': '目錄', 'tag': 'h2'},
    {'links': ['1 宣言背景', '2 宣言全文']},
    {'heading': '宣言背景', 'tag': 'h2'},
]
ENC_TW_BG = '2020年11月10日，上海合作組織成員國元首理事會第二十次會議以視訊方式舉行，成員國領導人簽署並發表了此宣言。'
ENC_TW_POST = [{'heading': '相關詞條', 'tag': 'h2'},
               {'links': ['上海合作組織', '上海精神', '上海合作組織憲章']},
               '本站詞條內容僅供參考，如有疑問請以官方發布為準。']
ENC_TW_BOTTOM = ['© 2020 知識百科　聯絡我們　意見回饋']

ENC_CN_TOP = [{'menu': ['百科首页', '分类', '特色词条', '帮助', '登录'], 'sep': ' | '}]
ENC_CN_BOX = [
    {'heading': '基本信息', 'tag': 'h2'},
    {'rows': [['中文名称', '{T}'], ['签署地点', '视频会议（主席国俄罗斯）'], ['发布机构', '上海合作组织']]},
    {'heading': '目录', 'tag': 'h2'},
    {'links': ['1 简介', '2 全文', '3 参考资料']},
    {'heading': '简介', 'tag': 'h2'},
    {'para': '该宣言是上海合作组织成员国元首理事会第二十次会议的主要成果文件，阐述了成员国在安全、经贸、人文等领域合作的共同立场。'},
    {'heading': '全文', 'tag': 'h2'},
]
ENC_CN_POST = [{'heading': '参考资料', 'tag': 'h2'},
               {'links': ['1. 新华网．上合组织成员国元首理事会莫斯科宣言．2020-11-11']},
               '词条标签：国际组织　外交文件']
ENC_CN_BOTTOM = ['© 2020 知识百科　使用前必读　百科协议　京ICP证030173号']

CMS_TOP = ['欢迎访问北方信息港！今天是：2020年11月11日 星期三',
           {'menu': ['首页', '新闻', '政务', '经济', '文化', '视频'], 'sep': ' | '}]
CMS_CAPTION = {'caption': '11月10日晚，上海合作组织成员国元首理事会第二十次会议以视频方式举行。（资料图片）'}
CMS_MID = {'links': ['相关阅读：上合组织成员国领导人通过多份声明', '相关阅读：视频峰会背后的技术保障']}
CMS_POST = [{'links': ['上一篇：国务院常务会议部署冬季疫情防控', '下一篇：十四个专项行动助力冬季供暖']},
            '【编辑：赵婷】']
CMS_BOTTOM = ['北方信息港　版权所有　黑ICP备06002378号', '本站信息均来源于互联网，如有侵权请联系删除。']

MIRROR_TOP = ['资讯聚合站 - 每日要闻', {'menu': ['首页', '国内', '国际', '社会', '娱乐'], 'sep': ' - '}]
MIRROR_INFO = '2020-11-11 10:20　来源：中国新闻网　阅读：1053'
MIRROR_BOTTOM = ['本站部分内容转载自网络，版权归原作者所有。', '粤ICP备18012345号']


def page(name, encoding, fmt, shapes, **kw):
    spec = {'name': name, 'encoding': encoding, 'format': fmt, 'base': 'sco-2020', 'shapes': shapes}
    spec.update(kw)
    return spec


def pages():
    P = []
    # 01: the article only, as a user copies it from a clean source page
    P.append(page('dev/01-clean-title.txt', 'utf-8', 'text',
                  ['title_once', 'dateline_own_line', 'repeated_dateline'],
                  head=[('title', '{T}'), ('dateline', '新华社莫斯科11月10日电', True)]))
    # 02: a news portal, semantic HTML
    P.append(page('dev/02-news-semantic.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'breadcrumb', 'share_widgets', 'editor_line',
                   'prev_next', 'icp_footer', 'title_repeated', 'title_fulltext',
                   'dateline_own_line', 'repeated_dateline'],
                  html_template=SEMANTIC, meta_charset='utf-8', page_title='{T}（全文）-环球时讯网',
                  top=[('furn', x) for x in NEWS_TOP],
                  crumbs=[('furn', x) for x in NEWS_CRUMBS],
                  head=[('title', '{T}（全文）', 'h1'), ('furn', NEWS_INFO), ('furn', NEWS_SHARE),
                        ('furn', NEWS_FONT)],
                  body_pre=[('dateline', '新华社莫斯科11月10日电', True),
                            ('title', '{T}', 'p', ' style="text-align:center"', '<strong>{}</strong>')],
                  post=[('furn', x) for x in NEWS_POST],
                  aside=[('furn', x) for x in NEWS_ASIDE],
                  bottom=[('furn', x) for x in NEWS_BOTTOM]))
    # 03: a provincial portal, furniture in plain divs, a news lead with the agency's dateline
    P.append(page('dev/03-portal-lead.html', 'gb18030', 'html',
                  ['furniture', 'plain_html', 'lead', 'lead_intro_line', 'dateline_in_lead'],
                  html_template=PLAIN, meta_charset='gb2312', meta_style='http-equiv',
                  doctype='<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                          '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
                  html_attrs=' xmlns="http://www.w3.org/1999/xhtml"',
                  page_title='{T}_国际新闻_海峡视点网',
                  top=[('furn', x) for x in PORTAL_TOP], crumbs=[('furn', x) for x in PORTAL_CRUMBS],
                  head=[('title', '{T}', 'h1'), ('furn', PORTAL_INFO)],
                  body_pre=[('lead', LEAD_XH, '　　'), ('lead', '宣言全文如下：', '　　')],
                  post=[('furn', x) for x in PORTAL_POST], bottom=[('furn', x) for x in PORTAL_BOTTOM]))
    # 04: saved as text from a portal: 《title》全文, a two-paragraph lead, CRLF
    P.append(page('dev/04-lead.txt', 'gb18030', 'text',
                  ['furniture', 'title_guillemets', 'title_repeated', 'lead', 'lead_intro_line', 'crlf'],
                  eol='\r\n',
                  top=[('furn', x) for x in PORTAL_TOP], crumbs=[('furn', x) for x in PORTAL_CRUMBS],
                  head=[('title', '《{T}》全文'), ('furn', '发布时间：2020年11月11日 08:15　来源：新华社')],
                  body_pre=[('lead', LEAD_LOCAL[0], '　　'), ('lead', LEAD_LOCAL[1], '　　'),
                            ('lead', '现将宣言全文刊发如下：', '　　'), ('title', '{T}')],
                  post=[('furn', x) for x in PORTAL_POST], bottom=[('furn', x) for x in PORTAL_BOTTOM]))
    # 05: the dateline at the start of the first paragraph, no closing source line
    P.append(page('dev/05-dateline-in-paragraph.txt', 'utf-8', 'text',
                  ['dateline_in_paragraph', 'no_closing_source'],
                  head=[('title', '{T}')],
                  dateline_in_paragraph={'text': '新华社莫斯科11月10日电', 'sep': '　'},
                  closing_source='none'))
    # 06: an academic reprint: bare numerals instead of titled headings
    P.append(page('dev/06-bare-numerals.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'bare_numeral_sections', 'summary_line'],
                  html_template=SEMANTIC, meta_charset='UTF-8', page_title='{T} - 国际问题研究资料中心',
                  sections={'style': 'bare'}, heading_html=('p', ' align="center"', '{}'),
                  top=[('furn', x) for x in ACADEMIC_TOP], crumbs=[('furn', x) for x in ACADEMIC_CRUMBS],
                  head=[('title', '{T}', 'h1')] + [('furn', x) for x in ACADEMIC_HEAD_AFTER],
                  post=[('furn', x) for x in ACADEMIC_POST], bottom=[('furn', x) for x in ACADEMIC_BOTTOM]))
    # 07: bare numerals, the preamble numbered too; blank lines between blocks
    P.append(page('dev/07-bare-numerals-preamble.txt', 'gb18030', 'text',
                  ['bare_numeral_sections', 'numbered_preamble', 'blank_line_separated',
                   'title_repeated', 'furniture'],
                  blank_lines=True, sections={'style': 'bare', 'number_preamble': True},
                  top=[('furn', x) for x in TEXTSITE_TOP],
                  head=[('title', '{T}'), ('furn', '2020-11-11　资料中心整理'), ('title', '{T}')]))
    # 08: 一、 at the start of each section's first paragraph; a place-and-date line; UTF-16
    P.append(page('dev/08-prefix-numbered.txt', 'utf-16le', 'text',
                  ['numbered_paragraph_sections', 'place_date'],
                  sections={'style': 'prefix', 'scheme': 'cn_dun'},
                  head=[('title', '{T}'), ('place_date', '（2020年11月10日，莫斯科）')]))
    # 09: （一） numbering, preamble numbered, plain divs
    P.append(page('dev/09-paren-numerals.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'paren_numeral_sections', 'numbered_preamble'],
                  html_template=PLAIN, meta_charset='utf-8', page_title='{T}_海峡视点网',
                  sections={'style': 'prefix', 'scheme': 'cn_paren', 'number_preamble': True},
                  top=[('furn', x) for x in PORTAL_TOP], crumbs=[('furn', x) for x in PORTAL_CRUMBS],
                  head=[('title', '{T}', 'h2'), ('furn', PORTAL_INFO)],
                  post=[('furn', x) for x in PORTAL_POST], bottom=[('furn', x) for x in PORTAL_BOTTOM]))
    # 10: 第一， numbering in an old table layout
    P.append(page('dev/10-ordinal.html', 'gb18030', 'html',
                  ['furniture', 'table_layout', 'ordinal_sections'],
                  html_template=TABLE, meta_charset='gbk', meta_style='http-equiv',
                  doctype='<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
                  page_title='{T}--北方信息港',
                  sections={'style': 'prefix', 'scheme': 'ordinal'}, furn_tag='div',
                  top=[('furn', x) for x in CMS_TOP],
                  head=[('title', '{T}', 'div', ' class="bt"'),
                        ('furn', '2020年11月11日 08:02　北方信息港')],
                  post=[('furn', x) for x in CMS_POST], bottom=[('furn', x) for x in CMS_BOTTOM]))
    # 11: 1. 2. 3. numbering of the sections, no indent
    P.append(page('dev/11-arabic-sections.txt', 'utf-8', 'text',
                  ['arabic_numbered_sections', 'no_indent'],
                  indent='', sections={'style': 'prefix', 'scheme': 'arabic_dot'},
                  head=[('title', '{T}'), ('dateline', '新华社莫斯科11月10日电', True)]))
    # 12: 一、安全合作 headings; UTF-16 HTML saved by an old browser (charset=unicode)
    P.append(page('dev/12-numbered-headings.html', 'utf-16le', 'html',
                  ['furniture', 'semantic_html', 'numbered_headings', 'title_repeated',
                   'title_fulltext', 'dateline_own_line', 'repeated_dateline'],
                  html_template=SEMANTIC, meta_charset='unicode', meta_style='http-equiv',
                  page_title='{T}（全文）',
                  sections={'style': 'numbered_headings', 'scheme': 'cn_dun'},
                  heading_html=('h3', '', '{}'), heading_indent='',
                  top=[('furn', x) for x in NEWS_TOP], crumbs=[('furn', x) for x in NEWS_CRUMBS],
                  head=[('title', '{T}（全文）', 'h1'), ('furn', NEWS_INFO), ('furn', NEWS_SHARE)],
                  body_pre=[('dateline', '新华社莫斯科11月10日电', True), ('title', '{T}', 'h2')],
                  post=[('furn', x) for x in NEWS_POST], bottom=[('furn', x) for x in NEWS_BOTTOM]))
    # 13: paragraphs run together on a line, ASCII spaces between them
    P.append(page('dev/13-flattened-ascii.txt', 'utf-8', 'text',
                  ['flattened_paragraphs'],
                  flatten={'seps': [' '], 'rate': 0.8, 'max': 4},
                  head=[('title', '{T}')]))
    # 14: runs joined by ideographic spaces; the title next to the dateline
    P.append(page('dev/14-flattened-idsp.txt', 'gb18030', 'text',
                  ['flattened_paragraphs', 'title_with_dateline', 'repeated_dateline', 'furniture'],
                  flatten={'seps': ['　', '　　'], 'rate': 0.6, 'max': 3},
                  top=[('furn', x) for x in TEXTSITE_TOP],
                  head=[('title_dateline', '{T}', '（新华社莫斯科11月10日电）', '', True)],
                  bottom=[('furn', '资料中心　版权所有　京ICP备12004567号')]))
    # 15: a mirror that writes pinyin after some characters; a pinyin line under the title
    P.append(page('dev/15-pinyin.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'pinyin_annotations', 'pinyin_line'],
                  html_template=PLAIN, meta_charset='utf-8', page_title='{T} - 资讯聚合站',
                  damage=[{'op': 'pinyin', 'chars': '国会关务统际', 'target': 'all'}],
                  top=[('furn', x) for x in MIRROR_TOP],
                  head=[('title', '{T}', 'h1'),
                        ('pinyin', 'shàng hǎi hé zuò zǔ zhī chéng yuán guó '
                                   'yuán shǒu lǐ shì huì mò sī kē xuān yán'),
                        ('furn', MIRROR_INFO)],
                  bottom=[('furn', x) for x in MIRROR_BOTTOM]))
    # 16: doubled punctuation and "，。" pairs
    P.append(page('dev/16-doubled-punctuation.txt', 'utf-8', 'text',
                  ['doubled_punctuation', 'comma_period_pairs', 'furniture'],
                  damage=[{'op': 'double_punct', 'rate': 0.2}, {'op': 'comma_period', 'rate': 0.3}],
                  top=[('furn', x) for x in MIRROR_TOP],
                  head=[('title', '{T}'), ('furn', MIRROR_INFO)],
                  bottom=[('furn', x) for x in MIRROR_BOTTOM]))
    # 17: ASCII punctuation mixed with full-width, in the text and the lead
    P.append(page('dev/17-ascii-punctuation.html', 'gb18030', 'html',
                  ['furniture', 'semantic_html', 'ascii_punctuation', 'lead'],
                  html_template=SEMANTIC, meta_charset='gb18030', page_title='{T}',
                  damage=[{'op': 'ascii_punct', 'rate': 0.5},
                          {'op': 'ascii_punct', 'rate': 0.9, 'target': 'furniture'}],
                  top=[('furn', x) for x in NEWS_TOP],
                  head=[('title', '{T}', 'h1'), ('furn', NEWS_INFO)],
                  body_pre=[('lead', LEAD_ASCII[0]), ('lead', LEAD_ASCII[1])],
                  post=[('furn', x) for x in NEWS_POST], bottom=[('furn', x) for x in NEWS_BOTTOM]))
    # 18: zero-width spaces, soft hyphens and NBSP inside lines; HTML entities
    P.append(page('dev/18-invisible.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'invisible_chars', 'html_entities'],
                  html_template=PLAIN, meta_charset='utf-8', entities=True, page_title='{T}',
                  damage=[{'op': 'invisible', 'rate': 0.04, 'target': 'all'}],
                  top=[('furn', x) for x in PORTAL_TOP],
                  head=[('title', '{T}', 'h1'), ('furn', PORTAL_INFO)],
                  post=[('furn', x) for x in PORTAL_POST], bottom=[('furn', x) for x in PORTAL_BOTTOM]))
    # 19: ○ written for 〇 in the lead and furniture
    P.append(page('dev/19-ring-zero.txt', 'utf-8', 'text',
                  ['ring_for_zero', 'lead', 'furniture'],
                  damage=[{'op': 'ring_zero', 'target': 'furniture'}],
                  top=[('furn', '发布日期：二〇二〇年十一月十一日　信息来源：新华社')],
                  head=[('title', '{T}')],
                  body_pre=[('lead', LEAD_RING)],
                  bottom=[('furn', '（二〇二〇年十一月十一日发布）')]))
    # 20: bilingual: an English line after each Chinese paragraph
    P.append(page('dev/20-bilingual-lines.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'bilingual_lines'],
                  html_template=SEMANTIC, meta_charset='utf-8', page_title='中英双语：{T}',
                  bilingual='lines', english=ENGLISH, english_attrs=' class="en"',
                  top=[('furn', x) for x in NEWS_TOP],
                  head=[('title', '{T}', 'h1'), ('english', ENGLISH['title'], 'h2'), ('furn', NEWS_INFO)],
                  bottom=[('furn', x) for x in NEWS_BOTTOM]))
    # 21: bilingual in a two-column table
    P.append(page('dev/21-bilingual-table.html', 'utf-8', 'html',
                  ['furniture', 'plain_html', 'bilingual_table'],
                  html_template=PLAIN, meta_charset='utf-8', page_title='{T}（中英对照）',
                  bilingual='table', english=ENGLISH,
                  top=[('furn', x) for x in PORTAL_TOP],
                  head=[('title', '{T}（中英对照）', 'h1'), ('furn', PORTAL_INFO)],
                  bottom=[('furn', x) for x in PORTAL_BOTTOM]))
    # 22: bilingual text, UTF-16
    P.append(page('dev/22-bilingual-lines.txt', 'utf-16le', 'text',
                  ['bilingual_lines'],
                  bilingual='lines', english=ENGLISH,
                  head=[('title', '{T}'), ('english', ENGLISH['title'])]))
    # 23: Traditional (Taiwan vocabulary), Big5, a 中評社-style dateline at the start of the text
    P.append(page('dev/23-traditional-relay.txt', 'big5', 'text',
                  ['traditional_twp', 'dateline_traditional', 'dateline_in_paragraph', 'extra_dateline',
                   'furniture'],
                  script='trad',
                  top=[('furn', x) for x in TW_TOP],
                  head=[('title', '{T}'), ('furn', TW_INFO)],
                  dateline_in_paragraph={'text': '中評社香港11月11日電', 'sep': '　', 'own': False},
                  post=[('furn', x) for x in TW_POST], bottom=[('furn', x) for x in TW_BOTTOM]))
    # 24: a wiki library page, Big5
    P.append(page('dev/24-wikisource.html', 'big5', 'html',
                  ['traditional_twp', 'wiki_header', 'place_date', 'title_repeated', 'prev_next',
                   'furniture', 'semantic_html'],
                  script='trad', html_template=WIKI, meta_charset='big5', page_title='{T} - 開放文獻館',
                  top=[('furn', x) for x in WS_TOP],
                  head=[('title', '{T}', 'h1')] + [('furn', x) for x in WS_HEAD_AFTER] +
                       [('furn', WS_NAV), ('place_date', '2020年11月10日於莫斯科', 'div', ' class="date"'),
                        ('title', '{T}', 'h2')],
                  post=[('furn', x) for x in WS_POST], aside=[('furn', x) for x in WS_ASIDE],
                  bottom=[('furn', x) for x in WS_BOTTOM]))
    # 25: a Traditional encyclopedia entry (infobox, contents, background), no closing source
    P.append(page('dev/25-encyclopedia-trad.html', 'utf-8', 'html',
                  ['traditional_twp', 'encyclopedia', 'lead', 'furniture', 'plain_html',
                   'no_closing_source'],
                  script='trad', html_template=PLAIN, meta_charset='utf-8', page_title='{T} - 知識百科',
                  closing_source='none',
                  top=[('furn', x) for x in ENC_TW_TOP],
                  head=[('title', '{T}', 'h1')] + [('furn', x) for x in ENC_TW_BOX],
                  body_pre=[('lead', ENC_TW_BG), ('furn', {'heading': '宣言全文', 'tag': 'h2'})],
                  post=[('furn', x) for x in ENC_TW_POST], bottom=[('furn', x) for x in ENC_TW_BOTTOM]))
    # 26: a Simplified encyclopedia entry; the signing date at the top
    P.append(page('dev/26-encyclopedia.html', 'gb18030', 'html',
                  ['encyclopedia', 'date_at_top', 'furniture', 'plain_html'],
                  html_template=PLAIN, meta_charset='gbk', page_title='{T}_知识百科',
                  date_position='top',
                  top=[('furn', x) for x in ENC_CN_TOP],
                  head=[('title', '{T}', 'h1')] + [('furn', x) for x in ENC_CN_BOX],
                  body_pre=[('date_top', 'p')],
                  post=[('furn', x) for x in ENC_CN_POST], bottom=[('furn', x) for x in ENC_CN_BOTTOM]))
    # 27: a place-and-date line with ASCII punctuation, the date at the top, the source in ( )
    P.append(page('dev/27-place-date-top.txt', 'utf-8', 'text',
                  ['place_date', 'date_at_top', 'dateline_parenthesised'],
                  date_position='top', closing_source='ascii_parens',
                  head=[('title', '{T}'), ('place_date', '(2020年11月10日,莫斯科)'), ('date_top',)]))
    # 28: our revision on a news page with a lead
    P.append(page('dev/28-rev1-news.html', 'utf-8', 'html',
                  ['furniture', 'semantic_html', 'lead', 'lead_intro_line', 'title_repeated'],
                  base='rev1', html_template=SEMANTIC, meta_charset='utf-8', page_title='{T}-资讯聚合站',
                  top=[('furn', x) for x in MIRROR_TOP],
                  head=[('title', '{T}', 'h1'), ('furn', MIRROR_INFO)],
                  body_pre=[('lead', LEAD_MIRROR, '　　'), ('lead', '全文如下：', '　　'),
                            ('title', '{T}', 'p', ' class="subtitle"')],
                  aside=[('furn', x) for x in NEWS_ASIDE],
                  bottom=[('furn', x) for x in MIRROR_BOTTOM]))
    # 29: our revision with number-only headings (二、 alone on a line)
    P.append(page('dev/29-rev1-number-headings.txt', 'gb18030', 'text',
                  ['number_only_headings'],
                  base='rev1', sections={'style': 'bare', 'scheme': 'cn_dun_bare'},
                  head=[('title', '{T}'), ('dateline', '新华社莫斯科11月10日电', True)]))
    # 30: an old CMS: paragraphs separated by <br>, a photo caption, related links mid-article
    P.append(page('dev/30-br-cms.html', 'utf-8', 'html',
                  ['furniture', 'table_layout', 'br_paragraphs', 'photo_caption', 'prev_next',
                   'mid_article_furniture', 'nbsp_indent'],
                  html_template=TABLE, meta_charset='utf-8', page_title='{T}_北方信息港',
                  article_mode='br', html_indent='nbsp',
                  heading_html=('p', '', '<b>{}</b>'),
                  mid_furniture=[(40, CMS_MID)],
                  top=[('furn', x) for x in CMS_TOP],
                  head=[('title', '{T}', 'div', ' class="bt"'), ('furn', CMS_CAPTION)],
                  post=[('furn', x) for x in CMS_POST], bottom=[('furn', x) for x in CMS_BOTTOM]))
    # 31: Traditional text, UTF-16, the agency's dateline leading the first paragraph
    P.append(page('dev/31-traditional-dateline.txt', 'utf-16le', 'text',
                  ['traditional_twp', 'dateline_in_paragraph', 'repeated_dateline'],
                  script='trad', head=[('title', '{T}')],
                  dateline_in_paragraph={'text': '新華社莫斯科11月10日電', 'sep': '　'}))
    # 32: a mirror with several kinds of damage, numbered headings, a lead, the title three times
    P.append(page('dev/32-mirror-mix.html', 'gb18030', 'html',
                  ['furniture', 'plain_html', 'pinyin_annotations', 'doubled_punctuation',
                   'comma_period_pairs', 'numbered_headings', 'lead', 'title_repeated', 'title_fulltext'],
                  html_template=PLAIN, meta_charset='gb2312', page_title='{T}（全文）',
                  sections={'style': 'numbered_headings', 'scheme': 'cn_dun'},
                  heading_html=('p', '', '<strong>{}</strong>'),
                  damage=[{'op': 'pinyin', 'chars': '国统务', 'target': 'all'},
                          {'op': 'double_punct', 'rate': 0.15, 'target': 'all'},
                          {'op': 'comma_period', 'rate': 0.25}],
                  top=[('furn', x) for x in MIRROR_TOP],
                  head=[('title', '{T}（全文）', 'h1'), ('furn', MIRROR_INFO)],
                  body_pre=[('lead', LEAD_DECL_LIKE, '　　'), ('title', '{T}', 'p', '', '<b>{}</b>')],
                  bottom=[('furn', x) for x in MIRROR_BOTTOM]))
    # 33: every paragraph numbered, titled headings kept
    P.append(page('dev/33-paragraph-numbering.txt', 'utf-8', 'text',
                  ['paragraph_numbering'],
                  paragraph_numbering='arabic_dot',
                  head=[('title', '{T}')]))
    # 34: Notepad-style save: UTF-8 BOM, CRLF, ASCII-space indents, blank lines
    P.append(page('dev/34-bom-crlf.txt', 'utf-8', 'text',
                  ['utf8_bom', 'crlf', 'ascii_indent', 'blank_line_separated'],
                  bom=True, eol='\r\n', indent='    ', blank_lines=True,
                  head=[('title', '{T}')]))
    return P
