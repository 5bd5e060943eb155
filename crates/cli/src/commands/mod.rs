//! One module per subcommand.

pub mod analyze;
pub mod events;
pub mod export;
pub mod ingest;
pub mod inspect;
pub mod list;
pub mod search;
pub mod serve;
pub mod show;
pub mod stories;

/// How a command that processes many inputs ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything succeeded.
    Clean,
    /// Some inputs failed (each was reported); the rest was processed.
    SomeFailed,
}
