# The customer excerpt and the signed-out share page.

share-header = Account plan · shared with you
share-read-only-until = shared read-only until { $date }
share-foot = This is an excerpt of our plan for working together, shared with you by your account team.
share-gone-header = Account plan
share-gone-title = This link is no longer valid
share-gone-text = The plan excerpt behind this link is no longer shared. Ask your contact for a new link.
share-unknown-title = Link not found
share-unknown-text = Check that you copied the whole link, or ask your contact for a new one.
excerpt-empty = Nothing in this plan is marked as shareable with the customer yet.
excerpt-goal = Goal
excerpt-done = Done
excerpt-with = with { $name }
excerpt-due = due { $date }
excerpt-done-when = done when: { $criterion }
excerpt-how = how: { $how }
excerpt-so-what = So what?
excerpt-kpis = How we measure progress
excerpt-col-indicator = Indicator
excerpt-col-target = Target
excerpt-col-latest = Latest
excerpt-measure-from = from { $value }
excerpt-measure-by = by { $date }
