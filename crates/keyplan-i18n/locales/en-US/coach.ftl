# The plan coach: findings and fix hints, rule and severity names for the
# settings page, the excellence ladder. Ids start with coach-.

## Building blocks of findings
coach-list-2 = { $a } and { $b }
coach-list-3 = { $a }, { $b } and { $c }
coach-list-4 = { $a }, { $b }, { $c } and { $d }
coach-decimal = { $tenth ->
    [0] { $whole }
   *[other] { $whole }.{ $tenth }
}
coach-field-metric = the metric
coach-field-baseline = the baseline
coach-field-target = the target
coach-field-target-date = the target date
coach-field-owner = an owner
coach-field-due-date = a due date
coach-field-done-criterion = a done criterion

## Goals
coach-goal-not-measurable = Goal “{ $title }” is not measurable: { $missing } { $count ->
    [one] is
   *[other] are
} missing.
coach-goal-not-measurable-hint = Give every goal a metric, a baseline (0 counts), a target and the date it is to be reached, such as “Revenue 1.8m → 2.4m EUR by 31 Dec 2027”. Without them, nobody can tell at the review whether the plan worked.
coach-goal-without-evidence = Goal “{ $title }” is not backed by the analysis.
coach-goal-without-evidence-hint = Link the goal to the analysis item, SWOT entry, risk or “so what?” it follows from. If nothing in the analysis leads to it, either the analysis has a gap or the goal does not belong in this plan.
coach-goal-last-year-plus = Goal “{ $title }” reads like last year plus a few percent, with no analysis behind it.
coach-goal-last-year-plus-hint = That is a forecast, not a goal. Work out what the customer's business and our share of it could really be, set the target from that, and link the goal to the evidence.
coach-no-customer-goal = No goal says what the customer gains from this plan.
coach-no-customer-goal-hint = Set at least one goal for the customer's benefit (for the customer, or for both), in their terms: lower cost, less downtime, faster launches.
coach-too-many-goals = The plan has { $count } goals; a plan of this kind should have at most { $max }.
coach-too-many-goals-hint = Keep the { $max ->
    [one] one goal
   *[other] { $max } goals
} that move the account most. Turn the others into success factors, or leave them out of this plan.
coach-goal-without-commitment = Nobody has committed to anything for goal “{ $title }”.
coach-goal-without-commitment-hint = Add the commitments that deliver it, each with an owner, a due date and a result anyone can check. A goal without commitments is a wish.

## The constraint tree
coach-tree-goal-without-factor = Goal “{ $title }” has no critical success factor.
coach-tree-goal-without-factor-hint = Name the two or three factors this goal depends on most.
coach-tree-factor-without-condition = Critical success factor “{ $title }” has no necessary condition.
coach-tree-factor-without-condition-hint = Write down what must hold for this factor to be secured.
coach-tree-condition-without-obstacle = Necessary condition “{ $title }” has no obstacle.
coach-tree-condition-without-obstacle-hint = Say what stops this condition from holding today. If nothing does, the plan needs no work here: remove the condition.
coach-obstacle-without-commitment = Obstacle “{ $title }” has no accepted commitment.
coach-obstacle-without-commitment-hint = Agree a commitment that removes it with the person who will deliver it, and have them accept it. Until then the obstacle stays in the way.

## Commitments
coach-commitment-incomplete = Commitment “{ $title }” lacks { $missing }.
coach-commitment-incomplete-hint = Every commitment needs one owner, a due date and a done criterion anyone can check, such as “frame contract for 2028 signed by purchasing”.
coach-commitment-proposed = Commitment “{ $title }” has not been accepted by its owner yet.
coach-commitment-proposed-hint = Ask the owner to accept it. Until they do, it is not part of the plan.
coach-commitment-declined = Commitment “{ $title }” was declined by its owner.
coach-commitment-declined-hint = Read the reason, then agree the commitment with someone else, change it, or remove it.
coach-commitment-date-proposed = The owner of commitment “{ $title }” has proposed a new due date: { $date }.
coach-commitment-date-proposed-hint = Accept the new date or agree another one with the owner, so that the commitment counts again.
coach-commitment-vague = Commitment “{ $title }” is vague: “{ $phrase }” is not an action.
coach-commitment-vague-hint = Say exactly what will be done, by whom, by when, and which result shows it is done: not “visit monthly”, but “agree the trial scope with the plant manager by 15 March”.
coach-commitment-overdue = Commitment “{ $title }” was due on { $date } and is not done.
coach-commitment-overdue-hint = Mark it done if it is, or agree a new date with the owner, and check what the delay means for the obstacle it should remove.
coach-actions-bunched-early = { $early } of the { $count } commitments are due before { $date }, in the first third of the plan period.
coach-actions-bunched-late = None of the { $count } commitments is due on or after { $date }, the middle of the plan period.
coach-actions-bunched-hint = A plan covers its whole period. Plan the later steps now too, so that the second half is more than waiting for results.

## Analysis, length and rhythm
coach-section-without-so-what = Section “{ $section }” has content but no “so what?”.
coach-section-without-so-what-hint = Write the conclusion: what follows from this for our plan? Analysis without a consequence is a data dump.
coach-over-length-plan = The plan is about { $pages } pages long, over its template's page budget of { $budget }.
coach-over-length-plan-hint = Cut it back to the vital few: keep what the team would miss if it were gone, and leave background data out of the plan.
coach-over-length-section-words = Section “{ $section }” has { $used } words; its budget is { $limit }.
coach-over-length-section-items = Section “{ $section }” has { $used } entries; its budget is { $limit }.
coach-over-length-section-hint = Keep what changes a decision, merge entries that say the same, and drop the rest.
coach-review-overdue = The plan's review was due on { $date } and has not been held.
coach-review-overdue-hint = Hold the review with the team, or set a new date now. A plan nobody reviews is dead within two quarters.

## People and value
coach-decision-maker-unmapped = The buying centre in “{ $section }” shows no decision maker or economic buyer.
coach-decision-maker-unmapped-hint = Find out who decides and who releases the budget, and add them as contacts with their role, even if we do not know them yet.
coach-contact-without-owner = Nobody on our side owns the relationship with { $name }.
coach-contact-without-owner-hint = Name the colleague who calls on { $name }. Decision makers and people of high influence need someone who knows them.
coach-contact-without-objective = There is no objective for { $name }.
coach-contact-without-objective-hint = Say what we want to achieve with { $name } this year: what they should know, believe or do differently.
coach-value-proposition-empty = The value proposition in “{ $section }” is empty.
coach-value-proposition-empty-hint = Write why this customer should choose us and stay with us, in results that matter to them, and tie it to our company's value discipline.
coach-value-proposition-no-discipline = The value proposition in “{ $section }” has no anchor: your company has not chosen its value discipline.
coach-value-proposition-no-discipline-hint = Ask an administrator to choose the value discipline (operational excellence, product leadership or customer intimacy), then check that the proposition follows from it.
coach-value-proposition-both-hint = Write why this customer should choose us, and ask an administrator to choose the company's value discipline so that the proposition can follow from it.

## Rules and severities (settings page)
coach-rule-goal-not-measurable = Goal without a measurable target
coach-rule-goal-without-evidence = Goal not linked to the analysis
coach-rule-goal-last-year-plus = “Last year plus x %” goal without analysis
coach-rule-no-customer-goal = No goal for the customer's benefit
coach-rule-too-many-goals = Too many goals
coach-rule-goal-without-commitment = Goal without commitment
coach-rule-tree-incomplete = Constraint tree not thought through
coach-rule-obstacle-without-commitment = Obstacle without accepted commitment
coach-rule-commitment-incomplete = Commitment without owner, due date or done criterion
coach-rule-commitment-unaccepted = Commitment not accepted
coach-rule-commitment-vague = Vague wording in a commitment
coach-rule-commitment-overdue = Overdue commitment
coach-rule-actions-bunched = Commitments bunched early in the period
coach-rule-section-without-so-what = Section without “so what?”
coach-rule-over-length-budget = Over the length budget
coach-rule-review-overdue = Review overdue
coach-rule-decision-maker-unmapped = Decision maker not mapped
coach-rule-contact-without-owner = Key contact without relationship owner
coach-rule-contact-without-objective = Key contact without objective
coach-rule-value-proposition-unanchored = Value proposition not tied to the value discipline
coach-severity-blocker = Blocker
coach-severity-warning = Warning
coach-severity-hint = Hint
coach-err-unknown-rule = is not a rule of the coach
coach-err-severity = must be blocker, warning or hint

## The excellence ladder
coach-level-1 = Prepared by the KAM alone
coach-level-2 = The team contributed
coach-level-3 = Regularly reflected on by the team
coach-level-4 = Parts shown to the customer to gain insight
coach-level-5 = Developed and implemented together with the customer
coach-ladder-missing-team = Content written, or a commitment accepted, by a team member other than the KAM.
coach-ladder-missing-team-review-window = A team review held within the review cadence ({ $months ->
    [one] the last month
   *[other] the last { $months } months
}).
coach-ladder-missing-team-reviews = At least two team reviews held since { $since } ({ $count ->
    [0] none so far
    [one] one so far
   *[other] { $count } so far
}).
coach-ladder-missing-customer-insight = A customer opening a share link, or a customer joint review, within 12 months (neither since { $since }).
coach-ladder-missing-customer-joint = A joint commitment accepted by the customer, or a customer joint review with recorded decisions.
coach-ladder-missing-customer-overdue = No overdue commitment that the customer accepted (at least one is overdue now).

## The command line (`keyplan coach`)
coach-cli-summary = Score { $score } of 100 · level { $level } of 5: { $title }
coach-cli-no-findings = No findings: the coach has nothing to add.
coach-cli-next = For level { $level } ({ $title }) the plan still needs:
coach-cli-top = The plan stands on the top rung of the ladder.

## The coach on the plan page, the story view and the management briefing
coach-panel-title = Plan coach
coach-panel-sub = What an experienced key-account coach would tell the team, and where the plan stands.
coach-panel-score = Score
coach-panel-score-of = { $score } of 100
coach-panel-score-aria = Coach score { $score } of 100
coach-panel-level = Level { $level } of 5
coach-panel-chip = Level { $level } · score { $score }
coach-panel-chip-title = The plan coach: excellence level and score
coach-panel-next = For level { $level } ({ $title }) the plan still needs:
coach-panel-top = The plan stands on the top rung of the ladder.
coach-panel-trend = Score at held reviews
coach-panel-trend-none = No review has been held with the coach yet. Each held review keeps the score.
coach-panel-trend-aria = Score trend across held reviews
coach-panel-findings = { $count ->
    [one] 1 finding
   *[other] { $count } findings
}
coach-panel-none = No findings: the coach has nothing to add.
coach-panel-blockers = Blockers
coach-panel-warnings = Warnings
coach-panel-hints = Hints
coach-panel-fix = How to fix:
coach-panel-rule = Rule
coach-panel-mark = { $severity }: { $message }
coach-panel-open = Open the coach on the plan page
coach-panel-no-blockers = No blockers: nothing stops the plan from working as written.
coach-panel-brief-title = Plan quality
coach-panel-blocker-count = { $count ->
    [one] 1 blocker
   *[other] { $count } blockers
}
coach-panel-more = { $count ->
    [one] 1 more finding
   *[other] { $count } more findings
}
