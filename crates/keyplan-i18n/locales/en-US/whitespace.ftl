# The whitespace matrix (our offerings × the customer's business units) and the
# account's whitespace page.

## The matrix
ws-current = Current business
ws-cells-sold = { $count ->
    [one] { $count } cell sold
   *[other] { $count } cells sold
}
ws-open = Open potential
ws-open-cells = { $count } in progress or opportunity
ws-not-assessed-title = Not yet assessed
ws-cells-empty = { $count ->
    [one] of { $count } cell empty
   *[other] of { $count } cells empty
}
ws-bar-label = Current business { $current }%, open potential { $open }% of the value on the matrix
ws-bar-text = { $current }% of the value on the matrix is sold, { $open }% still open
ws-legend = Legend
ws-legend-sold = Sold
ws-legend-in_progress = In progress
ws-legend-opportunity = Opportunity
ws-legend-not_relevant = Not relevant
ws-legend-empty = Not assessed
ws-offering = Offering
ws-unit-arrow = Business unit →
ws-total = Total
ws-retired = Retired
ws-cell-edit-label = { $cell }: edit
ws-cell-retired-title = { $cell } (retired offering)
ws-assess = Assess
ws-plus-open = +{ $money } open
ws-cell-label = { $offering } × { $unit }: { $status }
ws-cell-empty = empty
ws-status-sold = Sold
ws-status-in_progress = In progress
ws-status-opportunity = Opportunity
ws-status-not_relevant = Not relevant

## The account's whitespace page
ws-page-title = Whitespace · { $account }
ws-breadcrumb = Breadcrumb
ws-title = Whitespace
ws-intro = Our offerings against { $account }’s business units: where we sell, where we are selling, and where we could sell.
ws-manage-offerings = Manage offerings
ws-back = Back to account
ws-not-saved = The cell was not saved: { $problem }
ws-matrix-title = Offerings × business units
ws-no-offerings = No offerings yet
ws-no-offerings-text = The rows of the matrix are your company’s offerings, kept in one list for all accounts.
ws-add-offerings = Add offerings
ws-ask-manager = Ask a manager or an administrator to add them.
ws-no-units = No business units yet
ws-no-units-text = The columns are { $account }’s business units: divisions, plants or product lines that buy separately.
ws-add-first-unit = Add the first one on the right.
ws-list = All { $count } filled cells as a list
ws-cell = Cell
ws-close = Close
ws-status = Status
ws-status-empty-option = — Not assessed (empty)
ws-status-hint = Sold counts as current business; in progress and opportunity as open potential.
ws-value = Value per year ({ $currency })
ws-value-placeholder = e.g. 250000
ws-note = Note
ws-note-placeholder = Who buys, what is running, what would it take?
ws-save-cell = Save cell
ws-cancel = Cancel
ws-clear-hint = To clear the cell, choose “Not assessed”.
ws-last-changed = Last changed { $date }
ws-last-changed-by = Last changed { $date } by { $name }
ws-select-cell = Select a cell
ws-select-cell-text = Record whether we sell there, are selling or could sell, and what it is worth a year.
ws-units = Business units
ws-unit-cells = { $count ->
    [one] { $count } cell
   *[other] { $count } cells
}
ws-move-left = Move left
ws-move-right = Move right
ws-move-left-label = Move { $name } left
ws-move-right-label = Move { $name } right
ws-rename = Rename
ws-rename-label = Rename { $name }
ws-unit-name = Name
ws-delete = Delete
ws-delete-label = Delete { $name }
ws-delete-unit = Delete { $name }? Goals linked to those cells lose the link.
ws-delete-unit-cells = Delete { $name } and its { $count ->
    [one] { $count } cell
   *[other] { $count } cells
}? Goals linked to those cells lose the link.
ws-add-unit = Add a business unit
ws-add-unit-placeholder = e.g. Powertrain, Plant Leipzig
ws-err-which-cell = The form does not say which cell it is for; reload the page and try again.
ws-saved-cell = Saved: { $cell }.
ws-cell-saved = Cell saved.
ws-cell-cleared = Cell cleared.
ws-unit-added = Business unit “{ $name }” added.
ws-unit-saved = Business unit “{ $name }” saved.
ws-unit-moved = “{ $name }” moved.
ws-unit-deleted = Business unit “{ $name }” deleted with its cells.

## Problems with a form
ws-err-name-used = is already used; choose another name
ws-err-unit-exists = is already a business unit of this account
ws-err-retired = is retired; restore it to add cells
ws-err-no-offering = no such offering
ws-err-no-unit = no such business unit
ws-err-other-account = must be a business unit of this account
