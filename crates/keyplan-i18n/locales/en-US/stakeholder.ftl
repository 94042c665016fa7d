# The buying-centre map (an SVG picture on the account and plan pages).

map-empty-title = No contacts yet
map-empty-text = Add the people who decide, pay, specify or can block us to draw the buying centre.
map-team-heading = OUR TEAM · WHO CALLS ON WHOM
map-role-unknown = Role unknown
map-no-owner = No owner yet
map-attitude-unknown-short = Attitude?
map-title-empty = Buying-centre map: no contacts yet
map-title = Buying-centre map of { $count } contacts
map-desc-empty = No contacts have been added to this account yet.
map-desc = Org chart of the customer's contacts by reporting line, each with buying-centre role, influence and attitude, and dashed lines to the colleague who calls on them. { $without } without a relationship owner; { $decision }.
map-desc-unmapped = { $count } decision makers not yet mapped
map-desc-no-decision-maker = no decision maker identified yet
map-calls-on = { $name } calls on { $contact }
map-calls-count = { $count ->
    [one] calls on { $count } contact
   *[other] calls on { $count } contacts
}
map-team-tooltip = { $count ->
    [one] { $name } (our team) calls on { $count } contact
   *[other] { $name } (our team) calls on { $count } contacts
}
map-tooltip-facts = . Role: { $role }. Influence: { $influence }. Attitude: { $attitude }.
map-unknown = unknown
map-influence-of = { $n } of 5
map-called-on-by = Called on by { $name }.
map-nobody-calls = Nobody on our side calls on them yet.
map-tooltip-unmapped = Decision maker not yet mapped.
map-role-technical = Technical
map-role-coach = Coach
map-legend-unknown = Attitude unknown
map-legend-influence = Influence (1–5)
map-legend-no-owner = No relationship owner
map-legend-unmapped = Decision maker not yet mapped
map-legend-reports = Reports to
map-legend-calls = Calls on
