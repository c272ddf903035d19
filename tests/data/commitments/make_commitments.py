#!/usr/bin/env python3
"""Writes the commitment-change evaluation set: two draft/final pairs (dev and heldout) and their gold.

The draft of each part is the shipped 2020 declaration (corpora/sco/sco-2020.zh.txt), copied
byte for byte. The final of each part is that text with the hand-decided edits below applied,
each inside one block (a block is a non-empty line, headings included), so block i of the draft
corresponds to block i of the final. The edits are written by the decldiff project in the
register of the declarations and are ILLUSTRATIVE: no official text says them.

Every edit is one replacement context_old -> context_new inside one block, and every edit is
one gold item: a commitment change (kind stance / modality / intensity / endorsers) or a trap
(an edit that must not be reported as a commitment change, or, for inserted_verb, may be read
either way). The dev edits are in this file; the heldout edits are in heldout_edits.py. Both
parts touch disjoint blocks.

Run from anywhere: python3 tests/data/commitments/make_commitments.py
Then check:        python3 tests/data/commitments/check_gold.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
BASE = os.path.join(ROOT, "corpora", "sco", "sco-2020.zh.txt")

sys.path.insert(0, HERE)


# ---------------------------------------------------------------- edit constructors
def _change(block, old, new, kind, frm, to, direction, scale, also=None):
    item = {"block": block, "kind": kind, "from": frm, "to": to, "direction": direction,
            "scale": scale, "context_old": old, "context_new": new}
    if also:
        item["also"] = also
    return ("change", item)


def S(block, old, new, frm, to, direction, scale="stance", also=None):
    """Stance word replaced by another on the same scale (stance or concern)."""
    return _change(block, old, new, "stance", frm, to, direction, scale, also)


def M(block, old, new, frm, to, direction, scale, also=None):
    """Modal replaced: modal_obligation 可/可以 < 应/应当 < 必须, modal_volition 愿 < 将, modal_appeal 呼吁 < 敦促."""
    return _change(block, old, new, "modality", frm, to, direction, scale, also)


def I(block, old, new, frm, to, direction, also=None):
    """Intensifier added (stronger) or dropped (weaker) around an unchanged verb; from/to are whole phrases."""
    return _change(block, old, new, "intensity", frm, to, direction, "intensity", also)


def E(block, old, new, frm, to, direction, also=None):
    """The subject holding the commitment changes; from/to are the whole subjects."""
    return _change(block, old, new, "endorsers", frm, to, direction, "endorsers", also)


def T(block, old, new, trap, note):
    return ("trap", {"block": block, "trap": trap, "context_old": old, "context_new": new, "note": note})


LIST6 = "哈萨克斯坦共和国、吉尔吉斯共和国、巴基斯坦伊斯兰共和国、俄罗斯联邦、塔吉克斯坦共和国、乌兹别克斯坦共和国"
LIST7 = "印度共和国、" + LIST6
LIST6_AND = "哈萨克斯坦共和国、吉尔吉斯共和国、巴基斯坦伊斯兰共和国、俄罗斯联邦、塔吉克斯坦共和国和乌兹别克斯坦共和国"
INSERTED_VERB = ("not a one-for-one replacement: {what}. Expected: no commitment shift. Also acceptable: "
                 "{alt}. Wrong: reporting it as {verb} replaced by 重申 (or 重申 by {verb}), "
                 "or a shift in the opposite direction.")

# ---------------------------------------------------------------- dev edits (decided by hand)
DEV = [
    # preamble
    S(2, "成员国指出，2020年是", "成员国强调，2020年是", "指出", "强调", "stronger"),
    T(2, "深切缅怀并高度评价同反法西斯", "深切缅怀并赞赏同反法西斯", "same_level",
      "高度评价 → 赞赏: both level 4 of the stance scale; no direction, not a shift to report."),
    T(4, "成员国重申，坚定支持联合国", "成员国重申坚定支持联合国", "punctuation",
      "only the comma after 重申 is dropped; 重申 and 坚定支持 are unchanged. Not a shift and not an inserted verb."),
    M(6, "愿进一步加强政策沟通", "将进一步加强政策沟通", "愿", "将", "stronger", "modal_volition"),
    # 安全合作
    S(8, "成员国重申联合国的中心协调作用", "成员国肯定联合国的中心协调作用", "重申", "肯定", "weaker"),
    S(10, "成员国支持推进“叙人主导", "成员国坚定支持推进“叙人主导", "支持", "坚定支持", "stronger"),
    M(10, "十分重要，应协助难民", "十分重要，必须协助难民", "应", "必须", "stronger", "modal_obligation"),
    T(11, "2019年至2021年合作纲要", "2022年至2024年合作纲要", "number_only",
      "only the years of the programme change (inside its title); 成员国支持继续落实 is unchanged. Not a shift."),
    S(15, "成员国欢迎塔吉克斯坦共和国", "成员国赞赏塔吉克斯坦共和国", "欢迎", "赞赏", "stronger"),
    M(16, "成员国强调，必须加强合作", "成员国强调，应加强合作", "必须", "应", "weaker", "modal_obligation"),
    I(17, "各方高度重视采取措施", "各方重视采取措施", "高度重视", "重视", "weaker"),
    S(18, "成员国认为，落实联合国大会", "成员国强调，落实联合国大会", "认为", "强调", "stronger"),
    M(19, "成员国将继续落实2018年", "成员国愿继续落实2018年", "将", "愿", "weaker", "modal_volition"),
    S(21, "毒品问题表示关切", "毒品问题表示严重关切", "关切", "严重关切", "stronger", scale="concern"),
    M(21, "成员国愿在专门国际场合", "成员国将在专门国际场合", "愿", "将", "stronger", "modal_volition"),
    S(26, "成员国支持上合组织同联合国毒品", "成员国欢迎上合组织同联合国毒品", "支持", "欢迎", "weaker"),
    E(28, "成员国愿同相关国家", LIST6_AND + "愿同相关国家", "成员国", LIST6_AND, "narrower"),
    S(30, "成员国注意到2020年5月23日至27日俄罗斯联邦主办", "成员国积极评价2021年5月俄罗斯联邦主办",
      "注意到", "积极评价", "stronger", also="date 2020年5月23日至27日 → 2021年5月"),
    T(33, "经济犯罪会议机制的倡议。", "经济犯罪会议机制的倡议，认为应研究其可行性。", "clause_addition",
      "认为 and the modal 应 (and the 可 of 可行性) arrive inside a new clause: a clause addition, not a stance or modality shift; 注意到 is unchanged."),
    I(34, "成员国支持进一步加强反腐败", "成员国支持加强反腐败", "进一步加强", "加强", "weaker"),
    T(35, "成员国坚定支持维护和加强", "成员国重申坚定支持维护和加强", "inserted_verb",
      INSERTED_VERB.format(what="重申 is inserted in front of the unchanged 坚定支持", verb="坚定支持",
                           alt="stronger, for the added 重申")),
    T(37, "将危害国际安全与稳定", "将严重危害国际安全与稳定", "lookalike",
      "将 here predicts (\"would endanger\") and 严重 qualifies 危害, a third party's act, not a commitment of the endorsers: "
      "no modality, intensity or concern change (严重 is not 严重关切)."),
    S(38, "成员国欢迎联合国政府专家组", "成员国注意到联合国政府专家组", "欢迎", "注意到", "weaker"),
    S(39, "成员国反对建立任何", "成员国坚决反对建立任何", "反对", "坚决反对", "stronger", scale="concern"),
    T(40, "为应对化学、生物", "为防范化学、生物", "lookalike",
      "应对 (\"cope with\") is replaced by 防范: the 应 of 应对 is not the modal; the real modal 应在 of the sentence is unchanged."),
    M(41, "成员国呼吁《禁止化学武器公约》", "成员国敦促《禁止化学武器公约》", "呼吁", "敦促", "stronger", "modal_appeal"),
    T(42, "成员国重申支持禁止化学武器组织", "成员国支持禁止化学武器组织", "inserted_verb",
      INSERTED_VERB.format(what="重申 in front of the unchanged 支持 is dropped", verb="支持",
                           alt="weaker, for the dropped 重申")),
    S(46, "反对以任何借口", "严重关切以任何借口", "反对", "严重关切", "weaker", scale="concern"),
    S(47, "成员国认为，制定《", "成员国指出，制定《", "认为", "指出", "weaker"),
    # 经贸合作
    M(58, "成员国强调，应履行世贸组织", "成员国强调，必须履行世贸组织", "应", "必须", "stronger", "modal_obligation"),
    M(58, "成员国将在世贸组织部长级会议上", "成员国愿在世贸组织第十二届部长级会议上", "将", "愿", "weaker",
      "modal_volition", also="第十二届 inserted before 部长级会议"),
    T(61, "元首关于贸易便利化的联合声明", "元首关于支持贸易便利化的联合声明", "quoted_title",
      "支持 is added only inside the title 《上合组织成员国元首关于…的联合声明》; the paragraph's own 成员国支持 is unchanged. Not a shift."),
    E(62, LIST6 + "支持中华", LIST7 + "支持中华", LIST6, LIST7, "wider"),
    S(63, "鉴此，成员国注意到俄罗斯联邦", "鉴此，成员国支持俄罗斯联邦", "注意到", "支持", "stronger"),
    S(64, "成员国强调，落实《上合", "成员国认为，落实《上合", "强调", "认为", "weaker"),
    I(65, "有必要加强数字经济", "有必要进一步加强数字经济", "加强", "进一步加强", "stronger"),
    M(66, "相关部委应研究该倡议", "相关部委可研究该倡议", "应", "可", "weaker", "modal_obligation"),
    I(67, "成员国支持落实2019年", "成员国支持切实落实2019年", "落实", "切实落实", "stronger"),
    T(69, "注意到2020年9月24日", "注意到2020年9月25日", "number_only",
      "only the date next to the unchanged 注意到 changes. Not a shift."),
    E(70, "成员国支持继续商谈", "有关成员国支持继续商谈", "成员国", "有关成员国", "narrower"),
    S(74, "成员国支持塔吉克斯坦共和国在联合国", "成员国赞赏塔吉克斯坦共和国在联合国", "支持", "赞赏", "weaker"),
    I(75, "重视落实《上合组织成员国地方合作", "高度重视落实《上合组织成员国地方合作", "重视", "高度重视", "stronger"),
    I(76, "支持实业界合作倡议", "积极支持实业界合作倡议", "支持", "积极支持", "stronger"),
    M(78, "成员国强调，应继续深化交通", "成员国强调，必须继续深化交通", "应", "必须", "stronger", "modal_obligation"),
    T(80, "包括制定相应规划", "包括将其纳入相应规划", "lookalike",
      "将 here is the disposal marker (将其纳入…), not \"will\": no modality change."),
    I(85, "成员国将进一步加强农业领域合作", "成员国将加强农业领域合作", "进一步加强", "加强", "weaker"),
    E(87, "成员国支持发掘科技园区潜力", "中华人民共和国、哈萨克斯坦共和国和俄罗斯联邦支持发掘科技园区潜力",
      "成员国", "中华人民共和国、哈萨克斯坦共和国和俄罗斯联邦", "narrower"),
    T(89, "成员国欢迎并支持继续落实", "成员国支持并欢迎继续落实", "reorder",
      "欢迎 and 支持 swap places; both are still there, unchanged. Not 欢迎→支持 nor 支持→欢迎."),
    # 人文合作
    S(94, "成员国注意到，定期举办", "成员国认为，定期举办", "注意到", "认为", "stronger"),
    T(96, "框架内宣布2021年为上合组织文化年", "框架内将2021年作为上合组织文化年", "lookalike",
      "将 here is the disposal marker (将2021年作为…), not \"will\"; 认为 is unchanged: no modality or stance change."),
    T(100, "会议机制的倡议。", "会议机制的倡议，并将就此进一步开展磋商。", "clause_addition",
      "将 and 进一步 arrive with a whole new clause: a clause addition, not a modality or intensity change; 注意到 is unchanged."),
    S(105, "成员国强调，落实《2019—2021年", "成员国重申，落实《2019—2021年", "强调", "重申", "stronger"),
    S(111, "欢迎2019年12月16日在莫斯科举行", "注意到2020年12月在塔什干举行", "欢迎", "注意到", "weaker",
      also="date 2019年12月16日 → 2020年12月; place 莫斯科 → 塔什干"),
    S(112, "成员国强调，有必要研究建立", "成员国指出，有必要研究建立", "强调", "指出", "weaker"),
    # 国际交往
    S(121, "成员国高度评价由俄罗斯联邦倡议", "成员国积极评价由俄罗斯联邦和中华人民共和国倡议", "高度评价", "积极评价",
      "weaker", also="co-initiator 和中华人民共和国 added after 俄罗斯联邦"),
    I(126, "一如既往加强本组织", "一如既往全面加强本组织", "加强", "全面加强", "stronger"),
    S(127, "成员国高度评价俄罗斯联邦", "成员国肯定俄罗斯联邦", "高度评价", "肯定", "weaker"),
]


# ---------------------------------------------------------------- writing
def read_base():
    with open(BASE, encoding="utf-8", newline="") as f:
        return f.read()


def blocks_of(lines):
    """Indices (into lines) of the non-empty lines: block i is lines[blocks[i]]."""
    return [n for n, line in enumerate(lines) if line.strip()]


def build(items, folder):
    base = read_base()
    lines = base.split("\n")
    index = blocks_of(lines)
    new_lines = list(lines)
    by_block = {}
    for what, item in items:
        by_block.setdefault(item["block"], []).append(item)
    for b, its in sorted(by_block.items()):
        text = lines[index[b]]
        for item in its:
            old, new = item["context_old"], item["context_new"]
            assert lines[index[b]].count(old) == 1, (folder, b, old)
            assert text.count(old) == 1, (folder, b, old)
            text = text.replace(old, new)
        new_lines[index[b]] = text
    final = "\n".join(new_lines)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "draft.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(base)
    with open(os.path.join(folder, "final.txt"), "w", encoding="utf-8", newline="") as f:
        f.write(final)

    def order(item):
        draft_block = lines[index[item["block"]]]
        return (item["block"], draft_block.index(item["context_old"]))

    changes = sorted((it for w, it in items if w == "change"), key=order)
    traps = sorted((it for w, it in items if w == "trap"), key=order)
    gold = {"draft": "draft.txt", "final": "final.txt", "changes": changes, "traps": traps}
    with open(os.path.join(folder, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(os.path.relpath(folder, ROOT), len(changes), "changes,", len(traps), "traps")


def main():
    from heldout_edits import heldout
    build(DEV, os.path.join(HERE, "dev"))
    build(heldout(S, M, I, E, T, INSERTED_VERB), os.path.join(HERE, "heldout"))


if __name__ == "__main__":
    main()
