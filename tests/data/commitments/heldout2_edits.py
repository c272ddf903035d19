"""Heldout2 edits of the commitment-change set (used by make_heldout2.py).

A second held-out part, decided by hand on 2026-11-28, written BLIND to the classifier: its
author read only this folder's README, generator, heldout edits and checker, never the
classifier's code or word lists, and never ran the classifier on it.

The draft is again the shipped 2020 declaration. The edits touch only blocks that neither dev nor
heldout touches, and where the 2020 text allows they use word pairs and intensifier/verb
combinations that dev and heldout do not use. Repeats forced by the text:
  - modal pairs: 愿↔将, 应→必须, 应→可 and 呼吁→敦促 are the only modal changes the 2020 text
    allows (敦促, 可, 可以 and 应当 are absent as modals);
  - concern: the only concern word in a free block is 关切 (block 90), so 关切→严重关切 repeats dev.
Not possible in free blocks: endorsers `wider` (no free block has a subject narrower than
成员国/各方), a dropped 重申 (inserted_verb) and a comma after 重申 (no 重申 in a free block).
ILLUSTRATIVE text written by the decldiff project: no official text says it.

Measure on this part once; do not read it or tune on it.
"""

STATES4 = "中华人民共和国、哈萨克斯坦共和国、吉尔吉斯共和国和乌兹别克斯坦共和国"
STATES3 = "中华人民共和国、俄罗斯联邦和塔吉克斯坦共和国"


def heldout2(S, M, I, E, T, INSERTED_VERB):
    return [
        # preamble
        T(1, "进一步推动国际格局", "推动国际格局", "lookalike",
          "进一步 is dropped before 推动 in a description of how the world is changing (the subject is the "
          "influence of new centres, not the endorsers): no intensity change of a commitment."),
        # 安全合作
        I(23, "成员国将坚定维护和巩固", "成员国将维护和巩固", "坚定维护", "维护", "weaker"),
        S(27, "成员国认为，毒品合法化", "成员国注意到，毒品合法化", "认为", "注意到", "weaker"),
        M(31, "认为应同时考虑到", "认为可同时考虑到", "应", "可", "weaker", "modal_obligation"),
        I(36, "领域开展合作", "领域深入开展合作", "开展", "深入开展", "stronger"),
        S(48, "成员国支持阿富汗伊斯兰共和国政府", "成员国肯定阿富汗伊斯兰共和国政府", "支持", "肯定", "weaker"),
        M(48, "唯一出路，呼吁有关各方", "唯一出路，敦促有关各方", "呼吁", "敦促", "stronger", "modal_appeal"),
        I(51, "，进一步发展该论坛", "，发展该论坛", "进一步发展", "发展", "weaker"),
        # 议会合作
        S(53, "成员国认为，加强立法机构间联系与合作，交流治国理政经验十分重要。",
          "成员国坚定支持加强立法机构间联系与合作，交流治国理政经验。", "认为", "坚定支持", "stronger",
          also="the comma after the verb and the predicate 十分重要 are dropped: the view that the aims are "
               "important becomes backing of the same aims"),
        # 司法合作
        S(55, "成员国高度评价2019年6月17日", "成员国欢迎2019年6月17日", "高度评价", "欢迎", "weaker"),
        T(55, "有效合作将巩固并促进", "有效合作有助于巩固并促进", "lookalike",
          "将 here predicts what the courts' cooperation will do (\"will consolidate\"); it is replaced by 有助于. "
          "It is not the volition modal of the endorsers, and 确信 is unchanged: no modality change."),
        # 经贸合作
        T(59, "成员国认为提高人民福祉和生活水平是优先任务，并注意到巴基斯坦伊斯兰共和国关于建立减贫专门工作组的倡议。",
          "成员国注意到巴基斯坦伊斯兰共和国关于建立减贫专门工作组的倡议，并认为提高人民福祉和生活水平是优先任务。",
          "reorder", "the 认为 clause and the 注意到 clause swap places, word for word. Not 认为→注意到 nor 注意到→认为."),
        S(73, "严峻问题，指出应更加关注", "严峻问题，认为应更加关注", "指出", "认为", "stronger"),
        T(77, "《关于扩大上合组织区域本币使用的共同立场》", "《关于进一步扩大上合组织区域本币使用的共同立场》",
          "quoted_title",
          "进一步 is added only inside the title 《关于…的共同立场》; the paragraph's own 注意到 is unchanged. Not a shift."),
        T(79, "2020年2月27日在日内瓦", "2020年2月28日在日内瓦", "number_only",
          "only the date next to the unchanged 注意到 changes (the 高度重视 of the first sentence is unchanged too). "
          "Not a shift."),
        S(81, "成员国注意到乌兹别克斯坦共和国关于在联合国主导下", "成员国赞赏乌兹别克斯坦共和国关于在联合国主导下",
          "注意到", "赞赏", "stronger"),
        T(82, "成员国支持落实2019年11月2日", "成员国重申支持落实2019年11月2日", "inserted_verb",
          INSERTED_VERB.format(what="重申 is inserted in front of the unchanged 支持", verb="支持",
                               alt="stronger, for the added 重申")),
        S(83, "成员国注意到乌兹别克斯坦共和国关于制定", "成员国坚定支持乌兹别克斯坦共和国关于制定",
          "注意到", "坚定支持", "stronger"),
        E(84, "成员国强调，加强能源和工业领域合作", STATES3 + "强调，加强能源和工业领域合作",
          "成员国", STATES3, "narrower"),
        T(86, "智慧农业与推广农业创新", "智慧农业与积极推广农业创新", "quoted_title",
          "积极 is added only inside the title 《上合组织成员国智慧农业与…合作构想》; 注意到 is unchanged. "
          "No intensity change of a commitment."),
        S(88, "，欢迎2020年10月27日", "，积极评价2020年10月27日", "欢迎", "积极评价", "stronger"),
        S(90, "严重后果表示关切", "严重后果表示严重关切", "关切", "严重关切", "stronger", scale="concern"),
        T(91, "绿色之带纲要》的倡议。", "绿色之带纲要》的倡议，认为该倡议有助于推动地区绿色发展。", "clause_addition",
          "认为 arrives inside a whole new clause: a clause addition, not a stance shift; 注意到 is unchanged."),
        # 人文合作
        I(93, "进一步巩固睦邻友好合作关系", "巩固睦邻友好合作关系", "进一步巩固", "巩固", "weaker"),
        I(95, "促进旅游合作", "大力促进旅游合作", "促进", "大力促进", "stronger"),
        T(97, "2020年11月30日至2021年2月28日", "2020年12月1日至2021年3月1日", "number_only",
          "only the dates of the exhibition change next to the unchanged 欢迎. Not a shift."),
        T(98, "成员国强调，女性应", "成员国强调女性应", "punctuation",
          "only the comma after 强调 is dropped; 强调 and the modal 应 are unchanged. Not a shift."),
        M(102, "成员国将进一步加强旅游合作", "成员国愿进一步加强旅游合作", "将", "愿", "weaker", "modal_volition"),
        E(102, "成员国支持继续举办", STATES4 + "支持继续举办", "成员国", STATES4, "narrower"),
        M(103, "，愿在行动信息交流", "，将在行动信息交流", "愿", "将", "stronger", "modal_volition"),
        S(104, "成员国高度评价2019年11月4日至8日", "成员国注意到2019年11月4日至8日", "高度评价", "注意到", "weaker"),
        T(106, "积极评价2020年10月29日至31日", "肯定2020年10月29日至31日", "same_level",
          "积极评价 → 肯定: both level 3 of the stance scale; no direction, not a shift to report."),
        M(106, "强调青委会应继续参与", "强调青委会必须继续参与", "应", "必须", "stronger", "modal_obligation"),
        S(107, "成员国欢迎印度、巴基斯坦加入", "成员国坚定支持印度、巴基斯坦加入", "欢迎", "坚定支持", "stronger"),
        S(109, "，支持青委会“上合组织青年创业国际孵化器”项目", "，注意到青委会“上合组织青年创业国际孵化器”项目",
          "支持", "注意到", "weaker"),
        T(113, "常设平台的倡议。", "常设平台的倡议。成员国强调，必须全面加强该领域合作。", "clause_addition",
          "强调, the modal 必须 and the intensifier 全面 arrive with a whole new sentence: an addition, not a stance, "
          "modality or intensity change; 注意到 is unchanged."),
        T(115, "欢迎将消费者权益保护列入", "欢迎把消费者权益保护列入", "lookalike",
          "将 here is the disposal marker (将…列入), replaced by its synonym 把; it is not \"will\": no modality change. "
          "欢迎 is unchanged."),
        E(115, "成员国强调，在当今电商市场", "有关成员国强调，在当今电商市场", "成员国", "有关成员国", "narrower"),
        # 国际交往
        M(122, "将继续采取协同措施应对", "愿继续采取更加有效的协同措施应对", "将", "愿", "weaker", "modal_volition",
          also="更加有效的 inserted before 协同措施"),
        I(128, "深化全方位伙伴合作", "进一步深化全方位伙伴合作", "深化", "进一步深化", "stronger"),
    ]
