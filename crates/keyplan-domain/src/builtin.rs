//! The built-in plan templates (PRODUCT.md C2): four starting points a company
//! copies and edits into its own format. They are not meant to be used as they
//! are forever (seed 001: the company owns the format).
//!
//! Section keys are stable: a plan files its content under them, so renaming a
//! key here would orphan the content of existing plans. Titles and guidance may
//! change freely.

use crate::template::{Budget, FORMAT, FORMAT_VERSION, Section, SectionKind, TemplateDoc};

/// The four built-in templates, in the order they are offered.
pub fn builtin_templates() -> Vec<TemplateDoc> {
    vec![one_page_constraint(), strategic(), nine_section(), master_action()]
}

/// A section whose budget is counted in the unit natural for its kind (words for
/// text, items for lists).
fn section(key: &str, title: &str, kind: SectionKind, limit: u32, guidance: &str) -> Section {
    Section {
        key: key.into(),
        title: title.into(),
        kind,
        guidance: guidance.into(),
        budget: Some(Budget { unit: kind.default_unit(), limit }),
    }
}

fn template(key: &str, name: &str, description: &str, budget_pages: f64, sections: Vec<Section>) -> TemplateDoc {
    TemplateDoc {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        key: key.into(),
        name: name.into(),
        description: description.into(),
        budget_pages,
        sections,
    }
}

/// Seed 000: one page, built around what blocks the account goal.
fn one_page_constraint() -> TemplateDoc {
    use SectionKind::*;
    template(
        "one_page_constraint",
        "One-page constraint plan",
        "An operational one-page plan that works back from one account sales goal to the few commitments that remove what blocks it. \
         Use it when the team needs a working plan it can build in a single day and track every week.",
        1.0,
        vec![
            section(
                "constraint-tree",
                "From goal to commitments",
                ConstraintTree,
                32,
                "Write one sales goal for the account, then the two or three critical success factors it depends on, the conditions each \
                 factor needs, and the obstacles that stop those conditions from holding today. Close every obstacle with the commitments \
                 that remove it, each with a single owner. A good tree fits on the page and every branch ends in a commitment; a tree that \
                 records everything we know about the customer has turned back into a data dump.",
            ),
            section(
                "commitments",
                "Commitments and owners",
                ActionPlan,
                12,
                "List the commitments from the tree in the order they have to happen, each with its owner, a due date and a result anyone \
                 can check. Staying close to the buyer is not a commitment; agreeing next year's frame contract with purchasing by the end \
                 of June is. If the list grows past a dozen, go back to the tree and ask which obstacles really stand in the way of the goal.",
            ),
        ],
    )
}

/// Seed 004 (sections as in PRODUCT.md C2): analysis, strategy and communication
/// in three to four pages.
fn strategic() -> TemplateDoc {
    use SectionKind::*;
    template(
        "strategic",
        "Strategic key account plan",
        "A three-to-four-page plan that tells the account's story from analysis to goals to actions. Use it for the few accounts with \
         the most growth potential, as the basis of the yearly team workshop, management reviews and budget talks.",
        4.0,
        vec![
            section(
                "customer-profile",
                "Customer profile and key figures",
                Analysis,
                8,
                "Capture the handful of facts that shape our business with this customer: size and direction of their business, what they \
                 spend in our categories, our revenue and share of that spend. Give each item its source and date, and end with what these \
                 figures mean for us. Resist pasting in the annual report; keep only what changes a decision.",
            ),
            section(
                "customer-objectives",
                "Customer's top objectives and projects",
                Analysis,
                6,
                "Name the objectives and projects the customer's management is really pushing this year and next, in their words rather \
                 than ours. Good items say why the project matters to them and where we could play a part. A common mistake is to list our \
                 own sales opportunities and call them the customer's priorities.",
            ),
            section(
                "buying-centre",
                "Buying centre and relationships",
                StakeholderMap,
                150,
                "Describe who decides, who uses, who specifies and who influences the buying of what we sell, and how each of them sees \
                 us. Note which member of our team owns each relationship and where a relationship is missing. Do not stop at the \
                 purchasing contact: the gaps higher up and in the user departments are usually the point.",
            ),
            section(
                "market-competitors",
                "Market and competitor environment",
                Analysis,
                8,
                "Record the market trends that affect the customer and the competitors who are active in the account, with their share and \
                 their likely next move. Each item should say what it means for our position. Leave out general market commentary that \
                 would read the same for every account.",
            ),
            section(
                "own-position",
                "Our position with the account",
                Analysis,
                6,
                "State honestly where we stand: what we deliver today, how satisfied the customer is, where we are preferred and where we \
                 are only tolerated. Use evidence such as complaints, audit results and lost tenders rather than impressions. Avoid \
                 writing the sales brochure; the team needs the weak spots as much as the strengths.",
            ),
            section(
                "whitespace",
                "Where we could grow",
                Whitespace,
                120,
                "Map our offerings against the customer's business units and mark what is sold, in progress, an opportunity or not \
                 relevant. Summarise the two or three largest gaps worth going after and roughly what they are worth. An empty matrix \
                 cell is not an opportunity until someone at the customer has a need it would meet.",
            ),
            section(
                "swot",
                "SWOT",
                Swot,
                12,
                "Pull the analysis together into our strengths and weaknesses with this customer and the opportunities and threats around \
                 it. Every entry should trace back to something in the sections above. A SWOT full of generic company strengths that would \
                 fit any account tells the team nothing new.",
            ),
            section(
                "opportunities-risks",
                "Opportunities and risks",
                Risks,
                8,
                "Turn the SWOT into the concrete opportunities we want to pursue and the risks we must guard against, each with a rough \
                 size and how likely it is. Link each one to the SWOT entry it comes from. Keep the list short enough that the goals below \
                 can actually answer it.",
            ),
            section(
                "vision",
                "Vision",
                FreeText,
                80,
                "In two or three sentences, say where the relationship with this customer should be in three to five years and what role \
                 we want to play for them. It should be ambitious but believable to the customer if they read it. Avoid slogans that \
                 could be copied into any other plan.",
            ),
            section(
                "top-goals",
                "Top 3 goals and strategies",
                Goals,
                3,
                "Set no more than three goals for the plan period, each with a metric, a baseline, a target and a date, plus one line on \
                 how we will get there. Each goal should follow from an opportunity or risk above, and ideally state what the customer \
                 gains as well as what we gain. Last year plus ten percent is a forecast, not a goal.",
            ),
            section(
                "value-proposition",
                "Unique value proposition",
                ValueProposition,
                150,
                "Explain why this customer should choose and keep choosing us, in terms of results that matter to their objectives: cost, \
                 time, risk or growth. Name the evidence behind each claim. Write it so it could be shown to the customer; a list of our \
                 product features is not a value proposition.",
            ),
            section(
                "action-plan",
                "Action plan",
                ActionPlan,
                12,
                "List the actions that deliver the goals, each with an owner, a due date and a measurable result, and link each to the \
                 goal it serves. Agree them with the owners before the plan is approved. Vague intentions such as more visits or closer \
                 contact do not belong here.",
            ),
            section(
                "financial-planning",
                "Financial planning",
                KpiScorecard,
                8,
                "Enter the figures as a scorecard: revenue, margin, share of wallet and any other numbers management will judge the \
                 account by, each with a baseline, a target and the actuals as they come in. These figures feed the budget and target \
                 discussions, so they must match the goals above. Avoid adding figures nobody will update during the year.",
            ),
            section(
                "history",
                "History of change",
                FreeText,
                100,
                "Note briefly what changed in the plan at each review and why: goals reached or dropped, new contacts, lost business. This \
                 lets a new team member or a manager see how the account developed without reading old versions. Record decisions and \
                 their reasons, not a diary of meetings.",
            ),
        ],
    )
}

/// Seed 002: a company-specific nine-part plan, updated at a fixed interval.
fn nine_section() -> TemplateDoc {
    use SectionKind::*;
    template(
        "nine_section",
        "Nine-section plan",
        "A fuller plan in nine parts, from the account overview through value chain and buying centre to objectives, commitments and a \
         KPI scorecard. Use it where plans are updated at a fixed interval and their quality is reviewed by the business-area manager.",
        5.0,
        vec![
            section(
                "overview",
                "Account overview",
                FreeText,
                200,
                "Summarise who the customer is, their strategy and objectives, and what our business with them looks like today. A reader \
                 from another department should understand in one minute why this account matters. Keep detailed figures for the \
                 scorecard instead of repeating them here.",
            ),
            section(
                "requirements",
                "Requirements and value chain",
                Analysis,
                8,
                "Walk through the customer's value chain and note where our products and services enter it and what the customer needs \
                 at each of those steps. Good items name a real requirement and the cost or risk it carries for the customer. Avoid \
                 describing their process in general without saying where we make a difference.",
            ),
            section(
                "organisation",
                "Organisation and buying centre",
                StakeholderMap,
                200,
                "Describe the customer's organisation as far as it touches our business and, for each buying decision, who decides, \
                 specifies, uses and influences it. Mark each person's attitude towards us and who on our team covers them. A map that \
                 shows only the people we already know well hides the real risk.",
            ),
            section(
                "mapping",
                "Mapping our offerings",
                Whitespace,
                150,
                "Set our offerings against the customer's sites or business units and show where we sell, where work is under way and \
                 where there is room to grow. Conclude with the cells the team will focus on this period. Do not mark a cell as an \
                 opportunity just because it is empty.",
            ),
            section(
                "sales-objectives",
                "Account-specific sales objectives",
                Goals,
                5,
                "Set the sales objectives for this account for the period, each measurable with a baseline, a target and a date. They \
                 should follow from the requirements and the mapping above and feed the sales budget. Objectives copied from the \
                 company-wide target without looking at the account are the usual trap.",
            ),
            section(
                "strategy-actions",
                "Strategy and action planning",
                ActionPlan,
                12,
                "Say how each objective will be reached and list the actions, with owner, due date and expected result. Link actions to \
                 the buying-centre members they are meant to move. An action without an owner or a date is a wish and should not be \
                 listed.",
            ),
            section(
                "added-value",
                "Added-value offering",
                ValueProposition,
                150,
                "Describe the services, solutions or know-how we offer beyond the product itself and where each one stands with this \
                 customer. Say what the customer gains in their own terms and how we will prove it. Avoid promising extras that no one in \
                 our company has agreed to deliver.",
            ),
            section(
                "commitments",
                "Account commitments",
                ConstraintTree,
                15,
                "Record the commitments other departments make to this account, each tied to the obstacle or objective it serves and with \
                 an owner who has accepted it. Only accepted commitments count as part of the plan. Do not write down a colleague's task \
                 until they have agreed to it.",
            ),
            section(
                "kpi-scorecard",
                "KPI scorecard",
                KpiScorecard,
                8,
                "Choose the few indicators that show whether the plan is working, such as revenue, share of wallet or delivery \
                 performance, and give each a baseline, a target and regular actuals. The scorecard is what the plan is reviewed against, \
                 so keep it current. Tracking more indicators than anyone will discuss dilutes the ones that matter.",
            ),
        ],
    )
}

/// Seed 003: the twelve-month plan of attack for a high-growth account.
fn master_action() -> TemplateDoc {
    use SectionKind::*;
    template(
        "master_action",
        "Master action plan",
        "A twelve-month plan of attack with objectives for the account and for each contact and clear accountability for every action. \
         Use it only for the accounts with the greatest growth potential, not simply the largest ones.",
        2.0,
        vec![
            section(
                "account-objectives",
                "12-month objectives for the account",
                Goals,
                4,
                "Set a few objectives for the account for the next twelve months, each measurable with a target and a date. Aim them at \
                 growth we can realistically win, not at business we already have. Choose objectives the whole support team can \
                 understand and work towards.",
            ),
            section(
                "contact-objectives",
                "Objectives per contact",
                StakeholderMap,
                200,
                "For each important contact at the customer, say who on our side calls on them and what we want to achieve with that \
                 person this year. Good objectives describe a change in what the contact knows, believes or does. Avoid entries such as \
                 keeping in touch, which no one can check.",
            ),
            section(
                "who-how-when",
                "Who, how, when, why and what for",
                ActionPlan,
                12,
                "List the actions behind each objective: who does what with whom, how and by when, why it is needed and what result it \
                 should bring. Every action needs one owner and a result someone can verify. Routine monthly visits or a pledge to \
                 undercut every rival on price are not actions.",
            ),
            section(
                "value-discipline",
                "Value discipline",
                ValueProposition,
                120,
                "Name the value discipline our company competes on, whether operational excellence, product leadership or customer \
                 intimacy, and show how it shapes what we offer this account. The proposition should be one the customer would \
                 recognise and pay for. Claiming all three disciplines at once usually means none is real.",
            ),
            section(
                "support-team",
                "Support-team commitments",
                ConstraintTree,
                12,
                "Record what colleagues outside sales, such as service, logistics, engineering or management, commit to doing for this \
                 account, linked to the obstacle it removes. A commitment counts only once its owner has accepted it. Check that each \
                 owner has the time and resources before relying on the commitment.",
            ),
            section(
                "risks",
                "Risks to the plan",
                Risks,
                5,
                "Note the few things that could stop the plan working, such as a key contact leaving, a competitor's move or a capacity \
                 limit on our side, with how likely each is and what we will do about it. Keep to risks the team can act on. A long \
                 list of general business risks adds length without adding focus.",
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_validates() {
        for doc in builtin_templates() {
            if let Err(errors) = doc.validate() {
                panic!("{} does not validate: {errors:?}", doc.key);
            }
        }
    }

    #[test]
    fn the_builtins_come_in_a_fixed_order() {
        let keys: Vec<String> = builtin_templates().into_iter().map(|d| d.key).collect();
        assert_eq!(keys, ["one_page_constraint", "strategic", "nine_section", "master_action"]);
    }

    #[test]
    fn every_section_has_guidance_and_a_budget() {
        for doc in builtin_templates() {
            assert!(!doc.description.trim().is_empty(), "{} has no description", doc.key);
            for s in &doc.sections {
                assert!(s.guidance.trim().chars().count() >= 60, "{}/{}: guidance too short", doc.key, s.key);
                let budget = s.budget.unwrap_or_else(|| panic!("{}/{}: no budget", doc.key, s.key));
                assert_eq!(budget.unit, s.kind.default_unit(), "{}/{}", doc.key, s.key);
            }
        }
    }

    #[test]
    fn the_strategic_plan_uses_the_analysis_and_strategy_kinds() {
        let doc = builtin_templates().into_iter().find(|d| d.key == "strategic").unwrap();
        use SectionKind::*;
        for kind in [Analysis, Swot, StakeholderMap, Whitespace, Goals, ActionPlan, ValueProposition, Risks, KpiScorecard, FreeText] {
            assert!(doc.sections.iter().any(|s| s.kind == kind), "strategic has no {} section", kind.as_str());
        }
        assert_eq!(doc.section("top-goals").and_then(|s| s.budget).map(|b| b.limit), Some(3));
    }

    #[test]
    fn the_one_page_plan_has_a_constraint_tree() {
        let doc = builtin_templates().into_iter().find(|d| d.key == "one_page_constraint").unwrap();
        assert_eq!(doc.budget_pages, 1.0);
        assert!(doc.sections.iter().any(|s| s.kind == SectionKind::ConstraintTree));
    }
}
