"""Interface words of each edition, and how a unit is named in running text."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Unit


@dataclass(frozen=True)
class Labels:
    language: str
    home: str
    paragraphs: str
    paragraph: str
    full_text: str
    footnotes: str
    contents: str
    parallel: str
    copy_link: str
    unit: str
    point: str
    cite: str
    copy_citation: str
    downloads: str
    glossary: str
    instruments: str
    actions: str
    site_form: str
    copy: str
    adopted: str
    official_record: str
    symbol: str
    notes: str
    note: str
    note_on: str
    revised: str
    earlier: str
    changes: str
    changes_intro: str
    no_history: str
    draft: str
    previously: str


LABELS = {
    "zh": Labels(
        language="中文",
        home="首页",
        paragraphs="段落",
        paragraph="第 {n} 段",
        full_text="全文",
        footnotes="脚注",
        contents="目录",
        parallel="中英对照",
        copy_link="复制{unit}的链接",
        unit="第{n}段",
        point="第{n}段({letter})分段",
        cite="引用",
        copy_citation="复制引文",
        downloads="下载",
        glossary="术语表",
        instruments="所引文书",
        actions="{unit}：链接与引文",
        site_form="本站格式",
        copy="复制",
        adopted="通过日期",
        official_record="正式记录",
        symbol="文号",
        notes="译者注",
        note="译者注",
        note_on="译者注（英文本“{at}”）",
        revised="本站文本修订于{date}",
        earlier="早先措辞（{n}）",
        changes="修订记录",
        changes_intro="本站各段文本的修订，最新的在前，取自源文本的版本历史。每一措辞都有固定地址。",
        no_history="本次构建没有版本历史（{reason}）。",
        draft="未提交的修订",
        previously="此前措辞",
    ),
    "en": Labels(
        language="English",
        home="Home",
        paragraphs="Paragraphs",
        paragraph="Paragraph {n}",
        full_text="Full text",
        footnotes="Footnotes",
        contents="Contents",
        parallel="Side by side",
        copy_link="Copy the link to {unit}",
        unit="para. {n}",
        point="para. {n} ({letter})",
        cite="Cite",
        copy_citation="Copy citation",
        downloads="Downloads",
        glossary="Glossary",
        instruments="Cited instruments",
        actions="Link and citation: {unit}",
        site_form="This site",
        copy="Copy",
        adopted="Adopted",
        official_record="Official record",
        symbol="Symbol",
        notes="Translator's notes",
        note="Translator's note",
        note_on="Translator's note on “{at}”",
        revised="revised {date}",
        earlier="Earlier wordings ({n})",
        changes="What changed",
        changes_intro=(
            "Revisions of the text of each unit on this site, newest first, from the version history of "
            "the source texts. Every wording has its own stable address."
        ),
        no_history="This build has no version history ({reason}).",
        draft="revision not yet committed",
        previously="previous wording",
    ),
}


def unit_name(unit: Unit, lang: str) -> str:
    labels = LABELS[lang]
    if unit.letter:
        return labels.point.format(n=unit.paragraph, letter=unit.letter)
    return labels.unit.format(n=unit.paragraph)


def paragraph_title(number: int, lang: str) -> str:
    return LABELS[lang].paragraph.format(n=number)
