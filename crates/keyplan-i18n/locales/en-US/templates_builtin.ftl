# The built-in plan templates (keyplan-domain, builtin.rs): name, description and
# per section a title and guidance. Ids: tpl-<template key>-name, -description,
# tpl-<template key>-<section key>-title and -guidance.
#
# These English texts must equal builtin.rs exactly: a unit test in
# template_i18n.rs checks it. A company's copy shows the German text only while
# it still reads exactly like the English built-in text.

## One-page constraint plan
tpl-one_page_constraint-name = One-page constraint plan
tpl-one_page_constraint-description = An operational one-page plan that works back from one account sales goal to the few commitments that remove what blocks it. Use it when the team needs a working plan it can build in a single day and track every week.
tpl-one_page_constraint-constraint-tree-title = From goal to commitments
tpl-one_page_constraint-constraint-tree-guidance = Write one sales goal for the account, then the two or three critical success factors it depends on, the conditions each factor needs, and the obstacles that stop those conditions from holding today. Close every obstacle with the commitments that remove it, each with a single owner. A good tree fits on the page and every branch ends in a commitment; a tree that records everything we know about the customer has turned back into a data dump.
tpl-one_page_constraint-commitments-title = Commitments and owners
tpl-one_page_constraint-commitments-guidance = List the commitments from the tree in the order they have to happen, each with its owner, a due date and a result anyone can check. Staying close to the buyer is not a commitment; agreeing next year's frame contract with purchasing by the end of June is. If the list grows past a dozen, go back to the tree and ask which obstacles really stand in the way of the goal.

## Strategic key account plan
tpl-strategic-name = Strategic key account plan
tpl-strategic-description = A three-to-four-page plan that tells the account's story from analysis to goals to actions. Use it for the few accounts with the most growth potential, as the basis of the yearly team workshop, management reviews and budget talks.
tpl-strategic-customer-profile-title = Customer profile and key figures
tpl-strategic-customer-profile-guidance = Capture the handful of facts that shape our business with this customer: size and direction of their business, what they spend in our categories, our revenue and share of that spend. Give each item its source and date, and end with what these figures mean for us. Resist pasting in the annual report; keep only what changes a decision.
tpl-strategic-customer-objectives-title = Customer's top objectives and projects
tpl-strategic-customer-objectives-guidance = Name the objectives and projects the customer's management is really pushing this year and next, in their words rather than ours. Good items say why the project matters to them and where we could play a part. A common mistake is to list our own sales opportunities and call them the customer's priorities.
tpl-strategic-buying-centre-title = Buying centre and relationships
tpl-strategic-buying-centre-guidance = Describe who decides, who uses, who specifies and who influences the buying of what we sell, and how each of them sees us. Note which member of our team owns each relationship and where a relationship is missing. Do not stop at the purchasing contact: the gaps higher up and in the user departments are usually the point.
tpl-strategic-market-competitors-title = Market and competitor environment
tpl-strategic-market-competitors-guidance = Record the market trends that affect the customer and the competitors who are active in the account, with their share and their likely next move. Each item should say what it means for our position. Leave out general market commentary that would read the same for every account.
tpl-strategic-own-position-title = Our position with the account
tpl-strategic-own-position-guidance = State honestly where we stand: what we deliver today, how satisfied the customer is, where we are preferred and where we are only tolerated. Use evidence such as complaints, audit results and lost tenders rather than impressions. Avoid writing the sales brochure; the team needs the weak spots as much as the strengths.
tpl-strategic-whitespace-title = Where we could grow
tpl-strategic-whitespace-guidance = Map our offerings against the customer's business units and mark what is sold, in progress, an opportunity or not relevant. Summarise the two or three largest gaps worth going after and roughly what they are worth. An empty matrix cell is not an opportunity until someone at the customer has a need it would meet.
tpl-strategic-swot-title = SWOT
tpl-strategic-swot-guidance = Pull the analysis together into our strengths and weaknesses with this customer and the opportunities and threats around it. Every entry should trace back to something in the sections above. A SWOT full of generic company strengths that would fit any account tells the team nothing new.
tpl-strategic-opportunities-risks-title = Opportunities and risks
tpl-strategic-opportunities-risks-guidance = Turn the SWOT into the concrete opportunities we want to pursue and the risks we must guard against, each with a rough size and how likely it is. Link each one to the SWOT entry it comes from. Keep the list short enough that the goals below can actually answer it.
tpl-strategic-vision-title = Vision
tpl-strategic-vision-guidance = In two or three sentences, say where the relationship with this customer should be in three to five years and what role we want to play for them. It should be ambitious but believable to the customer if they read it. Avoid slogans that could be copied into any other plan.
tpl-strategic-top-goals-title = Top 3 goals and strategies
tpl-strategic-top-goals-guidance = Set no more than three goals for the plan period, each with a metric, a baseline, a target and a date, plus one line on how we will get there. Each goal should follow from an opportunity or risk above, and ideally state what the customer gains as well as what we gain. Last year plus ten percent is a forecast, not a goal.
tpl-strategic-value-proposition-title = Unique value proposition
tpl-strategic-value-proposition-guidance = Explain why this customer should choose and keep choosing us, in terms of results that matter to their objectives: cost, time, risk or growth. Name the evidence behind each claim. Write it so it could be shown to the customer; a list of our product features is not a value proposition.
tpl-strategic-action-plan-title = Action plan
tpl-strategic-action-plan-guidance = List the actions that deliver the goals, each with an owner, a due date and a measurable result, and link each to the goal it serves. Agree them with the owners before the plan is approved. Vague intentions such as more visits or closer contact do not belong here.
tpl-strategic-financial-planning-title = Financial planning
tpl-strategic-financial-planning-guidance = Enter the figures as a scorecard: revenue, margin, share of wallet and any other numbers management will judge the account by, each with a baseline, a target and the actuals as they come in. These figures feed the budget and target discussions, so they must match the goals above. Avoid adding figures nobody will update during the year.
tpl-strategic-history-title = History of change
tpl-strategic-history-guidance = Note briefly what changed in the plan at each review and why: goals reached or dropped, new contacts, lost business. This lets a new team member or a manager see how the account developed without reading old versions. Record decisions and their reasons, not a diary of meetings.

## Nine-section plan
tpl-nine_section-name = Nine-section plan
tpl-nine_section-description = A fuller plan in nine parts, from the account overview through value chain and buying centre to objectives, commitments and a KPI scorecard. Use it where plans are updated at a fixed interval and their quality is reviewed by the business-area manager.
tpl-nine_section-overview-title = Account overview
tpl-nine_section-overview-guidance = Summarise who the customer is, their strategy and objectives, and what our business with them looks like today. A reader from another department should understand in one minute why this account matters. Keep detailed figures for the scorecard instead of repeating them here.
tpl-nine_section-requirements-title = Requirements and value chain
tpl-nine_section-requirements-guidance = Walk through the customer's value chain and note where our products and services enter it and what the customer needs at each of those steps. Good items name a real requirement and the cost or risk it carries for the customer. Avoid describing their process in general without saying where we make a difference.
tpl-nine_section-organisation-title = Organisation and buying centre
tpl-nine_section-organisation-guidance = Describe the customer's organisation as far as it touches our business and, for each buying decision, who decides, specifies, uses and influences it. Mark each person's attitude towards us and who on our team covers them. A map that shows only the people we already know well hides the real risk.
tpl-nine_section-mapping-title = Mapping our offerings
tpl-nine_section-mapping-guidance = Set our offerings against the customer's sites or business units and show where we sell, where work is under way and where there is room to grow. Conclude with the cells the team will focus on this period. Do not mark a cell as an opportunity just because it is empty.
tpl-nine_section-sales-objectives-title = Account-specific sales objectives
tpl-nine_section-sales-objectives-guidance = Set the sales objectives for this account for the period, each measurable with a baseline, a target and a date. They should follow from the requirements and the mapping above and feed the sales budget. Objectives copied from the company-wide target without looking at the account are the usual trap.
tpl-nine_section-strategy-actions-title = Strategy and action planning
tpl-nine_section-strategy-actions-guidance = Say how each objective will be reached and list the actions, with owner, due date and expected result. Link actions to the buying-centre members they are meant to move. An action without an owner or a date is a wish and should not be listed.
tpl-nine_section-added-value-title = Added-value offering
tpl-nine_section-added-value-guidance = Describe the services, solutions or know-how we offer beyond the product itself and where each one stands with this customer. Say what the customer gains in their own terms and how we will prove it. Avoid promising extras that no one in our company has agreed to deliver.
tpl-nine_section-commitments-title = Account commitments
tpl-nine_section-commitments-guidance = Record the commitments other departments make to this account, each tied to the obstacle or objective it serves and with an owner who has accepted it. Only accepted commitments count as part of the plan. Do not write down a colleague's task until they have agreed to it.
tpl-nine_section-kpi-scorecard-title = KPI scorecard
tpl-nine_section-kpi-scorecard-guidance = Choose the few indicators that show whether the plan is working, such as revenue, share of wallet or delivery performance, and give each a baseline, a target and regular actuals. The scorecard is what the plan is reviewed against, so keep it current. Tracking more indicators than anyone will discuss dilutes the ones that matter.

## Master action plan
tpl-master_action-name = Master action plan
tpl-master_action-description = A twelve-month plan of attack with objectives for the account and for each contact and clear accountability for every action. Use it only for the accounts with the greatest growth potential, not simply the largest ones.
tpl-master_action-account-objectives-title = 12-month objectives for the account
tpl-master_action-account-objectives-guidance = Set a few objectives for the account for the next twelve months, each measurable with a target and a date. Aim them at growth we can realistically win, not at business we already have. Choose objectives the whole support team can understand and work towards.
tpl-master_action-contact-objectives-title = Objectives per contact
tpl-master_action-contact-objectives-guidance = For each important contact at the customer, say who on our side calls on them and what we want to achieve with that person this year. Good objectives describe a change in what the contact knows, believes or does. Avoid entries such as keeping in touch, which no one can check.
tpl-master_action-who-how-when-title = Who, how, when, why and what for
tpl-master_action-who-how-when-guidance = List the actions behind each objective: who does what with whom, how and by when, why it is needed and what result it should bring. Every action needs one owner and a result someone can verify. Routine monthly visits or a pledge to undercut every rival on price are not actions.
tpl-master_action-value-discipline-title = Value discipline
tpl-master_action-value-discipline-guidance = Name the value discipline our company competes on, whether operational excellence, product leadership or customer intimacy, and show how it shapes what we offer this account. The proposition should be one the customer would recognise and pay for. Claiming all three disciplines at once usually means none is real.
tpl-master_action-support-team-title = Support-team commitments
tpl-master_action-support-team-guidance = Record what colleagues outside sales, such as service, logistics, engineering or management, commit to doing for this account, linked to the obstacle it removes. A commitment counts only once its owner has accepted it. Check that each owner has the time and resources before relying on the commitment.
tpl-master_action-risks-title = Risks to the plan
tpl-master_action-risks-guidance = Note the few things that could stop the plan working, such as a key contact leaving, a competitor's move or a capacity limit on our side, with how likely each is and what we will do about it. Keep to risks the team can act on. A long list of general business risks adds length without adding focus.
