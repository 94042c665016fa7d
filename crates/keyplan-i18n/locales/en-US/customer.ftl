# The customer at the table: comments and answers through share links (the
# share page), joint commitments and the customer's answers (the team's side).

## Who wrote it: a share link's visitor, named with the link
customer-party = { $name } (customer, via share link “{ $link }”)

## Refused input on the share page (field errors follow the field's name)
customer-err-answer = must be accept or decline
customer-err-reason = tell us why you decline
customer-err-target = is not part of what this link shows
customer-err-answered = This joint commitment is already { $answer }; the account team can ask again.
customer-err-answered-meanwhile = Someone answered this joint commitment a moment ago; reload the page to see the answer.
customer-err-too-many = You have sent many comments and answers through this link in a short time. Please wait { $minutes } minutes, then try again.
joint-answer-open = open
joint-answer-accepted = accepted
joint-answer-declined = declined

## History lines and notifications
stored-customer-commented = { $who } commented on “{ $title }”
stored-customer-commented-plan = { $who } commented on the plan
stored-customer-accepted = { $who } accepted the joint commitment “{ $title }”
stored-customer-declined = { $who } declined the joint commitment “{ $title }”: { $reason }
stored-notif-customer-comment = { $who } commented on “{ $title }” in { $plan }: { $body }
stored-notif-customer-answer = { $line } ({ $plan })
stored-joint-offered = offered the commitment “{ $title }” to the customer, with { $contact }
stored-joint-withdrawn = took back the offer of “{ $title }” to the customer
stored-customer-comment-shared = showed the customer comment of { $name } (“{ $body }”) on every share link
stored-customer-comment-unshared = showed the customer comment of { $name } (“{ $body }”) only on its own share link again
notif-kind-customer_comment = Customer comment
notif-kind-customer_answer = Customer answer
mail-topic-customer_comment = Comment from the customer
mail-topic-customer_answer = The customer answered

## The share page
share-invite = You can comment on any part of this plan, and accept or decline the commitments we propose to take on together. Your account team reads every comment.
share-joint-eyebrow = Together
share-joint-title = Commitments we propose to take on together
share-joint-lead = Each one names who is responsible on our side and on yours. Accept it, or tell us why not.
share-joint-our-side = Our side
share-joint-your-side = Your side
share-joint-due = Due
share-joint-done-when = Done when
share-joint-how = How
share-joint-reason = Reason: { $reason }
share-joint-open = Awaiting your answer
share-joint-accepted-by = Accepted by { $name } on { $date }
share-joint-accepted = Accepted on { $date }
share-joint-declined-by = Declined by { $name } on { $date }
share-joint-declined = Declined on { $date }
share-accept = Accept
share-decline-summary = Decline with a reason…
share-decline = Decline
share-reason-placeholder = What would have to change for you to accept it?
share-comment = Comment
share-reply = Add a comment
share-comment-placeholder = Your question or remark
share-comment-note = Only your account team and the people you share this link with see your comment.
share-send = Send
share-plan-comments = Comments on the whole plan
share-plan-comments-lead = Anything that does not belong to one part of the plan.
share-field-name = Your name
share-field-comment = Comment
share-field-reason = Reason
share-field-answer = Answer
share-field-target = What you comment on
share-not-sent = Not sent. { $problems }
share-comment-thanks = Thank you: your comment was sent to the account team.
share-accepted-thanks = Thank you: you accepted the commitment, and the account team has been told.
share-declined-thanks = Thank you: the account team has been told that you declined, and why.
share-csrf-title = This form has expired
share-csrf-text = For your safety, forms on this page work only for a while and only in the browser that opened the link. Go back to the plan, then send it again.
share-too-many-title = Please wait a moment
share-back = Back to the plan

## The team's side: the plan page
discussion-from-customer = customer, via share link “{ $link }”
discussion-shared-all = Shown on every share link of this plan.
discussion-shared-own = Shown only on the share link it came through.
discussion-share = Show on every share link
discussion-unshare = Show only on its own link
discussion-shared-done = The customer comment is now shown on every share link.
discussion-unshared-done = The customer comment is now shown only on its own share link.
activity-customer = Customer
joint-title = With the customer
joint-count = { $count ->
    [one] 1 joint commitment
   *[other] { $count } joint commitments
}
joint-lead = A commitment offered to the customer appears on every live share link of this plan once its owner has accepted it: its title, owner, the named contact, due date and done criterion (never its notes). The customer accepts it or declines it with a reason there.
joint-none = No commitment has been offered to the customer yet.
joint-nothing-to-offer = Every accepted commitment has been offered; a commitment can be offered once its owner has accepted it.
joint-offer = Offer a commitment to the customer
joint-offer-button = Offer to the customer
joint-field-commitment = Commitment
joint-field-contact = Contact at the customer
joint-waiting = Waiting for the customer’s answer
joint-accepted-by = Accepted by { $who } on { $date }
joint-declined-by = Declined by { $who } on { $date }
joint-revoked-link = a link since deleted
joint-meta = With { $contact } · offered on { $date }
joint-meta-by = With { $contact } · offered on { $date } by { $name }
joint-hidden = Not on the share links until { $name } accepts the commitment.
joint-reason = Their reason: { $reason }
joint-ask-again = Ask again
joint-withdraw = Take back
joint-offered = Offered to the customer: it shows on the plan’s share links.
joint-offered-again = Offered again: the customer can answer it anew.
joint-withdrawn = The offer was taken back; the share links no longer show it.
joint-badge-open = Offered to the customer
joint-badge-accepted = Accepted by the customer
joint-badge-declined = Declined by the customer
joint-err-commitment = choose a commitment of this plan
joint-err-contact = choose the contact at the customer
joint-err-contact-account = must be a contact of this plan’s account
joint-err-not-commitment = Only a commitment can be offered to the customer.
joint-err-not-accepted = Its owner has not accepted this commitment yet; offer it to the customer once they have.
