//! Subcommands whose flags clap builds only when it enters them.
//!
//! Building every subcommand's arguments is most of what clap does for a short command
//! (`hash` paid for the forty others' flags, bench/README.md). `Lazy` hands clap the
//! argument builder to run later (`Command::defer`); help, completions and man pages build
//! the whole tree as before.

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

/// `T`'s arguments (or subcommands), added to its command only once clap needs them.
#[derive(Debug, Clone)]
pub(crate) struct Lazy<T>(pub T);

/// Set while help is being laid out: that layout walks every subcommand before clap builds
/// them, so each must be whole from the start.
static EAGER: AtomicBool = AtomicBool::new(false);

/// Builds every subcommand whole from now on (for the help layout).
pub(crate) fn build_eagerly() {
    EAGER.store(true, Ordering::Relaxed);
}

/// `build` applied to `command` now when building eagerly, else when clap enters it.
fn later(command: Command, build: fn(Command) -> Command) -> Command {
    match EAGER.load(Ordering::Relaxed) {
        true => build(command),
        false => command.defer(build),
    }
}

impl<T> Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Lazy)
    }
    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Lazy)
    }
    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn augment_args(command: Command) -> Command {
        later(command, T::augment_args)
    }
    fn augment_args_for_update(command: Command) -> Command {
        later(command, T::augment_args_for_update)
    }
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(command: Command) -> Command {
        later(command, T::augment_subcommands)
    }
    fn augment_subcommands_for_update(command: Command) -> Command {
        later(command, T::augment_subcommands_for_update)
    }
    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}
