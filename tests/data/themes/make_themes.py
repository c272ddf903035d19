#!/usr/bin/env python3
"""Writes dev.jsonl and heldout.jsonl: illustrative paragraphs with one hand-given theme each.

ILLUSTRATIVE TEXT written by the decldiff project in the register of the SCO declarations; no
official text says these paragraphs. The theme of every paragraph is decided by hand below (its
main subject, see README.md); a note says why when the paragraph is borderline.

A third of each theme's paragraphs (evenly spaced, 60 of 180) goes to heldout.jsonl, the rest
to dev.jsonl. Run: python3 tests/data/themes/make_themes.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

# (text, note or None) per theme
DATA = {
    "principles": [
        ("当前国际形势深刻复杂演变，世界多极化趋势不可逆转，新兴市场国家和发展中国家群体性崛起，国际力量对比更趋平衡。", None),
        ("成员国指出，单边主义、保护主义和强权政治对国际秩序构成冲击，冷战思维和集团对抗有所抬头，人类社会面临前所未有的挑战。", None),
        ("成员国重申恪守《联合国宪章》宗旨和原则，坚持各国主权平等、不干涉内政、和平解决争端、不使用武力或以武力相威胁。", None),
        ("成员国主张践行真正的多边主义，反对以少数国家制定的规则取代普遍接受的国际法准则。", None),
        ("成员国强调，“上海精神”是上合组织发展壮大的根本遵循，成员国将始终坚持互信、互利、平等、协商、尊重多样文明、谋求共同发展。", None),
        ("成员国认为，应推动构建更具代表性、更加民主公正的多极世界秩序，使国际体系更好地反映当今世界的现实。", None),
        ("成员国重申人权的普遍性和不可分割性，反对将人权问题政治化，反对借人权问题干涉别国内政。", None),
        ("成员国指出，2025年是世界反法西斯战争胜利80周年和联合国成立80周年。成员国缅怀为和平与正义献出生命的各国人民，呼吁维护第二次世界大战胜利成果。", "historical anniversary"),
        ("成员国强调，各国有权根据本国国情自主选择政治制度和发展道路，任何国家都不应将自己的模式强加于人。", None),
        ("成员国反对以意识形态划线，反对将经贸、科技问题政治化、泛安全化。", "borderline economy: names trade and technology, but the subject is the principle of not politicising them"),
        ("成员国认为，一国的安全不能以损害他国安全为代价，应坚持共同、综合、合作、可持续的安全观。", "borderline security: a general security concept (a value of world order), no threat or cooperation measure"),
        ("成员国支持联合国在国际事务中发挥中心协调作用，认为联合国安理会改革应通过广泛民主协商，照顾各方利益和关切。", "the UN's role in world order, not the SCO's relations with the UN (that is organisation)"),
        ("成员国重申，将恪守《上合组织成员国长期睦邻友好合作条约》，巩固成员国人民世代友好、永不为敌的信念。", None),
        ("成员国倡导不同文明平等对话、交流互鉴，反对所谓“文明冲突论”。", "borderline humanitarian: civilisational dialogue as a value, no cultural exchange programme"),
        ("成员国欢迎上合组织成立20周年，认为二十年来本组织走出了一条符合地区实际、契合各方需求的合作之路。", "historical anniversary of the SCO; borderline organisation"),
        ("世界经济复苏乏力，全球发展不平衡问题突出，南北差距持续扩大，落实2030年可持续发展议程面临困难。", "borderline economy: an assessment of the international situation, no economic measure"),
        ("成员国主张在国际法基础上构建相互尊重、公平正义、合作共赢的新型国际关系。", None),
        ("成员国反对违反国际法、未经联合国安理会授权的单边制裁。", "borderline economy: sanctions as a matter of international law"),
        ("成员国重申坚持多边主义。", "short"),
        ("成员国认为，全球治理体系应更加公正合理，发展中国家在全球治理中的代表性和发言权应进一步提高。", None),
        ("成员国强调，上合组织不是军事政治同盟，坚持不结盟、不对抗、不针对第三方的原则。", "borderline organisation: a founding principle of the organisation"),
        ("成员国注意到关于建设团结和睦世界的倡议，认为其有助于推动各国相互尊重、和平共处。", "stock initiative formula whose subject is world order"),
        ("成员国认为，应尊重各国的独立、主权和领土完整，尊重各国在不同发展阶段的合理关切。", None),
        ("国际关系正经历深刻演变，地缘政治紧张加剧，国际法的作用受到削弱，维护以国际法为基础的国际秩序比以往任何时候都更加重要。", None),
        ("成员国指出，2022年是《上合组织宪章》签署20周年。成员国将继续恪守宪章宗旨和原则，弘扬“上海精神”。", "anniversary of the Charter; borderline organisation"),
        ("成员国主张以对话协商代替对抗冲突，以合作共赢代替零和博弈。", None),
        ("成员国认为，应摒弃冷战思维，在平等和相互尊重基础上解决国家间分歧。", None),
        ("成员国反对一切形式的霸权主义和强权政治。", "short"),
        ("成员国指出，国际关系体系正在经历深刻调整，新的政治和经济中心影响力不断上升。与此同时，个别国家试图维护单极格局，将本国意志强加于人，导致国际紧张局势加剧。成员国认为，只有在平等、相互尊重和照顾彼此利益的基础上，才能建立稳定和可持续的国际秩序。", None),
        ("成员国重申，上合组织成立以来始终秉持“上海精神”，坚持协商一致原则，尊重各成员国的主权和发展道路选择。成员国愿以本组织成立25周年为契机，总结合作经验，弘扬睦邻友好传统，共同应对国际形势变化带来的挑战。", "anniversary and values; borderline organisation"),
        ("成员国认为，全球性问题需要全球性应对。在世界经济增长乏力、地缘政治冲突频发、气候变化和公共卫生等非传统挑战交织叠加的背景下，各国应加强团结协作，维护以联合国为核心的国际体系和以国际法为基础的国际秩序。", "names economy, climate and health, but the subject is world order"),
    ],
    "security": [
        ("成员国强烈谴责一切形式和表现的恐怖主义，呼吁国际社会在联合国主导下形成广泛的反恐统一战线。", None),
        ("成员国将加强合作，查明和切断恐怖主义融资渠道，打击洗钱和利用虚拟资产资助恐怖活动的行为。", None),
        ("成员国强调，应防止恐怖分子和极端分子利用互联网招募成员、传播极端思想。", "borderline information security: the subject is terrorism online"),
        ("成员国关切外国恐怖作战人员回流和流窜对地区安全构成的威胁，支持加强出入境管控和情报交流。", None),
        ("成员国坚决打击分裂主义和宗教极端主义。", "short"),
        ("成员国对合成毒品和新精神活性物质的蔓延表示关切，支持加强毒品检测技术交流和联合执法行动。", None),
        ("成员国反对大麻等麻醉药品合法化，认为这违背联合国三大禁毒公约。", None),
        ("成员国支持开展联合禁毒行动，打击跨境贩毒网络，切断毒品贸易的资金来源。", None),
        ("成员国将加强在打击跨国有组织犯罪、非法贩运武器和拐卖人口方面的合作。", None),
        ("成员国支持开展反腐败国际合作，在引渡、遣返和追缴犯罪所得方面相互协助。", "corruption as crime (organised crime family)"),
        ("成员国主张在联合国主导下制定各方普遍接受的信息空间负责任国家行为规则、准则和原则，反对信息空间军事化。", None),
        ("成员国反对利用信息通信技术攻击他国关键信息基础设施，呼吁共同维护信息通信技术产品供应链安全。", None),
        ("成员国欢迎联合国大会通过打击网络犯罪公约，支持各国尽早签署和批准。", None),
        ("成员国认为，数据安全是数字经济健康发展的前提，应共同防范数据泄露和非法跨境调取数据的风险，反对借数据安全之名打压他国企业。", "borderline economy (数字经济 vs 信息安全): the subject is data security"),
        ("成员国主张防止外空武器化和外空军备竞赛，支持谈判缔结具有法律约束力的国际文书。", None),
        ("成员国认为，外空应用于和平目的，反对将外空界定为作战疆域。", None),
        ("成员国强调，应加强《禁止生物武器公约》，制定包含有效核查机制的议定书。", None),
        ("成员国反对在他国境内开展可能危及生物安全的军事生物活动。", None),
        ("成员国呼吁全面履行《禁止化学武器公约》，支持禁止化学武器组织在协商一致基础上开展工作。", None),
        ("成员国重申维护《不扩散核武器条约》的权威，主张平衡推进核裁军、核不扩散与和平利用核能。", None),
        ("成员国支持中亚无核武器区，呼吁核武器国家为无核武器国家提供安全保证。", None),
        ("成员国认为，个别国家或国家集团单方面不受限制地发展全球反导系统，将损害国际安全和战略稳定。", None),
        ("成员国认为，阿富汗问题事关地区安全稳定，支持阿富汗成为独立、中立、统一、和平的国家，呼吁建立广泛包容的政治架构。", None),
        ("成员国强调，阿富汗不应成为恐怖组织的庇护所，呼吁阿富汗当局切实打击境内的恐怖组织。", None),
        ("成员国对加沙地带局势持续恶化深表关切，呼吁立即停火，推动落实“两国方案”，实现中东持久和平。", "regional conflict; mentions the humanitarian situation but the subject is the conflict and its settlement"),
        ("成员国支持在尊重叙利亚主权和领土完整的基础上，推进叙人主导、叙人所有的政治进程。", None),
        ("成员国认为，应通过对话协商解决伊朗核问题，维护国际核不扩散体系。", None),
        ("成员国支持通过对话协商实现朝鲜半岛无核化和持久和平，维护东北亚和平稳定。", None),
        ("成员国对欧洲局势表示关切，支持通过对话和谈判政治解决冲突，反对冲突扩大化。", "neutral formulation on a conflict: regional hotspot"),
        ("成员国关切苏丹、利比亚、也门等地持续的武装冲突，呼吁有关各方通过包容性政治对话恢复和平。", None),
        ("成员国支持成员国边防部门开展联合行动，加强边境地区安全合作。", None),
        ("成员国积极评价“和平使命”联合反恐军事演习，认为其提升了各国武装力量协同行动能力。", None),
        ("成员国支持定期举行国防部长会议，加强防务安全领域的交流与互信。", None),
        ("成员国将继续加强在打击恐怖主义、分裂主义和极端主义方面的合作。", "short"),
        ("成员国积极评价地区反恐怖机构在协调主管机关开展联合反恐行动、交换情报方面发挥的作用。", "RATS's operational work is security; its reform is organisation"),
        ("成员国支持在禁毒领域同联合国毒品和犯罪问题办公室开展合作。", "drugs with a UN body: the subject is drugs, not relations with the UN"),
        ("成员国指出，地区安全形势依然严峻复杂，恐怖主义、分裂主义和极端主义势力相互勾连，利用地区冲突和社会矛盾扩大影响。成员国将加强主管机关之间的情报交流和联合行动，完善反恐法律基础，共同维护上合组织地区的和平与稳定。", None),
        ("成员国强调，阿富汗局势对地区安全具有直接影响。成员国呼吁阿富汗当局采取切实措施打击境内的恐怖组织和毒品生产，防止恐怖主义和毒品威胁向周边国家外溢，并认为同阿富汗开展经贸合作有助于该国恢复和平与发展。", "ends with an economic clause; the subject is the hotspot"),
        ("成员国认为，信息通信技术的滥用对各国主权和安全构成新的挑战，一些国家利用信息技术优势干涉他国内政、实施网络攻击和大规模监控。成员国主张各国在信息空间享有平等的主权，支持在联合国框架内就网络空间国际规则开展对话。", None),
    ],
    "economy": [
        ("成员国支持以世界贸易组织为核心的多边贸易体制，反对贸易保护主义和违反世贸组织规则的单边限制措施。", None),
        ("成员国将推动贸易和投资便利化，降低非关税壁垒，扩大相互市场准入。", None),
        ("成员国支持扩大本币在相互贸易、投资和融资中的使用，研究建立上合组织本币结算机制。", None),
        ("成员国将继续商谈建立上合组织开发银行问题。", "short"),
        ("成员国支持上合组织银行联合体为成员国基础设施、能源和高新技术项目提供融资。", None),
        ("成员国强调，应深化交通互联互通，建设和改造国际铁路、公路和港口基础设施，发展多式联运。", None),
        ("成员国支持建设连接欧亚的国际运输走廊，包括中欧班列、跨里海国际运输走廊和南北国际运输走廊。", None),
        ("成员国欢迎中吉乌铁路项目开工建设，认为该项目将提升地区过境运输能力。", None),
        ("成员国强调，能源安全是经济安全的重要组成部分，支持维护国际能源市场稳定，保障能源供应链安全。", None),
        ("成员国支持在油气、电力、核能和可再生能源领域开展互利合作，推动能源基础设施互联互通。", None),
        ("成员国支持扩大太阳能、风能和水电开发投资，提高可再生能源在能源结构中的比重，保障各国能源供应。", "borderline environment: renewable energy as energy supply and investment"),
        ("成员国对全球粮食供应链中断和粮价上涨表示关切，支持在上合组织框架内保障粮食安全。", None),
        ("成员国支持推广节水灌溉和农业新技术，提高农业生产率和农民收入。", "borderline environment (water): the subject is agricultural productivity"),
        ("成员国支持上合组织农业技术交流培训示范基地为成员国培养农业技术人才。", None),
        ("成员国支持发展数字经济，推动电子商务、数字支付和智慧物流合作，帮助中小企业融入数字经济。", None),
        ("成员国认为，应在数字经济发展中兼顾数据安全，愿就跨境电子商务规则和数字贸易标准开展对话。", "borderline security (数字经济 vs 信息安全): the subject is digital trade rules"),
        ("成员国支持在人工智能、大数据、云计算等领域开展合作，推动产业数字化转型。", "borderline humanitarian (science and technology): technology as industry"),
        ("成员国支持加强产能合作，共建工业园区和经济特区，推动产业链供应链深度融合。", None),
        ("成员国支持海关部门推进“单一窗口”建设和监管结果互认，提高通关效率。", None),
        ("成员国认为，消除贫困是实现可持续发展的首要任务，支持交流减贫经验，开展减贫合作项目。", None),
        ("成员国支持发展地方合作，鼓励成员国地区之间建立友好关系，扩大地方经贸往来。", None),
        ("成员国支持中小微企业发展，为其创造有利的融资和营商环境。", None),
        ("成员国注意到乌兹别克斯坦共和国关于建立上合组织成员国工业园区合作联盟的倡议。", "stock initiative formula with an economic subject"),
        ("成员国支持在医药产业领域开展投资合作，建立药品和医疗器械联合生产，促进医药产品贸易。", "borderline humanitarian (health vs economy): industry, investment and trade in medicines"),
        ("成员国强调，应完善全球经济治理，维护全球产业链供应链稳定畅通，反对“脱钩断链”。", None),
        ("成员国支持上合组织实业家委员会发挥作用，推动成员国企业建立直接联系。", None),
        ("成员国支持建立创新创业合作平台，推动科技成果转化和初创企业发展。", "borderline humanitarian (science): innovation as enterprise"),
        ("成员国将落实《上合组织2030年前经济发展战略》，推动区域经济合作提质升级。", None),
        ("成员国支持扩大相互投资。", "short"),
        ("成员国支持发展物流中心网络，提高过境运输和货物配送效率。", None),
        ("成员国欢迎共建“一带一路”倡议与欧亚经济联盟建设对接合作取得的进展。", None),
        ("成员国支持在金融科技和支付系统领域开展合作，推动建立互联互通的跨境支付体系。", None),
        ("成员国支持加强标准化、计量和认证领域合作，减少技术性贸易壁垒。", None),
        ("成员国支持开展农产品检验检疫合作，扩大优质农产品相互贸易。", None),
        ("成员国强调，粮食和化肥不应被用作施压工具，反对影响粮食和化肥供应的单边限制措施。", "borderline principles (sanctions): the subject is food security"),
        ("成员国注意到吉尔吉斯共和国关于建立上合组织成员国电子商务合作中心的倡议。", "stock initiative formula with an economic subject"),
        ("成员国指出，世界经济面临多重风险，全球贸易增长放缓，金融市场波动加剧，部分国家债务负担加重。成员国将加强宏观经济政策协调，扩大相互贸易和投资，推动贸易结构多元化，提高产业链供应链的韧性和稳定性，为地区经济持续增长注入动力。", None),
        ("成员国强调，能源合作是上合组织经济合作的重要方向。成员国支持在互利基础上扩大油气贸易，推进跨境电网和管道建设，加强能源技术交流，同时尊重各国根据本国国情选择能源转型路径的权利，兼顾能源安全、经济可承受性和环境保护。", "borderline environment: names the energy transition and the environment; the subject is energy trade and supply"),
        ("成员国认为，保障粮食安全对于消除贫困和实现可持续发展具有重要意义。成员国支持扩大农产品贸易，加强农业投资和农业科技合作，推广抗旱作物品种和节水技术，减少粮食损失和浪费，提高各国应对粮食市场波动的能力。", None),
    ],
    "environment": [
        ("成员国强调，应对气候变化应坚持共同但有区别的责任原则和各自能力原则，落实《巴黎协定》。", None),
        ("成员国呼吁发达国家履行为发展中国家应对气候变化提供资金、技术和能力建设支持的承诺。", None),
        ("成员国关切中亚地区冰川加速消融对水资源安全和生态系统的影响。", None),
        ("成员国对咸海干涸造成的生态和社会经济后果表示关切，支持拯救咸海国际基金开展工作。", None),
        ("成员国支持在咸海干涸湖床植树造林，防止盐尘扩散，改善咸海地区居民生活环境。", None),
        ("成员国认为，应在国际法基础上合理利用和保护跨界水资源，兼顾地区各国利益。", None),
        ("成员国支持落实“水促进可持续发展”国际行动十年，加强水资源综合管理合作。", None),
        ("成员国将落实《上合组织成员国环保合作构想》，加强在生态监测、废弃物处理和环境技术领域的合作。", None),
        ("成员国支持保护生物多样性，落实“昆明—蒙特利尔全球生物多样性框架”。", None),
        ("成员国支持开展防治荒漠化和土地退化合作，推广防沙治沙经验。", None),
        ("成员国支持绿色低碳发展，推动绿色技术、绿色金融和循环经济合作。", "borderline economy: green development (finance and technology in the service of it)"),
        ("成员国支持制定上合组织绿色发展合作构想，推动经济社会发展全面绿色转型。", None),
        ("成员国关切气候变化导致干旱、洪水和泥石流等自然灾害频发，支持加强灾害早期预警和气象信息交流。", "borderline humanitarian (emergencies): disasters linked to climate"),
        ("成员国支持保护山地生态系统，注意到吉尔吉斯共和国关于举办山地国家生态论坛的倡议。", None),
        ("成员国支持开展防治大气污染合作，改善城市环境质量。", None),
        ("成员国反对以应对气候变化为名设置绿色贸易壁垒。", "borderline economy (trade): the subject is climate policy"),
        ("成员国支持保护里海生态环境，关切里海水位持续下降。", None),
        ("成员国支持开展湿地和候鸟保护合作。", "short"),
        ("成员国支持在生态环境部门之间建立信息交流机制，定期举行环境部长会议。", "borderline organisation: a meeting mechanism whose subject is the environment"),
        ("成员国支持推动建筑、交通和工业领域节能减排，减少温室气体排放。", "borderline economy (energy): the subject is emissions"),
        ("成员国注意到哈萨克斯坦共和国关于举办地区气候峰会的倡议。", "stock initiative formula with an environmental subject"),
        ("成员国支持开展森林保护和植树造林合作，提高森林覆盖率。", None),
        ("成员国支持在联合国框架内推进冰川保护议程，欢迎宣布国际冰川保护年。", None),
        ("成员国认为，应加强跨界河流水质监测和水污染防治合作。", None),
        ("成员国指出，中亚地区是受气候变化影响最严重的地区之一，气温上升速度高于全球平均水平，冰川面积不断缩小，水资源短缺问题日益突出。成员国支持加强气候监测和适应气候变化合作，推动冰川保护和水资源综合管理，减轻气候变化对生态系统和居民生活的不利影响。", None),
        ("成员国认为，咸海生态危机是当代最严重的环境灾难之一，其后果不仅影响周边国家居民的健康和生活，也影响整个地区的气候和生物多样性。成员国欢迎有关国家在咸海地区开展植树造林和生态修复，支持联合国及国际金融机构参与咸海地区的生态项目。", "names health; the subject is the Aral Sea"),
        ("成员国支持推动绿色发展，将生态保护贯穿于经济社会发展全过程，鼓励开展绿色基础设施建设和绿色投资合作，推广清洁生产和资源节约技术，共同建设清洁美丽的上合组织地区。", "borderline economy: investment in the service of green development"),
    ],
    "humanitarian": [
        ("成员国强调，应加强传染病防控合作，提高卫生系统应对突发公共卫生事件的能力。", None),
        ("成员国支持确保疫苗和药品在发展中国家公平可及，反对将疫情政治化。", None),
        ("成员国支持卫生防疫部门开展信息交流和联合演练，完善边境口岸卫生检疫合作。", None),
        ("成员国支持开展传统医学合作，推动传统医药在卫生保健中发挥作用。", None),
        ("成员国注意到印度共和国关于建立上合组织传统医学工作组的倡议。", "stock initiative formula with a health subject"),
        ("成员国支持举办上合组织艺术节和电影节，促进文化艺术交流。", None),
        ("成员国积极评价“上合组织文化年”框架内举办的系列活动。", None),
        ("成员国支持保护和修复成员国历史文化遗产，开展联合考古合作。", None),
        ("成员国支持上合组织大学发展，鼓励高校之间开展联合培养和学分互认。", None),
        ("成员国支持扩大互派留学生规模，设立上合组织奖学金。", None),
        ("成员国支持成员国科学院和科研机构开展人员交流和联合研究。", "borderline economy (innovation): science as people-to-people exchange"),
        ("成员国支持举办上合组织马拉松赛、青少年运动会等体育赛事。", None),
        ("成员国认为，体育不应被政治化，支持各国运动员平等参加国际体育赛事。", "borderline principles: the subject is sport"),
        ("成员国支持举办世界游牧民族运动会，传承和弘扬传统体育项目。", None),
        ("成员国将扩大旅游合作，简化游客签证手续，共同推广上合组织地区旅游线路。", None),
        ("成员国欢迎继续评选上合组织旅游和文化之都，认为这有助于推介成员国的文化和旅游资源。", None),
        ("成员国支持发展旅游基础设施，吸引旅游业投资，提高旅游服务质量。", "borderline economy (investment): tourism is humanitarian in the taxonomy"),
        ("成员国支持主流媒体加强合作，互派记者，联合制作新闻节目和纪录片。", None),
        ("成员国欢迎举办上合组织媒体论坛，支持媒体共同抵制虚假信息。", "borderline security (information): the subject is media cooperation"),
        ("成员国支持上合组织青年委员会工作，鼓励开展青年交流、志愿服务和创业活动。", None),
        ("成员国将落实《上合组织成员国元首致青年寄语》，增进青年一代对上合组织的了解和认同。", None),
        ("成员国支持妇女平等参与政治、经济和社会生活，欢迎举办上合组织妇女论坛。", None),
        ("成员国支持为妇女创业提供培训和融资便利，提升妇女在数字经济中的参与度。", "borderline economy: the subject is women"),
        ("成员国支持加强紧急救灾合作，开展联合救援演练和救灾物资储备合作。", None),
        ("成员国积极评价成员国在地震救援中的相互支援，认为这体现了睦邻友好精神。", None),
        ("成员国呼吁国际社会向阿富汗人民提供紧急人道主义援助，包括粮食、药品和过冬物资。", "borderline security (Afghanistan as a hotspot): the subject is relief"),
        ("成员国支持开展民间外交，发挥上合组织睦邻友好合作委员会的作用。", None),
        ("成员国支持举办上合组织人文交流论坛，加强智库和社会组织之间的交流。", None),
        ("成员国支持扩大人文交流。", "short"),
        ("成员国支持开展图书馆、博物馆和档案馆之间的合作。", None),
        ("成员国支持在残疾人康复和社会保障领域交流经验。", None),
        ("成员国支持加强医疗卫生人员培训和远程医疗合作。", None),
        ("成员国强调，新冠肺炎疫情表明，任何国家都无法独自应对全球性公共卫生挑战。成员国支持加强卫生领域合作，完善传染病监测预警和信息通报机制，开展疫苗和药物联合研发，提高基层卫生服务能力，共同构建卫生健康共同体。", None),
        ("成员国认为，文化交流是增进各国人民相互理解和信任的桥梁。成员国支持举办文化节、艺术展和电影周，鼓励成员国剧院、博物馆和艺术院校开展合作，加强非物质文化遗产保护经验交流，推动各国人民民心相通。", None),
        ("成员国支持深化教育合作，鼓励成员国高校建立伙伴关系，开展联合办学和学术交流，扩大留学生交流规模，加强职业教育和语言教学合作，为青年一代创造更多学习和发展机会。", None),
    ],
    "organisation": [
        ("成员国批准上合组织未来十年发展战略，确定了本组织各领域合作的优先方向。", "document adopted"),
        ("成员国高度评价哈萨克斯坦共和国担任上合组织轮值主席国期间所做的工作。", None),
        ("中华人民共和国将担任2024—2025年上合组织轮值主席国。元首理事会下次会议将于2025年在中华人民共和国举行。", None),
        ("成员国签署关于接收白俄罗斯共和国为上合组织成员国的决议。", None),
        ("成员国决定给予老挝人民民主共和国上合组织对话伙伴地位。", None),
        ("成员国欢迎观察员国和对话伙伴积极参与上合组织活动，支持完善其参与本组织工作的机制。", None),
        ("成员国决定将观察员国和对话伙伴统称为“上合组织伙伴”。", None),
        ("成员国支持秘书处改革，提高其协调本组织各领域合作的能力。", None),
        ("成员国决定在地区反恐怖机构基础上建立应对安全威胁和挑战综合中心，以提高本组织应对新威胁的能力。", "borderline security: the subject is the reform of a permanent body"),
        ("成员国任命新一任上合组织秘书长和地区反恐怖机构执行委员会主任。", None),
        ("成员国欢迎第79届联合国大会通过关于联合国与上合组织合作的决议。", "relations between the SCO and the UN (not the UN's role in world order)"),
        ("成员国支持上合组织秘书处同东盟、独联体、集体安全条约组织、亚信等组织的秘书处签署合作文件。", None),
        ("成员国支持加强议会间合作，积极评价上合组织成员国议会领导人会议成果。", "parliamentary cooperation between members"),
        ("成员国积极评价成员国最高法院院长会议和总检察长会议成果，支持加强司法协助。", "judicial cooperation between members"),
        ("成员国批准本次会议通过的关于完善上合组织工作的一揽子决定。", None),
        ("成员国支持提高上合组织预算使用效率，完善常设机构财务制度。", None),
        ("成员国支持外交部长理事会、国家协调员理事会等机制有效运作，确保元首理事会决定得到落实。", None),
        ("成员国欢迎签署关于给予科威特国、缅甸联邦共和国上合组织对话伙伴地位的备忘录。", None),
        ("成员国注意到有关国家提出的加入上合组织的申请，将根据本组织有关文件予以审议。", None),
        ("成员国指出，扩员应遵循本组织宪章和相关法律文件，确保本组织高效运转。", None),
        ("成员国欢迎以“上合组织+”形式举行会议，扩大同观察员国和对话伙伴的对话。", None),
        ("元首理事会下次会议将于2026年在吉尔吉斯共和国举行。", "short"),
        ("成员国欢迎本次会议期间签署的十余份合作文件，认为其为本组织各领域合作奠定了法律基础。", None),
        ("成员国支持加强上合组织秘书处同成员国常驻联合国代表团之间的协调，在联合国框架内更好地发出上合组织的声音。", "borderline principles: the SCO's own presence at the UN"),
        ("成员国高度评价中华人民共和国担任2024—2025年上合组织轮值主席国期间所做的工作，认为主席国任期内举办的系列会议和活动推动了本组织各领域合作。吉尔吉斯共和国将担任2025—2026年上合组织轮值主席国，元首理事会下次会议将于2026年在吉尔吉斯共和国举行。", None),
        ("成员国认为，随着本组织成员国数量的增加和合作领域的扩大，有必要进一步完善本组织的工作机制，提高常设机构的工作效率。成员国支持对秘书处和地区反恐怖机构的职能进行优化，加强本组织财务和人事管理，确保元首理事会各项决定得到有效落实。", None),
        ("成员国支持上合组织同联合国及其专门机构、东盟、独联体、欧亚经济联盟、亚信和集体安全条约组织等国际和地区组织深化合作，欢迎上合组织秘书处与上述组织秘书处签署的谅解备忘录，愿在共同关心的领域开展联合项目。", "relations with the UN and other organisations"),
    ],
}


def main():
    # Stratified: in each theme, evenly spaced paragraphs (a third, rounded: 60 of 180) go to
    # heldout.jsonl, the rest to dev.jsonl; each file is then put in a fixed pseudo-random order
    # so that neighbours do not give the theme away.
    texts = [text for rows in DATA.values() for text, _ in rows]
    assert len(set(texts)) == len(texts), "duplicate paragraph"
    dev, held = [], []
    for theme, rows in DATA.items():
        h = round(len(rows) / 3)
        for i, (text, note) in enumerate(rows):
            picked = (i + 1) * h // len(rows) > i * h // len(rows)
            (held if picked else dev).append((theme, text, note))
    for name, rows, prefix in (("dev.jsonl", dev, "d"), ("heldout.jsonl", held, "h")):
        random.Random(2025).shuffle(rows)
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            for n, (theme, text, note) in enumerate(rows, 1):
                obj = {"id": f"{prefix}{n:03d}", "theme": theme, "text": text}
                if note:
                    obj["note"] = note
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    for name, rows in (("dev", dev), ("heldout", held)):
        counts = {t: sum(1 for r in rows if r[0] == t) for t in DATA}
        print(name, len(rows), counts)
    print("total", len(texts), {t: len(v) for t, v in DATA.items()})


if __name__ == "__main__":
    main()
