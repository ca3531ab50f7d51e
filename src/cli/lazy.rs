//! Subcommands whose flags clap builds only when it enters them, and only the subcommands
//! the command line names.
//!
//! Building every subcommand's arguments is most of what clap does for a short command
//! (`hash` paid for the forty others' flags, bench/README.md). `Lazy` hands clap the
//! argument builder to run later (`Command::defer`). What is left is clap copying the
//! fifteen global options into every subcommand of each level it enters: with
//! `only_named`, a level holds just the subcommands whose names appear on the command line
//! (all of them when none does). Help, completions and man pages build the whole tree.
//!
//! A pruned tree parses a command line the same as the whole tree or not at all: the one
//! subcommand clap picks at each level is one of those named. Whoever prunes re-parses a
//! failure with the whole tree, so every error, suggestion and help text is the whole
//! tree's.

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand};
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

/// `T`'s arguments (or subcommands), added to its command only once clap needs them.
#[derive(Debug, Clone)]
pub(crate) struct Lazy<T>(pub T);

/// Set while help is being laid out: that layout walks every subcommand before clap builds
/// them, so each must be whole from the start.
static EAGER: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The words of the command line while building only the subcommands it names: per
    /// thread, as clap builds the tree on the thread that parses (tests parse on many).
    static NAMED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Builds every subcommand whole from now on (for the help layout).
pub(crate) fn build_eagerly() {
    EAGER.store(true, Ordering::Relaxed);
    only_named(None);
}

/// From now on, each level of subcommands holds only those named by one of `words` (every
/// one when none is); `None` builds them all again.
pub(crate) fn only_named(words: Option<Vec<String>>) {
    NAMED.with(|named| *named.borrow_mut() = words);
}

/// `T`'s subcommands, pruned to the named ones (see `only_named`).
fn named_subcommands<T: Subcommand>(command: Command) -> Command {
    // Copied out: augmenting builds nested levels, which read it too.
    let words = NAMED.with(|named| named.borrow().clone());
    let named: Vec<String> = (words.into_iter().flatten())
        .filter(|word| T::has_subcommand(word))
        .collect();
    if named.is_empty() {
        return T::augment_subcommands(command);
    }
    // The derive adds nothing but the subcommands to the parent, so they can be moved over.
    let all = T::augment_subcommands(Command::new(""));
    let wanted = all
        .get_subcommands()
        .filter(|sub| named.iter().any(|word| word == sub.get_name()))
        .cloned();
    command.subcommands(wanted)
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
        later(command, named_subcommands::<T>)
    }
    fn augment_subcommands_for_update(command: Command) -> Command {
        later(command, T::augment_subcommands_for_update)
    }
    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}
