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
        Idea(
            title="Network tokens for stored cards, rolled out to every merchant",
            body=(
                "I moved stored-card payments from raw card numbers in our vault to network "
                "tokens issued by the card networks. When a card is reissued, the token keeps "
                "working, so subscriptions stop failing every time a bank replaces a card. I "
                "built the provisioning path in the payments API, backfilled 1.8 million stored "
                "cards over two weekends, and kept the old path as a fallback for cards where "
                "provisioning failed."
            ),
            impact=(
                "Recurring payments should survive card reissues without the customer having to "
                "update anything."
            ),
            measured=(
                "Three months after the backfill, the authorization rate on stored cards was up "
                "2.1 points and card-update emails to customers had dropped by half."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Dispute evidence now goes to the card network from one screen",
            body=(
                "Merchant support used to submit chargeback evidence through three different "
                "portals, depending on the card network, and copy details between them by hand. "
                "I built a single evidence submission flow on top of the PSP's disputes API, "
                "with the right document checklist for each dispute reason code. I sat with two "
                "support agents for a morning to get the checklist wording right."
            ),
            impact=(
                "Fewer disputes should be lost just because evidence arrived late or incomplete."
            ),
            measured=(
                "In the two months after launch, disputes that missed the response deadline fell "
                "from 9% to 1%, and the win rate went from 31% to 44%."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Checkout in 14 local currencies: half-year summary",
            body=(
                "This half I led the work to let customers pay in their own currency while "
                "merchants still settle in theirs. It touched the payments API, the ledger and "
                "reconciliation, and it needed sign-off from finance on how we book the "
                "conversion margin.\n"
                "\n"
                "- Added a rate quote endpoint with a 30-minute rate lock\n"
                "- Booked the conversion margin as its own ledger posting, not folded into fees\n"
                "- Extended reconciliation to match converted amounts within a 0.5% tolerance\n"
                "- Rolled out by currency, starting with the four with the most cross-border "
                "volume\n"
                "\n"
                "The rate feed turned out to be the weakest link. I added a staleness check that "
                "falls back to the merchant's currency if rates are more than ten minutes old."
            ),
            impact=(
                "Cross-border customers should see a familiar price and finish checkout more often."
            ),
            measured=(
                "Two quarters after launch, checkout completion for cross-border customers was "
                "up 6 points, and the conversion margin had covered the cost of the project "
                "within five months."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("long-term-vision",),
        ),
        Idea(
            title="Smarter retries for soft declines on recurring charges",
            body=(
                "I looked at six months of declined recurring charges and found that about 40% "
                "were soft declines, like insufficient funds or the issuer being briefly "
                "unavailable, which often succeed a few days later. I replaced our single "
                "next-day retry with a schedule based on the decline code, capped at four "
                "attempts over ten days to stay within card network rules."
            ),
            impact="",
            measured=(
                "In the first quarter, the new schedule recovered 18% of failed recurring "
                "charges, up from 7% with the old single retry."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Returned payouts no longer land on finance's desk",
            body=(
                "When the partner bank returns a payout, usually because the merchant closed the "
                "account, finance used to spot it in a daily file and fix the ledger by hand. I "
                "made payout-scheduler read the returns file, reverse the ledger posting, put "
                "the merchant's payouts on hold and email them to update their bank details. I "
                "tested it against every return we'd had in the last year, 212 in total."
            ),
            impact="Finance gets back the half hour a day they spent chasing returned payouts.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="Sales asked to use my refunds explainer with new merchants",
            body=(
                "A sales lead found the internal explainer I'd written about how refunds move "
                "through our systems and asked if they could share a cleaned-up version with "
                "prospective merchants. I spent an afternoon removing internal details, and it's "
                "now part of the merchant onboarding pack. I didn't expect an engineering doc to "
                "end up in front of customers."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Chargeback ratio alerts per merchant, before the card network notices",
            body=(
                "Card networks fine us, and eventually the merchant, when a merchant's "
                "chargeback ratio stays above their monitoring threshold. Until now we only "
                "found out when the network's monthly letter arrived. I added a daily job that "
                "computes each merchant's rolling ratio from the disputes table and alerts the "
                "risk team when anyone crosses 0.7%, which leaves time to act before the 0.9% "
                "line."
            ),
            impact="",
            measured=(
                "In the first quarter, the alert flagged five merchants early. Four brought "
                "their ratio down in time, and we paid no network monitoring fines that quarter."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Merchant statements rebuilt on top of the ledger: quarter summary",
            body=(
                "This quarter I rebuilt monthly merchant statements so they're generated from "
                "ledger postings instead of the old reporting database. The reporting copy "
                "drifted from the ledger in small ways, and every drift turned into a merchant "
                "asking why their statement didn't match their payouts.\n"
                "\n"
                "- Wrote the statement generator against ledger postings, with fees and FX shown "
                "separately\n"
                "- Ran old and new generators side by side for two month-ends and explained "
                "every difference\n"
                "- Worked with merchant support on a changelog for the 300 merchants who read "
                "statements closely\n"
                "\n"
                "The side-by-side run found 23 merchants whose old statements had been wrong for "
                "months. We corrected them and told each merchant what had changed."
            ),
            impact="Statements, payouts and the ledger should always tell the same story.",
            measured="",
            team=PAYMENTS,
            kind="work_summary",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Card numbers scrubbed from every log pipeline, not just ours",
            body=(
                "After finding a partial card number in one of our own debug logs, I wrote a "
                "scanner that checks log streams for anything that passes a card number "
                "checksum. I ran it across every team's pipeline, not just Payments, and found "
                "three services outside our team that were logging full or partial numbers. I "
                "sent fixes to two of them and added a redaction filter to the shared log "
                "shipper so it can't happen quietly again."
            ),
            impact="Card data should stay out of systems that were never meant to be in PCI scope.",
            measured=(
                "At the next annual PCI audit, the number of systems in scope dropped from 19 to "
                "11, and the assessor had no findings on logging."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=(
                "leaving-things-better",
                "cross-team-leadership",
            ),
        ),
        Idea(
            title="Test sharding for the five slowest suites in the monorepo",
            body=(
                "I added automatic test sharding to CI and turned it on for the five slowest "
                "suites, which were holding up most merges. Shards are balanced using each test "
                "file's timing from the last 20 runs instead of by file count, because a handful "
                "of files held most of the runtime. I also made the shard count configurable per "
                "suite, so owners can tune it without asking us."
            ),
            impact="Merges should stop queuing behind the slowest suites in the repo.",
            measured=(
                "Over the next month, median pipeline time for those five suites went from 24 "
                "minutes to 9, with only a 12% rise in total CI minutes."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Preview environments for every pull request in the web repos",
            body=(
                "Every pull request in our three web repos now gets its own preview environment, "
                "with a link posted on the PR. Designers and product managers used to wait for a "
                "change to reach staging before they could look at it, which often meant a "
                "second round of changes a week later. Environments shut down automatically "
                "after 48 hours without a push, which keeps the cost close to what one shared "
                "staging cluster used to cost."
            ),
            impact="Feedback on UI changes should happen during review, not after merge.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("delivery",),
        ),
        Idea(
            title="Runtime upgrade across 38 services: half-year summary",
            body=(
                "Over the last six months I led the upgrade of 38 services to the current major "
                "version of our language runtime. The old version was leaving security support "
                "at the end of the year, and about half the services had never been upgraded by "
                "their current owners.\n"
                "\n"
                "- Built a tracking page in Lighthouse showing each service's version and "
                "blockers\n"
                "- Wrote codemods for the three breaking changes that affected most services\n"
                "- Upgraded the shared libraries first, so teams weren't blocked on us\n"
                "- Ran drop-in sessions every two weeks for teams who got stuck\n"
                "\n"
                "I did the last seven upgrades myself because those teams were heads-down on a "
                "launch. I think that was the right trade, even though it wasn't the plan."
            ),
            impact=(
                "Stay on a supported runtime and pick up its performance improvements along the "
                "way."
            ),
            measured=(
                "All 38 services were upgraded a month before the deadline, and average memory "
                "use across them fell by 15% over the following quarter."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Production readiness scorecards for every service in Lighthouse",
            body=(
                "I added a scorecard to each service page in Lighthouse that checks six basics: "
                "a named owner, a runbook, an SLO, paging alerts, a recent dependency update and "
                "a working rollback. Each check links to a short guide on how to fix it. I kept "
                "the scores visible but not ranked, because I wanted teams fixing gaps rather "
                "than arguing about a leaderboard."
            ),
            impact="Teams should see their own gaps before an incident shows them.",
            measured=(
                "Two quarters later, services passing all six checks had gone from 34% to 78%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="The CTO showed the Lighthouse scorecards at the engineering offsite",
            body=(
                "At the engineering offsite, the CTO put up a screenshot of the Lighthouse "
                "scorecards to show how far production readiness had come in six months. A few "
                "team leads came over afterwards to ask how to get their last checks green. I'd "
                "built it hoping teams would use it, and hadn't thought about leadership using "
                "it too."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Scheduled rollouts in flagpole replaced late-night flag flips",
            body=(
                "Several teams were staying up past midnight to turn on risky flags when traffic "
                "was lowest. I added scheduled rollouts to flagpole: you pick a start time, the "
                "steps, and a metric that pauses the rollout if it goes bad. The first version "
                "only supports error rate as the pause metric, which covers most of what teams "
                "were watching by hand anyway."
            ),
            impact="Nobody should have to be awake at 1 a.m. to flip a flag.",
            measured=(
                "In the first two months, teams ran 140 scheduled rollouts, three were paused "
                "automatically, and the on-call log showed no after-hours manual flag flips."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Grouped weekly dependency PRs for 52 repos",
            body=(
                "I set up a dependency update bot for 52 backend repos that opens one grouped PR "
                "a week instead of a PR per library. Patch and minor updates that pass CI are "
                "merged automatically after a day, and major versions get their own PR with the "
                "changelog linked. I started with four volunteer teams, fixed the noise they "
                "complained about, and then turned it on everywhere."
            ),
            impact=(
                "Keeping dependencies current should be routine work instead of a yearly scramble."
            ),
            measured=(
                "Over two quarters, the median age of our dependencies fell from 14 months to 4."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Local development in containers: quarter summary",
            body=(
                "This quarter I moved local development for our backend services into dev "
                "containers, so a working environment no longer depends on what's installed on "
                "each laptop. Most of our setup problems came from mismatched versions of the "
                "database and the message queue.\n"
                "\n"
                "- Wrote container definitions for the 12 most-used services\n"
                "- Added seed data so each service starts with realistic accounts\n"
                "- Kept a native setup path for the two teams who need it for profiling\n"
                "\n"
                "I underestimated file-sync performance on laptops, which made the first version "
                "painfully slow. Moving dependencies to a named volume fixed most of it."
            ),
            impact=(
                "Setup problems should stop eating the first week of every new joiner and every "
                "laptop swap."
            ),
            measured=(
                "Over the next quarter, local setup questions in the platform help channel fell "
                "by about 70%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Incident bot opens the channel and starts the timeline",
            body=(
                "I built an incident bot for on-call: one command opens an incident channel, "
                "pages the owning team from the Lighthouse catalog, and starts a timeline that "
                "records every message tagged with a marker. Before this, the first ten minutes "
                "of every incident went on admin. I tried it in two game days before announcing "
                "it."
            ),
            impact="On-call engineers should spend the start of an incident on the incident.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
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
        Idea(
            title="Fee tables moved out of code into versioned config",
            body=(
                "Merchant fee rates were hard-coded in the payments API as a 600-line "
                "dictionary, and every pricing change needed an engineer and a deploy. I moved "
                "them into a versioned config table with an effective-from date, so finance can "
                "stage a change and we can see who changed what. I left the old dictionary in "
                "place for a month and compared results on every charge before deleting it."
            ),
            impact="Pricing changes should stop being engineering tickets.",
            measured=(
                "In the next quarter, finance made 31 fee changes without an engineer involved, "
                "and the comparison month found no mismatches."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Untangled the ledger's three different ways to reverse a posting",
            body=(
                "The ledger had three code paths for reversing a posting, added at different "
                "times for refunds, chargebacks and manual corrections, and they disagreed on "
                "how to handle fees. I merged them into one reversal function with an explicit "
                "fee policy argument, with tests covering each of the old behaviors. Two of the "
                "old paths had a bug with partially refunded payments that we'd been lucky never "
                "to hit."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Reconciliation exceptions now explain themselves",
            body=(
                "When reconciliation can't match a transaction, finance used to get a row with "
                "an ID and the word `UNMATCHED`. I added a reason to every exception, like "
                "amount mismatch, missing on our side or missing on the PSP side, plus the "
                "closest candidate match. It took a week, and most of that went on watching how "
                "finance actually worked through the list."
            ),
            impact=(
                "Finance should be able to resolve exceptions without asking an engineer what "
                "they mean."
            ),
            measured=(
                "Over the next two months, escalations from finance about reconciliation went "
                "from about 15 a week to 3."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Payments API versioning cleanup: quarter summary",
            body=(
                "This quarter I cleaned up how the payments API handles versions. We had seven "
                "live versions, and version checks were scattered through the handlers, which "
                "made every change risky.\n"
                "\n"
                "- Moved all version differences into request and response transformers at the "
                "edge\n"
                "- Contacted the 40 merchants still on the three oldest versions and helped most "
                "of them upgrade\n"
                "- Retired two versions after a six-month notice period\n"
                "\n"
                "The handlers now only know about the latest version. The oldest remaining "
                "version has six merchants left on it, and I've handed those conversations to "
                "the partner team."
            ),
            impact="Changing the API should mean changing one code path, not seven.",
            measured=(
                "Six months later, changes to the charge endpoint took a median of 2 days from "
                "PR to release, down from 6."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=(
                "scope-and-impact",
                "cross-team-leadership",
            ),
        ),
        Idea(
            title="Deleted the payout retry code that had never actually run",
            body=(
                "While reading payout-scheduler I found a 400-line retry module behind a config "
                "flag that had been off since the service launched. I checked three years of "
                "config history and deploy records to be sure it had never been enabled, asked "
                "the original author, and deleted it. The real retry logic now lives in one "
                "place."
            ),
            impact=(
                "New engineers reading payout-scheduler no longer have to work out which retry "
                "logic is real."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="The dispute service docs got their first outside contribution",
            body=(
                "Someone from the risk team opened a pull request against the dispute service's "
                "docs to correct a reason-code table I'd written last quarter. It's the first "
                "time anyone outside Payments has edited our docs, and they said the docs were "
                "why they trusted our data. I merged it the same day and thanked them in the "
                "team channel."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Currency rounding rules in one library instead of five",
            body=(
                "I found five slightly different implementations of currency rounding across the "
                "payments API, refunds, payouts, reconciliation and statements. Two rounded "
                "half-even and three rounded half-up, which explained a class of one-cent "
                "reconciliation differences finance had learned to ignore. I moved everything to "
                "one small shared library with a table of minor units per currency and a single "
                "rounding mode, agreed with finance."
            ),
            impact=(
                "One-cent differences should stop showing up between systems that handle the "
                "same money."
            ),
            measured=(
                "In the month after the last service switched over, one-cent reconciliation "
                "exceptions went from about 400 to zero."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="PCI evidence collection scripted instead of screenshotted",
            body=(
                "Every year the PCI audit meant two engineers spending most of a month taking "
                "screenshots of access lists, firewall rules and patch levels. I wrote scripts "
                "that export the same evidence straight from the source systems into a dated "
                "folder, with a README mapping each file to the control it supports. The "
                "assessor reviewed a sample in advance and confirmed the format was acceptable."
            ),
            impact="The PCI audit should take days of engineering time, not weeks.",
            measured=(
                "At this year's audit, evidence collection took 3 engineer-days instead of about "
                "35."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Refund admin tools consolidated: month summary",
            body=(
                "This month I retired the old refunds admin page, which support used for edge "
                "cases and which wrote to the database directly, bypassing the ledger. Every use "
                "of it created a small mess for finance to clean up.\n"
                "\n"
                "- Listed the 9 things support actually used it for, from the audit log\n"
                "- Added the 6 that were still needed to the main support tool, going through "
                "the refund API\n"
                "- Dropped the 3 that only existed to work around bugs we'd since fixed\n"
                "\n"
                "I made the page read-only for two weeks before removing it, so anyone who still "
                "relied on it would tell us. One person did, and their case turned out to be one "
                "of the six."
            ),
            impact="Every refund should go through the ledger, including the awkward ones.",
            measured=(
                "In the quarter after the change, manual ledger corrections for refunds fell "
                "from 28 to 2."
            ),
            team=PAYMENTS,
            kind="work_summary",
        ),
        Idea(
            title="Cleaned up 340 orphaned CI secrets and service accounts",
            body=(
                "I audited the secrets and service accounts our CI system had collected over "
                "four years and found 340 that no pipeline had used in six months. I posted the "
                "list for two weeks so teams could claim anything they needed, then revoked the "
                "rest in batches. Four were claimed, and one belonged to a deploy that only runs "
                "quarterly, so the last-used check now looks back a full year."
            ),
            impact="Fewer long-lived credentials should be lying around for anyone to misuse.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Build warnings in the main repo down from 2,300 to zero",
            body=(
                "Our main repo printed about 2,300 compiler and linter warnings on every build, "
                "so nobody noticed new ones. I fixed them in batches grouped by warning type, "
                "mostly mechanical, and then turned warnings into errors for new code. The "
                "biggest batch was 600 deprecation warnings from one logging call, which a "
                "codemod handled in an afternoon."
            ),
            impact="New warnings should get noticed the day they appear.",
            measured=(
                "Three months later the count was still zero, and two new warnings caught in CI "
                "turned out to be real bugs."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Lighthouse docs pages now have owners and review dates",
            body=(
                "Half of the docs in Lighthouse were out of date, and nobody knew who could fix "
                "them. I added an owner and a review-by date to every page, defaulting to the "
                "team that owns the related service, plus a quiet monthly reminder to owners of "
                'expired pages. Pages nobody claims after two reminders get an "unmaintained" '
                "banner instead of being deleted."
            ),
            impact="Engineers should be able to trust what they read in Lighthouse.",
            measured=(
                "Six months in, 82% of docs pages had been reviewed within the last year, up "
                "from an estimated 40%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Flaky test backlog: from 180 to 20 in a quarter",
            body=(
                "This quarter I worked through the backlog of quarantined flaky tests, which had "
                "grown to 180 because quarantine made them easy to ignore.\n"
                "\n"
                "- Grouped them by root cause and found that 70% came from four causes: shared "
                "ports, real clocks, test order and unmocked network calls\n"
                "- Fixed the shared-port and clock issues in the test framework itself\n"
                "- Sent the remaining tests back to owning teams with a specific cause and a "
                "suggested fix\n"
                "\n"
                "I also changed quarantine so a test can stay there for 30 days before its team "
                "starts getting a weekly reminder."
            ),
            impact=(
                "Quarantine should be a short stop for flaky tests, not where they go to be "
                "forgotten."
            ),
            measured=(
                "By the end of the quarter, 20 tests were in quarantine and none was older than "
                "30 days."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Service template upgrades made a one-command job",
            body=(
                "Services created from older versions of the template drifted, and pulling in "
                "improvements meant copying files by hand. I added an upgrade command that "
                "applies template changes as a patch and stops on conflicts with a clear "
                "message. I used it on our own eight services first, which turned up two bugs "
                "before anyone else hit them."
            ),
            impact="Existing services should get template improvements, not just new ones.",
            measured=(
                "Within a month, 20 services had used the command to catch up on two template "
                "versions."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("scope-and-impact",),
        ),
        Idea(
            title="A team lead called our deprecation notice the clearest all year",
            body=(
                "After we removed the old metrics client, a team lead from another area wrote to "
                "say ours was the only deprecation all year where they knew exactly what to do "
                "and by when. I'd spent more time on the notice than on the code change, so it "
                "was good to hear it paid off."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Local dev seed data that looks like production",
            body=(
                "Local databases used to start with three users and no payments, so most "
                "data-related bugs only showed up on staging. I wrote a seed generator that "
                "creates a few hundred realistic accounts, merchants and transactions, including "
                "refunded and disputed payments, with no real customer data. It runs in 20 "
                "seconds and is now part of the standard `make dev` setup."
            ),
            impact="Engineers should catch data-shaped bugs on their own machine.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Observability library: removing three years of unused options",
            body=(
                "This month I simplified the shared observability library, which had collected "
                "46 configuration options over three years.\n"
                "\n"
                "- Checked every service's config and found that 31 options were never changed "
                "from the default\n"
                "- Removed those 31 and kept their defaults as fixed behavior\n"
                "- Wrote upgrade notes for the 4 services that set options we removed\n"
                "\n"
                "The setup docs went from four pages to one, and the next version bump went "
                "through without a single question in the help channel."
            ),
            impact="",
            measured=(
                "Over the following quarter, support questions about the library dropped from "
                "about 10 a month to 2."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("technical-judgement",),
        ),
        Idea(
            title="On-call handoff notes that mostly write themselves",
            body=(
                "At the end of each on-call week, I used to spend an hour writing a handoff from "
                "memory. I wrote a small script that pulls the week's pages, open incidents and "
                "silenced alerts into a draft note, so the outgoing engineer only adds context. "
                "The rest of the rotation adopted it after two weeks."
            ),
            impact="Incoming on-call engineers should start the week knowing what's still open.",
            measured=(
                "Handoff notes went from being skipped about half the time to being posted every "
                "week for the next two quarters."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
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
        Idea(
            title="Disputes in three years: from reacting to preventing",
            body=(
                "I wrote a vision doc for how we handle disputes over the next three years. "
                "Today we react when a chargeback arrives; the doc argues we should share order "
                "data with issuers before disputes are filed, accept disputes we can't win "
                "automatically, and feed outcomes back into riskcheck. Each stage stands on its "
                "own, and I was explicit that the first stage is mostly plumbing with little "
                "visible payoff."
            ),
            impact=(
                "The disputes, risk and support teams get one shared picture of where disputes "
                "work is heading."
            ),
            measured=(
                "Eighteen months later, the first two stages had shipped and disputes per "
                "thousand transactions were down 28%."
            ),
            team=PAYMENTS,
            kind="vision_doc",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Holding balances in many currencies: ledger direction doc",
            body=(
                "Merchants keep asking to hold balances in more than one currency instead of "
                "converting everything on payout. I wrote a direction doc for what that means "
                "for the ledger: balances keyed by currency, FX as an explicit posting between "
                "them, and payouts that draw from a chosen balance. It lists the three decisions "
                "finance and the partner bank need to make before any code, and keeps the "
                "engineering plan to the first two steps."
            ),
            impact=(
                "Avoid building multi-currency balances as a one-off for the first large "
                "merchant who asks."
            ),
            measured="",
            team=PAYMENTS,
            kind="vision_doc",
            also=("technical-judgement",),
        ),
        Idea(
            title="Which payout rails will we need in five years?",
            body=(
                "During payout planning I asked the group to list the payout rails the growth "
                "plan implies in five years, not just next quarter. The list included instant "
                "bank transfers in two markets and payouts to cards, and none of them fit "
                "payout-scheduler's assumption that a payout is a line in a daily file. We "
                "agreed to put a rail interface in front of the file code now, while it's a "
                "two-week change."
            ),
            impact="Adding a payout rail later should mean writing a new adapter, not a rewrite.",
            measured=(
                "When we added instant transfers a year later, the integration took five weeks "
                "instead of the quarter we had estimated before the interface existed."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="PCI scope reduction, year one: where we actually are",
            body=(
                "A year ago I proposed shrinking our PCI scope by keeping card data inside a "
                "small vault and giving every other system tokens only. This is my check on year "
                "one.\n"
                "\n"
                "- The vault is live and handles all new card data\n"
                "- 9 of the 14 services that used to see card numbers now only see tokens\n"
                "- The audit took 40% less engineering time than the year before\n"
                "\n"
                "What's behind: the batch export to our external fraud screening provider still "
                "needs raw numbers, and I underestimated the contract work to change it. I've "
                "moved it into next year's plan with its own owner."
            ),
            impact="Keep a multi-year plan honest and visible so it doesn't quietly stall.",
            measured="",
            team=PAYMENTS,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Real-time reconciliation: why nightly isn't enough anymore",
            body=(
                "I wrote a vision doc arguing that reconciliation should move from a nightly "
                "batch to near real time within two years. As volume grows, a problem found the "
                "next morning has already affected a full day of payouts. The doc proposes "
                "matching PSP events as they arrive, keeping the nightly file as a backstop, and "
                "spells out what we'd need from the PSP, which is the riskiest part."
            ),
            impact="Money mismatches should be caught within an hour instead of the next day.",
            measured=(
                "Two years later, 95% of transactions were matched within 15 minutes, and the "
                "nightly run only served as a backstop."
            ),
            team=PAYMENTS,
            kind="vision_doc",
            also=("operational-care",),
        ),
        Idea(
            title="A two-year calendar of card network mandates",
            body=(
                "Card network rule changes kept arriving as surprises with a few months' notice, "
                "even though most are announced a year or more ahead. I read through the "
                "networks' published bulletins for the last two years and built a calendar of "
                "upcoming mandates that affect us, with a rough size for each. The payments "
                "leads now review it at quarterly planning."
            ),
            impact="Network mandates should be planned work, not fire drills.",
            measured=(
                "Over the next year, all four mandates that affected us were scheduled at least "
                "two quarters ahead, compared with one of three the year before."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("delivery-under-pressure",),
        ),
        Idea(
            title="Proposed a deprecation policy for the payments API",
            body=(
                "We had no written rule for how long we support old API versions, so every "
                "retirement turned into a negotiation. I proposed a policy: at least 18 months "
                "of support after a new version ships, with notices at 12, 6 and 1 month before "
                "retirement. I checked it against what three real merchant integrations would "
                "need, and got it signed off by product and merchant support."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Finance planned next year's hiring around my roadmap",
            body=(
                "The finance director told me they'd planned next year's reconciliation "
                "headcount assuming the real-time matching work ships on schedule. It was a bit "
                "sobering to see a roadmap I'd written turn into someone else's hiring plan. "
                "I've started sending them a short monthly status so there are no surprises."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Payments capacity plan for the next 24 months",
            body=(
                "This month I put together the first capacity plan for the payments platform, "
                "based on the growth forecast and the last two years of traffic.\n"
                "\n"
                "- Modeled peak authorizations per second for each quarter over the next two "
                "years\n"
                "- Load tested the payments API, the ledger and riskcheck to find where each one "
                "breaks\n"
                "- Listed the three components that will hit their limits first, with rough "
                "dates\n"
                "\n"
                "The ledger's write path is the first real limit, about 18 months out at current "
                "growth. That's far enough away to plan properly, but close enough that the work "
                "should start next half."
            ),
            impact="Scaling work should be scheduled from data before it turns into an incident.",
            measured=(
                "The ledger write-path work started the following half and finished with nine "
                "months of headroom left."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("technical-judgement",),
        ),
        Idea(
            title="Golden paths: a vision for how services get built here",
            body=(
                "I wrote a vision doc describing the golden path for building a service here: "
                "one template, one deploy pipeline, one observability setup, and a clear list of "
                "when it's fine to step off it. The aim isn't to forbid alternatives but to make "
                "the default so good that leaving it needs a reason. I was honest about the "
                "starting point: about 40% of services are on the path today."
            ),
            impact=(
                "Teams should spend their effort on product work, not on re-making "
                "infrastructure choices."
            ),
            measured=(
                "Eighteen months later, 75% of services were on the golden path, and those "
                "services had half the platform-related incidents of the rest."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="vision_doc",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Prototyped test impact analysis before betting on it",
            body=(
                "Before proposing a two-tier test strategy, I spent a week prototyping test "
                "impact analysis on our largest repo to see whether the idea held up. I replayed "
                "500 past merges and checked whether the selected tests would have caught each "
                "known regression. It missed 3 of 61, all caused by config files the dependency "
                "graph didn't track, which gave the longer-term plan a concrete problem to solve "
                "first."
            ),
            impact="The long-term test strategy should rest on evidence, not optimism.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Local development without a laptop: a three-year bet",
            body=(
                "I wrote a vision doc proposing that within three years most engineers develop "
                "in cloud workspaces rather than on their laptops. Local setup is still our "
                "biggest onboarding cost, and laptop performance is the most common complaint in "
                "the developer survey. The doc is explicit about the risks, including cost and "
                "losing offline work, and proposes a one-team pilot before any wider commitment."
            ),
            impact="",
            measured=(
                "The pilot ran the following spring, and its results led to a second pilot with "
                "three teams six months later rather than a full rollout."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="vision_doc",
        ),
        Idea(
            title="Dependency health score added to the DX dashboard",
            body=(
                "I added a dependency health score per repo to the DX dashboard, combining the "
                "age of direct dependencies, known vulnerabilities and how many major versions "
                "behind each framework is. The point is to watch it over years: one upgrade "
                "sprint makes the number look good for a month, but the trend shows whether "
                "we're keeping up."
            ),
            impact=(
                "Dependency work should be judged by the long-term trend rather than one-off "
                "cleanups."
            ),
            measured=(
                "Over the next four quarters, the organization-wide score improved every "
                "quarter, from 54 to 81."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="What breaks in on-call tooling at twice our size",
            body=(
                "With engineering planning to double over two years, I spent a week thinking "
                "through what breaks in our on-call tooling at that size. Hand-edited schedules "
                "and a single escalation policy per team won't survive it. I wrote a two-page "
                "note with three changes to make this year, while they're still small, and "
                "shared it with the platform team."
            ),
            impact="",
            measured=(
                "When headcount passed 150 the following year, all three changes were in place "
                "and no team's rotation had to be rebuilt."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="CI vision, one year in: progress and corrections",
            body=(
                "A year ago I wrote a two-year vision for CI. This is where we stand against it.\n"
                "\n"
                "- Median PR feedback time is 12 minutes, against a target of 10\n"
                "- Flaky tests are detected and quarantined automatically in every repo\n"
                "- Team-owned pipelines are live for 9 of 14 teams\n"
                "\n"
                "The biggest miss is runner cost: faster pipelines led teams to run more of "
                "them, and spend went up 20%. I've added a cost-per-merge goal to year two and "
                "dropped one planned feature to make room for it."
            ),
            impact="Keep the CI vision tied to what's actually happening.",
            measured=(
                "By the end of year two, median feedback time was 9 minutes and cost per merge "
                "was down 25% from its peak."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("technical-judgement",),
        ),
        Idea(
            title="Service template versions now have a support window",
            body=(
                "I proposed and wrote down a support window for service template versions: each "
                "major version gets fixes for 12 months after the next one ships. Until now we "
                "quietly supported every version forever, which meant most of our template time "
                "went to the oldest services. I shared the policy with team leads a quarter "
                "ahead so nobody was surprised."
            ),
            impact="Put a ceiling on how much of our time goes to old template versions.",
            measured=(
                "A year later, 90% of services were on the two newest template versions, up from "
                "55%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Observability cost: a plan before it becomes a crisis",
            body=(
                "Our observability bill has grown faster than traffic for three years in a row, "
                "and at the current rate it passes our compute bill within two years. I wrote a "
                "vision doc for getting ahead of it: sampling rules that keep every error trace, "
                "per-team budgets shown in Lighthouse, and retention tiers for logs. It "
                "deliberately doesn't propose switching tools, which I think would cost more "
                "than it saves."
            ),
            impact=(
                "Keep observability affordable without taking away the data teams rely on during "
                "incidents."
            ),
            measured="Over the next year, observability spend stayed flat while traffic grew 45%.",
            team=DEVELOPER_EXPERIENCE,
            kind="vision_doc",
            also=(
                "technical-judgement",
                "cross-team-leadership",
            ),
        ),
        Idea(
            title="Developer survey trends over three years, in one view",
            body=(
                "This month I pulled three years of our twice-yearly developer survey into one "
                "view, because each survey had only ever been read on its own.\n"
                "\n"
                "- Build and CI speed went from the top complaint to fifth\n"
                "- Local setup has been in the top three every single time\n"
                "- Satisfaction with docs only rose after Lighthouse pages got owners\n"
                "\n"
                "I used it to argue that next year's DX roadmap should lead with local "
                "development and pause new CI features for a while. The roadmap review accepted "
                "both."
            ),
            impact=(
                "Long-term trends, not the loudest recent complaint, should decide where DX "
                "invests."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("scope-and-impact",),
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
        Idea(
            title="Kept currency conversion out of the ledger's hot path",
            body=(
                "The first design for multi-currency checkout called the rate service inside the "
                "ledger's posting transaction. I suggested fetching and locking the rate before "
                "the transaction starts and storing it on the payment instead, so a slow rate "
                "service can never hold ledger locks. It meant one more column and a slightly "
                "more complex API, which I thought was a fair price."
            ),
            impact="A rate service outage should degrade checkout, not stall the ledger.",
            measured=(
                "When the rate service had a 40-minute outage four months later, the ledger saw "
                "no lock contention and no postings were delayed."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("long-term-vision",),
        ),
        Idea(
            title="A database constraint instead of application checks for over-refunds",
            body=(
                "We had application code to stop refunds exceeding the original payment, but it "
                "could race under concurrent requests. Instead of adding a distributed lock, I "
                "proposed a database check constraint on the running refunded total, updated in "
                "the same transaction as the refund. It's less flexible, but no new code path "
                "can bypass it."
            ),
            impact="Over-refunds should be impossible, not just unlikely.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Partner bank API migration: why I split it into three releases",
            body=(
                "The partner bank is retiring its file-based payout interface in favor of an "
                "API, and the original plan was one big cutover. I recommended three releases "
                "instead.\n"
                "\n"
                "- Release one: send payouts by API, but keep reading status from files\n"
                "- Release two: read status from the API, with the files as a cross-check\n"
                "- Release three: turn off the files once two month-ends matched exactly\n"
                "\n"
                "It took five weeks longer on paper. In practice, release two caught a status "
                "mapping difference for returned payouts that would have left about 50 payouts a "
                "month in the wrong state."
            ),
            impact="Get off the old interface without a risky single cutover on money-moving code.",
            measured=(
                "The migration finished two weeks before the bank's deadline, with no payout "
                "incidents during any of the three releases."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("delivery-under-pressure",),
        ),
        Idea(
            title="Said no to caching fraud scores across payments",
            body=(
                "To cut riskcheck latency, someone proposed caching fraud scores per card for "
                "ten minutes. I pointed out that card-testing attacks often run many small "
                "payments on one card in a short burst, which is exactly when a cached score "
                "would be wrong. We cached the slow device lookup instead, which got most of the "
                "latency win without hiding bursts."
            ),
            impact="",
            measured=(
                "The device lookup cache cut riskcheck p99 from 140 ms to 95 ms within a week, "
                "and card-testing detection rates over the next quarter didn't change."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("cross-team-leadership",),
        ),
        Idea(
            title="Exactly-once for payouts, at-least-once for webhooks",
            body=(
                "In the design review for the new event pipeline, the team wanted one delivery "
                "guarantee for everything. I argued for different guarantees per consumer: "
                "payouts need exactly-once through idempotent writes to the ledger, while "
                "merchant webhooks are fine with at-least-once plus a delivery ID merchants can "
                "deduplicate on. Giving webhooks exactly-once would have needed a coordination "
                "layer we didn't need."
            ),
            impact="Spend complexity only where a duplicate actually costs money.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="A sharding debate settled by the query test I suggested",
            body=(
                "Two weeks after I raised concerns about sharding the dispute table by merchant, "
                "the team ran the query test I'd suggested and found that our biggest merchant "
                "would end up with 40% of the rows in one shard. They dropped the design without "
                "me saying anything else. I was glad the numbers made the argument rather than "
                "me."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="PSP webhooks as a hint, not the source of truth",
            body=(
                "Our payment status updates relied entirely on PSP webhooks, and when webhooks "
                "arrived late or out of order, payments got stuck. I changed the worker to treat "
                "a webhook as a signal to fetch the payment's current status from the PSP API, "
                "rather than trusting the event body. It adds one API call per event, well "
                "within our rate limit."
            ),
            impact=(
                "Payment statuses should end up correct even when webhooks are delayed, "
                "duplicated or out of order."
            ),
            measured=(
                "Over the next quarter, payments stuck in `pending` for more than an hour "
                "dropped from about 60 a week to 2."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Ledger archival: partitioning versus a separate archive store",
            body=(
                "The ledger's main table passed 2 billion rows and queries for recent data were "
                "slowing down. I led the decision on how to archive old postings while keeping "
                "them available for audits.\n"
                "\n"
                "- Partition by month in the same database (chosen)\n"
                "- Move postings older than two years to a separate archive store\n"
                "- Keep everything and add read replicas (rejected, since it only postpones the "
                "problem)\n"
                "\n"
                "Partitioning won because auditors need old and new postings in the same query, "
                "and a separate store would have meant building a second query path. I wrote "
                "down when we'd reconsider: once total size passes 10 TB."
            ),
            impact="Keep the ledger fast for daily work without making audits harder.",
            measured=(
                "After partitioning, p95 for recent-balance queries fell from 800 ms to 60 ms, "
                "and the year-end audit queries needed no changes."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("long-term-vision",),
        ),
        Idea(
            title="Questioned the 99.99% availability target for payouts",
            body=(
                "The draft SLO for payout-scheduler was 99.99% availability, copied from the "
                "payments API. I pointed out that payouts run as a daily batch with a four-hour "
                "window, so what merchants care about is whether the payout file reaches the "
                "bank before the cut-off, not minute-level uptime. We replaced it with an SLO on "
                "on-time file delivery, measured per day."
            ),
            impact="Alerts and investment should follow what actually affects merchants.",
            measured=(
                "Over the next quarter, payout alerts went from about ten a month to one, and "
                "each remaining alert meant a real risk to the cut-off."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Recommended a monorepo only for the shared libraries",
            body=(
                "There was a push to move all 60 backend repos into one monorepo. I looked at "
                "where cross-repo changes actually happened over the past year and found that "
                "80% of them touched the same six shared libraries. I recommended moving just "
                "those libraries and their heaviest users into one repo, and leaving the rest "
                "alone until the data says otherwise."
            ),
            impact="Get most of the benefit of a monorepo without a year-long migration.",
            measured=(
                "Six months after the partial move, cross-repo changes to shared libraries went "
                "from a median of 5 PRs to 1."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("long-term-vision",),
        ),
        Idea(
            title="Flags evaluated in-process, not with a network call",
            body=(
                "A proposal for flagpole's central service had every flag check call the service "
                "over the network. I measured that a busy service does about 4,000 flag checks "
                "per second, which would add latency and a new failure mode to every request. I "
                "suggested streaming flag rules to a local cache in each service and evaluating "
                "them in-process, with the central service only serving updates."
            ),
            impact="Keep flagpole off the critical path of every request.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("long-term-vision",),
        ),
        Idea(
            title="Build system migration: evaluated, then deferred",
            body=(
                "This month I led an evaluation of moving our main repo to a different build "
                "system with fine-grained caching. The pitch was faster builds, and my job was "
                "to find out whether that held for us.\n"
                "\n"
                "- Migrated two representative packages as a spike\n"
                "- Measured clean and incremental builds against the current setup over a week "
                "of real commits\n"
                "- Estimated the full migration at roughly three engineer-quarters\n"
                "\n"
                "Incremental builds were 30% faster, but our remote cache already gives us most "
                "of that. I recommended deferring, and named what would change the answer: the "
                "repo doubling in size or cache hit rates dropping below 60%."
            ),
            impact="Avoid a costly migration for a gain we mostly already have.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("long-term-vision",),
        ),
        Idea(
            title="Dropped our custom metrics format for the open standard",
            body=(
                "Our observability library had its own metrics format, and the team planned to "
                "extend it for histograms. I suggested switching to the open, vendor-neutral "
                "format most tools already understand, even though it meant a migration. The "
                "custom format would have kept costing us every time we wanted to plug in a new "
                "tool."
            ),
            impact="Stop maintaining a format that only we use.",
            measured=(
                "A year after the switch, we had connected two new tools to our metrics without "
                "writing any adapters."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="A junior engineer's question delayed my launch by three days",
            body=(
                "During the launch review for the new CI runner pool, a junior engineer asked "
                "what happens to running jobs when a runner is reclaimed mid-build. I had "
                "assumed the scheduler retried them; it didn't. We delayed the launch by three "
                "days to add the retry, and I thanked them in the review thread for asking."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Retries with jitter in the shared HTTP client, not per service",
            body=(
                "After an incident where every service retried a failing dependency at the same "
                "moment, teams started adding their own retry logic. I proposed putting retries "
                "with exponential backoff and jitter into the shared HTTP client instead, with a "
                "retry budget so a failing dependency never gets more than 10% extra traffic. It "
                "was one library change instead of dozens of slightly different ones."
            ),
            impact="",
            measured=(
                "In the next two incidents involving a slow dependency, over the following "
                "quarter, retry traffic stayed under the 10% budget and neither incident "
                "cascaded."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Preview environments on a shared database, one schema per PR",
            body=(
                "The first design for preview environments gave each one its own database "
                "server, which would have cost more than staging. I suggested a shared server "
                "with one schema per pull request and a nightly cleanup, accepting that previews "
                "can't test database-level settings. For the few changes that need that, "
                "engineers can still ask for a full environment."
            ),
            impact="Get previews for every PR at a cost the team could justify.",
            measured=(
                "Previews cost about a fifth of the original estimate, and in the first six "
                "months only four PRs needed a full environment."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Flaky test detection: rerun statistics versus static rules",
            body=(
                "I compared two ways of spotting flaky tests before choosing one for all repos. "
                "Static rules look for known bad patterns like sleeps and real clocks; rerun "
                "statistics look at tests that fail and then pass on the same commit.\n"
                "\n"
                "- Ran both against three months of CI history from four repos\n"
                "- Static rules flagged 210 tests, of which about a third had ever actually "
                "flaked\n"
                "- Rerun statistics flagged 74, and we confirmed 69 of them by hand\n"
                "\n"
                "I chose rerun statistics for detection and kept the static rules as a lint "
                "warning, since they're useful but too noisy to act on automatically."
            ),
            impact="Team time should go only to tests that really are flaky.",
            measured=(
                "Over the next quarter, owners confirmed 91% of the tests that rerun statistics "
                "quarantined as genuinely flaky."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Asked for a rollback plan before approving the base image change",
            body=(
                "A change to our base container image touched every service at once. Before "
                "approving it, I asked how we'd roll back if something broke after half the "
                "services had deployed. There wasn't a good answer, so we added an image tag pin "
                "that services can flip back in one commit, and rolled the change out in three "
                "waves."
            ),
            impact="A bad base image should be a quick revert, not an all-day incident.",
            measured=(
                "Three weeks later the second wave broke TLS for two services, and both were "
                "back on the old image in under ten minutes."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
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
        Idea(
            title="Card network certificate rotated with a day's notice",
            body=(
                "The card network told us on Tuesday that the certificate on our connection "
                "would be revoked on Thursday because of a problem on their side. Rotation on "
                "that link had last been done three years earlier, by someone who had since "
                "left. I found the old change ticket, rehearsed the rotation on the test link "
                "that afternoon, and swapped production on Wednesday morning with the network's "
                "engineers on a call."
            ),
            impact="Keep card payments flowing through a forced certificate change.",
            measured=(
                "No authorizations failed during the swap, and the next rotation six months "
                "later took 20 minutes using the runbook I wrote that day."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Regulator's refund data request answered in five working days",
            body=(
                "A regulator asked for every refund over a threshold in the last 24 months, with "
                "timestamps and reason codes, within ten working days. Half the data lived in an "
                "archive format nobody had queried in a year. I wrote the extraction, had a "
                "teammate check a random sample of 200 rows against source records, and sent it "
                "to compliance with a short note on the two known gaps."
            ),
            impact="Meet a regulatory deadline without pulling the whole team off planned work.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="PSP outage week: failing over to the second provider under load",
            body=(
                "This week our primary PSP had a partial outage that lasted most of Tuesday, and "
                "I led our response. The failover we'd designed months ago had only ever run in "
                "a game day.\n"
                "\n"
                "- Switched 50% and then 100% of card traffic to the second PSP within 40 "
                "minutes\n"
                "- Found that refunds for payments taken on the primary still had to go there, "
                "and queued them\n"
                "- Kept support updated every hour with a plain-language status note\n"
                "- Switched back gradually on Wednesday, once the primary's error rate had been "
                "normal for six hours\n"
                "\n"
                "We ran at partial capacity for about 20 minutes before the switch, and the "
                "queued refunds all went out on Wednesday afternoon."
            ),
            impact="Merchants should keep taking card payments while the main provider is down.",
            measured=(
                "Authorization success for the day was 97.8% against a normal 98.5%, compared "
                "with a four-hour full outage during a similar incident the year before."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=(
                "technical-judgement",
                "operational-care",
            ),
        ),
        Idea(
            title="Dispute deadline bug found on Friday, fixed before the weekend",
            body=(
                "On Friday afternoon I noticed that dispute deadlines for one card network were "
                "being counted in calendar days instead of business days, so some disputes "
                "showed more time left than they really had. Twelve disputes were due on Monday "
                "with evidence not yet submitted. I fixed the calculation, got it reviewed and "
                "deployed by 6 p.m., and sent support the list of twelve so they could submit "
                "over the weekend."
            ),
            impact="",
            measured=(
                "All twelve disputes were submitted on time, and seven of them were won over the "
                "following month."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="The support lead called it the calmest outage they'd worked",
            body=(
                "After the PSP outage, the support lead messaged me to say it was the calmest "
                "outage they'd worked through, because they always knew what to tell merchants. "
                "I had mostly just posted an update every hour, even when nothing had changed. "
                "I've added that to our incident checklist."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Sanctions screening change shipped by the compliance deadline",
            body=(
                "Compliance told us that payouts to a newly listed set of jurisdictions had to "
                "be screened and held within three weeks. Riskcheck's screening list was "
                "hard-coded, and a proper config-driven version would have taken longer than we "
                "had. I shipped a narrow change that adds the new jurisdictions to the existing "
                "check, filed a ticket with a date for doing it properly, and paired with "
                "compliance on the test cases."
            ),
            impact="Meet a legal deadline without risking payouts that shouldn't go out.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Interchange file format changed overnight, and month-end still closed",
            body=(
                "The card network's fee file arrived on the 1st with two new columns and a "
                "changed date format, and we couldn't find any notice of it. Reconciliation "
                "failed at 2 a.m., and month-end close depended on it. I patched the parser to "
                "handle both formats, reran the job by 9 a.m., and then contacted the network's "
                "support to get us on their change notification list."
            ),
            impact="Keep month-end close on schedule despite an unannounced format change.",
            measured=(
                "Finance closed the month on the usual day, and in the year since we've had at "
                "least two weeks' notice of every format change."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=(
                "ownership",
                "operational-care",
            ),
        ),
        Idea(
            title="Payouts in a new market in six weeks: summary",
            body=(
                "Sales committed to a large merchant that we'd support payouts in a new market "
                "by the start of next quarter, which left six weeks. I led the engineering side.\n"
                "\n"
                "- Agreed a minimum launch scope with sales: one currency, daily payouts, no "
                "same-day option\n"
                "- Built the file format for the local clearing system against the partner "
                "bank's test environment\n"
                "- Ran a week of one-minor-unit test payouts to our own accounts before going "
                "live\n"
                "\n"
                "We launched two days before the deadline. Same-day payouts for that market "
                "moved to the following quarter, which sales had agreed to up front."
            ),
            impact="Win the merchant without over-promising what we could build in six weeks.",
            measured=(
                "The merchant went live on schedule, and payouts in the new market ran for their "
                "first three months without a failed file."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Late PCI finding closed in four days",
            body=(
                "Our PCI assessor flagged a finding two weeks before the report was due: a "
                "service account with access to the card vault that nobody could explain. I "
                "traced it to a decommissioned batch job, removed the access, wrote up the "
                "evidence, and added a quarterly access review to the vault's runbook. The "
                "assessor accepted the remediation before the report went out."
            ),
            impact="Keep the PCI report clean and on time.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Package registry outage: builds back through our mirror in an hour",
            body=(
                "The public package registry most of our builds depend on went down on a "
                "Wednesday morning, and every pipeline that installed dependencies failed. We "
                "had a mirror set up for one repo as an experiment. I pointed the shared CI "
                "configuration at the mirror for all repos, warmed it with the top 500 packages "
                "from our lockfiles, and posted instructions for local development."
            ),
            impact="Teams should keep shipping during an outage we had no control over.",
            measured=(
                "CI was working again within an hour, while the registry stayed down for five "
                "more hours. The mirror became the default the following week."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Flagpole kill switch shipped the week after an incident",
            body=(
                "An incident showed that turning a feature off took 15 minutes, because flagpole "
                "changes went through the normal staged rollout. Leadership asked for a way to "
                "kill a feature instantly, within a week. I added a kill switch that skips the "
                "rollout steps, requires a reason and notifies the owning team, and stopped "
                "there, leaving a nicer UI for later."
            ),
            impact="Turning off a broken feature should take seconds during an incident.",
            measured=(
                "In the next quarter, the kill switch was used in three incidents, taking effect "
                "in under 30 seconds each time."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Build cache storage filling up: a week of triage",
            body=(
                "On Monday the build cache's storage hit 95% and eviction couldn't keep up, so "
                "hit rates started dropping in every repo. I led the response over the week.\n"
                "\n"
                "- Found one repo uploading 40 GB a day of test artifacts that should never have "
                "been cached\n"
                "- Excluded those paths and deleted the artifacts the same day\n"
                "- Added per-repo storage quotas and an alert at 80%\n"
                "\n"
                "The quick fix bought us space by Monday evening, and the quotas took the rest "
                "of the week. I kept the affected team in the loop throughout, since the cause "
                "was their config but the gap was ours."
            ),
            impact="Keep builds fast for everyone while fixing the root cause properly.",
            measured=(
                "Within two days, hit rates were back above 75% everywhere, and the quotas have "
                "kept storage under 70% in the four months since."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=(
                "operational-care",
                "cross-team-leadership",
            ),
        ),
        Idea(
            title="Test framework upgrade in a week to unblock a security patch",
            body=(
                "A security fix in a transitive dependency required a new major version of our "
                "test framework, and our vulnerability policy gave us a week to get it into "
                "production. I wrote a codemod for the three breaking API changes, ran it across "
                "26 repos, and fixed by hand the 40 tests it couldn't handle. Teams only had to "
                "review and merge."
            ),
            impact=(
                "Meet the patch deadline without each team losing days to a test framework upgrade."
            ),
            measured=(
                "All 26 repos were patched within six days, and only two needed follow-up fixes."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("scope-and-impact",),
        ),
        Idea(
            title="A team lead said the registry mirror saved their launch",
            body=(
                "A team lead from another area told me the registry mirror we switched on during "
                "the outage meant their launch went out on time that afternoon. I hadn't known "
                "they had a launch that day. It was a good reminder that most of the value of "
                "this kind of work stays invisible."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Lighthouse login broke after the identity provider switch",
            body=(
                "The company moved to a new identity provider over the weekend, and on Monday "
                "morning nobody could log in to Lighthouse. The new provider sent group claims "
                "in a different format, so every user looked like they belonged to no team. I "
                "added a mapping for the new format, kept the old one working for stragglers, "
                "and had the fix deployed by noon."
            ),
            impact=(
                "Engineers rely on Lighthouse to find owners and deploy status, so it couldn't "
                "stay down."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Cut the scope of template v3 to make the quarter",
            body=(
                "Two weeks before the end of the quarter, template v3 was behind, and several "
                "teams were waiting on it for new services. I split the work: the new deploy "
                "pipeline and health checks went out on time, and the built-in load-test setup "
                "moved to a point release. I told the waiting teams the same day rather than at "
                "the deadline."
            ),
            impact="Unblock the teams waiting on v3 instead of holding everything for one feature.",
            measured=(
                "Five new services launched on v3 that quarter, and the load-test setup shipped "
                "three weeks later in v3.1."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Paging provider migration before the contract ran out",
            body=(
                "Our contract with the paging provider ended in five weeks, and the replacement "
                "wasn't set up yet when I picked this up.\n"
                "\n"
                "- Exported all 48 rotations and 300 escalation rules and scripted the import\n"
                "- Ran both providers in parallel for a week, paging through both\n"
                "- Sent a test page to every rotation and had whoever was on call acknowledge it\n"
                "\n"
                "Two rotations had escalation rules pointing at people who'd left, which the "
                "parallel week caught. We cut over four days before the contract ended."
            ),
            impact="No page should go missing during the switch.",
            measured=(
                "In the first two months on the new provider, every page was delivered and "
                "acknowledgment times matched the old provider's."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("operational-care",),
        ),
        Idea(
            title="Merge queue hotfix on the last day before the freeze",
            body=(
                "On the last day before the year-end change freeze, the merge queue started "
                "rejecting every PR because of a timeout in the status check integration. About "
                "60 PRs were waiting to land. I raised the timeout in a one-line hotfix, watched "
                "the queue drain, and filed the underlying cause as a ticket for after the "
                "freeze instead of fixing it properly that day."
            ),
            impact="",
            measured="All 60 PRs merged within three hours, before the freeze began.",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
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
        Idea(
            title="Ledger internals reading group, six sessions in",
            body=(
                "I started a reading group that meets every other week to go through one part of "
                "the ledger's code together, with someone new leading each session. I led the "
                "first one and since then have only helped the next leaders prepare. Six "
                "sessions in, five different people have led, and two of them joined the team "
                "within the last six months."
            ),
            impact=(
                "More of the team should be comfortable changing the ledger, not just the two of "
                "us who wrote most of it."
            ),
            measured=(
                "Over the next quarter, the number of people who had merged a ledger change went "
                "from 3 to 8."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Let a junior engineer own the refund webhook project",
            body=(
                "I handed the refund status webhook project to a junior engineer on the team "
                "instead of doing it myself, which would have been faster. I wrote a one-page "
                "brief, agreed two check-ins a week, and stayed out of the design unless asked. "
                "When they got stuck on retry semantics, I asked questions until they found the "
                "answer rather than giving it to them."
            ),
            impact="Give a junior engineer a real project end to end, with a safety net.",
            measured=(
                "They shipped it in two sprints, and a quarter later they were leading a larger "
                "project on their own."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("delivery",),
        ),
        Idea(
            title="Bringing a mobile engineer up to speed on payments",
            body=(
                "This quarter I mentored an engineer who moved to Payments from the mobile team "
                "and had never worked on money-moving systems.\n"
                "\n"
                "- Started with a glossary of the 40 payments terms they kept hearing in standup\n"
                "- Picked three tickets that each touched a different part of the flow: "
                "authorization, refunds and payouts\n"
                "- Paired on the first ticket, reviewed the second closely, and only skimmed the "
                "third\n"
                "- Met for 30 minutes every week to go over whatever had confused them\n"
                "\n"
                "By the end of the quarter they had joined the on-call rotation. The glossary is "
                "now part of the team's onboarding docs."
            ),
            impact=(
                "Get a strong engineer productive in an unfamiliar domain without months of "
                "drifting."
            ),
            measured="",
            team=PAYMENTS,
            kind="work_summary",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Turned a refund bug into a teaching incident review",
            body=(
                "When a teammate's change caused a small refund bug, I offered to run the "
                "incident review with them rather than for them. We went through the timeline "
                "together, and I kept steering the discussion toward why the system let the bug "
                "through, not who wrote it. They presented the findings at the team review and "
                "proposed the two follow-up tests themselves."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="A former mentee spoke at the engineering all-hands",
            body=(
                "The engineer I mentored through their first year gave a talk at the engineering "
                "all-hands about how the ledger handles reversals. A year ago they told me "
                "they'd never present to more than five people. I sat at the back and, on "
                "purpose, hadn't helped with the slides."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Wrote a self-paced payments onboarding course",
            body=(
                "I turned the explanations I kept giving new joiners into a self-paced "
                "onboarding course for Payments: six short modules, each with a diagram, a "
                "walkthrough of the real code and a small exercise on staging. The exercises "
                "include issuing a refund, following a payout and reading a reconciliation "
                "report. Two new joiners tried it first, and I rewrote the modules they found "
                "confusing."
            ),
            impact=(
                "New joiners should learn the payments domain without needing a senior engineer "
                "for every question."
            ),
            measured=(
                "The next four new joiners finished it in their first week and took their first "
                "on-call shift a month earlier than the group before them."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Coached a teammate through their first design doc",
            body=(
                "A mid-level engineer on the team had never written a design doc and was nervous "
                "about presenting one. I suggested starting with a one-page problem statement "
                "for the dispute evidence storage change, reviewed it with them before anyone "
                "else saw it, and helped them list the objections they expected. In the review, "
                "they answered all but one question without looking at me."
            ),
            impact=(
                "Build their confidence in written design before they need it for a larger project."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Six months of pairing rotations on the payments team",
            body=(
                "Six months ago I set up a pairing rotation so each engineer on the payments "
                "team spends two afternoons a month pairing with someone outside their usual "
                "area.\n"
                "\n"
                "- Paired ledger engineers with refunds and payouts engineers, and the reverse\n"
                "- Kept a short list of good pairing tasks: small bugs that cross a service "
                "boundary\n"
                "- Asked for feedback every two months and dropped the sessions people found "
                "least useful\n"
                "\n"
                "The biggest effect was on on-call, where people now recognize parts of the "
                "system they used to escalate. Two engineers asked to keep pairing after the "
                "rotation ended."
            ),
            impact="Spread knowledge of the whole payments flow across the team.",
            measured=(
                "Over the six months, escalations from on-call to a specific expert fell from "
                "about 10 a month to 4."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=(
                "leaving-things-better",
                "operational-care",
            ),
        ),
        Idea(
            title="Helped a teammate put their promotion case into words",
            body=(
                "A teammate was going up for promotion and struggling to describe their work as "
                "more than a list of tickets. I spent two sessions with them grouping the work "
                "into three themes with the impact of each, and pointed them at evidence they'd "
                "forgotten, including the reconciliation fix finance still mentions. I didn't "
                "write any of it for them."
            ),
            impact="Help a strong engineer make their own case clearly.",
            measured=(
                "They were promoted that cycle, and over the next year they helped two others "
                "prepare their cases the same way."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Newer engineers now give the first review on CI core code",
            body=(
                "Most reviews of our CI core code went to the same two senior engineers, which "
                "made us a bottleneck and meant nobody else learned that code. I set up a "
                "rotation that assigns each CI core PR to one newer engineer plus one "
                "experienced reviewer, with the newer engineer reviewing first. I also wrote a "
                "short checklist of what to look for in pipeline changes."
            ),
            impact="Spread CI knowledge and stop review waits piling up on two people.",
            measured=(
                "After three months, median review wait for CI core PRs fell from 2 days to 6 "
                "hours, and four more people could approve changes on their own."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Observability basics course, rebuilt around a real incident",
            body=(
                "I ran our two-hour observability course again, this time rebuilt around a real "
                "incident from last quarter. Participants get the dashboards and traces from "
                "that incident and have to find the cause themselves before I show the timeline. "
                "Nine people from five teams attended, and three of them found the cause within "
                "the hour."
            ),
            impact=(
                "More engineers should be able to debug their own services from traces and logs."
            ),
            measured=(
                "In a follow-up survey a month later, seven of the nine said they'd used traces "
                "to debug their own service."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Hosting two DX interns: summer summary",
            body=(
                "This summer I hosted two interns on Developer Experience and was responsible "
                "for their projects and day-to-day support.\n"
                "\n"
                "- Picked projects that were real but contained: a build history page in "
                "Lighthouse and a CLI for flagpole\n"
                "- Set up a shared channel, a daily 15-minute check-in and one longer weekly "
                "session\n"
                "- Had them demo to the whole DX team in weeks 6 and 11\n"
                "\n"
                "Both projects shipped and are still in use. One intern had a hard first month "
                "with our codebase, and breaking their project into weekly milestones made the "
                "difference."
            ),
            impact="Give interns a real project and a good first experience of the team.",
            measured=(
                "Both interns accepted return offers, and the flagpole CLI had about 90 weekly "
                "users three months later."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
        Idea(
            title="The engineer I coach was asked to mentor a new joiner",
            body=(
                "My manager told me that the engineer I've been coaching since spring has been "
                "asked to mentor a new joiner on the build cache team. Six months ago they were "
                "the one asking me how to approach an unfamiliar codebase. When they asked how "
                "to start mentoring, I gave them the same notes I'd used with them."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Gave away the Lighthouse plugin work I'd been saving for myself",
            body=(
                "I'd been holding onto the Lighthouse plugin API work because it was interesting "
                "and I knew the code best. I realized it was exactly the stretch project a "
                "mid-level engineer on the team needed, so I handed it over with my notes and a "
                "list of open questions. My part was reviewing the design and pointing out two "
                "dead ends I'd already explored."
            ),
            impact=(
                "Give someone else a stretch project instead of keeping the interesting work for "
                "myself."
            ),
            measured=(
                "They shipped the plugin API six weeks later, and two teams built plugins on it "
                "in the following quarter."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Weekly flaky test clinic instead of fixing them myself",
            body=(
                "Instead of fixing other teams' flaky tests myself, I started a weekly one-hour "
                "clinic where anyone can bring a flaky test and we debug it together on a shared "
                "screen. I explain what I'm checking and why, and the person who brought the "
                "test drives. After a month, a few regulars were answering each other's "
                "questions before I could."
            ),
            impact="Teams should learn to fix their own flaky tests rather than wait for us.",
            measured=(
                "Over the next quarter, the share of flaky tests fixed by their owning teams "
                "went from about 30% to 65%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Talked a teammate through saying no to another team",
            body=(
                "A teammate on DX was being asked by another team to add a feature to the "
                "service template that only that team needed, and felt they had to say yes. We "
                "talked through how to decline while offering an alternative, and they wrote the "
                "reply themselves: a short explanation plus a pointer to the template's "
                "extension hooks. The other team used the hooks and was happy."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=(
                "collaboration",
                "technical-judgement",
            ),
        ),
        Idea(
            title="First-time speakers only: DX tech talks, half-year summary",
            body=(
                "Six months ago I started a monthly tech talk slot for the DX team, with one "
                "rule: each talk is given by someone who hasn't presented internally before.\n"
                "\n"
                "- Helped each speaker pick a topic from their own recent work\n"
                "- Did one practice run with each speaker, focused on the first five minutes\n"
                "- Recorded the talks and added them to Lighthouse with a short summary\n"
                "\n"
                "Six people gave their first internal talk, and two of them have since presented "
                "at the engineering all-hands. The recordings are now part of DX onboarding."
            ),
            impact="Help engineers on the team build confidence presenting their work.",
            measured=(
                "By the end of the half the six recordings had been watched about 400 times, "
                "mostly by people outside DX."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Reviewed a new joiner's first Lighthouse PR on a call",
            body=(
                "A new joiner's first Lighthouse PR had about 30 things I'd normally comment on. "
                "Rather than leave 30 comments, I went through it with them on a call, picked "
                "the four that mattered most, and explained the reasoning behind each. The rest "
                "went into a short list of conventions they could read later."
            ),
            impact=(
                "Keep a first PR from feeling like a wall of criticism while still teaching what "
                "matters."
            ),
            measured=(
                "Their next three PRs over the following month each needed only one round of "
                "review."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("collaboration",),
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
        Idea(
            title="Payments, risk and support agree on one dispute status model",
            body=(
                "Payments, risk and merchant support each had their own list of dispute "
                'statuses, so a dispute could be "won" in one tool and "closed" in another. '
                "I ran two sessions with all three teams to agree on one model with seven "
                "statuses and clear transitions, and wrote it up with examples. Each team then "
                "mapped its tool to the model in the same sprint."
            ),
            impact="Everyone should give merchants the same answer about the same dispute.",
            measured=(
                "In the quarter after the change, support tickets about conflicting dispute "
                "statuses went from about 25 a month to 2."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="One bank account verification flow for onboarding and payouts",
            body=(
                "This quarter I led the work to merge the two bank account verification flows "
                "run by merchant onboarding and by payouts. A merchant could be verified in one "
                "and unverified in the other, and both teams were paying for micro-deposit "
                "transfers.\n"
                "\n"
                "- Got both teams' leads to agree on a single owner: the payouts team\n"
                "- Designed a shared verification API with onboarding's engineers\n"
                "- Migrated onboarding's 14,000 verified accounts without asking any merchant to "
                "re-verify\n"
                "\n"
                "The hardest part was agreeing who owns failures. We settled on payouts owning "
                "the API and onboarding owning the conversation with the merchant."
            ),
            impact=(
                "Merchants should verify a bank account once, and both teams should stop "
                "maintaining the same thing."
            ),
            measured=(
                "Three months after the merge, payout failures due to unverified accounts had "
                "fallen by 80% and micro-deposit costs had halved."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Finance and engineering now share one month-end checklist",
            body=(
                "Month-end close involved finance waiting on engineering for three reports, and "
                "engineering not knowing when finance needed them. I put together one shared "
                "checklist with an owner and a deadline for each step, and we ran the next close "
                "against it with a 15-minute daily check-in for the last four days. Both sides "
                "added steps the other hadn't known about."
            ),
            impact="",
            measured=(
                "The next three closes each finished a day earlier than the previous year's "
                "average."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="A shared incident channel with the partner bank",
            body=(
                "Whenever a payout file failed, we emailed the partner bank's support address "
                "and waited hours for a reply. I proposed a shared incident channel with their "
                "operations engineers, and agreed with them which issues go there and which go "
                "through normal support. Getting it through their security review took a month "
                "of follow-ups."
            ),
            impact=(
                "Payout problems should be worked on together in minutes, not by email over a day."
            ),
            measured=(
                "In the next six months, median time to the bank's first response on payout "
                "incidents fell from 4 hours to 15 minutes."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Finance asked me to interview their new systems lead",
            body=(
                "The finance director asked me to join the interview panel for their new finance "
                "systems lead, since that person will work closely with the ledger team. I wrote "
                "the questions about reconciliation and month-end together with them. It felt "
                "like a sign the two teams now see themselves as working on the same thing."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Conversion margin tiers agreed with finance and product",
            body=(
                "Product wanted one conversion margin for all currencies; finance wanted one per "
                "currency pair based on volatility. Both had good reasons, and the debate had "
                "stalled the currency conversion work for a month. I put the options in a table "
                "with the revenue and complexity of each, and proposed margins from a small "
                "fixed set of tiers. Both teams signed off in one meeting."
            ),
            impact=(
                "Unblock the currency conversion work with a decision both teams could live with."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="PCI audit coordinated across six teams: summary",
            body=(
                "This year I coordinated our PCI audit across the six teams with systems in "
                "scope, a job that used to fall to whoever had the most free time.\n"
                "\n"
                "- Mapped each control to an owning team and a named engineer\n"
                "- Ran a mock audit six weeks ahead to find gaps while there was still time to "
                "fix them\n"
                "- Held a 20-minute weekly check-in during the assessor's fieldwork\n"
                "\n"
                "The mock audit found 11 gaps, and all but one were fixed before the assessor "
                "arrived. I wrote up the process so next year's coordinator starts from a plan "
                "rather than a blank page."
            ),
            impact="Pass the audit without a last-minute scramble across teams.",
            measured=(
                "The audit closed with no findings for the first time in three years, and took a "
                "third less engineering time than the year before."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("delivery-under-pressure",),
        ),
        Idea(
            title="Refund timing promise agreed with support and the PSP",
            body=(
                "Merchant support promised merchants refunds within five days, but nobody had "
                "checked whether the PSP and refund-worker could meet that. I pulled three "
                "months of refund timings, found that 6% took longer because of the PSP's batch "
                "schedule, and met with support and the PSP to agree on a realistic promise: "
                "three days for most cards, seven for two slower networks. Support updated their "
                "templates the same week."
            ),
            impact="Stop promising merchants something the system can't deliver.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="A shared glossary of payments terms for five teams",
            body=(
                'Payments, risk, finance, support and sales used words like "settled", '
                '"captured" and "paid out" to mean different things, which caused at least '
                "two wrong promises to merchants last quarter. I drafted a glossary of 35 terms, "
                "had each team correct the entries they cared about, and put it in Lighthouse "
                "where anyone can propose changes. Sales now links to it in their merchant "
                "onboarding."
            ),
            impact=(
                "Fewer wrong promises to merchants because teams use the same words differently."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Org-wide move to one tracing format: quarter summary",
            body=(
                "This quarter I coordinated moving every team to one tracing setup, so traces "
                "connect across service boundaries. Before this, traces broke at every team "
                "boundary because we used three different propagation formats.\n"
                "\n"
                "- Agreed one propagation format in a single meeting with the five teams that "
                "own the most services\n"
                "- Added support for all three formats to the shared library for the transition\n"
                "- Tracked progress per team in Lighthouse and reviewed it at the monthly "
                "platform sync\n"
                "\n"
                "The last two teams needed help with services nobody on the team knew well, so I "
                "paired with them directly."
            ),
            impact="Engineers should be able to follow a request across every service it touches.",
            measured=(
                "By the end of the quarter, 88% of requests produced a single connected trace, "
                "up from about 30%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("scope-and-impact",),
        ),
        Idea(
            title="Security and DX agree on when a scan can block a merge",
            body=(
                "The security team wanted dependency vulnerability scans to block every merge, "
                "while teams were already complaining about CI noise. I brokered a rule both "
                "sides accepted: critical vulnerabilities with a known fix block the merge, and "
                "everything else opens a ticket with a deadline based on severity. I wrote the "
                "policy, and security owns the list of what counts as critical."
            ),
            impact="Catch the vulnerabilities that matter without drowning teams in CI failures.",
            measured=(
                "Over the next quarter, scans blocked about 3 merges a week instead of the 60 "
                "the original proposal would have, and critical fixes landed in a median of 2 "
                "days."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Lighthouse plugin guidelines, written with three contributing teams",
            body=(
                "Three teams wanted to add their own pages to Lighthouse, and without rules we'd "
                "have ended up with three designs and three ways of handling permissions. I "
                "wrote the plugin guidelines with an engineer from each of those teams, covering "
                "layout, permissions and who's on call for a broken plugin. Each team reviewed "
                "another team's first plugin before it shipped."
            ),
            impact=(
                "Other teams should be able to extend Lighthouse without DX becoming a "
                "bottleneck or a dumping ground."
            ),
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("long-term-vision",),
        ),
        Idea(
            title="The platform team proposed co-owning the service template",
            body=(
                "The platform team lead proposed that our two teams co-own the service template "
                "instead of DX owning it alone, since half the recent changes had come from them "
                "anyway. A year ago our two teams mostly talked through tickets. I said yes in "
                "the meeting and set up a shared review rotation that week."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Flag naming and ownership rules adopted by every team",
            body=(
                "Flagpole had 600 flags and no naming rules, so nobody could tell from a flag's "
                "name which team owned it or what it did. I proposed a short convention, a team "
                "prefix plus purpose plus ticket number, and took it to the engineering leads' "
                "meeting rather than just announcing it. Flagpole now rejects new flags that "
                "don't follow it and shows the owner on every flag."
            ),
            impact="Anyone should be able to tell who owns a flag and why it exists.",
            measured=(
                "Six months later, 95% of active flags followed the convention, and ownerless "
                "flags had gone from 140 to 9."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Framework upgrade week, organized across 12 teams",
            body=(
                "Instead of every team scheduling its own framework upgrade, I organized one "
                "upgrade week across 12 teams. DX prepared codemods and a help channel, each "
                "team blocked out two days, and I ran a short daily check-in to catch blockers "
                "early. Teams that finished early helped the ones stuck on the same problems."
            ),
            impact=(
                "Get a major framework upgrade done in days instead of a quarter of scattered "
                "effort."
            ),
            measured=(
                "By the end of the week, 41 of 47 services were on the new version, and the last "
                "six followed within three weeks."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("delivery-under-pressure",),
        ),
        Idea(
            title="Developer experience council: the first two quarters",
            body=(
                "Two quarters ago I set up a developer experience council: one engineer from "
                "each of the nine product teams, meeting monthly to bring their team's biggest "
                "tooling pain and to review DX plans before we commit to them.\n"
                "\n"
                "- Used the council to rank the next quarter's DX work, replacing our own "
                "guesses\n"
                "- Asked members to test early versions of preview environments and the new CLI\n"
                "- Published short notes after each meeting so the rest of engineering can see "
                "what was decided\n"
                "\n"
                "Attendance dropped in month four, so I cut the meeting to 45 minutes and moved "
                "status updates into the notes."
            ),
            impact=(
                "DX should work on what product teams actually need, and they should be able to "
                "see why."
            ),
            measured=(
                "In the next developer survey, satisfaction with how DX chooses its work went "
                "from 48% to 73%."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("long-term-vision",),
        ),
        Idea(
            title="Mobile and backend CI now share one runner pool",
            body=(
                "The mobile team ran its own CI runners, which sat idle most of the night while "
                "our backend pool queued during the day. I worked with their lead to move both "
                "onto one pool, with separate labels for the hardware each side needs and a "
                "fair-share scheduler so neither side can starve the other. We agreed on a joint "
                "review after a month."
            ),
            impact="Stop paying for two half-used runner pools.",
            measured=(
                "At the one-month review, combined runner cost was down 22% and median queue "
                "time had improved for both teams."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("technical-judgement",),
        ),
        Idea(
            title="Ran a cross-team review of on-call load",
            body=(
                "On-call load varied wildly between teams, and the teams with the worst load "
                "were too busy to fix it. I collected six months of paging data for eleven "
                "teams, presented the comparison at the engineering leads' meeting, and proposed "
                "that the three worst-affected teams each get a quarter of help from DX. The "
                "leads agreed, and I paired with each of the three teams to pick their noisiest "
                "alerts."
            ),
            impact="",
            measured=(
                "A quarter later, pages per week for those three teams had fallen by 55% on "
                "average."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
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
        Idea(
            title="Added a test for every decline code we map",
            body=(
                "I noticed that our mapping from PSP decline codes to the error codes we show "
                "merchants had no tests, and two codes mapped to the wrong message. I wrote a "
                "table-driven test covering all 48 codes, fixed the two, and added a check that "
                "fails if a new PSP code appears without a mapping."
            ),
            impact="Merchants should see the right reason when a payment is declined.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="Type hints for the flagpole client library",
            body=(
                "I added type hints to the flagpole client library and turned on strict type "
                "checking for it in CI. It took three days and found one real bug: a function "
                "that returned `None` instead of the default value when a flag was missing. I "
                "fixed that in a separate PR so it was easy to review."
            ),
            impact="Catch mistakes in flag usage before they reach production.",
            measured=(
                "In the following two months no flagpole client bugs were reported, after four "
                "in the two months before."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Snapshot tests for merchant statements",
            body=(
                "Merchant statements had no tests beyond checking that generation didn't crash, "
                "so layout bugs reached merchants. I added snapshot tests that render statements "
                "for five sample merchants, including one with refunds in three currencies, and "
                "compare the text with a saved version. The first run caught a currency symbol "
                "in the wrong place."
            ),
            impact=(
                "Statement changes should show their effect in review, not in merchants' inboxes."
            ),
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Two months of improving my Lighthouse frontend code",
            body=(
                "For the last two months I focused on the quality of my frontend work in "
                "Lighthouse, where I had the least experience.\n"
                "\n"
                "- Asked a frontend engineer from another team to review my PRs for a month\n"
                "- Added accessibility checks to our component tests after their feedback\n"
                "- Replaced copy-pasted table code in three pages with one shared component\n"
                "\n"
                "Reviewers stopped flagging the same layout and accessibility issues, and the "
                "shared table component is now used on seven pages."
            ),
            impact="Ship Lighthouse pages that work for everyone and are easier to change.",
            measured=(
                "Accessibility issues reported against Lighthouse went from 11 in the quarter "
                "before to 2 in the quarter after."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("learning-and-asking",),
        ),
        Idea(
            title="My first ledger PR merged without any requested changes",
            body=(
                "My PR adding a new posting type to the ledger was approved without a single "
                "change request, which is rare for ledger code. The reviewer said my test cases "
                "covered everything they would have asked about. I'd spent a day writing tests "
                "before touching the code, and it was worth it."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Clearer error messages in the service template generator",
            body=(
                "When the service template generator failed, it printed a stack trace and "
                "nothing else. I went through its eight most common failures and made each one "
                "say what went wrong and what to do next, like which permission is missing and "
                "who can grant it. I tested each message by breaking my own setup on purpose."
            ),
            impact="",
            measured=(
                "Template questions in the help channel fell by about a third over the next month."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("collaboration",),
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
        Idea(
            title="Fixed the refund export I broke, before anyone reported it",
            body=(
                "After my change to the refund export went out, I checked the next morning's "
                "file out of habit and saw the currency column was empty for partial refunds. "
                "Nobody had noticed yet. I rolled the change back, fixed it with a test for "
                "partial refunds, and told the finance analyst who uses the file what had "
                "happened and which day's file to ignore."
            ),
            impact="Finance shouldn't have to find my bugs for me.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Found an owner for the build cache alert everyone ignored",
            body=(
                "An alert about build cache eviction had been firing every few days for a month, "
                "and everyone assumed someone else was handling it. I asked in the team channel "
                "who owned it, nobody knew, so I took it on. It turned out to be a threshold set "
                "for half our current storage, which I updated after checking with my lead."
            ),
            impact="Stop an alert that everyone had learned to ignore.",
            measured=(
                "The alert fired twice in the next three months, and both times it was a real "
                "problem."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("operational-care",),
        ),
        Idea(
            title="Saw payout holds through to the support docs",
            body=(
                "After shipping the payout holds feature, I didn't stop at the merge. I wrote "
                "the support article explaining holds to merchants, walked the support team "
                "through it, and checked the holds dashboard every day for two weeks. On day "
                "four I found a hold that should have released automatically and fixed the edge "
                "case."
            ),
            impact="Make sure the feature works for merchants and support, not just in tests.",
            measured=(
                "In the first month, support resolved 90% of hold-related tickets without "
                "escalating to engineering."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("delivery",),
        ),
        Idea(
            title="Owning our area's flaky test report for a month",
            body=(
                "This month I volunteered to own the weekly flaky test report for our area, "
                "which had been passed around without anyone really owning it.\n"
                "\n"
                "- Sent the report every Monday with the top five flaky tests and their owners\n"
                "- Followed up directly with owners whose tests stayed on the list for two weeks\n"
                "- Fixed three of the tests myself where the owner was on leave\n"
                "\n"
                "By the end of the month, the top five changed every week instead of showing the "
                "same tests."
            ),
            impact="Make sure flaky tests get fixed instead of just reported.",
            measured="The number of flaky tests in our area went from 23 to 11 over the month.",
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("craft-and-quality",),
        ),
        Idea(
            title="My lead handed me the dependency bot without a checklist",
            body=(
                "My lead asked me to take over the dependency update bot for our repos, and said "
                "they didn't need to give me a checklist because I'd handled the last upgrade "
                "well. It was the first time I'd been handed something without step-by-step "
                "instructions. I wrote my own checklist anyway."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Tracked down why my fraud rule never fired",
            body=(
                "A velocity rule I'd added to riskcheck two weeks earlier had never triggered, "
                "even on test data where it should have. Rather than assume there was no fraud, "
                "I dug in and found I'd used the merchant's time zone for the window while "
                "events are stored in UTC. I fixed it, ran the check over the last two weeks of "
                "events, and shared the results with the risk team."
            ),
            impact="",
            measured=(
                "After the fix, the rule caught 37 suspicious payment bursts in its first month."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
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
        Idea(
            title="Dispute reason codes added to the merchant API on schedule",
            body=(
                "I added dispute reason codes to the disputes endpoint of the merchant API, "
                "which two large merchants had asked for. I split it into three PRs: the schema, "
                "the mapping from each card network's codes, and the docs. Each went out in its "
                "own deploy, and the whole thing landed on the date I'd given in planning."
            ),
            impact="Merchants can see why a dispute was opened without contacting support.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Flagpole audit log page shipped in one sprint",
            body=(
                "I built the audit log page in flagpole, which shows who changed a flag, when "
                "and why. I agreed the scope with my lead at the start: a filterable list, no "
                "export. When someone asked for export mid-sprint, I added it to the backlog "
                "rather than stretching the sprint."
            ),
            impact='Teams can answer "who turned this on?" without asking DX.',
            measured=(
                "By the end of the first month the page had about 150 weekly views, and "
                "questions to DX about flag history had stopped."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
        ),
        Idea(
            title="Refund reason field: my first cross-service change",
            body=(
                "This month I delivered my first change that touched more than one service: a "
                "required reason field on refunds, which support and finance had both asked for.\n"
                "\n"
                "- Added the field to the refund API, optional at first\n"
                "- Updated the support tool and refund-worker to pass it through to the ledger\n"
                "- Made it required two weeks later, once every caller was sending it\n"
                "\n"
                "I kept a checklist of every caller in the PR description, which made it easy "
                "for reviewers to see nothing was missed."
            ),
            impact="Finance can report on why refunds happen, not just how many.",
            measured=(
                "By month-end, 99% of refunds carried a reason, and finance built their first "
                "refund reasons report from it."
            ),
            team=PAYMENTS,
            kind="work_summary",
            also=("collaboration",),
        ),
        Idea(
            title="CI timing breakdown for my team, delivered in two days",
            body=(
                "My lead asked for a breakdown of where our team's CI time goes before a "
                "planning meeting on Thursday. I pulled the last month of pipeline timings, "
                "grouped them by step, and made a one-page chart showing that two integration "
                "test stages took 60% of the time. I sent it on Wednesday afternoon with a note "
                "on what the data didn't cover."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Demoed my first Lighthouse feature at the DX review",
            body=(
                "I demoed the deploy history panel I built for Lighthouse at the monthly DX "
                "review. Someone asked about a filter I hadn't thought of, and I added it the "
                "following week. It was the first time I'd presented something I built from "
                "start to finish."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="Exchange rate staleness alert, built and shipped in a week",
            body=(
                "After a stale exchange rate caused some conversions to use an eight-hour-old "
                "rate, my lead asked me to add an alert within the week. I added a rate-age "
                "metric to the rate service, an alert at 10 minutes and a dashboard panel, and "
                "tested the alert by pausing the rate feed on staging."
            ),
            impact=(
                "We should find out about stale rates in minutes instead of from finance the "
                "next day."
            ),
            measured=(
                "In the next three months the alert fired twice, and both times the feed was "
                "restored within 20 minutes."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("operational-care",),
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
        Idea(
            title="Runbook for the currency rate feed, tested on staging",
            body=(
                "The currency rate feed had no runbook, and the last time it failed it took an "
                "hour to find out who could restart it. I wrote a short runbook covering how to "
                "tell whether the feed is stale, how to switch to the backup source, and who to "
                "contact at the provider. I asked a teammate to follow it on staging, and they "
                "got through it in ten minutes."
            ),
            impact="The next rate feed failure should take minutes to fix, not an hour.",
            measured=(
                "When the feed failed two months later, on-call switched to the backup source in "
                "8 minutes using the runbook."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Silenced alerts now come with an expiry date",
            body=(
                "I noticed that 30 alerts in our area had been silenced for months, some for "
                "services that had changed since. I added a required expiry date to silences in "
                "our alerting config, defaulting to seven days, and went through the old ones "
                "with their owners. Eight turned out to be alerts we actually needed."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("ownership",),
        ),
        Idea(
            title="A dashboard panel for ledger posting lag",
            body=(
                "During my on-call shift, I realized we had no quick way to see whether the "
                "ledger was falling behind on postings. I added a panel showing posting lag at "
                "p50 and p99, with a line at our two-minute target, and linked it from the "
                "ledger alerts. I showed it to the team at the next on-call handoff."
            ),
            impact="On-call should spot ledger lag before it turns into delayed balances.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Follow-up actions from the CI outage, all closed",
            body=(
                "After last month's CI outage, I took ownership of the five follow-up actions "
                "from the review and worked through them this month.\n"
                "\n"
                "- Added a health check that takes bad runners out of the pool automatically\n"
                "- Set up an alert on job queue length\n"
                "- Wrote the runbook section on draining a runner pool\n"
                "- Tested the new alert and health check in a game day with the team\n"
                "\n"
                "The fifth action, a second runner region, turned out to be much bigger than "
                "expected, so I wrote it up as a project proposal instead."
            ),
            impact="The same outage shouldn't be able to happen the same way twice.",
            measured=(
                "In the next quarter, the health check removed 14 bad runners automatically and "
                "there were no CI outages."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("ownership",),
        ),
        Idea(
            title="My ledger lag panel helped the next on-call catch a problem",
            body=(
                "The week after I added the ledger lag panel, the engineer on call spotted "
                "postings falling behind on it, 20 minutes before any alert fired. They "
                "mentioned the panel in the incident write-up. It was a small thing to build, "
                "and I was glad it got used so soon."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Test environment alerts no longer page DX on-call",
            body=(
                "Alerts from our test environments were paging DX on-call at the same priority "
                "as production. I moved them to a separate low-priority channel that doesn't "
                "page, kept production routing unchanged, and checked with the rest of the "
                "rotation before changing anything."
            ),
            impact="On-call should only be woken up for production problems.",
            measured=(
                "Pages to DX on-call fell by about 40% the next month, with no missed production "
                "issues."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("craft-and-quality",),
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
        Idea(
            title="Watched a finance analyst use the ledger export",
            body=(
                "Instead of guessing what finance wanted from the ledger export, I spent an hour "
                "watching an analyst use it. They were copying three columns into a separate "
                "sheet and recalculating fees by hand every day. I added those columns to the "
                "export directly and checked the result with them before releasing it."
            ),
            impact="Save the finance team daily manual work.",
            measured=(
                "The analyst said it saved about 30 minutes a day, and two more people in "
                "finance started using the export that month."
            ),
            team=PAYMENTS,
            kind="weekly_win",
        ),
        Idea(
            title="Wrote the migration guide with the first team to migrate",
            body=(
                "When I shipped the new version of the observability library, I asked the first "
                "team migrating to write the guide with me as they went. Every time they got "
                "stuck, we added a step or an example. The guide ended up with four steps I "
                "wouldn't have thought of."
            ),
            impact="",
            measured=(
                "Over the next month, six more teams migrated using the guide and only one of "
                "them asked for help."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("learning-and-asking",),
        ),
        Idea(
            title="Brought the risk team into my refund limits change early",
            body=(
                "Before changing how refund limits are calculated, I shared a short write-up "
                "with the risk team and asked what could go wrong from their side. They pointed "
                "out that refunds to a different card than the original payment are a common "
                "fraud pattern, which I hadn't considered. I added a check for it before writing "
                "the rest of the change."
            ),
            impact="Avoid shipping a change that opens a new fraud gap.",
            measured="",
            team=PAYMENTS,
            kind="weekly_win",
            also=("craft-and-quality",),
        ),
        Idea(
            title="Three days a week embedded with Payments on their CI",
            body=(
                "This month I spent three days a week embedded with the Payments team to help "
                "speed up their CI pipeline.\n"
                "\n"
                "- Joined their standups so I understood their priorities\n"
                "- Paired with one of their engineers on every change so they could maintain it "
                "afterwards\n"
                "- Shared progress in their channel rather than ours\n"
                "\n"
                "Their pipeline went from 22 minutes to 13, and their engineer made the last two "
                "improvements on their own."
            ),
            impact="Help another team without leaving behind something only DX can maintain.",
            measured=(
                "A month later the pipeline was still at 13 minutes, and the Payments team had "
                "made another improvement without us."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
            also=("delivery",),
        ),
        Idea(
            title="Another team adopted our PR template the day I shared it",
            body=(
                "I shared the PR template our team uses in a cross-team channel, mostly as an "
                "FYI. The mobile team's lead replied that they'd adopted it that afternoon and "
                "asked if they could add a section for screenshots. I said yes and updated ours "
                "to match."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="moment",
        ),
        Idea(
            title="A week answering questions in merchant support's channel",
            body=(
                "During my week as the Payments contact for support, I answered questions "
                "directly in merchant support's channel instead of asking them to file tickets. "
                "For each question I also checked whether the answer was already in their "
                "knowledge base, and added four articles where it wasn't."
            ),
            impact="Support should be able to answer common payments questions without us.",
            measured="",
            team=PAYMENTS,
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
        Idea(
            title="Shadowed a dispute analyst for a day",
            body=(
                "I work on the dispute service but had never seen a dispute handled by the "
                "people who do it. I asked to shadow a dispute analyst for a day and watched "
                "them work through 15 cases. I came away with six small changes that would save "
                "them time, and two questions about our data that I took back to my team."
            ),
            impact="Understand the people who use what I build.",
            measured=(
                "Two of the six changes shipped the next month, and the analysts said each saves "
                "them about 20 minutes a day."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("collaboration",),
        ),
        Idea(
            title="Learned how the build cache works by breaking it on purpose",
            body=(
                "I didn't really understand how the build cache decides what to reuse, so I set "
                "up a test repo and tried to break it by changing timestamps, environment "
                "variables and file order. I wrote up what caused a miss and what didn't, and a "
                "senior engineer corrected two of my conclusions. The notes are now linked from "
                "the build cache docs."
            ),
            impact="",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="Asked for a walkthrough before my first payouts ticket",
            body=(
                "Before starting my first payouts ticket, I asked the engineer who knows "
                "payout-scheduler best for a 45-minute walkthrough. I prepared five questions in "
                "advance and recorded the session with their permission, so the next new person "
                "can watch it too."
            ),
            impact="Start the ticket understanding the service instead of guessing.",
            measured=(
                "I finished the ticket in three days against an estimate of five, and two more "
                "new joiners have watched the recording since."
            ),
            team=PAYMENTS,
            kind="weekly_win",
            also=("leaving-things-better",),
        ),
        Idea(
            title="A month of reading old incident reviews",
            body=(
                "This month I read every incident review from the past year for Developer "
                "Experience systems, 17 in total, to learn how our systems fail.\n"
                "\n"
                "- Kept a list of failure types: capacity, bad config, expired credentials and "
                "dependency outages\n"
                "- Asked the authors of three reviews follow-up questions\n"
                "- Shared a one-page summary with my team\n"
                "\n"
                "My lead said the summary was useful for planning, and I now know where to look "
                "first when I'm on call."
            ),
            impact="Learn how our systems fail before I have to handle it on call.",
            measured=(
                "In my first on-call week the following month, I resolved two of three pages "
                "without escalating."
            ),
            team=DEVELOPER_EXPERIENCE,
            kind="work_summary",
        ),
        Idea(
            title="A senior engineer asked me to explain the new fee tables",
            body=(
                "A senior engineer on the team asked me to explain how the new fee config table "
                "works, since I'd been reading that code all week. It was the first time someone "
                "more experienced came to me for an explanation. I drew it on the whiteboard and "
                "understood it better after explaining it."
            ),
            impact="",
            measured="",
            team=PAYMENTS,
            kind="moment",
        ),
        Idea(
            title="Asking in the open instead of in private messages",
            body=(
                "I used to ask questions in private messages to whoever I thought would know. "
                "This month I started asking in the team channel instead. Two of my questions "
                "got better answers from people I wouldn't have asked, and one answer turned "
                "into a docs update the next person will find."
            ),
            impact="More people can learn from my questions and the answers.",
            measured="",
            team=DEVELOPER_EXPERIENCE,
            kind="weekly_win",
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
