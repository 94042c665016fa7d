//! Tests of the coach over whole plans: every rule fires on its defect and
//! stays silent without it, the adapters, and the score's property.

mod fixture;
mod goals;
mod plan;
mod property;
mod tree;
mod whole;
