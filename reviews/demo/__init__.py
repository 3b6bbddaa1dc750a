"""The demo organisation `manage.py seed_demo` builds: its prose in data/*.toml (read by
`content`), and short generators that turn it into people, a year and a half of evidence,
mentor feedback, promo packets, clerical-error checks and merged pull requests waiting as
drafts, through the apps' own services.

It lives in reviews, the one app that may depend on all three (promo <- evidence <- reviews).
Safe to run again: each part leaves what is already there as it is.
"""

from reviews.demo import drafts, evidence, feedback, packet, people


def seed() -> people.Org:
    """Create or refresh the demo organisation; returns its users by username and its ladder."""
    org = people.seed()
    evidence.seed(org)
    feedback.seed(org)
    packet.seed(org)  # after the feedback, so the snapshots have verdicts to show
    drafts.seed(org)
    return org
