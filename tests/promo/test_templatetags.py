"""The template filters in promo_tags: `display_name` and `get`."""

import pytest
from django.template import Context, Template

from tests.factories import UserFactory


def render(source: str, **context: object) -> str:
    return Template("{% load promo_tags %}" + source).render(Context(context))


def test_display_name_is_the_full_name_when_there_is_one():
    user = UserFactory.build(username="ada", first_name="Ada", last_name="Lovelace")
    assert render("{{ user|display_name }}", user=user) == "Ada Lovelace"


@pytest.mark.parametrize(
    ("first", "last", "shown"), [("Ada", "", "Ada"), ("", "Lovelace", "Lovelace")]
)
def test_display_name_uses_what_there_is_of_the_name(first, last, shown):
    user = UserFactory.build(username="ada", first_name=first, last_name=last)
    assert render("{{ user|display_name }}", user=user) == shown


def test_display_name_falls_back_to_the_username_without_a_full_name():
    user = UserFactory.build(username="ada", first_name="", last_name="")
    assert render("{{ user|display_name }}", user=user) == "ada"


def test_display_name_is_escaped_like_any_variable():
    user = UserFactory.build(first_name="<b>Ada</b>", last_name="O'Hara & Co")
    assert render("{{ user|display_name }}", user=user) == (
        "&lt;b&gt;Ada&lt;/b&gt; O&#x27;Hara &amp; Co"
    )


def test_display_name_is_not_escaped_where_autoescape_is_off():
    user = UserFactory.build(first_name="<b>Ada</b>", last_name="O'Hara")
    source = "{% autoescape off %}{{ user|display_name }}{% endautoescape %}"
    assert render(source, user=user) == "<b>Ada</b> O'Hara"


@pytest.mark.parametrize("first_name", ["Ada", "", "<i>Ada</i>"])
@pytest.mark.parametrize(
    "old",
    [
        "{{ user.get_full_name|default:user.username }}",
        "{{ user.get_full_name|default:user.get_username }}",
    ],
)
def test_display_name_prints_what_the_spelled_out_rule_printed(old, first_name):
    user = UserFactory.build(username="a&b", first_name=first_name, last_name="")
    assert render("{{ user|display_name }}", user=user) == render(old, user=user)


def test_get_returns_the_value_for_a_key():
    counts = {"ready": 3, "close": 0}
    assert render("{{ counts|get:status }}", counts=counts, status="ready") == "3"
    assert render("{{ counts|get:status }}", counts=counts, status="close") == "0"


def test_get_takes_a_literal_key():
    assert render('{{ counts|get:"ready" }}', counts={"ready": 3}) == "3"


def test_get_renders_nothing_for_a_missing_key():
    assert render("[{{ counts|get:status }}]", counts={"ready": 3}, status="building") == "[]"


def test_get_value_is_escaped_like_any_variable():
    assert render("{{ notes|get:1 }}", notes={1: "<script>"}) == "&lt;script&gt;"


@pytest.mark.parametrize(("first", "shown"), [("Amara", "Amara"), ("", "amara.o")])
def test_short_name_is_the_first_name_else_the_username(first, shown):
    user = UserFactory.build(username="amara.o", first_name=first, last_name="Okafor")
    assert render("{{ user|short_name }}", user=user) == shown
