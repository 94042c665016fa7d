//! The constraint tree of seed 000 (PRODUCT.md C4):
//! goal -> critical success factors -> necessary conditions -> obstacles -> commitments,
//! with status rolled up from the commitments to the goal.
//!
//! [`kind`] names what a node can be, [`node`] is a stored node whose [`NodeDetail`]
//! carries the fields only its kind has, [`input`] validates what a user writes,
//! [`rollup`] builds the nested tree and its health, and [`progress`] checks
//! the dated notes on a commitment's progress.

pub mod briefing;
pub mod input;
pub mod kind;
pub mod node;
pub mod progress;
pub mod rollup;

pub use input::{CommitmentFields, MAX_HOW, NodeContent, NodeInput};
pub use kind::{Acceptance, CommitmentStatus, NodeKind};
pub use node::{CommitmentDetail, GoalFields, Node, NodeDetail};
pub use progress::{ProgressData, ProgressInput};
pub use rollup::{Health, TreeNode, TreeSummary, build_tree};
