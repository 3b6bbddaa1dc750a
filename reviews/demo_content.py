"""Demo mentor feedback for seeding a realistic-looking Promo organization.

Pure data, no Django imports. ``NOTES`` maps each behavior slug to a pool of
mentor notes, each justifying one verdict (``demonstrated``, ``flashes`` or
``gap``) with an optional "what would make this next-level" gap note. Notes
refer to "this" work generically so they fit any entry about that behavior.
``REPLIES`` are engineers answering feedback and ``FOLLOW_UPS`` are mentors
answering those replies.

The early-career behaviors (craft and quality, ownership, delivery, operational
care, collaboration) are written for an engineer aiming at Engineer II.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    verdict: str  # "demonstrated", "flashes" or "gap": the verdict this note justifies
    body: str  # the mentor's note, Markdown, specific to the behavior
    gap: str  # "what would make this next-level"; "" for some "demonstrated" notes


NOTES: dict[str, tuple[Note, ...]] = {
    "scope-and-impact": (
        Note(
            verdict="demonstrated",
            body=(
                "This is the scope I'd expect at the next level. You didn't stop at shipping: you "
                "went back months later to check whether it changed anything, and the numbers make "
                "the case on their own."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "What makes this read as next-level is that most of the people who benefit sit "
                "outside your team. You picked a problem that was quietly costing the wider "
                "organization time and money, and carried it to the point where nobody has to "
                "think about it anymore."
            ),
            gap=(
                "One addition: a few lines on how you chose this problem over the others on your "
                "list, so your packet shows the judgment behind the result and not just the "
                "result."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "The impact is stated in terms the business cares about — fewer tickets, less "
                "manual work, money not lost. That translation from engineering change to business "
                "outcome is exactly what separates next-level scope from good execution."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You took something that worked in one place and made it work everywhere, "
                "including the long tail nobody else wanted to chase. That last stretch is where "
                "scope usually gets abandoned, and you finished it."
            ),
            gap=(
                "Hand the ongoing care to a named owner with a short runbook, so the next big "
                "thing you pick up isn't competing with this one for your attention."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "I like that this started as a problem you noticed rather than a task you were "
                "handed. Finding the right work is half of operating at the next level, and the "
                "outcome shows you found it."
            ),
            gap="",
        ),
        Note(
            verdict="flashes",
            body=(
                "Solid execution, and the benefit is real. Right now, though, the impact stays "
                "mostly inside your own team; at the next level I'd expect the same kind of work "
                "to change how several teams operate."
            ),
            gap=(
                "Look for the version of this problem other teams have too and offer to solve it "
                "for them — even one outside team adopting it would change the story."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The work is good, but the entry tells me more about what you built than about "
                "what changed because of it. There are flashes of next-level scope in how you "
                "framed the problem; the evidence of effect is what's missing."
            ),
            gap=(
                "Add the outcome: a number, a before and after, or a quote from the people "
                "affected. If it's too early to measure, write down now what you'll check and "
                "when."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "This is meaningful scope, and you drove it well. What keeps it at flashes for me "
                "is that the project was already well defined when it reached you; the next level "
                "is about finding and framing work like this yourself."
            ),
            gap=(
                "Next time, write the one-page problem statement before anyone assigns the work — "
                "that's the artifact that shows you're shaping the roadmap, not only delivering "
                "it."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "There's next-level impact in here, but it's spread across several smaller wins "
                "that read as separate pieces of work. Together they may add up to something "
                "bigger; as written, a promotion panel would struggle to see that."
            ),
            gap=(
                "Tie these together under the single problem they solve and show the combined "
                "effect. That framing is most of what turns a list of wins into scope."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This is careful, useful work, and I'd be glad to have it on any team. For this "
                "behavior, though, the scope is a single task with a clear owner and a clear end, "
                "which sits squarely at your current level."
            ),
            gap=(
                "Find a problem that crosses at least one team boundary and has no obvious owner "
                'yet, then take it from "someone should fix this" all the way to a measured '
                "outcome."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "I can't yet see who benefited from this beyond the immediate change. Scope at the "
                "next level is judged by the effect on customers, the business or other teams, and "
                "that part is missing from the entry."
            ),
            gap=(
                "Pick one metric that would move if this mattered, record today's baseline, and "
                "come back to this entry in a couple of months with the result."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This reads as a welcome improvement to how you and your team work. It doesn't yet "
                "show the breadth this behavior is about: work whose effect is felt across the "
                "organization, not just in your own backlog."
            ),
            gap=(
                "Ask your manager which open problems are hurting more than one team right now; "
                "picking one of those up is the fastest way to build evidence here."
            ),
        ),
    ),
    "leaving-things-better": (
        Note(
            verdict="demonstrated",
            body=(
                "You cleaned this up in a way that stays clean: there's now something in place "
                "that stops the mess from creeping back, not just a one-off tidy. That mechanism "
                "is what makes it next-level."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "What I value most here is that you removed things. Deleting code, config or "
                "process that people are afraid to touch takes more care than adding, and you did "
                "it with a safety net rather than hope."
            ),
            gap=(
                'Write a short "how we deleted this safely" note — other teams are sitting on '
                "similar debt and would happily borrow the approach."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "This is the kind of improvement people feel without knowing who did it. Others "
                "have already started using it and contributing back, which tells me it was built "
                "for them and not just for you."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You paid this debt down before it blocked the next piece of work, rather than "
                "after it caused an incident. That timing is judgment, and it's what the next "
                "level looks like for this behavior."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                'Measuring the before and after turns this from "I think it\'s better" into '
                "visibly better, with numbers. It makes housekeeping count as evidence, and it "
                "makes the case for the next round of cleanup much easier."
            ),
            gap=(
                "Add a small recurring check — a dashboard panel, a CI step, a quarterly reminder "
                "— so the number doesn't quietly drift back."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The cleanup is thorough and the code is better for it. What's missing for the "
                "next level is anything that stops it decaying again; right now it depends on "
                "someone remembering."
            ),
            gap=(
                "Add a guardrail: a lint rule, a CI check, or an owner with a review date. "
                "Something that keeps working when nobody is looking."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "This improves things nicely for your own team. The next level is improving the "
                "shared ground — the libraries, docs and tools many teams stand on — where the "
                "same effort pays off several times over."
            ),
            gap=(
                "Ask whether the fix belongs upstream in a shared place; if it does, put it there "
                "and tell the other teams it exists."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "I see the instinct, and it's a good one: you noticed something was worse than it "
                "needed to be and fixed it on the way past. At the next level I'd want this to be "
                "deliberate and visible rather than a side effect of other work."
            ),
            gap=(
                "Make the case for a small, explicit cleanup budget in your team's planning, and "
                "keep track of what it buys you."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The improvement is real, but I had to dig to understand why it mattered. Leaving "
                "things better at the next level includes making the improvement legible, so "
                "others know it exists and how to keep it that way."
            ),
            gap=(
                "Add a sentence on what the old state cost people — lost time, incidents, "
                "confusion — and where someone should look to keep this healthy."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This entry is mainly about new work, and the tidying is incidental to it. That's "
                "fine, but it isn't yet evidence for this behavior, which is about deliberately "
                "making the systems around you easier for the next person."
            ),
            gap=(
                "Pick one thing that slowed you down this month — a misleading doc, a fragile "
                "test, a confusing script — fix it for everyone, and log that."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "You worked around the problem rather than fixing it, which was probably the right "
                "call in the moment. It does leave the trap in place for the next person, and this "
                "behavior is about removing traps."
            ),
            gap=(
                "Once the pressure is off, go back and fix the root cause, or at least file it "
                "with enough detail that someone else can."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "It's hard to tell from this whether anything is in a better state for others "
                "afterwards. The behavior is about lasting improvement to shared things, and the "
                "entry doesn't yet show what changed for anyone but you."
            ),
            gap=(
                "Describe who else touches this area and what's easier for them now. If the honest "
                "answer is nobody yet, that points straight at what to do next."
            ),
        ),
    ),
    "long-term-vision": (
        Note(
            verdict="demonstrated",
            body=(
                "This is a real vision, not a wish list: it says where we should be, why, and "
                "which first steps are worth doing even if the rest never happens. That last part "
                "is what makes it credible."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You wrote down the assumptions the plan depends on and what would make you change "
                "course. A vision that can be proved wrong is one people can actually trust and "
                "plan around."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "People outside your team are now making decisions based on this document, which "
                "is the clearest sign a long-term view has landed. You didn't just publish it; you "
                "kept it alive in the conversations where it mattered."
            ),
            gap=(
                "Schedule a check against it in six months and publish the honest version, "
                "including what you got wrong. That's what keeps a vision from becoming shelfware."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Going back to an earlier plan and correcting it in public is rare, and it's "
                "exactly right. The next level isn't about predicting the future perfectly; it's "
                "about steering toward it and adjusting openly."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "I like how this connects a long horizon to today's choices. Each near-term step "
                "is explained by where it leads, so other teams can tell which of their own plans "
                "fit and which don't."
            ),
            gap=(
                "Add a short section on what you're deliberately *not* going to do. The trade-offs "
                "are what people will argue with, and it's better to have that debate now."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "There's a clear picture here of where things should be in a couple of years, and "
                "I agree with most of it. What's thinner is the path: how we get from today to "
                "there, and what we'd do first."
            ),
            gap=(
                "Break it into two or three milestones with a rough order and a reason for that "
                "order, so a team could start on the first one next quarter."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The thinking is good, but it's still your vision rather than a shared one. At the "
                "next level the document is the start; the work is getting the people who'll live "
                "with it to shape it and sign up to it."
            ),
            gap=(
                "Walk two or three of the affected teams through it before you call it done, and "
                "fold in what they push back on."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The direction is sensible and the reasoning holds. It mostly extends what we "
                "already do, though, and I'd like to see evidence that you weighed a bolder option "
                "before settling on this one."
            ),
            gap=(
                "Add one genuinely different alternative and explain why you're not choosing it. "
                "That shows the direction was chosen rather than inherited."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "I can see the long view in how you approached this, even though the work itself "
                "is mostly near-term. That's a good sign; the next step is making the long view "
                "explicit so others can use it too."
            ),
            gap=(
                "Write the one page that says where this area is heading over the next year or two "
                "and how this piece fits. It doesn't need to be polished."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This is well-executed delivery, but I don't yet see a view of where things go "
                "beyond the current project. Long-term vision is about setting direction others "
                "can follow, and the entry doesn't show that yet."
            ),
            gap=(
                'Try a short "where should this be in two years?" note for the area you know '
                "best, and share it with your manager and one peer team."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The plan here stops at the end of the quarter. That's a fine horizon for the work "
                "itself, but this behavior asks for a longer one: what this area needs to look "
                "like when we're much bigger, and what we should start now because of it."
            ),
            gap=(
                "Pick one thing that will break or get painful at ten times today's scale, and "
                "write down what you'd do about it and when."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "There's a lot of good detail here, but it reads as a design rather than a "
                "direction. It explains how, but not why this instead of something else, or where "
                "it leads afterwards — and those are the questions a vision has to answer."
            ),
            gap=(
                "Add a section describing the problem two years from now and how this moves us "
                "toward solving it; without that, it's hard for anyone to rally behind."
            ),
        ),
    ),
    "technical-judgement": (
        Note(
            verdict="demonstrated",
            body=(
                "The reasoning is what I'd point others to here. You laid out the options, said "
                "what you were optimizing for, chose the boring one for good reasons, and wrote it "
                "down so nobody has to relitigate it."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Saying no well is one of the hardest parts of this job, and you did it with data "
                "rather than opinion. You measured first, showed the cost of the alternative, and "
                "left the door open if the facts change."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "The decision has held up: months later it still looks right, and the trade-offs "
                "you predicted are the ones that showed up. That track record is what earns you "
                "trust for the bigger calls."
            ),
            gap=(
                "Turn the way you framed this into a reusable template or checklist; other teams "
                "would benefit from the structure as much as the answer."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You changed the outcome of a decision you didn't own, with one well-timed "
                "question rather than a long argument. Influence through good questions is exactly "
                "how judgment shows up at the next level."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "I appreciate that you were explicit about what would make this the wrong choice. "
                "Naming the conditions for revisiting a decision is the difference between a "
                "confident call and a stubborn one."
            ),
            gap=(
                "Put those conditions somewhere they'll be noticed — a decision record linked from "
                "the code, or an alert — so the revisit actually happens."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The decision is sound, and I'd probably have made the same one. The write-up "
                "explains what you chose much better than what you ruled out, which makes it hard "
                "for others to learn from or challenge."
            ),
            gap=(
                "Add the two strongest alternatives and why they lost. A year from now, that's "
                "usually the most valuable part of a decision record."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "A good call, made well within your own area. At the next level, judgment shows up "
                "in decisions that affect several teams, where the trade-offs are murkier and you "
                "have to bring people with you."
            ),
            gap=(
                "Watch for the next cross-team technical decision and offer to write the options "
                "paper; that's where this behavior really gets tested."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "There's real insight in how you framed this, but the conclusion leans on "
                "intuition more than evidence. You may well be right; the next level is being "
                "right in a way others can check."
            ),
            gap=(
                "Find the cheapest experiment that would confirm or break your main assumption — a "
                "prototype, a query, a quick load test — and include the result."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You spotted the risk early, which is the hard part. The follow-through was "
                "quieter than it needed to be, so the decision ended up being made by default "
                "rather than on purpose."
            ),
            gap=(
                "When you see a risk like this, put it in writing to whoever owns the decision, "
                "with a clear recommendation and the date you need an answer by."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This entry describes the work well but not the choices inside it. For this "
                "behavior I need to see the trade-offs: what else you considered, what you gave "
                "up, and why this was the right balance."
            ),
            gap=(
                "Pick one decision from this work and write a half-page record of it — context, "
                "options, choice, consequences. That alone would make this solid evidence."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The solution is technically impressive, and that's partly my concern: it's more "
                "complex than the problem seems to need. The entry doesn't explain why simpler "
                "options fell short, and someone will have to maintain this complexity for years."
            ),
            gap=(
                "Before your next design, write down the simplest thing that could work and argue "
                "explicitly why it isn't enough. If you can't, that's your answer."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The approach here mostly follows the existing pattern, which is often the right "
                "default. This behavior, though, is about making calls that aren't obvious and "
                "owning them, and I don't see one yet."
            ),
            gap=(
                "Next time you disagree with a technical direction, even mildly, make the case in "
                "writing with evidence. Being wrong now and then is fine; staying quiet leaves "
                "nothing to show."
            ),
        ),
    ),
    "delivery-under-pressure": (
        Note(
            verdict="demonstrated",
            body=(
                "You kept the scope honest under a hard deadline: you cut what didn't matter, said "
                "so early, and shipped what did. That's the composure I'd expect at the next "
                "level, and the outcome shows it."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "What stands out is how calm this felt for everyone around you. Clear updates, a "
                "single plan, and no heroics that left a mess behind — people outside engineering "
                "noticed, which is the best signal there is."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You found the smallest change that would safely make the deadline instead of "
                "reaching for the ambitious fix. Knowing when not to do the ideal thing is the "
                "core of this behavior."
            ),
            gap=(
                "Make sure the proper fix is written up and scheduled now, while the context is "
                "fresh; otherwise the shortcut quietly becomes permanent."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Delivering this on so little notice, with nothing breaking afterwards, is the "
                "real achievement. It's clear you had a checklist and a rollback plan even while "
                "moving fast."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You coordinated several people under time pressure without becoming the "
                "bottleneck: clear owners, clear status, quick decisions. That's next-level "
                "delivery, not just fast typing."
            ),
            gap=(
                "Write a short retro on what made this go well. The pieces worth keeping for the "
                "next crunch are easy to forget once the pressure is off."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You got it over the line under real pressure. The part that isn't next-level yet "
                "is how: a lot rested on you personally, and it's not clear the team could do it "
                "again without you."
            ),
            gap=(
                "Next time, pull one or two people in early and split the work explicitly, even if "
                "it feels slower at first."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "It landed on time and the quality held, which matters. The risk was visible well "
                "before the crunch, though, and I'd have liked you to raise it sooner so the "
                "pressure was smaller."
            ),
            gap=(
                "When a date starts slipping, say so early with options — cut scope, add people, "
                "move the date. Early bad news is far more useful than late good news."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Good work under pressure, and the result speaks for itself. What I can't see is "
                "how you decided what to drop, and that trade-off reasoning is what would make "
                "this next-level evidence."
            ),
            gap=(
                "Add a line or two on what you deliberately left out and why; that's the judgment "
                "a promotion panel will look for."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Fast and effective in the moment. The follow-through afterwards is thinner: I "
                "don't see what changed so the same scramble doesn't happen next time."
            ),
            gap=(
                "Close the loop with one change that makes the next surprise smaller — an alert, a "
                "runbook, an earlier warning, or a rehearsal."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The work was done well, but the pressure described here is mostly ordinary sprint "
                "pressure. This behavior is about high-stakes moments — hard deadlines, incidents, "
                "surprises — and how you lead through them."
            ),
            gap=(
                "Volunteer for the next incident lead role or time-boxed critical fix, and write "
                "up how you handled the trade-offs."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The deadline was met at the cost of quality that someone now has to pay back, and "
                "the entry doesn't acknowledge it. Delivering under pressure at the next level "
                "means shortcuts are chosen, visible and repaid."
            ),
            gap=(
                "List the shortcuts you took, file each with an owner, and say when they'll be "
                "addressed."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "I can't see your own role in the crunch here: the entry describes what the team "
                "shipped, not what you decided, unblocked or cut. Without that, it's hard to "
                "credit this behavior to you."
            ),
            gap=(
                "Rewrite it around the two or three calls you personally made and what would have "
                "happened without them."
            ),
        ),
    ),
    "growing-others": (
        Note(
            verdict="demonstrated",
            body=(
                "The best evidence for this behavior is that the other person can now do it "
                "without you, and that's what this shows. You taught the reasoning, not just the "
                "steps, and stepped back at the right moment."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You gave away something visible — the presentation, the credit, the relationship "
                "— when keeping it would have been easier. That's how people grow, and it's a very "
                "clear next-level signal."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "This goes beyond helping one person: you built something that keeps teaching "
                "after you've moved on, whether that's a guide, a session or a format. That "
                "multiplier is exactly what the next level asks for."
            ),
            gap=(
                "Find someone to co-own it so it survives your next change of role, and ask them "
                "to run the next round."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "The growth here was planned over months, with clear goals and regular check-ins, "
                "rather than happening by accident. The other person's own results are the "
                "evidence, and they're convincing."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "How you did this impressed me: patient, specific, and in a way the other person "
                "clearly enjoyed. People seek out mentors like that, which is how your influence "
                "spreads well beyond your own team."
            ),
            gap=(
                "Ask the people you've helped for a sentence of written feedback each; their words "
                "will carry more weight in your packet than your own description."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You're clearly generous with your time, and the people you've helped are better "
                "for it. Right now it's mostly reactive — answering questions as they come — "
                "rather than a deliberate plan for someone's growth."
            ),
            gap=(
                "Pick one person, agree with them on a goal for the next quarter, and check in on "
                "it every couple of weeks."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "There's real teaching in this, but you stayed in the driver's seat throughout. "
                "The next level is letting someone else drive, and occasionally get it a bit "
                "wrong, while you're there to catch it."
            ),
            gap=(
                "Next time, hand over the keyboard or the lead role and limit yourself to "
                "questions. It will feel slower, and it will work better."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "This helped the people closest to you a lot. At the next level I'd like it to "
                "reach beyond the engineers you sit with every day, so people across the "
                "organization learn from what you know."
            ),
            gap=(
                "Turn one of the things you keep explaining into a short talk or written guide, "
                "and offer it to another team."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Good instincts in how you handled this, and the guidance sounds useful. The entry "
                "focuses on what you did, though, and I can't tell whether the other person "
                "actually grew from it."
            ),
            gap=(
                "Come back in a month and note what they're now doing differently — that's the "
                "evidence this behavior needs."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This is mostly about your own work, with others helped along the way. That's "
                "fine, but for this behavior I'd want to see deliberate investment in someone "
                "else's growth as the point, not a side effect."
            ),
            gap=(
                "Offer to mentor a newer engineer, or pair with someone on a stretch task where "
                "they own the outcome."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "Doing the hard part yourself was the fastest option, and I understand why you "
                "chose it. It also meant nobody else learned how, so the team still relies on you "
                "for it."
            ),
            gap=(
                "Next time, pair on it or write it up as you go, so at least one other person "
                "could handle it alone."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "Reviewing others' work is a good start, but the comments described here mostly "
                "correct rather than teach. Growing others means helping people see the principle "
                "behind the fix, so they don't need the same comment twice."
            ),
            gap=(
                "For your next few reviews, explain the *why* behind each substantive comment and "
                "link to an example, then watch whether the same issue comes back."
            ),
        ),
    ),
    "cross-team-leadership": (
        Note(
            verdict="demonstrated",
            body=(
                "You got several teams to agree on something none of them owned, and the agreement "
                "has stuck. Leading without authority like that — a clear proposal, patience, and "
                "a lot of listening — is the heart of this behavior."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Teams adopted this without you in the room, and that's what makes it next-level. "
                "You made it easy to say yes, with clear docs, a migration path and help for the "
                "stragglers, so the change didn't depend on your persistence."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You brought in people outside engineering and treated their constraints as real "
                "requirements rather than obstacles. The result is better for it, and you've built "
                "relationships that will make the next cross-team effort much easier."
            ),
            gap=(
                "Consider a lightweight regular forum with them, so the next conversation doesn't "
                "have to start from scratch."
            ),
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Coordinating this many teams and dependencies without anything falling through "
                "the cracks is serious leadership. Regular, visible status gave everyone the same "
                "picture, and that's what kept it moving."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "You resolved a real disagreement between teams by getting the facts on the table "
                "rather than picking a side. Both teams came out feeling heard, which is hard to "
                "do and easy to underrate."
            ),
            gap=(
                "Write down the principle you used to settle it, so the next similar disagreement "
                "can be resolved without escalating."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You worked well with the other team and the outcome is good. It still reads as "
                "your team's project with their help, though; at the next level I'd like to see "
                "you lead an effort where several teams share the goal."
            ),
            gap=(
                "Next time, set up the shared goal and the decision process explicitly at the "
                "start, and have each team name an owner."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "There's clear leadership in getting this started. The momentum depended heavily "
                "on you chasing people, though, and I'd want to see it become self-sustaining."
            ),
            gap=(
                "Give each team a named owner and a visible status, then step back and see whether "
                "it holds without your reminders."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Your relationships with other teams show up clearly in this work, and that's "
                "valuable. What's missing for the next level is a durable outcome — a shared "
                "standard, contract or process — that outlasts the project."
            ),
            gap=(
                "Capture what you agreed as something others can reference and build on, and get "
                "each team's lead to endorse it."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You represented your team well, and the other groups clearly trust you. The next "
                "step is speaking for the wider organization's interest, even where that isn't "
                "exactly what your own team would pick."
            ),
            gap=(
                "Look for a cross-team decision where the best answer costs your team something, "
                "and make that case openly."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The work here sits within your own team's boundary, so it isn't evidence for this "
                "behavior yet. Cross-team leadership needs at least one group you don't work with "
                "day to day, and a shared goal you helped shape."
            ),
            gap=(
                "Find a problem your team shares with a neighbor and offer to lead a joint fix; "
                "even a small one gives you something to build on."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "You worked around the other team rather than with them. That got the job done, "
                "but it left the underlying friction in place, and leading across teams means "
                "taking that conversation on directly."
            ),
            gap=(
                "Set up a short call with the other team's lead, share what you ran into, and "
                "propose one thing you could change together."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "You contributed well to a cross-team effort, but someone else was leading it. "
                "That's useful experience; for this behavior I'd need to see you set the direction "
                "and bring the teams along."
            ),
            gap=(
                "Volunteer to lead the next phase, or a clearly separable piece of it with its own "
                "cross-team stakeholders."
            ),
        ),
    ),
    "craft-and-quality": (
        Note(
            verdict="demonstrated",
            body=(
                "This is the care I'd expect from an Engineer II: the tests cover the cases that "
                "would actually break, and the change is easy for a reviewer to follow. You're "
                "clearly thinking about the next person to read this code."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Your reviewers didn't have much to say here, because you'd already asked yourself "
                "the questions they would have. Small, well-described changes with tests that "
                "explain intent — keep doing exactly this."
            ),
            gap=(
                "As a next step, start leaving thoughtful comments on your teammates' pull "
                "requests too; giving good reviews is the other half of craft."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "The code is clean and the tests are there, which is a real step up. Some edge "
                "cases are only covered by the happy path, though, so quality still depends a "
                "little on nothing unusual happening."
            ),
            gap=(
                "Before opening the pull request, list three ways the change could go wrong and "
                "make sure each one has a test."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "I can see clear improvement in how you structure your changes. It isn't "
                "consistent yet: some pull requests are tidy and well described, others are large "
                "and hard to review."
            ),
            gap=(
                "Keep each pull request to one idea with a description that says why, and ask a "
                "teammate to tell you when one gets too big."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The change works, but it arrived without tests and the reviewer had to ask what "
                "it was for. At Engineer II, I'd expect you to bring the quality to the pull "
                "request rather than rely on review to add it."
            ),
            gap=(
                "Add tests with every change, even small ones, and write a short description "
                "covering what changed, why, and how you checked it."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This got done quickly, but it copies an existing pattern we know has problems, so "
                "the code is now slightly harder to change. Craft at this level includes noticing "
                "that and asking before you follow it."
            ),
            gap=(
                "When something looks odd, ask in the team channel whether it's the pattern to "
                "follow; a five-minute question saves a lot of rework."
            ),
        ),
    ),
    "ownership": (
        Note(
            verdict="demonstrated",
            body=(
                "You followed this all the way through, past your own code and into parts nobody "
                "asked you to look at, and closed the loop with the person who raised it. That's "
                "what ownership looks like at Engineer II."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Owning up to your own mistake and then fixing the process so it can't happen the "
                "same way again shows real maturity. Nobody had to chase you for any of it."
            ),
            gap=(
                "Share the write-up with the team in standup or the channel; others will learn "
                "from it, and it builds trust."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You took good care of the part that was yours. When the trail led somewhere else, "
                "the entry suggests you handed it off and moved on rather than checking it "
                "actually got resolved."
            ),
            gap=(
                "When you hand something off, set a reminder to check on it in a few days, and "
                "close the loop with whoever raised it."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Nice initiative in picking this up without being asked. It still leans a bit on "
                "reminders from your lead, and ownership at Engineer II means people can stop "
                "checking on it."
            ),
            gap=(
                "Send a short weekly update without being asked, including anything that's stuck; "
                "that's what makes people trust you to own it."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The task was completed as described, which is good. What I don't see is what "
                "happened afterwards: whether it worked for the people who needed it, and whether "
                "anything else broke."
            ),
            gap=(
                "After your next change ships, check on it a day and a week later and note what "
                "you found; that habit is the core of ownership."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The entry mentions a problem you noticed but left for someone else to pick up. It "
                "isn't always yours to fix, but at this level I'd expect you to at least make sure "
                "it has an owner."
            ),
            gap=(
                "Next time, file a ticket with the details, ask your lead who should take it, and "
                "follow up until someone has."
            ),
        ),
    ),
    "delivery": (
        Note(
            verdict="demonstrated",
            body=(
                "You broke the work into pieces, shipped the important ones on time, and said "
                "early what wouldn't make it. That's reliable delivery, and it's what makes people "
                "confident handing you bigger projects."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Taking something from idea to production on your own, including parts you'd never "
                "done before, is a real milestone. You asked for help at the right moments instead "
                "of staying stuck for days."
            ),
            gap=(
                "For your next project, write a one-paragraph plan with rough dates up front and "
                "share it with your lead; it makes your progress easy to see."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "It shipped and it works well. It took longer than estimated, though, and the "
                "entry doesn't say when you realized it would slip or who you told."
            ),
            gap=(
                "When an estimate starts to look wrong, tell your lead that day with a new guess. "
                "Early updates matter more than accurate first estimates."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Steady progress and a solid result. The scope grew along the way with extras that "
                "were nice but not required, and that pushed the main goal back."
            ),
            gap=(
                "Write down what done means before you start, and save the extras for a follow-up "
                "ticket."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "There's good learning in this, but it doesn't show delivery yet. The work is "
                "still in progress, with no sense of when it will be done or what's blocking it."
            ),
            gap=(
                "Break the remaining work into tasks of a day or two each, and ship the first one "
                "this week."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The change got finished, but much of the final push came from a teammate. That's "
                "normal while you're learning; for Engineer II I'd want to see you carry a piece "
                "of work over the line yourself."
            ),
            gap=(
                "Pick a well-scoped ticket with your lead and aim to take it from start to "
                "production with only reviews from others."
            ),
        ),
    ),
    "operational-care": (
        Note(
            verdict="demonstrated",
            body=(
                "You thought about how this would behave in production before it got there — an "
                "alert, a dashboard, a runbook. That habit is exactly what separates an Engineer "
                "II from someone who just ships code."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "Handling on-call calmly and leaving clear notes for the next person is real "
                "operational care. You also closed your follow-up actions instead of letting them "
                "drift, which plenty of people don't."
            ),
            gap=(
                "Next, pick one of the noisier alerts from your week and propose a change that "
                "makes it more useful."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "Adding monitoring was the right instinct. It isn't yet clear what someone should "
                "do when it fires, though, so the next person on call would still be guessing."
            ),
            gap=(
                "Link a short runbook entry to the alert: what it means, how to check, and what to "
                "do first."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You kept a close eye on this change, which is good. The checks were mostly manual "
                "and specific to this one change; operational care at Engineer II means building "
                "them into how you always work."
            ),
            gap=(
                "Make a small checklist for before and after every deploy, use it each time, and "
                "share it with your team."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The change looks good in code, but I can't see how you'd know if it misbehaved in "
                "production. Operational care means thinking about failure before you ship, not "
                "only after."
            ),
            gap=(
                "For your next change, write down how you'd notice it breaking, and add that "
                "metric or alert in the same pull request."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This focuses on building the feature, and the operational side — monitoring, "
                "rollback, what happens when a dependency fails — isn't mentioned. That's the part "
                "I'd like to see you take on next."
            ),
            gap=(
                "Ask to shadow the next on-call shift, and add a \"how we'll know it's healthy\" "
                "section to your next design or pull request."
            ),
        ),
    ),
    "collaboration": (
        Note(
            verdict="demonstrated",
            body=(
                "You went to the people who actually use this, watched how they work, and the "
                "result is better for it. Bringing others in early rather than showing them a "
                "finished thing is excellent collaboration at any level."
            ),
            gap="",
        ),
        Note(
            verdict="demonstrated",
            body=(
                "People clearly found you easy to work with here: you asked for input, explained "
                "your thinking, and made their lives easier in return. That's the reputation you "
                "want to build."
            ),
            gap=(
                "Next time, write the decision up in a shared doc so people in other teams or time "
                "zones can weigh in too."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You worked well with the people around you, and it shows. Most of it stayed "
                "within your own team, though; at Engineer II I'd like to see you reach beyond it "
                "when the work calls for it."
            ),
            gap=(
                "When your next piece of work touches another team, introduce yourself to someone "
                "there and ask them to review your plan early."
            ),
        ),
        Note(
            verdict="flashes",
            body=(
                "You were responsive and helpful when others came to you. You rarely start the "
                "collaboration yourself yet, and reaching out before you're asked is the next "
                "step."
            ),
            gap=(
                "On your next task, identify one person whose input would improve it and ask them "
                "before you start building."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "This was done mostly on your own, and the people affected heard about it at the "
                "end. It worked out, but it would have gone faster and landed better with them "
                "involved from the start."
            ),
            gap=(
                "Before your next piece of work, list who it affects and share a short plan with "
                "them first."
            ),
        ),
        Note(
            verdict="gap",
            body=(
                "The entry shows good individual work, but I can't see anyone else in it — who you "
                "worked with, asked, or helped along the way. For this behavior, that's the part "
                "that matters."
            ),
            gap=(
                "Describe who you worked with and how. If the answer is nobody, look for a way to "
                "involve a teammate or another team in your next task."
            ),
        ),
    ),
}

REPLIES: tuple[str, ...] = (
    (
        "Thanks, that's a fair read. I'll add the before-and-after numbers once we have a full "
        "month of data."
    ),
    (
        "Good point about the alternatives. I've added a section on the two options we ruled out "
        "and updated the entry."
    ),
    (
        "I did a follow-up measurement since — tickets are down about a third. Updated the entry "
        "with the numbers."
    ),
    (
        "Thanks! Do you have an example of a decision record you think is done well? I'd like to "
        "borrow the format."
    ),
    (
        "I'd push back a little: the other teams were involved from the start, it just isn't in "
        "the write-up. I'll add the details so it's visible."
    ),
    (
        "That's helpful. Is this realistic to aim for next quarter, or too much alongside my "
        "current project?"
    ),
    (
        "Agreed that it depends on me too much right now. I've asked a teammate to co-own it and "
        "we're pairing on the next change."
    ),
    (
        "Fair. I scoped it narrowly on purpose because of the deadline, but I can see how it "
        "reads. I'll write up the broader version as a follow-up proposal."
    ),
    (
        "Thanks for the detailed note — it's the first time someone has spelled out what the gap "
        "actually looks like for me."
    ),
    (
        "I've added a runbook entry and linked it from the alert since. Is it clear enough for "
        "someone who has never seen the service?"
    ),
    (
        "Which teams would you suggest I talk to first? I know the obvious ones, but I suspect I'm "
        "missing some."
    ),
    (
        "I hadn't thought of it as a mechanism rather than a fix. I'll look at moving it into the "
        "shared library this sprint."
    ),
    (
        "I'm not sure it can be measured yet — it's been live for two weeks and the numbers are "
        "noisy. Can I come back to it next month?"
    ),
    "Thanks. I've set a reminder to check the numbers in three months and update this entry then.",
    (
        "Good catch on the shortcuts. I've filed a ticket for each one and they're planned for "
        "next sprint."
    ),
    "I'd like to try leading the next phase. Could we talk about it in our next one-on-one?",
    (
        "Makes sense. The person I've been mentoring wrote a short note on what they do "
        "differently now — I've added it to the entry."
    ),
    (
        "I did ask the other team early, but they didn't have capacity to review. Should I have "
        "escalated, or is there a better way to handle that?"
    ),
    (
        "Thank you, this is encouraging. I'll keep my PRs small and start reviewing my teammates' "
        "work more."
    ),
    (
        "Updated the entry to explain what I cut and why. Is that the kind of reasoning you were "
        "looking for?"
    ),
    (
        "Honestly, I worried this was too small to log, so it's good to hear it counts. I'll keep "
        "noting these down."
    ),
    (
        "I see the point about making it visible. I'll present it at the next architecture review "
        "and ask for feedback there."
    ),
    (
        "I'm a bit stuck on how to find a cross-team problem that isn't already owned. Any "
        "suggestions on where to look?"
    ),
    (
        "That's fair — I wrote this right after shipping. I'll rewrite it around the decisions I "
        "made rather than the task list."
    ),
    (
        "I've shared the doc with two other teams since and folded in their comments; the updated "
        "version is linked in the entry."
    ),
)

FOLLOW_UPS: tuple[str, ...] = (
    "That addresses it — resolving.",
    "That's exactly what I was after. Resolving this one.",
    (
        "Good question. Your manager will know which teams are feeling this most; start there and "
        "ask for an introduction."
    ),
    (
        "There's a decision record template in the engineering handbook that works well. Start "
        "with that and adapt it as you go."
    ),
    "Next month is fine. Set a reminder and we'll look at the numbers together.",
    "Fair pushback, and I'm glad it's in the entry now — it reads much more clearly.",
    (
        "Let's talk it through at our next one-on-one. Bring one or two candidate problems and "
        "we'll pick together."
    ),
    "One of the staff engineers has done almost exactly this before; I'll introduce you.",
    "Almost there. One sentence on who's using it now and I think this is solid evidence.",
    (
        "Raising it early was the right instinct. Next time, go to their lead with a specific ask "
        "and a date — that's much easier to say yes to."
    ),
    (
        "Not too small at all. Small things done consistently are exactly what I look for at this "
        "stage."
    ),
    (
        "Sensible plan. Send me the draft proposal when it's ready and I'll read it before it goes "
        "wider."
    ),
    "Looks good. Share the updated version in the team channel too; others will find it useful.",
    (
        "The reasoning is there now. If you want a second opinion, the architecture review group "
        "would be a good audience."
    ),
    "Thanks for coming back to this — the follow-through is good evidence in itself. Resolving.",
)
