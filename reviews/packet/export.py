"""A promo document as Markdown: the narratives verbatim, the evidence as links back to the
entries, safe to paste anywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from promo.models import display_name

if TYPE_CHECKING:  # the read model imports this module to freeze documents
    from reviews.packet.selectors import Draft, Evidence, Section


def _evidence_line(item: Evidence, site: str) -> str:
    if item.confirmed and not item.capped:
        mark = "confirmed by a mentor"
    elif item.confirmed:
        mark = "confirmed by a mentor; impact still to show"
    elif item.reviewed:
        mark = "a mentor judged it partly shown"
    else:
        mark = "not reviewed yet"
    shipped = f", shipped {item.entry.shipped_on:%d %b %Y}" if item.entry.shipped_on else ""
    line = (
        f"- [{_md_text(item.entry.title)}]({site}{item.entry.get_absolute_url()})"
        f" — week of {item.entry.week_start:%d %b %Y}{shipped}; {mark}."
    )
    if item.entry.impact_measured:
        line += f"\n  Measured impact: {_md_text(item.entry.impact_measured)}"
    return line


def _md_text(text: str) -> str:
    """One line of plain text that Markdown will not read as links, emphasis or headings."""
    flat = " ".join(text.split())
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in flat)


def _section_markdown(section: Section, *, site: str = "") -> str:
    """One behaviour's part of the document: the narrative verbatim, warnings, and every entry
    the engineer did not hide, in their order."""
    lines = [section.narrative.strip() or "_No narrative written yet._", ""]
    for warning in section.warnings:
        lines += [f"> Warning: {warning}", ""]
    if section.evidence:
        lines += ["Evidence:", ""]
        lines += [_evidence_line(item, site) for item in section.evidence]
    return "\n".join(lines).rstrip()


def markdown(draft: Draft, *, site: str = "") -> str:
    """The document as Markdown: narratives verbatim, evidence as links back to the entries."""
    document = draft.document
    name = display_name(draft.engineer)
    lines = [
        f"# {_md_text(name)}: the case for {_md_text(document.level.name)}",
        "",
        f"Evidence from {document.period_start:%d %B %Y} to {document.period_end:%d %B %Y}.",
        "",
    ]
    for section in draft.sections:
        lines += [f"## {_md_text(section.behaviour.name)}", ""]
        lines += [_section_markdown(section, site=site), ""]
    return "\n".join(lines).rstrip() + "\n"
