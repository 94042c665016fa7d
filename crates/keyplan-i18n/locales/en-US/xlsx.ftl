# The XLSX export of a plan: sheet names, column headers and row labels.
# Shared export words (Goal, Owner, Status, KPI scorecard, audiences, …) are in
# export.ftl; enumeration labels in common.ftl.

## Sheets
xlsx-sheet-overview = Overview
xlsx-sheet-gaps = Open gaps
# A sheet whose name would be empty.
xlsx-sheet-fallback = Sheet
# The printed page footer, right side: &P is the page, &N the number of pages.
xlsx-footer-page = Page &P of &N

## The overview sheet
xlsx-col-plan = Plan
xlsx-title = Title
xlsx-account = Account
xlsx-industry = Industry
xlsx-region = Region
xlsx-account-owner = Account owner
xlsx-template = Template
xlsx-template-version = { $name } (version { $version })
xlsx-period-from = Period from
xlsx-period-to = Period to
xlsx-audience = Audience
xlsx-as-of = As of
xlsx-length = Length
xlsx-our-revenue = Our revenue ({ $currency })
xlsx-total-spend = Customer's total spend ({ $currency })
xlsx-potential = Potential ({ $currency })
xlsx-share-of-wallet = Share of wallet
xlsx-ws-current = Whitespace: current business ({ $currency })
xlsx-ws-open = Whitespace: open potential ({ $currency })
xlsx-goals = Goals
xlsx-factors-secured = Critical success factors secured
xlsx-conditions-met = Necessary conditions met
xlsx-obstacles-overcome = Obstacles overcome
xlsx-obstacles-overcome-share = Obstacles overcome (share)
xlsx-commitments-accepted = Commitments accepted
xlsx-commitments-done = Commitments done
xlsx-commitments-awaiting = Commitments awaiting acceptance
xlsx-commitments-overdue = Commitments overdue
xlsx-commitments-missed = Commitments missed

## Text below a table, and sections with text only
xlsx-col-part = Part
xlsx-text = Text
xlsx-note-totals = Totals
xlsx-col-gap = Open gap in the story

## Column headers
xlsx-col-response = Response
xlsx-col-derived-from = Derived from
xlsx-col-source = Source
xlsx-col-date = Date
xlsx-col-level = Level
xlsx-col-element = Element
xlsx-col-health = Health
xlsx-col-done-when = Done when
xlsx-col-how = How
xlsx-col-for = For
xlsx-col-strategy = Strategy
xlsx-col-based-on = Based on
xlsx-col-implemented-by = Implemented by
xlsx-not-yet-accepted = not yet accepted
xlsx-col-start = Start
xlsx-col-serves-goal = Serves goal
xlsx-col-measure = Measure
xlsx-col-type = Type
xlsx-col-latest-period = Latest period
xlsx-col-judgement = Judgement
xlsx-col-name = Name
xlsx-col-job-title = Title
xlsx-col-business-unit = Business unit
xlsx-col-reports-to = Reports to
xlsx-col-buying-role = Buying role
xlsx-col-influence = Influence
xlsx-col-attitude = Attitude
xlsx-col-our-contact = Our contact
xlsx-col-objective = Objective
xlsx-col-last-contact = Last contact
xlsx-col-offering = Offering
xlsx-col-value = Value ({ $currency })
xlsx-col-note = Note
