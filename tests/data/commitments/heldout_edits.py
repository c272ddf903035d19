"""Heldout edits of the commitment-change set (used by make_commitments.py).

Decided by hand, on blocks that the dev edits do not touch, with other word pairs where the
2020 text allows (the modal pairs are too few to avoid every repeat: 敦促, 可 and 可以 do not
occur in the 2020 text, so 呼吁→敦促 is the only appeal change and obligation can only go up
from 应 or down to 可/可以). ILLUSTRATIVE text written by the decldiff project.

Measure on this part once, at the end; do not tune on it.
"""


def heldout(S, M, I, E, T, INSERTED_VERB):
    return [
        # preamble
        I(3, "成员国将继续推动上合组织", "成员国将继续大力推动上合组织", "推动", "大力推动", "stronger"),
        M(3, "成员国将加强政治对话", "成员国愿加强政治对话", "将", "愿", "weaker", "modal_volition"),
        S(5, "各方重申，倡议推动", "各方强调，倡议推动", "重申", "强调", "weaker"),
        # 安全合作
        S(9, "成员国欢迎第73届", "成员国高度评价第73届", "欢迎", "高度评价", "stronger"),
        T(12, "应成员国要求", "应有关成员国要求", "lookalike",
          "应 here means \"at the request of\" (应…要求), not the modal; 有关成员国 is the requester, not the subject "
          "(the subject 成员国 before 支持 is unchanged): no modality and no endorsers change."),
        T(13, "发挥着特殊作用。", "发挥着特殊作用。成员国支持进一步提升该机构工作效率。", "clause_addition",
          "支持 and 进一步 arrive with a whole new sentence: an addition, not a stance or intensity change; 强调 is unchanged."),
        T(14, "肯定定期举行", "积极评价定期举行", "same_level",
          "肯定 → 积极评价: both level 3 of the stance scale; no direction, not a shift to report."),
        S(20, "的前提下，强调根据", "的前提下，注意到根据", "强调", "注意到", "weaker"),
        S(22, "成员国认为，非法种植", "成员国重申，非法种植", "认为", "重申", "stronger"),
        I(24, "全面有效落实《2018", "有效落实《2018", "全面有效落实", "有效落实", "weaker"),
        T(25, "十分重要，应采取措施", "十分重要，应当采取措施", "same_level",
          "应 → 应当: the same level (2) of modal_obligation; no direction, not a modality shift."),
        S(29, "成员国积极评价2020年3月2日", "成员国高度评价2020年3月2日", "积极评价", "高度评价", "stronger"),
        M(43, "呼吁相关各方", "敦促相关各方", "呼吁", "敦促", "stronger", "modal_appeal"),
        E(44, "作为《不扩散核武器条约》缔约国的上合组织成员国，一贯主张恪守条约规定",
          "上合组织成员国一贯主张恪守《不扩散核武器条约》规定",
          "作为《不扩散核武器条约》缔约国的上合组织成员国", "上合组织成员国", "wider",
          also="the restriction to the member states that are parties to the treaty is dropped; the title moves "
               "into the object (恪守条约规定 → 恪守《不扩散核武器条约》规定)"),
        S(49, "，欢迎拟在杜尚别", "，支持在杜尚别", "欢迎", "支持", "stronger", also="拟 (\"planned\") dropped"),
        S(50, "成员国重申上合组织有必要", "成员国认为上合组织有必要", "重申", "认为", "weaker"),
        # 经贸合作
        S(57, "反对破坏多边贸易体制", "关注破坏多边贸易体制", "反对", "关注", "weaker", scale="concern"),
        T(60, "绿色、可持续发展", "绿色发展", "lookalike",
          "可持续 is dropped from a list of adjectives: its 可 is not the modal 可; no modality change."),
        S(68, "成员国注意到乌兹别克斯坦共和国", "成员国欢迎乌兹别克斯坦共和国", "注意到", "欢迎", "stronger"),
        S(71, "成员国注意到在地区发展战略规划", "成员国肯定在地区发展战略规划", "注意到", "肯定", "stronger"),
        T(71, "在数字化时代发展偏远和农村地区", "在数字化时代大力发展偏远和农村地区", "quoted_title",
          "大力 is added only inside the title 《…合作构想》: no intensity change of a commitment."),
        # 人文合作
        E(99, "各方支持落实2019年", "有关各方支持落实2019年", "各方", "有关各方", "narrower"),
        E(101, "成员国欢迎定期举办", "中华人民共和国和吉尔吉斯共和国欢迎定期举办",
          "成员国", "中华人民共和国和吉尔吉斯共和国", "narrower"),
        I(108, "愿积极参与文件商谈", "愿参与文件商谈", "积极参与", "参与", "weaker"),
        S(110, "成员国注意到2020年7月3日在莫斯科举行", "成员国高度评价2021年4月在杜尚别举行", "注意到", "高度评价",
          "stronger", also="date 2020年7月3日 → 2021年4月; place 莫斯科 → 杜尚别"),
        S(114, "成员国反对将新冠肺炎疫情污名化", "成员国谴责将新冠肺炎疫情污名化", "反对", "谴责", "stronger",
          scale="concern"),
        M(114, "强调应进一步加强国际合作", "强调必须进一步加强国际合作", "应", "必须", "stronger", "modal_obligation"),
        T(116, "成员国重申，将落实", "成员国重申将落实", "punctuation",
          "only the comma after 重申 is dropped; 重申 and 将 are unchanged. Not a shift."),
        M(116, "成员国认为，应推动媒体", "成员国认为，可以推动媒体", "应", "可以", "weaker", "modal_obligation"),
        T(117, "成员国注意到中国上合组织睦邻友好合作委员会和乌兹别克斯坦上合组织民间外交中心的工作，"
               "注意到吉尔吉斯共和国关于建立上合组织文化一体化中心的倡议。",
          "成员国注意到吉尔吉斯共和国关于建立上合组织文化一体化中心的倡议，"
          "注意到中国上合组织睦邻友好合作委员会和乌兹别克斯坦上合组织民间外交中心的工作。", "reorder",
          "the two 注意到 clauses swap places, word for word. Not a shift."),
        # 国际交往
        I(119, "加强对外政策协调", "切实加强对外政策协调", "加强", "切实加强", "stronger"),
        T(120, "将在第75届联合国大会", "将在第76届联合国大会", "number_only",
          "only the session number next to the unchanged 将 changes. Not a modality change."),
        S(123, "成员国重申，坚定支持以国际法至上", "成员国重申，支持以国际法至上", "坚定支持", "支持", "weaker"),
        M(124, "成员国愿进一步推动观察员国", "成员国将进一步推动观察员国", "愿", "将", "stronger", "modal_volition"),
        T(125, "成员国支持进一步扩大", "成员国重申支持进一步扩大", "inserted_verb",
          INSERTED_VERB.format(what="重申 is inserted in front of the unchanged 支持", verb="支持",
                               alt="stronger, for the added 重申")),
    ]
