"""The glossary in templates: `{% load vocabulary %}`, then a term's label, its meaning, or both
as a <dfn> where a page first uses it. The words themselves live in reviews.vocabulary."""

from typing import Any

from django import template
from django.contrib.auth.models import User

from promo.models import Level, display_name, short_name
from reviews.vocabulary import (
    BEHAVIOUR,
    EVIDENCE,
    NOTES,
    OVERALL,
    TERMS,
    Term,
    check_heading,
    check_question,
)

register = template.Library()

SCALES = {"overall": OVERALL, "behaviour": BEHAVIOUR, "evidence": EVIDENCE, "notes": NOTES}


@register.filter
def term(key: str) -> str:
    """`{{ "flashes"|term }}`: what people read for a stored or computed value."""
    return TERMS[key].label


@register.filter
def means(key: str) -> str:
    """`{{ "flashes"|means }}`: the term's meaning in one line."""
    return TERMS[key].means


@register.simple_tag
def scale(name: str) -> tuple[Term, ...]:
    """`{% scale "evidence" as terms %}`: the terms of one scale, in order."""
    return SCALES[name]


@register.inclusion_tag("reviews/includes/dfn.html")
def dfn(key: str, lower: bool = False) -> dict[str, Any]:
    """`{% dfn "flashes" %}`: the term, defined in place (a title on hover, the words in print)."""
    found = TERMS[key]
    return {"term": found, "label": found.label.lower() if lower else found.label}


@register.simple_tag(name="check_question")
def check_question_tag(engineer: User, level: Level | None) -> str:
    """`{% check_question engineer level %}`: the question as its respondent reads it."""
    return check_question(display_name(engineer), level.name if level else None)


@register.simple_tag(name="check_heading")
def check_heading_tag(engineer: User, level: Level | None, is_self: bool = False) -> str:
    """`{% check_heading engineer level is_self %}`: the question, about whom it asks."""
    return check_heading(short_name(engineer), level.name if level else None, is_self=is_self)
