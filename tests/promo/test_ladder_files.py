"""Ladder files: the shipped ladder, export/import round trips, and bad files explained."""

from io import StringIO
from pathlib import Path

import pytest
import tomli_w
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from promo import ladder_files
from promo.ladder_files import DEFAULT_LADDER_FILE
from promo.models import Behaviour, Ladder, Level
from tests.factories import PersonFactory

GOOD = """
[ladder]
name = "Small ladder"
slug = "small"

[[levels]]
name = "Junior"
summary = "Learns fast."

[[levels.behaviours]]
name = "Delivery"
description = "Ships small things."
examples = ["Shipped the login fix"]

[[levels]]
name = "Senior"

[[levels.behaviours]]
name = "Growing others"
description = "Teaches others to unblock themselves."
"""


def write(tmp_path: Path, text: str, name: str = "ladder.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def import_file(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("ladder_import", str(path), *args, stdout=out)
    return out.getvalue()


def export(slug: str, fmt: str = "toml") -> str:
    out = StringIO()
    call_command("ladder_export", slug, "--format", fmt, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Behaviour.objects.order_by("level__ladder__slug", "level__rank", "rank").values_list(
            "level__ladder__slug",
            "level__ladder__name",
            "level__rank",
            "level__name",
            "rank",
            "name",
            "description",
        )
    )


def test_default_ladder_has_five_levels_each_with_six_or_more_behaviours_and_examples():
    spec = ladder_files.parse(DEFAULT_LADDER_FILE.read_text(encoding="utf-8"), "toml")
    assert [level.name for level in spec.levels] == [
        "Engineer I",
        "Engineer II",
        "Senior Engineer",
        "Staff Engineer",
        "Principal Engineer",
    ]
    for level in spec.levels:
        assert len(level.behaviours) >= 6, level.name
        assert all(len(b.examples) >= 3 for b in level.behaviours), level.name


def test_default_ladder_covers_the_next_level_behaviours_from_senior_up():
    spec = ladder_files.parse(DEFAULT_LADDER_FILE.read_text(encoding="utf-8"), "toml")
    themes = {
        "scope-and-impact",
        "leaving-things-better",
        "long-term-vision",
        "technical-judgement",
        "delivery-under-pressure",
        "growing-others",
        "cross-team-leadership",
    }
    for level in spec.levels[2:]:
        assert themes <= {b.slug for b in level.behaviours}, level.name


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["toml", "yaml"])
def test_export_then_import_gives_the_same_ladder(tmp_path, fmt):
    import_file(DEFAULT_LADDER_FILE)
    first = export("default", fmt)
    before = snapshot()
    Ladder.objects.all().delete()

    import_file(write(tmp_path, first, f"copy.{fmt}"))

    assert snapshot() == before
    assert export("default", fmt) == first


@pytest.mark.django_db
def test_import_reports_what_it_created(tmp_path):
    assert "Imported ladder 'small': 2 levels, 2 behaviours." in import_file(write(tmp_path, GOOD))
    level = Level.objects.get(ladder__slug="small", rank=1)
    assert (level.slug, level.summary) == ("junior", "Learns fast.")
    assert level.behaviours.get().example_list == ["Shipped the login fix"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[ladder]\nname = "Broken\n', "not valid TOML: "),
        ('[ladder]\nname = "x"\n\n[[levels]]\nname = "A"\nname = "B"\n', "line 6"),
        ("", "ladder: is missing"),
        ('[ladder]\nslug = "x"\n', "ladder.name: is missing"),
        ('[ladder]\nname = "X"\n', "levels: a ladder needs at least one level"),
        (
            GOOD.replace('name = "Growing others"', 'name = ""'),
            "levels[1].behaviours[0].name: must not be empty",
        ),
        (
            GOOD.replace('description = "Ships small things."\n', ""),
            "levels[0].behaviours[0].description: is missing",
        ),
        (
            GOOD.replace("examples =", "exmaples ="),
            "levels[0].behaviours[0]: unknown key 'exmaples'",
        ),
        (
            GOOD.replace('name = "Senior"', 'name = "Junior"'),
            "levels[1].slug: 'junior' is used twice",
        ),
        (
            GOOD.replace('slug = "small"', 'slug = "has space"'),
            "ladder.slug: 'has space' may hold only",
        ),
        (
            GOOD.replace('["Shipped the login fix"]', "[42]"),
            "levels[0].behaviours[0].examples[0]: must be non-empty text",
        ),
        (
            GOOD.replace('summary = "Learns fast."', "summary = 3"),
            "levels[0].summary: must be text, not int",
        ),
        (
            '[ladder]\nname = "X"\n\n[[levels]]\nname = "Empty"\n',
            "levels[0].behaviours: a level needs at least one behaviour",
        ),
    ],
)
def test_bad_toml_is_refused_with_the_line_or_field_named(tmp_path, text, message):
    with pytest.raises(CommandError, match=None) as caught:
        import_file(write(tmp_path, text))
    assert message in str(caught.value)
    assert not Ladder.objects.exists()


@pytest.mark.django_db
def test_bad_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "ladder:\n  name: X\nlevels:\n  - name: [unclosed\n", "bad.yaml")
    with pytest.raises(CommandError, match=r"not valid YAML: line \d+, column \d+"):
        import_file(path)


@pytest.mark.django_db
def test_unknown_extension_and_missing_file_are_explained(tmp_path):
    with pytest.raises(CommandError, match="use .toml, .yaml or .yml"):
        import_file(write(tmp_path, GOOD, "ladder.json"))
    with pytest.raises(CommandError, match="cannot read the file"):
        import_file(tmp_path / "missing.toml")


@pytest.mark.django_db
def test_importing_an_existing_slug_needs_replace_and_changes_nothing(tmp_path):
    path = write(tmp_path, GOOD)
    import_file(path)
    before = snapshot()
    with pytest.raises(CommandError, match="already exists; import with --replace"):
        import_file(write(tmp_path, GOOD.replace("Small ladder", "Renamed"), "other.toml"))
    assert snapshot() == before


@pytest.mark.django_db
def test_replace_keeps_people_placed_on_levels_that_remain(tmp_path):
    import_file(write(tmp_path, GOOD))
    senior = Level.objects.get(ladder__slug="small", slug="senior")
    person = PersonFactory(current_level=senior)
    reordered = GOOD.replace('name = "Junior"', 'name = "Junior engineer"\nslug = "junior"')

    import_file(write(tmp_path, reordered, "v2.toml"), "--replace")

    person.refresh_from_db()
    assert person.current_level_id == senior.pk
    assert Level.objects.get(ladder__slug="small", rank=1).name == "Junior engineer"


@pytest.mark.django_db
def test_replace_that_would_drop_a_level_in_use_is_refused_and_rolled_back(tmp_path):
    import_file(write(tmp_path, GOOD))
    PersonFactory(current_level=Level.objects.get(slug="senior"))
    before = snapshot()
    without_senior = GOOD.split('[[levels]]\nname = "Senior"')[0].replace("Small ladder", "Changed")

    with pytest.raises(
        CommandError, match="Level 'Senior' is not in the file but people are still placed on it"
    ):
        import_file(write(tmp_path, without_senior, "v2.toml"), "--replace")

    assert snapshot() == before


@pytest.mark.django_db
def test_export_of_an_unknown_ladder_names_the_known_ones(tmp_path):
    import_file(write(tmp_path, GOOD))
    with pytest.raises(CommandError, match="No ladder with slug 'nope'; known ladders: small"):
        export("nope")


@pytest.mark.django_db
def test_export_writes_a_file_in_the_format_of_its_extension(tmp_path):
    import_file(write(tmp_path, GOOD))
    target = tmp_path / "out.yaml"
    call_command("ladder_export", "small", "--output", str(target), stderr=StringIO())
    assert target.read_text().startswith("ladder:\n  name: Small ladder\n")


@pytest.mark.django_db
def test_readiness_policy_travels_with_the_ladder_file(tmp_path):
    custom = GOOD + "\n[policy]\nperiod_months = 3\nwindow_months = 12\nthreshold = 0.75\n"
    import_file(write(tmp_path, custom))
    ladder = Ladder.objects.get(slug="small")
    assert (ladder.period_months, ladder.window_months, ladder.threshold) == (3, 12, 0.75)
    assert ladder.impact_maturity_weeks == 12  # not in the file: the default
    exported = export("small")
    assert "[policy]" in exported and "threshold = 0.75" in exported


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("policy", "message"),
    [
        ("threshold = 2.0", "policy.threshold: 2.0 is outside 0.01 to 1"),
        ('window_months = "six"', "policy.window_months: must be a whole number, not 'six'"),
        ("period_months = 2", "policy.period_months: must be 1 (months) or 3 (quarters)"),
        (
            "period_months = 3\nwindow_months = 4",
            "policy.window_months: must be a whole number of periods",
        ),
        ("patience = 3", "policy: unknown key 'patience'"),
        ("stale_days = 366", "policy.stale_days: 366 is outside 1 to 365"),
    ],
)
def test_bad_policy_values_are_refused_by_name(tmp_path, policy, message):
    with pytest.raises(CommandError) as caught:
        import_file(write(tmp_path, GOOD + f"\n[policy]\n{policy}\n"))
    assert message in str(caught.value)
    assert not Ladder.objects.exists()


@pytest.mark.django_db
def test_the_admin_refuses_a_policy_the_readiness_pages_could_not_show():
    ladder = Ladder(name="Long memory", slug="long", stale_days=366, recent_months=37)
    with pytest.raises(ValidationError) as caught:
        ladder.full_clean()
    assert caught.value.message_dict == {
        "stale_days": ["Ensure this value is less than or equal to 365."],
        "recent_months": ["Ensure this value is less than or equal to 36."],
    }


# --- Hostile files: refused quickly, with the line or field named ------------------------------


def ladder_with(*, levels: int = 1, behaviours: int = 1, examples: int = 1) -> str:
    behaviour = {"name": "B", "description": "d", "examples": ["Shipped it"] * examples}
    data = {
        "ladder": {"name": "L"},
        "levels": [
            {
                "name": f"Level {i}",
                "behaviours": [behaviour | {"slug": f"b{j}"} for j in range(behaviours)],
            }
            for i in range(levels)
        ],
    }
    return tomli_w.dumps(data)


def test_yaml_aliases_are_refused_naming_their_line():
    text = (
        "ladder: {name: L}\n"
        "levels:\n"
        "  - name: Junior\n"
        "    behaviours:\n"
        "      - &delivery {name: Delivery, description: Ships small things.}\n"
        "  - name: Senior\n"
        "    behaviours:\n"
        "      - *delivery\n"
    )
    with pytest.raises(ladder_files.LadderFileError) as refused:
        ladder_files.parse(text, "yaml")
    assert str(refused.value) == ladder_files.YAML_ALIAS.format(line=8, column=9, name="delivery")


def test_yaml_aliases_cannot_make_a_small_file_cost_like_a_huge_one():
    examples = ", ".join(["Shipped it"] * 2_000)
    text = (
        "ladder: {name: L}\nlevels:\n  - name: A\n    behaviours:\n"
        f"      - &b {{name: B, description: d, examples: [{examples}]}}\n"
        + "      - *b\n"
        * 2_000  # 2,000 behaviours of 2,000 examples each, if read
    )
    with pytest.raises(ladder_files.LadderFileError) as refused:
        ladder_files.parse(text, "yaml")
    assert str(refused.value) == ladder_files.YAML_ALIAS.format(line=6, column=9, name="b")


@pytest.mark.parametrize(
    ("counts", "field", "limit"),
    [
        ({"levels": ladder_files.LEVELS_MAX + 1}, "levels", ladder_files.LEVELS_MAX),
        (
            {"behaviours": ladder_files.BEHAVIOURS_MAX + 1},
            "levels[0].behaviours",
            ladder_files.BEHAVIOURS_MAX,
        ),
        (
            {"examples": ladder_files.EXAMPLES_MAX + 1},
            "levels[0].behaviours[0].examples",
            ladder_files.EXAMPLES_MAX,
        ),
    ],
)
def test_too_many_levels_behaviours_or_examples_are_refused_by_field(counts, field, limit):
    with pytest.raises(ladder_files.LadderFileError) as refused:
        ladder_files.parse(ladder_with(**counts), "toml")
    assert str(refused.value) == ladder_files.TOO_MANY.format(
        field=field, count=limit + 1, limit=limit
    )


@pytest.mark.parametrize(
    "counts",
    [
        {"levels": ladder_files.LEVELS_MAX, "behaviours": ladder_files.BEHAVIOURS_MAX},
        {"examples": ladder_files.EXAMPLES_MAX},
    ],
)
def test_a_ladder_at_the_limits_is_accepted(counts):
    spec = ladder_files.parse(ladder_with(**counts), "toml")
    assert len(spec.levels) == counts.get("levels", 1)
    assert {len(level.behaviours) for level in spec.levels} == {counts.get("behaviours", 1)}
    assert len(spec.levels[0].behaviours[0].examples) == counts.get("examples", 1)


def test_a_file_over_the_size_limit_is_refused_unread():
    text = GOOD + "#" * ladder_files.TEXT_MAX
    with pytest.raises(ladder_files.LadderFileError) as refused:
        ladder_files.parse(text, "toml")
    assert str(refused.value) == ladder_files.TOO_LONG.format(
        length=len(text), limit=ladder_files.TEXT_MAX
    )


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ("a = " + "[" * 100_000, "toml", ""),
        ("a = " + "{b = " * 100_000, "toml", ""),
        ("levels = " + "[" * 50 + "]" * 50, "toml", ""),
        ("[" * 100_000, "yaml", "not valid YAML: line 1, column 11: "),
        ("- " * 100_000, "yaml", "not valid YAML: line 1, column 21: "),
        (
            "".join(" " * i + "a:\n" for i in range(400)),
            "yaml",
            "not valid YAML: line 11, column 11: ",
        ),
    ],
    ids=[
        "toml arrays",
        "toml inline tables",
        "toml under the recursion limit",
        "yaml flow",
        "yaml block",
        "yaml indentation",
    ],
)
def test_deeply_nested_files_are_refused_not_crashed(text, fmt, where):
    with pytest.raises(ladder_files.LadderFileError) as refused:
        ladder_files.parse(text, fmt)
    assert str(refused.value) == ladder_files.TOO_DEEP.format(
        where=where, limit=ladder_files.DEPTH_MAX
    )


def test_a_toml_line_with_too_many_dots_is_refused_before_tomllib_reads_it():
    dotted = "a" + ".a" * (ladder_files.DOTS_MAX + 1) + " = 1"
    with pytest.raises(ladder_files.LadderFileError) as refused:
        ladder_files.parse(GOOD + dotted + "\n", "toml")
    line = GOOD.count("\n") + 1
    assert str(refused.value) == ladder_files.TOO_MANY_DOTS.format(
        line=line, count=ladder_files.DOTS_MAX + 1, limit=ladder_files.DOTS_MAX
    )
