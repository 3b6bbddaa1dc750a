"""Brag document import: Markdown bullets under dated headings become evidence entries."""

import time
from datetime import date, timedelta
from textwrap import dedent

import pytest

from evidence import brag_import, forms
from evidence.brag_import import (
    AMBIGUOUS_DATE,
    BODY_MAX,
    EARLIEST,
    EMPTY_BULLET,
    ENTRIES_MAX,
    FUTURE_DATE,
    FUTURE_DAYS_ALLOWED,
    INVALID_DATE,
    NO_BULLETS,
    NO_DATE,
    TITLE_MAX,
    TOO_LONG,
    TOO_MANY,
    TOO_OLD,
    UNCLOSED_FENCE,
    ParseResult,
    parse_brag_doc,
)

TODAY = date(2025, 6, 30)


def parse(text: str, today: date = TODAY) -> ParseResult:
    return parse_brag_doc(dedent(text), today=today)


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the first line of `text` (as parsed) containing `fragment`."""
    lines = dedent(text).split("\n")
    return next(number for number, line in enumerate(lines, start=1) if fragment in line)


def only_entry(text: str):
    result = parse(text)
    assert result.problems == ()
    assert len(result.entries) == 1
    return result.entries[0]


def titles(text: str) -> list[str]:
    result = parse(text)
    assert result.problems == ()
    return [entry.title for entry in result.entries]


FULL_DOC = """\
    # 2025

    My brag document. I add to it every Friday afternoon.

    ## Q1 2025

    - Wrote the payments on-call runbook #on-call

    ### Week of 3 March 2025

    - **Led the ledger design review**: three teams signed off on the schema. #design-review
    - Paired with Priya on her first production deploy. She shipped solo on Thursday. #mentoring
      - Wrote up the deploy checklist we used.
      - She now runs the Tuesday deploys.
    * Cut CI time from 22 to 9 minutes by caching wheels:

      ```yaml
      - uses: actions/cache@v4
        with:
          key: wheels-${{ hashFiles('constraints.txt') }}
      ```

    ### Project summaries

    1. [Search migration](https://wiki.example.com/search#summary): moved 40M documents.
       Zero downtime, two weeks early. #Shipping #shipping

    ---

    ### Shout-outs

    - Sam covered my on-call shift during the outage, thanks! #kudos
"""


# --- Whole documents -----------------------------------------------------------------------------


def test_bullets_under_a_dated_heading_become_entries_on_that_date():
    result = parse("""\
        ## Week of 2025-03-10
        - Shipped the invoice export
        - Reviewed the auth service design doc
    """)
    assert result.ok
    assert [(e.line, e.on, e.kind, e.body) for e in result.entries] == [
        (2, date(2025, 3, 10), "weekly_win", "Shipped the invoice export"),
        (3, date(2025, 3, 10), "weekly_win", "Reviewed the auth service design doc"),
    ]


def test_a_realistic_brag_document_becomes_dated_titled_tagged_entries():
    result = parse(FULL_DOC)

    assert result.problems == ()
    assert result.ok
    summary = [(e.line, e.on, e.kind, e.title, e.tags) for e in result.entries]
    march_3 = date(2025, 3, 3)
    assert summary == [
        (
            line_of(FULL_DOC, "runbook"),
            date(2025, 1, 1),
            "weekly_win",
            "Wrote the payments on-call runbook #on-call",
            ("on-call",),
        ),
        (
            line_of(FULL_DOC, "ledger"),
            march_3,
            "weekly_win",
            "Led the ledger design review",
            ("design-review",),
        ),
        (
            line_of(FULL_DOC, "Priya"),
            march_3,
            "weekly_win",
            "Paired with Priya on her first production deploy.",
            ("mentoring",),
        ),
        (
            line_of(FULL_DOC, "CI time"),
            march_3,
            "weekly_win",
            "Cut CI time from 22 to 9 minutes by caching wheels:",
            (),
        ),
        (
            line_of(FULL_DOC, "Search migration"),
            march_3,
            "work_summary",
            "Search migration: moved 40M documents.",
            ("shipping",),
        ),
        (
            line_of(FULL_DOC, "Sam covered"),
            march_3,
            "moment",
            "Sam covered my on-call shift during the outage, thanks!",
            ("kudos",),
        ),
    ]
    paired, ci = result.entries[2].body, result.entries[3].body
    assert paired.endswith(
        "#mentoring\n- Wrote up the deploy checklist we used.\n- She now runs the Tuesday deploys."
    )
    assert ci == (
        "Cut CI time from 22 to 9 minutes by caching wheels:\n"
        "\n"
        "```yaml\n"
        "- uses: actions/cache@v4\n"
        "  with:\n"
        "    key: wheels-${{ hashFiles('constraints.txt') }}\n"
        "```"
    )


def test_problems_in_a_document_are_all_collected_at_once_in_line_order():
    doc = """\
        - Fixed the flaky checkout test before any heading
        ## Week of 03/10/2025
        - Ran the on-call handover
        ## Week of 2025-03-17
        -
        ## 2025-02-30
        - Reviewed the caching RFC
        ## Week of 2030-01-06
        - Planned next year's roadmap {padding}
    """
    result = parse(doc.format(padding="x" * BODY_MAX))

    assert result.problems == (
        NO_DATE.format(line=1),
        AMBIGUOUS_DATE.format(line=2, text="03/10/2025"),
        EMPTY_BULLET.format(line=5),
        INVALID_DATE.format(line=6, text="2025-02-30"),
        FUTURE_DATE.format(line=8, on=date(2030, 1, 6)),
        TOO_LONG.format(
            line=9, length=len("Planned next year's roadmap ") + BODY_MAX, limit=BODY_MAX
        ),
    )
    assert not result.ok


# --- Dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## Week of 2025-03-10", date(2025, 3, 10)),
        ("## 10 March 2025", date(2025, 3, 10)),
        ("## w/c 10 Mar 2025", date(2025, 3, 10)),
        ("## Week of 10th March 2025", date(2025, 3, 10)),
        ("## March 10, 2025", date(2025, 3, 10)),
        ("## Mar 10 2025", date(2025, 3, 10)),
        ("### Demo day: March 10th, 2025", date(2025, 3, 10)),
        ("## SPRINT 14 — W/C 10 MARCH 2025", date(2025, 3, 10)),
        ("## March 2025", date(2025, 3, 1)),
        ("## Wins in Mar 2025", date(2025, 3, 1)),
        ("## 2025-03", date(2025, 3, 1)),
        ("## Q2 2025", date(2025, 4, 1)),
        ("## 2025 q3", date(2025, 7, 1)),
        ("###### Roadmap review 2024-Q4", date(2024, 10, 1)),
    ],
)
def test_each_accepted_date_form_in_a_heading_sets_the_date(heading, expected):
    entry = only_entry(f"{heading}\n- Ran the quarterly architecture review\n")
    assert entry.on == expected


def test_a_later_dated_heading_replaces_the_date_and_an_undated_one_keeps_it():
    result = parse("""\
        ## Week of 2025-03-10
        - Paged twice overnight, both fixed by morning
        ## Week of 2025-03-17
        - Wrote the postmortem
        ### Notes from the retro
        - Agreed to add a canary stage
    """)
    assert [e.on for e in result.entries] == [
        date(2025, 3, 10),
        date(2025, 3, 17),
        date(2025, 3, 17),
    ]


@pytest.mark.parametrize("written", ["03/10/2025", "10-03-25"])
def test_ambiguous_numeric_dates_are_refused_with_advice(written):
    doc = f"## Week of 2025-03-10\n- Onboarded Kim\n## Week of {written}\n- Led the design review\n"
    result = parse(doc)

    assert result.problems == (AMBIGUOUS_DATE.format(line=3, text=written),)
    assert "is ambiguous; write dates as 2025-03-10 or 10 March 2025" in result.problems[0]
    assert [e.body for e in result.entries] == ["Onboarded Kim"]


@pytest.mark.parametrize("written", ["2025-02-30", "31 April 2025"])
def test_invalid_calendar_dates_are_a_problem_naming_the_line(written):
    result = parse(f"# Brag doc\n## {written}\n- Closed the last SEV2 action item\n")

    assert result.problems == (INVALID_DATE.format(line=2, text=written),)
    assert result.problems[0].startswith("line 2: ")
    assert result.entries == ()


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## Week of   2025-03-10", date(2025, 3, 10)),
        ("## 10\tMarch \t 2025", date(2025, 3, 10)),
        ("## 10th  of  March  2025", date(2025, 3, 10)),
        ("## March   10,   2025", date(2025, 3, 10)),
        ("## March\u00a0\u00a02025", date(2025, 3, 1)),
        ("## Q2     2025", date(2025, 4, 1)),
        ("## 2025   -   Q3", date(2025, 7, 1)),
        ("## 2025 -Q3", date(2025, 7, 1)),
        ("## 2024Q4", date(2024, 10, 1)),
    ],
)
def test_runs_of_whitespace_in_a_dated_heading_count_as_one_space(heading, expected):
    entry = only_entry(f"{heading}\n- Ran the quarterly architecture review\n")
    assert entry.on == expected


def test_a_year_alone_is_a_title_not_a_date():
    result = parse("# 2025\n- Reviewed twelve pull requests for the billing team\n")
    assert result.problems == (NO_DATE.format(line=2),)


def test_version_numbers_and_fiscal_years_in_headings_are_not_dates():
    result = parse("""\
        ## Week of 2025-03-10
        ### Release v1.2.25
        - Cut the release
        ### FY2024-25 planning
        - Drafted the headcount plan
    """)
    assert result.problems == ()
    assert [e.on for e in result.entries] == [date(2025, 3, 10), date(2025, 3, 10)]


@pytest.mark.parametrize(
    ("heading", "on"),
    [
        ("## Week of 1999-12-20", date(1999, 12, 20)),
        ("## Q4 1999", date(1999, 10, 1)),
        ("## 0999-01-01", date(999, 1, 1)),
    ],
)
def test_a_heading_dated_before_2000_is_refused_like_the_entry_form_refuses_it(heading, on):
    result = parse(f"## 2025-03-10\n{heading}\n- Fixed the Y2K bug\n- Wrote it up\n")

    assert result.problems == (TOO_OLD.format(line=2, on=on),)  # once for both bullets
    assert result.problems[0].endswith("is before 2000; check the year")
    assert not result.ok
    assert forms.EARLIEST is EARLIEST  # the entry form and the import keep one rule


def test_the_first_day_of_2000_is_early_enough():
    assert only_entry("## 1 January 2000\n- Fixed the Y2K bug\n").on == EARLIEST


def test_a_heading_needs_a_space_after_its_hashes():
    result = parse("#2025-03-10\n####### 2025-03-11\n- Fixed the slow dashboard query\n")
    assert result.problems == (NO_DATE.format(line=3),)


# --- Kinds ---------------------------------------------------------------------------------------

SECTION_KINDS = [
    ("Summary of the quarter", "work_summary"),
    ("Summaries", "work_summary"),
    ("Project: search", "work_summary"),
    ("Projects", "work_summary"),
    ("Vision", "vision_doc"),
    ("Platform STRATEGY", "vision_doc"),
    ("Technical direction", "vision_doc"),
    ("A moment I'm proud of", "moment"),
    ("Moments", "moment"),
    ("Shout-out from the CTO", "moment"),
    ("Shout-outs", "moment"),
    ("Shoutout", "moment"),
    ("shoutouts", "moment"),
    ("Kudos", "moment"),
    ("Thanks", "moment"),
    ("Win of the week", "weekly_win"),
    ("Wins", "weekly_win"),
    ("Weekly", "weekly_win"),
]


def test_every_section_keyword_sets_its_kind_and_keeps_the_date():
    for heading, kind in SECTION_KINDS:
        before = "Vision" if kind != "vision_doc" else "Kudos"
        doc = f"## Week of 2025-03-10\n### {before}\n### {heading}\n- Ran the design review\n"
        entry = only_entry(doc)
        assert (heading, entry.kind, entry.on) == (heading, kind, date(2025, 3, 10))


def test_section_keywords_match_whole_words_only():
    result = parse("""\
        ## Week of 2025-03-10
        ### Vision
        ### Windows build farm
        - Fixed the flaky builds
        ### Thanksgiving on-call
        - Covered the holiday rota
        ### Projection service
        - Rewrote the read model
        ### Twin-region failover
        - Ran the failover drill
    """)
    assert [e.kind for e in result.entries] == ["vision_doc"] * 4


def test_a_section_without_a_keyword_keeps_the_kind():
    result = parse("""\
        ## Q1 2025
        ### Project summaries
        - Search migration
        #### Infrastructure
        - Moved CI to ephemeral runners
    """)
    assert [e.kind for e in result.entries] == ["work_summary", "work_summary"]


def test_a_dated_heading_resets_the_kind_to_weekly_win():
    result = parse("""\
        ## Week of 2025-03-10
        ### Kudos
        - Thanks from support for the refund tool
        ## Project Phoenix launch week 2025-03-17
        - Launched Phoenix to 5% of users
    """)
    assert [(e.kind, e.on) for e in result.entries] == [
        ("moment", date(2025, 3, 10)),
        ("weekly_win", date(2025, 3, 17)),
    ]


# --- Entry boundaries ----------------------------------------------------------------------------


def test_every_bullet_marker_starts_an_entry_even_indented_up_to_three_spaces():
    result = parse("""\
        ## Week of 2025-03-10
           - Dash, indented three spaces
        * Star
        + Plus
        1. Numbered with a dot
        2) Numbered with a paren
           - Indented bullet, up to three spaces
    """)
    assert [e.body for e in result.entries] == [
        "Dash, indented three spaces",
        "Star",
        "Plus",
        "Numbered with a dot",
        "Numbered with a paren\n- Indented bullet, up to three spaces",
    ]
    assert [e.line for e in result.entries] == [2, 3, 4, 5, 6]


def test_continuation_lines_and_nested_bullets_are_dedented_into_the_body():
    entry = only_entry("""\
        ## Week of 2025-03-10
        - Ran the incident review for the checkout outage
          and wrote the follow-up actions:
          - add a canary for the payment provider
            - alert on the error rate
          - page the owning team, not the platform team
    """)
    assert entry.body == (
        "Ran the incident review for the checkout outage\n"
        "and wrote the follow-up actions:\n"
        "- add a canary for the payment provider\n"
        "  - alert on the error rate\n"
        "- page the owning team, not the platform team"
    )


def test_numbered_bullets_are_dedented_by_their_own_content_indent():
    result = parse("""\
        ## Week of 2025-03-10
        1. Shipped the export API
           - behind a feature flag
        10. Closed ten tickets
            - all from the support queue
        -   Wrote the on-call guide
            - with a glossary
    """)
    assert [e.body for e in result.entries] == [
        "Shipped the export API\n- behind a feature flag",
        "Closed ten tickets\n- all from the support queue",
        "Wrote the on-call guide\n- with a glossary",
    ]


def test_blank_lines_followed_by_indented_text_stay_in_the_entry():
    entry = only_entry("""\
        ## Week of 2025-03-10
        - Shipped dark mode


          Took two sprints; accessibility review passed first time.
    """)
    assert entry.body == (
        "Shipped dark mode\n\n\nTook two sprints; accessibility review passed first time."
    )


def test_an_unindented_paragraph_ends_the_entry_and_is_ignored_as_commentary():
    result = parse("""\
        ## Week of 2025-03-10
        - Fixed the flaky login test
        It had been failing one run in twenty.

        Honestly a slow week otherwise.

        - Reviewed the on-call rota
    """)
    assert result.problems == ()
    assert [e.body for e in result.entries] == [
        "Fixed the flaky login test",
        "Reviewed the on-call rota",
    ]


def test_horizontal_rules_end_the_entry_and_are_not_bullets():
    result = parse("""\
        ## Week of 2025-03-10
        - Led the API design review
        ---
          not part of the entry above
        ***
        * * *
        - Mentored two interns
    """)
    assert result.problems == ()
    assert [e.body for e in result.entries] == ["Led the API design review", "Mentored two interns"]


def test_leading_and_trailing_blank_lines_are_stripped_from_the_body():
    result = parse("## 2025-03-10\n- Shipped the audit log   \n\n\n-\n\n  Paired on the fix\n\n")
    assert result.problems == ()
    assert [e.body for e in result.entries] == ["Shipped the audit log", "Paired on the fix"]


def test_tabs_in_indentation_count_as_four_spaces():
    entry = only_entry("## Week of 2025-03-10\n- Rolled out rate limiting\n\tto every public API\n")
    assert entry.body == "Rolled out rate limiting\n  to every public API"


# --- Fenced code ---------------------------------------------------------------------------------


def test_a_fence_inside_an_entry_is_kept_verbatim_and_its_lines_are_not_structure():
    doc = """\
        ## Week of 2025-03-10
        - Documented the heading format for the wiki:
          ```markdown
        ## Week of 2020-01-01
        - not an entry
          ```
        - Reviewed the docs PR
    """
    result = parse(doc)

    assert result.problems == ()
    assert [(e.on, e.title) for e in result.entries] == [
        (date(2025, 3, 10), "Documented the heading format for the wiki:"),
        (date(2025, 3, 10), "Reviewed the docs PR"),
    ]
    assert result.entries[0].body == (
        "Documented the heading format for the wiki:\n"
        "```markdown\n"
        "## Week of 2020-01-01\n"
        "- not an entry\n"
        "```"
    )


def test_lines_inside_a_top_level_fence_are_never_headings_or_bullets():
    result = parse("""\
        ## Week of 2025-03-10
        - Wrote the session cleanup script
        ~~~sql
        ## 2020-01-01
        - DELETE FROM sessions WHERE expired;
        ~~~
        - Reviewed the rollback plan
    """)
    assert result.problems == ()
    assert [(e.on, e.body) for e in result.entries] == [
        (date(2025, 3, 10), "Wrote the session cleanup script"),
        (date(2025, 3, 10), "Reviewed the rollback plan"),
    ]


def test_a_code_block_that_is_never_closed_is_a_problem():
    result = parse("""\
        ## Week of 2025-03-10
        - Automated the deploy
          ```bash
          make deploy
        ## Week of 2025-03-17
        - Wrote the runbook
    """)
    assert result.problems == (UNCLOSED_FENCE.format(line=3, fence="```"),)


# --- Titles --------------------------------------------------------------------------------------


def test_a_leading_bold_phrase_is_the_title():
    assert titles("""\
        ## Week of 2025-03-10
        - **On-call hero**: resolved 14 pages without escalating
        - **Design review** - led the review of the billing schema
        - **Hiring** — ran six interviews
        - **Mentoring:** weekly pairing with Priya
        - **Shipped the usage exporter**
    """) == ["On-call hero", "Design review", "Hiring", "Mentoring", "Shipped the usage exporter"]


def test_a_bold_word_inside_the_first_sentence_is_not_a_title_on_its_own():
    assert titles("## 2025-03-10\n- **Led** the incident review. Then wrote it up.\n") == [
        "Led the incident review."
    ]


def test_the_title_is_the_first_sentence_of_the_first_line():
    assert titles("""\
        ## Week of 2025-03-10
        - Fixed the flaky login test. It had failed one run in twenty.
        - Cut p95 latency by 40%. 3 services benefit.
        - Finally shipped SSO! Took three attempts.
        - Why was the deploy slow? Found a 5 minute sleep.
        - Rolled out the new alerting
          across all twelve services. Quietly.
    """) == [
        "Fixed the flaky login test.",
        "Cut p95 latency by 40%.",
        "Finally shipped SSO!",
        "Why was the deploy slow?",
        "Rolled out the new alerting",
    ]


def test_a_full_stop_before_lowercase_or_an_abbreviation_does_not_end_the_title():
    assert titles("""\
        ## Week of 2025-03-10
        - Upgraded to Python 3.11. also bumped Django
        - Compared queues, e.g. Kafka vs. Pulsar, and picked one
    """) == [
        "Upgraded to Python 3.11. also bumped Django",
        "Compared queues, e.g. Kafka vs. Pulsar, and picked one",
    ]


def test_the_title_drops_link_bold_and_code_markup_but_the_body_keeps_it():
    bullet = "Wrote the [`payments` runbook](https://wiki.example.com/pay) with __Ops__ and **SRE**"
    entry = only_entry(f"## Week of 2025-03-10\n- {bullet}\n")
    assert entry.title == "Wrote the payments runbook with Ops and SRE"
    assert entry.body == bullet


def test_a_long_title_is_cut_at_a_word_boundary_with_an_ellipsis():
    words = ["deployment"] * 30
    entry = only_entry(f"## 2025-03-10\n- {' '.join(words)}\n")
    assert entry.title == " ".join(words[:18]) + "…"
    assert len(entry.title) <= TITLE_MAX
    exactly = "a" * (TITLE_MAX - 11) + " incidents."
    assert len(exactly) == TITLE_MAX
    assert titles(f"## 2025-03-10\n- {exactly}\n") == [exactly]


def test_a_long_title_without_spaces_is_cut_hard():
    assert titles(f"## 2025-03-10\n- {'x' * 300}\n") == ["x" * (TITLE_MAX - 1) + "…"]


def test_a_bullet_that_is_only_markup_still_gets_a_title():
    assert titles("## 2025-03-10\n- ****\n") == ["****"]


# --- Tags ----------------------------------------------------------------------------------------


def test_hashtags_become_lowercased_deduplicated_tags_in_order():
    doc = """\
        ## Week of 2025-03-10
        - Coached two new hires on code review #Mentoring #growing-others (#on_call),
          then #mentoring again in the nested notes: #design-reviews.
    """
    entry = only_entry(doc)
    assert entry.tags == ("mentoring", "growing-others", "on_call", "design-reviews")
    assert "#Mentoring #growing-others (#on_call)" in entry.body


@pytest.mark.parametrize(
    ("bullet", "tags"),
    [
        ("`#code` #tag", ("tag",)),
        ("`` #code ` #code `` #tag", ("tag",)),
        ("`#code`` #code ``#code` #tag", ("tag",)),
        ("``#open` and #tag", ("open", "tag")),
        ("#tag ``` #open", ("tag", "open")),
    ],
)
def test_a_code_span_closes_only_at_a_backtick_run_of_its_own_length(bullet, tags):
    assert only_entry(f"## Week of 2025-03-10\n- {bullet}\n").tags == tags


def test_url_fragments_code_numbers_and_headings_are_not_tags():
    entry = only_entry("""\
        ## Week of 2025-03-10
        - Fixed https://docs.example.com/guide#install-steps and [the FAQ](#faq-section)
          using `git log --grep '#hotfix'`, closed issue #123 in our C# service #real
          # Retro notes
          ```
          #!/bin/sh #fenced
          ```
    """)
    assert entry.tags == ("real",)


# --- Problems ------------------------------------------------------------------------------------


def test_a_bullet_with_no_dated_heading_above_it_is_a_problem():
    result = parse("""\
        # My brag doc
        ## Wins
        - Shipped the billing migration
        ## Week of 2025-03-10
        - Shipped the audit log
    """)
    assert result.problems == (NO_DATE.format(line=3),)
    assert "add a heading such as '## Week of 2025-03-10' before it" in result.problems[0]
    assert [e.body for e in result.entries] == ["Shipped the audit log"]
    assert result.ok is False


def test_empty_bullets_are_problems_even_without_a_date():
    result = parse("- \n## Week of 2025-03-10\n- Shipped it\n-\n1. \n")
    assert result.problems == (
        EMPTY_BULLET.format(line=1),
        EMPTY_BULLET.format(line=4),
        EMPTY_BULLET.format(line=5),
    )
    assert [e.body for e in result.entries] == ["Shipped it"]


def test_dates_up_to_a_week_ahead_are_allowed_but_later_ones_are_in_the_future():
    allowed = TODAY + timedelta(days=FUTURE_DAYS_ALLOWED)
    too_late = allowed + timedelta(days=1)
    doc = f"## {allowed}\n- Demo prepared early\n## {too_late}\n- Launch\n- Launch party\n"

    result = parse(doc)

    assert result.problems == (FUTURE_DATE.format(line=3, on=too_late),)
    assert result.problems[0] == f"line 3: {too_late.isoformat()} is in the future"
    assert [e.on for e in result.entries] == [allowed, too_late, too_late]
    assert parse(doc, today=too_late).ok


def test_a_body_longer_than_the_limit_is_a_problem():
    doc = f"## 2025-03-10\n- {'a' * BODY_MAX}\n- {'b' * 25_013}\n"
    result = parse(doc)

    assert result.problems == (TOO_LONG.format(line=3, length=25_013, limit=BODY_MAX),)
    assert "25,013 characters; the limit is 20,000" in result.problems[0]
    assert [len(e.body) for e in result.entries] == [BODY_MAX, 25_013]


def closed_tickets(count: int) -> str:
    bullets = "\n".join(f"- Closed ticket {n}" for n in range(count))
    return f"## Q1 2025\n{bullets}\n"


def test_more_than_the_maximum_number_of_entries_is_one_problem():
    result = parse(closed_tickets(2_345))

    assert result.problems == (TOO_MANY.format(count=2_345, limit=ENTRIES_MAX),)
    assert result.problems[0].startswith("the document has 2,345 entries")
    assert len(result.entries) == ENTRIES_MAX  # the rest are counted, not read
    at_the_limit = parse(closed_tickets(ENTRIES_MAX))
    assert at_the_limit.ok
    assert len(at_the_limit.entries) == ENTRIES_MAX


@pytest.mark.parametrize(
    "text",
    ["", "# Brag doc\n\nI will fill this in.\n## Week of 2025-03-10\n\n    - indented notes\n"],
)
def test_a_document_without_bullets_is_a_problem(text):
    result = parse(text)
    assert result.problems == (NO_BULLETS,)
    assert result.entries == ()
    assert not result.ok


# --- Text encoding -------------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_parse_like_lf(newline):
    lf = dedent(FULL_DOC)
    expected = parse_brag_doc(lf, today=TODAY)

    result = parse_brag_doc(lf.replace("\n", newline), today=TODAY)

    assert len(expected.entries) == 6
    assert result == expected


def test_a_leading_byte_order_mark_is_ignored():
    result = parse_brag_doc("\ufeff## Week of 2025-03-10\r\n- Led the retro\r\n", today=TODAY)
    assert result.problems == ()
    assert [(e.on, e.body) for e in result.entries] == [(date(2025, 3, 10), "Led the retro")]


# --- Time ----------------------------------------------------------------------------------------


def seconds_to_parse(text: str) -> float:
    """The best of three runs, on the real clock (time_machine leaves perf_counter alone)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parse_brag_doc(text, today=TODAY)
        best = min(best, time.perf_counter() - start)
    return best


def test_a_heading_with_a_long_run_of_spaces_parses_in_linear_time():
    text = "## 2025" + " " * 30_000 + "x\n- Shipped the audit log\n"
    assert seconds_to_parse(text) < 0.5
    assert parse_brag_doc(text, today=TODAY).problems == (NO_DATE.format(line=2),)


@pytest.mark.parametrize(
    "bullet",
    [
        "`" * 20_000,
        "`" * 10_000 + "a" * 10_000,
        "".join("`" * k + "a" for k in range(1, 200)),
    ],
    ids=["one run", "one run then text", "runs of every length"],
)
def test_long_runs_of_backticks_in_a_bullet_parse_in_linear_time(bullet):
    text = f"## Week of 2025-03-10\n- Shipped {bullet} #tag\n"
    assert seconds_to_parse(text) < 0.5
    assert parse_brag_doc(text, today=TODAY).entries[0].tags == ("tag",)


def test_a_flood_of_problems_lists_the_first_hundred_and_counts_the_rest():
    text = "## Week of 2025-03-10\n" + "-\n" * 5_000
    result = parse_brag_doc(text, today=TODAY)
    assert len(result.problems) == brag_import.PROBLEMS_KEPT + 1
    assert result.problems[0] == brag_import.EMPTY_BULLET.format(line=2)
    assert result.problems[-1] == brag_import.MORE_PROBLEMS.format(count=4_900)


def test_entries_past_the_limit_are_counted_not_read():
    text = "## Week of 2025-03-10\n" + "- a\n" * (brag_import.ENTRIES_MAX + 5)
    result = parse_brag_doc(text, today=TODAY)
    assert len(result.entries) == brag_import.ENTRIES_MAX
    assert result.problems == (
        brag_import.TOO_MANY.format(
            count=brag_import.ENTRIES_MAX + 5, limit=brag_import.ENTRIES_MAX
        ),
    )
