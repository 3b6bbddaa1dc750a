"""Demo content for seeding a realistic-looking Promo organization.

Pure data, no Django imports. ``IDEAS`` maps each behavior slug to a pool of
evidence ideas written the way engineers actually note down their work. The
seeding code picks from these pools per engineer and per week, so each pool
mixes small, mid-level wins with clearly staff-level work.
"""

from dataclasses import dataclass

PAYMENTS = "Payments"
DEVELOPER_EXPERIENCE = "Developer Experience"
ANY = "any"

TEAMS = (PAYMENTS, DEVELOPER_EXPERIENCE, ANY)
KINDS = ("weekly_win", "work_summary", "vision_doc", "moment")


@dataclass(frozen=True)
class Idea:
    title: str
    body: str
    impact: str
    measured: str
    team: str
    kind: str
    also: tuple[str, ...] = ()


IDEAS: dict[str, tuple[Idea, ...]] = {
    "scope-and-impact": (
        Idea(
            title="Refund API now handles partial refunds end to end",
            body=(
                "I took partial refunds from a support-only workaround to a proper endpoint on "
                "the payments API. Until now, support issued a full refund and re-charged the "
                "customer for the remainder, which confused customers and doubled our card fees. "
                "I wrote a short design doc, added an `amount` field with ledger validation, and "
                "shipped it behind a flagpole flag to 5% of merchants first."
            ),
            impact=(
                "Support should stop doing the refund-and-recharge dance, and customers should "
                "see one clean line on their statement."
            ),
            measured=(
                "Three months later, refund-related support tickets were down 41% and "
                "refund-and-recharge pairs had dropped to almost zero."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="Build cache rollout across all backend repos: Q3 summary",
            body=(
                "This quarter I took the remote build cache from a pilot in two repos to every "
                "backend repository we own. The hard part was not the cache itself but the long "
                "tail of builds that were non-deterministic and kept missing.\n"
                "\n"
                "- Fixed timestamp and absolute-path leaks in 14 build scripts\n"
                "- Added a cache hit-rate panel per repo in Lighthouse\n"
                "- Wrote a one-page guide for teams debugging a cold cache\n"
                "\n"
                "I kept a weekly tracker of hit rates and worked through the worst five repos "
                "with their owners in person. By the end, 31 of 33 repos were above a 70% hit "
                "rate."
            ),
            impact=(
                "Median CI time for backend pull requests should drop by a third, and CI spend "
                "should flatten despite headcount growth."
            ),
            measured=(
                "Four months later, median PR pipeline time had gone from 19 to 11 minutes and "
                "monthly CI minutes were down 38%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Settlement reconciliation now covers the second PSP",
            body=(
                "I extended the nightly reconciliation job so it also matches settlement files "
                "from our second payment service provider, not just the primary one. Their file "
                "format puts fees on separate lines, so I wrote a small normalizer and checked it "
                "against six months of historical files before switching it on."
            ),
            impact=(
                "Finance no longer needs to reconcile the second PSP by hand in a spreadsheet "
                "each morning."
            ),
            measured=(
                "Two months in, unmatched transactions from that PSP were below 0.2% a day, down "
                "from roughly 3% when finance checked by hand."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Service template v2 picked up by four new services",
            body=(
                "I rewrote our service template so a new service comes with health checks, "
                "structured logging, tracing and a deploy pipeline already wired up. Four teams "
                "used it for new services this month, and I sat with each of them for their first "
                "deploy to catch rough edges. Two of those rough edges became fixes in the "
                "template the same week."
            ),
            impact=(
                "A new service should reach production in days instead of the two to three weeks "
                "it usually took."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Finance called out the reconciliation work at all-hands",
            body=(
                "At the monthly all-hands, the head of finance mentioned that month-end close now "
                "takes two days instead of five, and named the reconciliation changes as the "
                "reason. I had not expected anyone outside engineering to notice. I forwarded it "
                "to the two people who helped me test against the historical files."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Flaky test quarantine now available to every repo",
            body=(
                "I turned the flaky-test quarantine script I'd been running by hand for our repo "
                "into a CI step any repo can opt into with one line. It reruns a failure once, "
                "and if the test passes on retry it files a ticket for the owning team and "
                "quarantines the test for seven days. Nine repos opted in during the first week."
            ),
            impact=(
                "Engineers should stop re-running whole pipelines because of someone else's flaky "
                "test."
            ),
            measured=(
                "After three months, pipeline re-runs across opted-in repos fell from 14% to 4% "
                "of all runs."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Payout scheduling moved from cron jobs to payout-scheduler",
            body=(
                "I led the move of merchant payouts off a set of cron jobs and onto "
                "payout-scheduler, the service we designed in the spring. The old jobs had no "
                "retries and no record of what had been sent, so every failure meant a manual "
                "investigation with the partner bank.\n"
                "\n"
                "- Ran both systems in parallel for three weeks and diffed every payout file\n"
                "- Moved merchants over in batches of 10%, 25%, 50% and 100%\n"
                "- Wrote the runbook and walked the on-call rotation through it\n"
                "\n"
                "The cutover finished two days early. During the parallel run we found a rounding "
                "difference on multi-currency payouts that would otherwise have been a real "
                "incident."
            ),
            impact=(
                "Payout failures should become retryable and visible instead of landing in "
                "someone's inbox."
            ),
            measured=(
                "Six months later, manual payout investigations had gone from about 12 a month to "
                "2, with no missed payout days."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("delivery-under-pressure", "technical-judgement"),
        ),
        Idea(
            title="Lighthouse service catalog is now the source of truth for owners",
            body=(
                "I connected Lighthouse to the on-call schedule and the repo metadata, so each "
                "service page shows its real owning team and who is on call right now. Before "
                "this, ownership lived in a spreadsheet that was about half out of date. I asked "
                "each team lead to confirm their entries, which took more chasing than code."
            ),
            impact="During incidents, people should be able to find the right owner in one click.",
            measured=(
                "In the next quarter's incident reviews, time to reach the owning team dropped "
                "from a median of 22 minutes to 6."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Picked the dull project nobody wanted: alert routing",
            body=(
                "I volunteered to sort out alert routing after noticing that a third of pages "
                "went to teams who no longer owned the service. I audited 240 alert rules, "
                "deleted the ones nobody could explain, and moved the rest to route by the owner "
                "field in the service catalog."
            ),
            impact="",
            measured=(
                "Over the following two months, pages routed to the wrong team went from around "
                "30 a month to 3."
            ),
            team=ANY,
            kind="weekly_win",
            also=("leaving-things-better", "operational-care"),
        ),
        Idea(
            title="Fraud check latency budget, finally agreed and enforced",
            body=(
                "I got the payments and risk teams to agree on a latency budget for the fraud "
                "check in the authorization path: 120 ms at p99, failing open above that. Then I "
                "added the timeout and a metric so we can see how often we fall back. The "
                "discussion took longer than the code, but it had been an open question for a "
                "year."
            ),
            impact=(
                "Card authorizations should stop timing out at the card network when riskcheck is "
                "slow."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement", "cross-team-leadership"),
        ),
        Idea(
            title="Developer onboarding, first deploy in a day: half-year summary",
            body=(
                "Over the last six months I worked on getting a new engineer from a fresh laptop "
                "to their first production deploy on day one. I started by shadowing three new "
                "joiners and writing down every place they got stuck.\n"
                "\n"
                "- Replaced the 40-step setup wiki with one bootstrap script\n"
                "- Added a starter-task label that Lighthouse surfaces to new joiners\n"
                "- Made preview environments available without a separate access request\n"
                "\n"
                "Not everything worked: the starter-task label was ignored until managers started "
                "assigning those tasks. I'm now handing the bootstrap script to the platform "
                "rotation so it doesn't depend on me."
            ),
            impact=(
                "New engineers should ship something real on their first day and feel useful in "
                "their first week."
            ),
            measured=(
                "For the 11 people who joined the following quarter, median time to first deploy "
                "was 1.5 days, down from 9."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("growing-others",),
        ),
        Idea(
            title="Idempotency for every write endpoint, not just charges",
            body=(
                "I extended idempotency keys from the charge endpoint to every write endpoint on "
                "the payments API, including refunds and captures. I used one shared middleware "
                "so the behavior is identical everywhere, and added a test that fails if a new "
                "write endpoint forgets it."
            ),
            impact=(
                "Retries from merchant integrations should never create duplicate refunds or "
                "captures."
            ),
            measured=(
                "Over the next six months, duplicate refunds caused by merchant retries went from "
                "about 20 a month to zero."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
    ),
    "leaving-things-better": (
        Idea(
            title="Deleted the old deploy scripts nobody dared touch",
            body=(
                "I removed the last three shell deploy scripts that predated our current "
                "pipeline. I checked the audit log to confirm nothing had called them in 90 days, "
                "announced the removal two weeks ahead, and kept a tagged copy in case someone "
                "objected. Nobody did."
            ),
            impact=(
                "One less place for new engineers to get confused about how deploys actually work."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Ledger test fixtures rewritten so tests stop sharing state",
            body=(
                "I replaced the ledger service's shared fixture file with small factory "
                "functions, so each test builds only the accounts it needs. The old fixtures were "
                "loaded once per run, so tests passed or failed depending on order. I did it in "
                "five small PRs over two weeks rather than one big one, which kept reviews easy."
            ),
            impact="Ledger tests should stop failing at random and be safe to run in parallel.",
            measured=(
                "Two months later, the ledger suite ran in 4 minutes instead of 13 with "
                "parallelism on, and had zero order-dependent failures."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Refund-worker runbook: from tribal knowledge to a page",
            body=(
                "After being paged twice for refund-worker backlogs, I wrote down what I actually "
                "did to fix them and linked it from the alert. It covers how to check queue "
                "depth, when it is safe to replay, and when to call the PSP. I asked someone who "
                "had never touched refund-worker to follow it on staging, and fixed the two steps "
                "where they got stuck."
            ),
            impact=(
                "Whoever is on call should be able to clear a refund backlog without waking me up."
            ),
            measured=(
                "In the next three months, four refund-worker pages were resolved by on-call "
                "without escalation, compared with none before."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="One way to log, not four: observability library cleanup",
            body=(
                "This month I consolidated our four logging helpers into the shared observability "
                "library. Each team had grown its own wrapper with different field names for the "
                "same things, so cross-service queries were painful.\n"
                "\n"
                "- Agreed a field naming convention with the three teams who owned wrappers\n"
                "- Added a compatibility shim so old call sites kept working\n"
                "- Sent codemod PRs to 22 repos and merged the ones owners approved\n"
                "- Deprecated the shim with a six-week warning in CI output\n"
                "\n"
                "The hardest part was naming. We spent a whole meeting on `request_id` versus "
                "`trace_id`, and I'm glad we did."
            ),
            impact=(
                "Engineers should be able to query logs across services without remembering each "
                "team's field names."
            ),
            measured=(
                "By the end of the quarter, 29 of 31 services used the shared library and saved "
                "cross-service queries had gone from 3 to 40."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="The README that lied about local setup",
            body=(
                "I followed our main README from scratch on a clean machine and it failed at step "
                "four. I fixed the outdated commands, removed a section about a database we no "
                "longer use, and added a `make check-setup` target that tells you what's missing."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Seventeen dead feature flags gone from the checkout path",
            body=(
                "I removed 17 flagpole flags from the checkout and authorization code that had "
                "been at 100% for more than six months. Each one kept two code paths alive, and "
                "some of the unused paths had quietly broken. Where I could find the original "
                "authors, I checked each flag's history with them first."
            ),
            impact=(
                "Less branching in the hottest code path we own, and fewer surprises when reading "
                "it."
            ),
            measured=(
                "Three months later, the authorization handler was down from 1,100 to 640 lines "
                "and the next two changes to it were reviewed in under a day."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Flagpole now nags owners about stale flags",
            body=(
                "Instead of doing another manual cleanup, I added a weekly job to flagpole that "
                "finds flags fully rolled out for 60 days and opens a ticket for the owning team. "
                "I kept the message short and linked it to a one-line removal guide."
            ),
            impact=(
                "Stale flags should get cleaned up as part of normal work instead of in big "
                "yearly purges."
            ),
            measured=(
                "Over the next four months, the number of flags older than 90 days fell from 212 "
                "to 58."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Paying down reconciliation debt before adding the new PSP",
            body=(
                "Before adding the new PSP to reconciliation, I spent two weeks making the "
                "existing job safe to change. It was one 900-line function with no tests, and "
                "every edit felt risky.\n"
                "\n"
                "- Captured a month of real inputs and outputs as golden files\n"
                "- Split matching, fee handling and reporting into separate modules\n"
                "- Added a dry-run mode that writes a diff instead of updating the ledger\n"
                "\n"
                "I told my lead up front that this would delay the feature by two weeks, and why. "
                "The new PSP support then took four days instead of the three weeks we had "
                "estimated earlier."
            ),
            impact=(
                "Future changes to reconciliation should be routine rather than a nervous, "
                "all-hands event."
            ),
            measured=(
                "Six months on, the job had been changed 23 times by five different people with "
                "no reconciliation incidents."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("technical-judgement",),
        ),
        Idea(
            title="Thirty copies of the same CI steps, now one template",
            body=(
                "I noticed most of our repos had copy-pasted the same lint, test and publish "
                "steps with small differences. I wrote a shared CI template and moved 30 repos "
                "onto it, keeping per-repo overrides for the few that really needed them."
            ),
            impact="A fix to CI should land once rather than in 30 places.",
            measured=(
                "When we bumped the base image two months later, it took one PR instead of the 30 "
                "we would have needed before."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Someone thanked me for a two-year-old code comment",
            body=(
                "A new engineer messaged me to say that a long comment I'd written two years ago "
                "in the ledger rounding code saved them a day of confusion. I had forgotten "
                "writing it. It was a nice reminder that explaining *why* is worth the extra five "
                "minutes."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Payments API error messages that say what went wrong",
            body=(
                "I went through our 40 most common API error responses and rewrote the ones that "
                "only said `invalid_request`. Each now names the field and the reason, and links "
                "to the right section of the docs. I checked the wording with two people from "
                "merchant support."
            ),
            impact=(
                "Merchants should be able to fix integration errors without opening a support "
                "ticket."
            ),
            measured=(
                "Integration-related support tickets fell 27% in the quarter after the change."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Retiring the shared staging database for integration tests",
            body=(
                "I led the retirement of the single shared staging database that every team's "
                "integration tests wrote to. It was behind most of our flaky integration tests, "
                "because pipelines overwrote each other's data.\n"
                "\n"
                "- Each pipeline now gets a throwaway database seeded from a snapshot\n"
                "- Seeding takes 40 seconds, down from the 6 minutes I first measured\n"
                "- Teams migrated over three sprints, and I paired with the two slowest\n"
                "\n"
                "I was tempted to redesign the seed data too, but kept it out of scope so we "
                "would actually finish."
            ),
            impact=(
                "Integration tests should be deterministic, and teams should stop blaming each "
                "other for broken staging data."
            ),
            measured="Three months later, the integration flaky-test rate was 1.1%, down from 7%.",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("technical-judgement",),
        ),
    ),
    "long-term-vision": (
        Idea(
            title="Ledger v2: a vision for double-entry everywhere",
            body=(
                "I wrote a vision doc for moving every money movement, including fees and FX "
                "adjustments, into the ledger service as double-entry postings. Today fees live "
                "in a separate table and reconciling them is a monthly project. The doc lays out "
                "a three-year path in small steps that are each useful on their own, and is "
                "honest about what we don't know yet."
            ),
            impact=(
                "The payments teams get a shared direction for the ledger, so individual projects "
                "stop pulling different ways."
            ),
            measured=(
                "A year later, three of the five steps were done and fee reconciliation had gone "
                "from a three-day monthly task to an automated nightly check."
            ),
            team=PAYMENTS,
            kind="vision_doc",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Where CI should be in two years",
            body=(
                "I wrote a two-year vision for our CI: every PR gets feedback in under ten "
                "minutes, flaky tests are caught by the system rather than by people, and teams "
                "own their pipelines without owning the runners. I shared it with the four teams "
                "who spend the most CI minutes and revised it twice based on their comments. It "
                "ends with the first three projects we'd do and what we would deliberately not "
                "do."
            ),
            impact="Teams should be able to plan their own CI work against a shared target.",
            measured=(
                "All four teams used it as their reference in quarterly planning, and 14 months "
                "later median PR feedback time was 9 minutes."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="vision_doc",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Multi-PSP routing: the why and the how in one doc",
            body=(
                "I wrote up why we should route card payments across two PSPs rather than "
                "depending on one, and what that means for the payments API, the ledger and "
                "reconciliation. I made a point of including the costs: more integration work, "
                "harder reconciliation and a second contract to manage. The doc proposes starting "
                "with failover only and earning the right to do smarter routing later."
            ),
            impact=(
                "Reduce our exposure to a single PSP outage, which last year cost us four hours "
                "of card payments."
            ),
            measured="",
            team=PAYMENTS,
            kind="vision_doc",
            also=("technical-judgement",),
        ),
        Idea(
            title="Lighthouse as the front door, on one page",
            body=(
                "I wrote a one-page vision for Lighthouse as the place engineers start any task: "
                "create a service, find an owner, check a deploy, flip a flag. I kept it short on "
                "purpose and included three sketches instead of a long spec. The aim was to stop "
                "every team from building its own small admin tool."
            ),
            impact="",
            measured=(
                "Within a year, five internal admin tools had been folded into Lighthouse and "
                "weekly active users had grown from 60 to 230."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="vision_doc",
        ),
        Idea(
            title="What do refunds look like at ten times the volume?",
            body=(
                "In a design review for a refund-worker change, I asked what happens when refund "
                "volume is ten times today's, which is roughly where the growth plan puts us in "
                "two years. The honest answer was that the single queue becomes the bottleneck. "
                "We kept the change small but added a partition key now, so sharding later won't "
                "need a data migration."
            ),
            impact="Avoid a painful re-architecture of refunds when volume grows.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="CI minutes per engineer, tracked as a long-term trend",
            body=(
                "I added a monthly chart of CI minutes per engineer to the Developer Experience "
                "dashboard. Total spend hides the story because headcount keeps growing, while "
                "per-engineer cost shows whether our tooling is actually getting more efficient. "
                "I'll use it as the baseline for the CI vision work."
            ),
            impact="Give us one number to judge CI investments against over years, not sprints.",
            measured=(
                "Over the following year, CI minutes per engineer fell from 2,900 to 1,750 a "
                "month while headcount grew 30%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Learning from incidents across teams: a two-year proposal",
            body=(
                "I wrote a proposal for how we learn from incidents across engineering, not just "
                "inside the team that had them. It suggests a monthly cross-team review of two "
                "incidents, a shared set of tags so we can spot patterns, and follow-up actions "
                "tracked in one place. I piloted the monthly review twice before circulating the "
                "doc, so it wasn't purely theoretical."
            ),
            impact="Repeat incidents with the same root cause should become rarer across teams.",
            measured=(
                "A year after adoption, the share of incidents with a previously seen root cause "
                "fell from 35% to 18%."
            ),
            team=ANY,
            kind="vision_doc",
            also=("cross-team-leadership", "operational-care"),
        ),
        Idea(
            title="One payments platform roadmap instead of four",
            body=(
                "This half I coordinated a shared roadmap for the payments platform across "
                "payments, risk, finance engineering and merchant onboarding. Each team had its "
                "own plan, and the plans quietly depended on each other in ways nobody had "
                "written down.\n"
                "\n"
                "- Mapped every cross-team dependency onto one timeline\n"
                "- Ran two working sessions to agree the order of the top ten projects\n"
                "- Published the roadmap with named owners and a monthly check-in\n"
                "\n"
                "Two projects were dropped because they only made sense alongside work nobody had "
                "planned. It was uncomfortable to raise, but far cheaper now than in six months."
            ),
            impact=(
                "Fewer projects should stall waiting on another team's work that was never "
                "scheduled."
            ),
            measured=(
                "By the end of the half, 8 of the 10 projects had shipped, compared with roughly "
                "half in each of the previous two halves."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("cross-team-leadership", "scope-and-impact"),
        ),
        Idea(
            title="Flagpole as a product, not a library",
            body=(
                "I wrote a vision doc for flagpole's next two years: moving from a library each "
                "service embeds to a small central service with audit history, scheduled rollouts "
                "and automatic cleanup. It includes a migration path where nothing breaks for "
                "existing users. Four teams reviewed it, and it became the basis for next year's "
                "Developer Experience planning."
            ),
            impact=(
                "Flag changes should become auditable and safe enough for Payments to use on "
                "money-moving code."
            ),
            measured=(
                "Eighteen months later, all four teams were on the central service and every flag "
                "change in Payments had an audit record."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="vision_doc",
            also=("scope-and-impact",),
        ),
        Idea(
            title="The assumptions behind our fraud thresholds, written down",
            body=(
                "I noticed nobody could explain why riskcheck's block thresholds were set where "
                "they were. I spent a few hours with the risk team and wrote down the "
                "assumptions, who made them and when, and what would tell us they'd stopped being "
                "true. It's only two pages, but next year's threshold review will start from "
                "facts."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Observability strategy, six months in: honest check",
            body=(
                "Six months ago I wrote our observability strategy, and this is my check on how "
                'it\'s going. The goal was that any engineer can answer "is my service healthy?" '
                "in under a minute.\n"
                "\n"
                "- Tracing is on by default in the service template, and 70% of services have it\n"
                "- Every service has a standard dashboard in Lighthouse\n"
                "- Log volume is down 25% since we dropped debug logs in production\n"
                "\n"
                "Where we're behind: alert quality hasn't improved much, and I underestimated how "
                "much help teams would need writing good SLOs. I've changed the plan to put SLO "
                "workshops ahead of new tooling."
            ),
            impact=(
                "Keep the strategy honest by checking it against reality instead of letting it "
                "drift."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("operational-care",),
        ),
        Idea(
            title="Same-day payouts, every day: vision doc",
            body=(
                "I wrote a vision doc for moving merchant payouts from next-day to same-day, "
                "including weekends once the partner bank supports it. It covers what has to "
                "change in payout-scheduler, the ledger cut-off times and our liquidity "
                "forecasting, and which parts depend on the bank. I walked finance and the "
                "partner bank's integration team through it before circulating it internally."
            ),
            impact=(
                "Merchants get faster access to their money, which sales says is our most "
                "requested feature."
            ),
            measured=(
                "Fourteen months later, 60% of payouts were same-day and merchant churn "
                "attributed to payout speed had halved."
            ),
            team=PAYMENTS,
            kind="vision_doc",
            also=("cross-team-leadership",),
        ),
    ),
    "technical-judgement": (
        Idea(
            title="Argued against a new queue just for refund retries",
            body=(
                "The proposal was to add a separate message queue just for refund retries. I "
                "suggested using the existing outbox table with a `retry_at` column instead, "
                "since our retry volume is a few hundred a day. I wrote a short comparison of "
                "both options, including what would change my mind: sustained volume above about "
                "50 per second."
            ),
            impact="One less piece of infrastructure for the team to run and be paged for.",
            measured=(
                "A year later, retry volume peaked at 3 per second and the outbox approach had "
                "needed no changes."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Boring storage over clever storage for the build cache",
            body=(
                "For the remote build cache backend, I recommended plain object storage from our "
                "cloud provider over the custom content-addressed server that two of us were "
                "excited about. I load tested both at three times our current build volume: "
                "object storage was 40 ms slower at p99 but needed no on-call. I wrote up the "
                "trade-off so we can revisit it if latency ever becomes the bottleneck."
            ),
            impact=(
                "Get the cache shipped this quarter without taking on a new service to operate."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("long-term-vision",),
        ),
        Idea(
            title="Ledger precision for three-decimal currencies: decision record",
            body=(
                "I led the decision on how the ledger should store amounts for currencies with "
                "three decimal places, which we needed for a new market. There were three options "
                "on the table and strong opinions about each.\n"
                "\n"
                "- Integer minor units with a per-currency exponent (chosen)\n"
                "- Decimal columns with a fixed scale\n"
                "- Keep two decimals and round (rejected, since it loses money at volume)\n"
                "\n"
                "I wrote the RFC and ran the proposed migration as a dry run against a copy of "
                "production, which showed that 0.3% of historic rows had inconsistent rounding "
                "we'd need to fix first. The RFC was approved after one round of comments, and "
                "the dry-run findings became their own ticket."
            ),
            impact="Support three-decimal currencies without any rounding drift in the ledger.",
            measured=(
                "After launching in the new market, the ledger balanced to the minor unit for six "
                "consecutive month-end closes."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("long-term-vision",),
        ),
        Idea(
            title="Profiled first, then said no to a flagpole rewrite",
            body=(
                "A teammate proposed rewriting flagpole's rule evaluation for performance. I "
                "profiled it first: evaluation took 0.2 ms, and 90% of the latency was the "
                "network call to fetch config. We added a local cache with a 30-second TTL "
                "instead, which was a two-day change."
            ),
            impact="Cut flag evaluation latency without a risky rewrite.",
            measured=(
                "p99 flag lookup latency went from 18 ms to under 1 ms and has stayed there for "
                "the five months since."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="One review comment that changed payout batching",
            body=(
                "In review, I pointed out that the new payout batching grouped by merchant but "
                "not by currency, so a single bad FX rate could block all of a merchant's "
                "payouts. I suggested batching by merchant and currency pair instead. It was one "
                'comment, but it changed the failure mode from "all payouts stuck" to "one '
                'currency delayed".'
            ),
            impact="Limit how much of a merchant's money a single bad input can hold up.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="A simple rule for what goes into the service template",
            body=(
                "When people asked to add their favorite libraries to the service template, I "
                "proposed a rule: anything in the template must be something we're willing to "
                "upgrade in every service, forever. I wrote it into the template README. It "
                "turned the debate from taste into cost, and we dropped four of the proposed "
                "additions."
            ),
            impact="",
            measured=(
                "Six months later, a security upgrade across all templated services took two days "
                "instead of the two weeks the previous one had taken."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("long-term-vision",),
        ),
        Idea(
            title="Pushed for a load test before the card network deadline",
            body=(
                "We had to ship the new authorization message format before the card network's "
                "deadline, and the plan skipped load testing to save time. I argued for a "
                "half-day load test at twice peak traffic, and it found a connection pool limit "
                "that would have capped us at 70% of peak. The fix was a one-line config change."
            ),
            impact="Avoid an outage on our busiest day of the month after the format change.",
            measured=(
                "The change went live with no latency regression, and p99 authorization time held "
                "at 210 ms through the next month's peak."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("delivery-under-pressure",),
        ),
        Idea(
            title="Another team borrowed my trade-off table for their RFC",
            body=(
                "I saw that the risk team's latest RFC used the same \"options, costs, what would "
                "change my mind\" table I'd used for the refund retries decision. Nobody told me; "
                "I just noticed it. Small, but it made me think the format is genuinely useful."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title="Test runner migration: why I recommended stopping at 60%",
            body=(
                "I led a migration of our integration tests to a new parallel test runner, and at "
                "60% I recommended we stop. The remaining tests were old and slow in ways the new "
                "runner couldn't help with, and they needed significant rewrites.\n"
                "\n"
                "- Measured speed-up was 3-5x for the migrated suites, and projected under 1.2x "
                "for the rest\n"
                "- Finishing would have cost about six more engineer-weeks\n"
                "- I proposed running both runners in CI and deleting old tests as they're "
                "replaced\n"
                "\n"
                "It felt like giving up, but the numbers were clear. My lead agreed, and we moved "
                "those weeks to flaky-test work instead."
            ),
            impact=(
                "Spend the remaining effort where it buys real CI time, instead of finishing for "
                "completeness."
            ),
            measured=(
                "Four months later, total integration test time was down 52%, and 30% of the "
                "unmigrated tests had been deleted as obsolete."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Idempotency keys kept for 24 hours, not forever",
            body=(
                "I proposed keeping idempotency keys for 24 hours rather than indefinitely, after "
                "checking that 99.9% of merchant retries happen within 10 minutes. Keeping them "
                "forever would have meant a table growing by 40 million rows a month. I "
                "documented the window in the API reference so merchants know what to expect."
            ),
            impact=(
                "Keep the idempotency table small and fast without breaking real retry patterns."
            ),
            measured=(
                "A year on, the table held about 1.3 million rows and no merchant had reported a "
                "retry outside the window."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Tracing sample rates chosen from real traffic, not guesses",
            body=(
                "Rather than guessing a trace sampling rate, I looked at a week of traffic and "
                "found that errors and slow requests made up under 2% of volume. I suggested "
                "tail-based sampling: keep every error and every request slower than p95, plus 5% "
                "of the rest. That keeps the traces people actually open during incidents while "
                "cutting storage."
            ),
            impact="Cut tracing costs without losing the traces that matter during incidents.",
            measured=(
                "Tracing storage costs fell 68% the next month, and in the following quarter's "
                "incidents nobody reported a missing trace."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Chargeback handling: build, buy, or a bit of both",
            body=(
                "I was asked whether we should build chargeback handling ourselves or use the "
                "dispute tooling our PSP offers. I spent a week talking to the risk team, finance "
                "and two engineers who had done this at previous jobs.\n"
                "\n"
                "- PSP tooling: fast to start, but no link to our ledger and only their evidence "
                "formats\n"
                "- Build: eight to ten weeks, full control, and one more system to own\n"
                "- Hybrid: PSP tooling for evidence submission, our own ledger integration\n"
                "\n"
                "I recommended the hybrid, with a clear list of what would make us revisit it. "
                "The decision took a single meeting because the options were already laid out."
            ),
            impact=(
                "Get chargebacks into the ledger correctly without building a whole dispute system."
            ),
            measured=(
                "Six months after launch, chargeback-related ledger mismatches were at zero and "
                "our dispute win rate had gone from 21% to 34%."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
    ),
    "delivery-under-pressure": (
        Idea(
            title="Card network format change, shipped two days early",
            body=(
                "The card network's mandatory message format change had a hard date, and we "
                "started late because of the PSP outage follow-ups. I cut scope to the fields "
                "that were actually mandatory, moved the optional ones to a follow-up ticket, and "
                "ran a dry run against the network's test environment every day of the final "
                "week."
            ),
            impact=(
                "Avoid fines and declined transactions from missing the card network's deadline."
            ),
            measured=(
                "We passed certification first time and saw no format-related declines in the "
                "month after the deadline."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="CI runners down on a Monday: builds back in 40 minutes",
            body=(
                "When our CI runners stopped picking up jobs on Monday morning, I took incident "
                "lead. I found that a base image update had broken the runner agent, pinned the "
                "previous version, and posted updates in the incident channel every 10 minutes so "
                "nobody had to ask."
            ),
            impact="Unblock around 120 engineers who couldn't merge anything.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Peak weekend readiness for the payments API",
            body=(
                "I coordinated readiness for our biggest sales weekend of the year. Last year we "
                "hit 95% of our connection limits at peak, so this year I started six weeks "
                "early.\n"
                "\n"
                "- Load tested at three times last year's peak, and fixed the two bottlenecks it "
                "found\n"
                "- Ran a game day where we failed over to the second PSP mid-test\n"
                "- Agreed a change freeze and an escalation list with risk and support\n"
                "- Set up an on-call schedule so nobody covered more than four hours at a time\n"
                "\n"
                "Peak traffic over the weekend was 2.4 times last year's and p99 authorization "
                "latency stayed at 230 ms. The only incident was a dashboard timing out, which we "
                "fixed in ten minutes."
            ),
            impact=(
                "Get through our biggest traffic weekend without any declines caused by our own "
                "systems."
            ),
            measured=(
                "Authorization success rate over the weekend was 99.97%, against an SLA of 99.9%."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("cross-team-leadership", "operational-care"),
        ),
        Idea(
            title="Cut search from the Lighthouse launch to hit the date",
            body=(
                "Two weeks before the Lighthouse launch at the engineering offsite, it was clear "
                "search would not be ready. I proposed launching with a simple filtered list and "
                "shipping search a month later. I told the stakeholders that week rather than the "
                "week of the launch."
            ),
            impact="Launch on time at the offsite, where every engineer would see it together.",
            measured=(
                "Lighthouse had 140 weekly users within a month of launch, and search shipped "
                "five weeks later."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="8,000 stuck refunds cleared in one evening",
            body=(
                "After a two-hour PSP outage left 8,000 refunds stuck, I wrote a small replay "
                "script with a rate limit and a dry-run flag. I ran it on 50 refunds first, "
                "checked them against the ledger with the on-call engineer, then ran the rest in "
                "batches of 1,000."
            ),
            impact="Customers get their money back the same day instead of after a weekend.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="A thank-you from the risk lead after the Friday hotfix",
            body=(
                "The risk team lead sent a note to my manager thanking me for turning around "
                "their urgent fraud rule change on a Friday evening. Mostly I had just reviewed "
                "it quickly and stayed online while it rolled out. I appreciated that they took "
                "the time to write it down."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Critical library vulnerability patched across 46 services in four days",
            body=(
                "When a critical vulnerability was announced in a library used by nearly all our "
                "services, I coordinated the patch across engineering. We had 46 affected "
                "services and a target of one week.\n"
                "\n"
                "- Built the list of affected services from the dependency data in Lighthouse\n"
                "- Sent ready-made PRs to every repo on day one\n"
                "- Ran a twice-daily check-in with team leads until the count hit zero\n"
                "- Patched the last five unowned services myself\n"
                "\n"
                "We finished in four days. The list was only accurate because of the catalog work "
                "earlier in the year, which I pointed out in the next planning cycle."
            ),
            impact="Close a critical security hole before anyone could exploit it.",
            measured=(
                "All 46 services were patched within 96 hours, and the external scan a week later "
                "found no vulnerable versions."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Partner bank moved the payout cut-off with six days' notice",
            body=(
                "The partner bank told us on a Tuesday that their payout cut-off was moving from "
                "4pm to 2pm the following Monday. I turned the cut-off from a constant into "
                "config, tested against the bank's sandbox, and shipped on Wednesday with a note "
                "to finance about the earlier time."
            ),
            impact="No merchant payout should slip a day because of the bank's change.",
            measured=(
                "Over the following month, every payout batch met the new cut-off and none "
                "slipped to the next day."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="Release week: a small fix for the flaky test, not a rewrite",
            body=(
                "During release week a flaky end-to-end test was blocking merges for everyone. "
                "Rather than redesigning the test, which I wanted to do, I added an explicit wait "
                "for the one async call that caused the race and opened a ticket for the proper "
                "fix. Merges were unblocked within the hour."
            ),
            impact="",
            measured=(
                "The test had zero failures in the next 400 runs, and the proper fix landed three "
                "weeks later."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Audit transaction report delivered with a day to spare",
            body=(
                "The auditors asked for a transaction report we had never produced, with a "
                "ten-day deadline. I wrote it as a read-only query against a ledger replica, "
                "checked the totals against the monthly finance figures, and had finance review a "
                "sample of 200 rows before sending it."
            ),
            impact="Answer the audit request without pulling the whole team off planned work.",
            measured=(
                "The auditors accepted it without follow-up questions, and we reused the query "
                "for the next two audits."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Said early what we wouldn't deliver",
            body=(
                "Three weeks into a six-week project, I told my manager and the product lead that "
                "we would deliver the core flow but not the reporting page. I brought a revised "
                "plan and the one decision I needed from them. It was a 15-minute conversation "
                "instead of a surprise in week six."
            ),
            impact="Keep stakeholders' trust by surprising them early rather than late.",
            measured="",
            team=ANY,
            kind="weekly_win",
        ),
        Idea(
            title="Merge queue rollout before the year-end change freeze",
            body=(
                "We had to get the merge queue into the main monorepo before the year-end change "
                "freeze, or wait three months. I ran the rollout over three weeks.\n"
                "\n"
                "- Week one: shadow mode, logging what the queue would have done\n"
                "- Week two: enabled for two volunteer teams\n"
                "- Week three: enabled for everyone, with a documented bypass for incidents\n"
                "\n"
                "I cut the planned batching feature to make the date. The bypass was used twice "
                "in the first month, both times for good reasons."
            ),
            impact="Stop broken main branches, which were blocking everyone about twice a week.",
            measured=(
                "In the three months after rollout, main was red for a total of 3 hours, down "
                "from about 30 hours a month."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
    ),
    "growing-others": (
        Idea(
            title="Teaching a teammate to debug reconciliation mismatches alone",
            body=(
                "Instead of fixing the next reconciliation mismatch myself, I sat with a newer "
                "teammate and narrated how I approach it: find the transaction in the settlement "
                "file, find it in the ledger, compare the fees. The second time, I only answered "
                "questions. By the third mismatch they handled it without me and wrote up what "
                "they found."
            ),
            impact="I stop being the only person who can debug reconciliation.",
            measured=(
                "Over the next quarter, that teammate resolved 11 mismatches on their own and I "
                "handled none."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Pairing with two new joiners on real build cache tickets",
            body=(
                "I ran three pairing sessions with our two new joiners on the build cache code, "
                "each on a real ticket rather than a walkthrough. I let them drive and kept my "
                "hands off the keyboard. Both have since picked up cache tickets on their own."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Six months mentoring a mid-level engineer toward senior",
            body=(
                "For the last six months I've mentored an engineer on the Payments team who wants "
                "to reach senior. We met every two weeks, and I tried to give them real "
                "opportunities rather than advice.\n"
                "\n"
                "- They led the design review for refund partitioning, with me attending silently\n"
                "- I handed them the relationship with our second PSP's technical contact\n"
                "- In each session we reviewed one of their evidence entries and made the impact "
                "concrete\n"
                "\n"
                "The biggest change has been in how they write: their design docs now open with "
                "the decision and the trade-offs. They're leading next quarter's main project."
            ),
            impact=(
                "Help a strong engineer grow into senior scope instead of waiting to be noticed."
            ),
            measured="Eight months after we started, they were promoted to senior.",
            team=ANY,
            kind="work_summary",
        ),
        Idea(
            title="Review comments that teach, not just correct",
            body=(
                "I changed how I write review comments on the payments team: for anything beyond "
                "a nit, I explain the reason and link to an example. I also started marking each "
                "comment as blocking or non-blocking. A teammate said it made reviews feel less "
                "like an exam."
            ),
            impact=(
                "Reviews should spread knowledge of the ledger rules rather than just gatekeep "
                "them."
            ),
            measured=(
                "Six months later, 40% of ledger-related review comments came from the two newest "
                "teammates, up from almost none."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Flame graph workshop using one of our own slow endpoints",
            body=(
                "I ran a one-hour workshop on reading CPU flame graphs, using a real slow "
                "endpoint from one of our services. Fourteen people came, and I added the "
                "recording to Lighthouse. The final exercise was to find the slow function "
                "yourself."
            ),
            impact="More engineers should be able to investigate their own performance problems.",
            measured=(
                "In the following two months, three teams sent me flame graphs they had already "
                "analyzed instead of asking me to look."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="The engineer I coach ran the failover game day",
            body=(
                "For this quarter's PSP failover game day, the engineer I'd been coaching ran the "
                "whole thing while I watched. They handled the surprise scenario the risk team "
                "threw in better than I did last time. I mostly took notes."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="On-call shadowing for the Developer Experience rotation",
            body=(
                "I set up an on-call shadowing program so nobody joins the DX rotation cold. "
                "Before this, people joined after reading the runbooks and hoping for a quiet "
                "week.\n"
                "\n"
                "- Two weeks shadowing, then two weeks as primary with a named backup\n"
                "- A checklist of ten scenarios to walk through on staging\n"
                "- A short retro after each person's first solo week\n"
                "\n"
                "Five people went through it this half. The retros produced 12 runbook fixes, "
                "which was a bonus I hadn't planned for."
            ),
            impact=(
                "New on-call engineers should feel prepared and escalate less in their first weeks."
            ),
            measured=(
                "Escalations during first solo on-call weeks dropped from an average of 6 to 1.5 "
                "over the next two quarters."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("operational-care", "leaving-things-better"),
        ),
        Idea(
            title="Let my teammate present our design at architecture review",
            body=(
                "Our payout batching design was up for architecture review, and I asked the "
                "teammate who had done most of the work to present it. I helped them rehearse "
                "answers to the two hardest questions I expected, then stayed quiet in the "
                "meeting unless asked. They handled it well."
            ),
            impact="Give credit and visibility to the person who did the work.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="A guide to writing a good RFC, with our own examples",
            body=(
                "After reviewing a dozen RFCs that left out the alternatives considered, I wrote "
                "a short guide with two good examples from our archive and one annotated weak "
                "one, with its author's permission. I linked it from the RFC template."
            ),
            impact="RFCs should be quicker to review and make their trade-offs explicit.",
            measured=(
                "Of the next 20 RFCs, 17 included an alternatives section, compared with about "
                "half before."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Coaching a teammate through their first incident write-up",
            body=(
                "After their first incident as lead, I helped a teammate write the review. I "
                "asked questions instead of editing: what did you know at each point, and what "
                "would have helped? The final write-up was theirs, and it was better than most "
                "I've read."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Handing over the partner bank relationship",
            body=(
                "I had been the only engineer the partner bank's integration team talked to, "
                "which was a risk. I introduced a teammate on our weekly call, had them co-run "
                "the next three calls, and then stepped back. I also wrote a page on the bank's "
                "quirks and who to ask for what."
            ),
            impact=(
                "The partner bank relationship should no longer depend on one person's "
                "availability."
            ),
            measured=(
                "Four months later, my teammate led the bank through a certificate rotation "
                "without me."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Service template office hours, three months in",
            body=(
                "Three months ago I started a weekly 30-minute office hours slot for anyone using "
                "the service template. I wanted a low-pressure place for questions people felt "
                "were too basic for the team channel.\n"
                "\n"
                "- Two or three people came most weeks, usually with a real problem on screen\n"
                "- I logged every question and turned the common ones into template docs\n"
                "- Two regulars now answer questions alongside me\n"
                "\n"
                "The best outcome is that the docs now cover most first-week questions. I've "
                "moved the slot to every other week since demand has dropped."
            ),
            impact=(
                "Teams using the template should get unblocked quickly and learn how it works "
                "underneath."
            ),
            measured=(
                "After three months, the docs covered the 15 most-asked questions and attendance "
                "had dropped to about one person a week."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
        ),
    ),
    "cross-team-leadership": (
        Idea(
            title="Three teams, one refund API contract",
            body=(
                "Payments, merchant support tooling and finance engineering all needed changes to "
                "the refund API, and each had started designing their own. I proposed we agree on "
                "one contract before anyone built anything.\n"
                "\n"
                "- Ran two working sessions with one engineer from each team\n"
                "- Wrote the contract as an API spec with example requests and error cases\n"
                "- Agreed a versioning rule so the support tool could move at its own pace\n"
                "\n"
                "We signed off in two weeks. The support tooling team told me afterwards it was "
                "the first time they'd been in the room before an API shipped."
            ),
            impact=(
                "Avoid three slightly different refund APIs and the reconciliation mess that "
                "would follow."
            ),
            measured=(
                "Six months later, all three consumers used the same contract and we had shipped "
                "two additive versions with no breaking changes."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("technical-judgement",),
        ),
        Idea(
            title="Security and platform teams agree on base image updates",
            body=(
                "Security wanted base images patched weekly, and the platform teams felt "
                "constantly interrupted by it. I set up a 30-minute meeting, brought data on how "
                "many patches actually mattered, and we agreed on automated weekly PRs that "
                "auto-merge when patch-level updates pass CI."
            ),
            impact="Patch faster, with less manual work for every team.",
            measured=(
                "Three months later, median time to patch a base image had gone from 19 days to 4."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Card network recertification, coordinated with the PSP",
            body=(
                "I ran the coordination for our card network recertification, which needed us, "
                "the PSP and the network's test team to schedule test windows together. I kept a "
                "shared tracker of all 38 test cases and their status, and sent a short summary "
                "after every session."
            ),
            impact="Get through certification without the back-and-forth delays we had last time.",
            measured=(
                "We finished certification in three weeks, compared with seven the previous year."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("delivery-under-pressure",),
        ),
        Idea(
            title="Four teams now publish SLOs in the same format",
            body=(
                "I drafted a one-page SLO template and asked four teams to try it on their most "
                "important service. I adjusted it twice based on what they found confusing, "
                "mostly how to choose an error budget window. All four now publish their SLOs in "
                "Lighthouse in the same format."
            ),
            impact=(
                "Make SLOs comparable across teams so we can have sensible reliability "
                "conversations."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Invited to the risk team's quarterly planning",
            body=(
                "The risk team lead invited me to their quarterly planning session, saying the "
                "latency budget discussion had been the most useful cross-team conversation "
                "they'd had all year. I went, mostly listened, and came back with two things our "
                "team needed to know about early."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title='What "reconciled" means, agreed with finance',
            body=(
                'Engineering and finance were using the word "reconciled" to mean different '
                "things, which caused an argument every month-end. I sat down with two people "
                "from finance, wrote the definition in a shared doc, and changed our dashboard "
                "labels to match it."
            ),
            impact="End the monthly argument about whether the numbers are final.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Retiring the old deploy tool across eight teams",
            body=(
                "I led the deprecation of our old deploy tool, which eight teams still used for a "
                "mix of reasons. I started by asking each team what they would lose, instead of "
                "announcing a date.\n"
                "\n"
                "- Three teams needed manual approval steps, which I added to the new pipeline\n"
                "- Two teams had custom scripts that I helped port\n"
                "- I published a shared tracker and a final date eight weeks out\n"
                "\n"
                "The last team moved a week before the deadline. We turned the old tool off and "
                "deleted its servers the same day."
            ),
            impact="Everyone deploys the same way, and we stop maintaining two deploy systems.",
            measured=(
                "We saved roughly one engineer-day a week of maintenance, and deploy-related "
                "incidents fell from 5 to 1 the next quarter."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Joint incident review with the PSP's engineers",
            body=(
                "After a PSP timeout incident, I asked the PSP's engineering team to join our "
                "incident review instead of trading emails. I shared our timeline in advance and "
                "asked for theirs. Together we found that both sides had retried at the same "
                "moment, doubling the load exactly when it hurt most."
            ),
            impact="Fix the root cause on both sides instead of each side blaming the other.",
            measured=(
                "After both sides changed their retry backoff, the timeout pattern did not recur "
                "in the next six months."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="A shared roadmap doc for DX and the platform team",
            body=(
                "Developer Experience and the platform team kept discovering overlapping projects "
                "halfway through. I proposed a single roadmap doc that both teams update before "
                "quarterly planning, plus a 30-minute joint review. It's low-tech on purpose."
            ),
            impact="",
            measured=(
                "In the two planning cycles since, we found and merged three overlapping projects "
                "before anyone started them."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="A proper test environment from the partner bank",
            body=(
                "We had been testing payouts against the partner bank's production system with "
                "tiny real amounts, because their sandbox was unreliable. I worked with their "
                "integration lead to get a dedicated test environment, which meant writing down "
                "exactly what we needed and why it mattered to them too."
            ),
            impact="Stop testing payouts with real money.",
            measured=(
                "Two months after it went live, we had run over 200 payout test cases without "
                "moving any real money."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Cross-team rotation for the shared end-to-end suite",
            body=(
                "Flaky tests in the shared end-to-end suite belonged to nobody. I proposed a "
                "weekly rotation across the five teams that contribute to the suite, with a short "
                "checklist and a dashboard of the worst offenders. Each team agreed once I showed "
                "them how many CI hours their own engineers lost to retries."
            ),
            impact="Flaky tests in shared suites get fixed instead of ignored.",
            measured=(
                "Over the following quarter, the shared suite's flaky rate went from 9% to 2.5%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Secrets store migration: coordinating 64 services",
            body=(
                "I coordinated the migration of every service to the new secrets store, across "
                "Payments, Developer Experience and three other teams. No team wanted to go "
                "first, so I migrated two of our own services and documented every step.\n"
                "\n"
                "- Published a migration guide built from those two real migrations\n"
                "- Tracked all 64 services on one board and shared the percentage weekly\n"
                "- Held a weekly 20-minute drop-in for teams stuck on edge cases\n"
                "\n"
                "We reached 50% in five weeks and 100% in eleven. The weekly percentage in the "
                "engineering update kept momentum better than any reminder I sent."
            ),
            impact="Get secrets out of environment files and make rotation work everywhere.",
            measured=(
                "Once the migration finished, we rotated every production credential for the "
                "first time, and it took under a day."
            ),
            team=ANY,
            kind="work_summary",
            also=("scope-and-impact", "delivery-under-pressure"),
        ),
    ),
    "craft-and-quality": (
        Idea(
            title="Property tests for the fee calculation",
            body=(
                "I added property-based tests for the fee calculation in the payments API, "
                "checking that fees never exceed the amount and that splitting a payment never "
                "changes the total fee by more than one minor unit. The tests found a case where "
                "zero-amount authorizations returned a negative fee."
            ),
            impact="Catch fee rounding bugs before they reach the ledger.",
            measured=(
                "Over the following quarter, no fee rounding bugs reached production, after three "
                "the quarter before."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Six small PRs instead of one big one for search",
            body=(
                "I split my Lighthouse search work into six small PRs instead of one large one, "
                "each with a short note on what to look at. Reviews came back within a day every "
                "time, and one reviewer caught an indexing bug that I think would have been lost "
                "in a big diff."
            ),
            impact="Faster, more careful reviews of my own work.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Tests first, then the refund-worker change",
            body=(
                "Before changing how refund-worker handles partial failures, I wrote tests for "
                "its current behavior, including the odd cases. Two of them surprised my "
                "reviewer, who didn't know the worker retried forever on one error code. We fixed "
                "that as a separate change."
            ),
            impact="Make sure my change didn't break behavior nobody had written down.",
            measured=(
                "The change shipped with no refund-worker incidents in the following two months."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="First month on test infrastructure: raising my own bar",
            body=(
                "This month I focused on the quality of my own changes to the test infrastructure "
                "code. I asked for more feedback than usual and kept track of what reviewers kept "
                "pointing out.\n"
                "\n"
                "- Started writing a failing test first for every bug fix\n"
                "- Ran the linter and type checker locally before pushing\n"
                '- Added a "how I tested this" section to every PR description\n'
                "\n"
                "By the end of the month my PRs needed fewer rounds of review, and I stopped "
                "getting comments about missing tests."
            ),
            impact="Spend less of my reviewers' time and ship fewer bugs.",
            measured="Over the next two months, my PRs averaged 1.3 review rounds, down from 2.8.",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("learning-and-asking",),
        ),
        Idea(
            title="A reviewer shared my PR description as an example",
            body=(
                "A senior engineer commented on my PR that the description was exactly how they'd "
                "like everyone to write them, and shared it in the team channel. I had only "
                "started writing them that way two weeks earlier."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title="Named constants instead of magic numbers in payout-scheduler",
            body=(
                "I replaced the unexplained numbers in payout-scheduler, like `86400` and `3`, "
                "with named constants and a short comment on where each value comes from. One of "
                "them turned out to be a retry limit the partner bank had asked for, which is now "
                "documented."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
    ),
    "ownership": (
        Idea(
            title="Followed a failed payout all the way to the bank",
            body=(
                "A merchant's payout failed with a vague error from the partner bank. Instead of "
                "passing it to support, I traced it through payout-scheduler's logs, found the "
                "bank's rejection code, and confirmed with our bank contact that the account "
                "number had changed. I updated the merchant's ticket myself and added the "
                "rejection code to our error mapping."
            ),
            impact=(
                "The merchant gets paid, and the next one with this error will see a clear message."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="My flaky test, my fix",
            body=(
                "One of my tests in the Lighthouse suite started failing about once in every 20 "
                "runs. I put my name on the ticket the same day, found that it depended on the "
                "order of a set, and fixed it. I also posted in the team channel so people knew "
                "it was handled."
            ),
            impact="Nobody else loses time re-running pipelines because of my test.",
            measured="The test has passed in all of the roughly 1,500 runs since.",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Closed the loop on a duplicate charge report",
            body=(
                "I picked up a merchant report of a duplicate charge that had been passed between "
                "teams for a week. It turned out their retry logic sent a new idempotency key "
                "each time. I explained it to support in plain language and suggested a docs "
                "change, which the API team accepted."
            ),
            impact=(
                "The merchant gets a clear answer, and the docs now steer others away from the "
                "same mistake."
            ),
            measured=(
                "In the two months after the docs change, duplicate-charge tickets caused by "
                "retries dropped from 9 to 2."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Taking over the CI dashboard after its owner moved teams",
            body=(
                "When the engineer who built our CI dashboard moved to another team, I offered to "
                "own it. I spent my first week understanding how it worked rather than changing "
                "it.\n"
                "\n"
                "- Read through the code and wrote down how the data flows\n"
                "- Fixed the queue-time panel, which had been wrong for a month\n"
                "- Added myself as owner in Lighthouse and set up an alert for failed data loads\n"
                "\n"
                "I've asked the previous owner for a 30-minute check-in every two weeks while I "
                "get comfortable."
            ),
            impact="The dashboard keeps working and has someone accountable for it.",
            measured=(
                "Three months later, the dashboard had no data gaps and I had shipped two panels "
                "that teams had asked for."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("learning-and-asking",),
        ),
        Idea(
            title="My manager noticed a fix nobody asked me for",
            body=(
                "In our one-on-one, my manager mentioned they'd seen me fix the broken link "
                "checker in our docs between tickets. I told them it had been bugging me for "
                "weeks. They suggested I log it here, so here it is."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title="Runbook updated after my own on-call mistake",
            body=(
                "During my on-call week I restarted the ledger consumer when I should have paused "
                "it, which caused a few minutes of duplicate event processing (caught by "
                "idempotency, no money impact). I wrote up what happened honestly and changed the "
                "runbook so the pause step comes first, in bold."
            ),
            impact="The next person won't make the same mistake under pressure.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
    ),
    "delivery": (
        Idea(
            title="Refund status webhook shipped in two sprints",
            body=(
                "I delivered the `refund.updated` webhook that merchants had been asking for. I "
                "broke it into three pieces (the event, the delivery, the docs) and shipped each "
                "behind a flag, so the first merchant was testing it after the first sprint."
            ),
            impact="Merchants can stop polling us for refund status.",
            measured=(
                "Two months after launch, polling traffic on the refund endpoint was down 35%."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Health-check endpoint for the template, two days early",
            body=(
                "I added a standard `/healthz` endpoint to the service template, with a readiness "
                "check for the database connection. I finished two days ahead of my estimate by "
                "asking for help on the one part I was stuck on instead of waiting."
            ),
            impact="New services get proper health checks without writing their own.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("learning-and-asking",),
        ),
        Idea(
            title="Chargeback dashboard: my first project start to finish",
            body=(
                "This was the first project I delivered end to end: a dashboard for the risk team "
                "showing open chargebacks and their deadlines. I wrote a short plan, checked it "
                "with the risk team, and then built it in small pieces.\n"
                "\n"
                "- Week one: the data query and a rough table the risk team could use right away\n"
                "- Week two: deadline highlighting and filters by the card network's reason code\n"
                "- Week three: alerts for chargebacks within three days of their deadline\n"
                "\n"
                "I missed my estimate by two days because of a data issue, and told my lead as "
                "soon as I knew."
            ),
            impact="The risk team should stop missing chargeback response deadlines.",
            measured="In the quarter after launch, missed chargeback deadlines went from 14 to 2.",
            team=PAYMENTS,
            kind="work_summary",
            also=("collaboration", "ownership"),
        ),
        Idea(
            title="Build cache hit rates now visible in Lighthouse",
            body=(
                "I added per-repo build cache hit rates to each service page in Lighthouse. It "
                "was a small task, but I made sure it shipped with tests, a short docs section, "
                "and a note in the team channel so people knew it existed."
            ),
            impact="",
            measured=(
                "Within a month, four teams had used the hit-rate panel to fix cache misses in "
                "their builds."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="First production deploy on my second day",
            body=(
                "I deployed a one-line copy fix to production on my second day, using the "
                "bootstrap script and a starter task. It was a tiny change, but it made me feel "
                "like part of the team straight away."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title="Refund CSV export shipped without filters, on time",
            body=(
                "The merchant CSV export for refunds was going to slip because of the filtering "
                "options. I asked the product manager whether merchants needed filters on day "
                "one; they didn't, so I shipped the plain export and put filters in the next "
                "sprint."
            ),
            impact="Merchants get the export two weeks earlier.",
            measured="Within six weeks, 180 merchants had used the export at least once.",
            team=PAYMENTS,
            kind="weekly_win",
        ),
    ),
    "operational-care": (
        Idea(
            title="An alert for payouts stuck in pending",
            body=(
                "I noticed we only found out about stuck payouts when merchants complained. I "
                "added an alert for payouts that stay `pending` for more than two hours, with a "
                "link to the runbook in the alert text. I tuned the threshold against a month of "
                "historical data so it wouldn't be noisy."
            ),
            impact="We find stuck payouts before merchants do.",
            measured=(
                "In the next three months, the alert caught four stuck batches, each before any "
                "merchant contacted support."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="Fewer, better pages for the CI runners",
            body=(
                "I went through the alerts on the CI runners and found that 70% of last month's "
                "pages had auto-resolved within five minutes. I raised the thresholds on two "
                "alerts and turned two others into tickets instead of pages."
            ),
            impact="On-call gets woken up only for things that need a human.",
            measured="Pages for the CI runners fell from 40 in one month to 9 the month after.",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Dashboards before and after every deploy",
            body=(
                "I started opening the payments API dashboard before and after every deploy I "
                "make, and noting the error rate and p99 latency in the PR. On Tuesday this "
                "caught a 15% latency increase from a missing index, which I rolled back within "
                "ten minutes."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="First solo on-call week for Developer Experience",
            body=(
                "This week I did my first solo on-call shift for the DX rotation, after two weeks "
                "of shadowing. It was busier than I expected.\n"
                "\n"
                "- Three pages: a full runner disk, a stuck cache eviction job and a false alarm\n"
                "- Resolved all three with the runbooks, escalating once to confirm a step\n"
                "- Fixed two runbook steps that were out of date\n"
                "\n"
                "I also wrote a short handover note for the next person covering the things that "
                "surprised me."
            ),
            impact=(
                "Keep CI healthy for everyone during my shift, and leave the runbooks better than "
                "I found them."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("learning-and-asking",),
        ),
        Idea(
            title="Support thanked me for clear incident updates",
            body=(
                "During a payments incident where I was only helping, I volunteered to post "
                "status updates every 15 minutes. Afterwards, two people from support said it was "
                "the first incident where they always knew what to tell customers."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title="Load tested my change to the fraud check client",
            body=(
                "Before shipping a change to how the payments API calls riskcheck, I asked how to "
                "run a load test and ran one at peak traffic on staging. p99 stayed at 95 ms, "
                "under our 120 ms budget, and I attached the results to the PR."
            ),
            impact="Make sure my change wouldn't slow down card authorizations.",
            measured=(
                "The change ran through the next month's peak with no increase in fraud-check "
                "timeouts."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("learning-and-asking",),
        ),
    ),
    "collaboration": (
        Idea(
            title="A screen-share with support to reproduce a refund bug",
            body=(
                "Support had a refund bug they couldn't describe clearly in a ticket, so I asked "
                "for a 20-minute call and had them share their screen. We reproduced it together "
                "in five minutes. It was a timezone issue in how refund dates were displayed."
            ),
            impact="Fix a bug that had bounced between teams for a week.",
            measured=(
                "Timezone-related refund tickets went from around 10 a month to zero over the "
                "next quarter."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Asked a Payments engineer to review my template change",
            body=(
                "My change to the service template affected how services read secrets, and "
                "Payments has the strictest requirements. I asked one of their engineers to "
                "review it before merging. They spotted that my change would log a secret's name, "
                "which their audit rules don't allow."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Building a velocity rule together with the risk team",
            body=(
                "I worked with two analysts from the risk team to add a new velocity rule to "
                "riskcheck. I had never worked with them before, so I started by asking how they "
                "investigate fraud today.\n"
                "\n"
                "- We agreed on the rule in plain language before I wrote any code\n"
                "- I built a dry-run mode so they could see what it would have blocked last month\n"
                "- They adjusted the threshold twice based on the dry-run results\n"
                "\n"
                "The rule went live with their sign-off, and they've asked to work the same way "
                "on the next one."
            ),
            impact="Block a fraud pattern the risk team had been catching by hand.",
            measured=(
                "In its first two months, the rule blocked about 300 fraudulent attempts with a "
                "false positive rate under 1%."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("delivery",),
        ),
        Idea(
            title="Plugin API decision written up for the other time zone",
            body=(
                "Half of our team works six hours ahead, so instead of deciding in a call, I "
                "wrote a short doc on how to structure Lighthouse's plugin API and left it open "
                "for a day. Two good comments came in overnight, and they changed the design."
            ),
            impact="Include the whole team in decisions, not just whoever is online.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Finance thanked me for explaining a ledger report",
            body=(
                "Someone in finance asked why a ledger report didn't match their spreadsheet. I "
                "walked them through how pending and settled amounts are counted, and they sent a "
                "thank-you note to my manager. I've added the explanation to the report's "
                "description."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Helped another team make sense of quarantine tickets",
            body=(
                "A team that had just joined the flaky-test quarantine was confused by the "
                "tickets it created. I joined their standup, explained what the tickets meant and "
                "how to close them, and rewrote the ticket text afterwards."
            ),
            impact="Make the quarantine tool useful for teams who didn't build it.",
            measured="That team closed 12 quarantined tests in the following month.",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
    ),
    "learning-and-asking": (
        Idea(
            title="How a card authorization really works, end to end",
            body=(
                "I asked a senior engineer to walk me through a single card payment, from the "
                "merchant's API call through riskcheck and the PSP to the card network and back. "
                "I drew the diagram as we went and shared it with the team. Two other people said "
                "they had never seen it all in one place."
            ),
            impact="Understand the system I'm working on well enough to debug it.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Stuck for an hour? Ask",
            body=(
                "I set myself a rule: if I'm stuck for an hour, I ask. This week it saved me on a "
                "build cache miss I couldn't explain; a teammate recognized the timestamp problem "
                "in five minutes. I wrote it down so I'll spot it myself next time."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Read every ledger design doc and brought my questions",
            body=(
                "I read all four design docs for the ledger service and kept a list of everything "
                "I didn't understand. I brought the list to a 30-minute session with the team "
                "lead. Three of my questions pointed at parts of the docs that were out of date, "
                "which we fixed."
            ),
            impact="Get up to speed on the ledger faster than learning it ticket by ticket.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Learning plan for my first quarter on DX",
            body=(
                "At the start of the quarter I wrote a learning plan with my mentor, listing the "
                "parts of our stack I needed to understand. I checked it every two weeks.\n"
                "\n"
                "- CI runners and job scheduling: done, with a pairing session\n"
                "- The build cache: done, and I fixed my first cache bug\n"
                "- flagpole internals: halfway, reading the code with a teammate\n"
                "- Observability library: not started, moved to next quarter\n"
                "\n"
                "Writing it down made it easier to ask for specific help instead of general "
                "advice."
            ),
            impact="Become useful on the team's main systems within a quarter.",
            measured=(
                "By the end of the quarter I was on the on-call rotation and had closed 19 "
                "tickets across three of the four systems."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
        ),
        Idea(
            title="My mentor says my questions have gotten sharper",
            body=(
                'In our monthly catch-up, my mentor said my questions have shifted from "how do '
                'I do this" to "why is it done this way". I hadn\'t noticed, but looking back '
                "at my notes, I think they're right."
            ),
            impact="",
            measured="",
            team=ANY,
            kind="moment",
        ),
        Idea(
            title="Asking why uncovered a bug in refund limits",
            body=(
                "While reading the refund code, I asked a teammate why refunds above the original "
                "amount were allowed for one currency. Nobody knew. It turned out to be a bug "
                "from an old migration, and I fixed it with a test."
            ),
            impact="Prevent over-refunds in that currency.",
            measured=(
                "An audit three months later found no over-refunds since the fix, compared with 7 "
                "in the previous quarter."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
    ),
}

MOMENT_EXTRAS: tuple[str, ...] = (
    "Thank-you from the risk team for the chargeback deadline alerts",
    "Support lead shared my incident updates as a good example",
    "A new joiner said the bootstrap script just worked",
    "Finance brought cake after the first clean month-end close",
    "The partner bank's engineer asked to copy our runbook format",
    "Shout-out in the engineering update for the merge queue",
    "A teammate asked me to review their first RFC",
    "Merchant support forwarded a merchant's note about faster refunds",
    "Another team reused my dashboard panel and said thanks",
    "My mentee handled their first page calmly and on their own",
)
