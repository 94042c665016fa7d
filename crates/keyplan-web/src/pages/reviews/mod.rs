//! The review page (opening with what changed since the last review) and the
//! forms of reviews. The page, its forms and the change list each have a module;
//! none of them imports this one.

mod changes;
mod forms;
mod page;
mod rating;

pub use changes::ChangeGroup;
pub(crate) use changes::{grouped, snapshot_label};
pub use forms::{add_participant, create, hold, rate, remove_participant, schedule, signoff, update};
pub use page::show;
