# The accounts list in pages, and the search fields that replace long pickers.

listing-showing = { $from }–{ $to } of { $total }
listing-previous = Previous
listing-next = Next
listing-page = Page { $page } of { $pages }
listing-pages-label = Pages of the accounts list
listing-sort-by = Sort by { $column }
listing-sorted-asc = sorted ascending
listing-sorted-desc = sorted descending
listing-col-plan-state = Plan state
listing-beyond = This page is past the end of the list.
listing-back-to-first = Back to the first page
listing-err-sort = must be one of: name, potential, share, revenue, plan_state
listing-err-dir = must be asc or desc
listing-err-page = must be a whole number of at least 1
listing-err-per-page = must be a whole number from 1 to { $max }
picker-account-placeholder = Type a name or CRM id
picker-user-placeholder = Type a name or e-mail
picker-suggestions = Suggestions
picker-err-parent-none = Parent account: no account matches “{ $text }”. Type its name or CRM id.
picker-err-parent-many = Parent account: { $count } accounts match “{ $text }”. Type more of the name, or the CRM id.
picker-err-owner-none = Key account manager: nobody matches “{ $text }”. Type a name or e-mail.
picker-err-owner-many = Key account manager: { $count } people match “{ $text }”. Type more of the name, or the e-mail.
picker-err-colleague-none = Colleague: nobody matches “{ $text }”. Type a name or e-mail.
picker-err-colleague-many = Colleague: { $count } people match “{ $text }”. Type more of the name, or the e-mail.
picker-err-contact-owner-none = Who calls on them: nobody matches “{ $text }”. Type a name or e-mail.
picker-err-contact-owner-many = Who calls on them: { $count } people match “{ $text }”. Type more of the name, or the e-mail.
