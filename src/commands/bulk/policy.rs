//! The rules of bulk work: the default rate, and what a refused batch means.

use super::ItemOutcome;
use crate::api::rate::Rate;
use crate::error::{Error, Kind, Result};
use crate::settings::Settings;

/// The rate a bulk command keeps to: `--rate` if given; else Desk's published limit for the
/// operation when the target is Desk (or any host but loopback), none for loopback.
pub(crate) fn default_rate(
    given: Option<Rate>,
    settings: &Settings,
    operation: crate::api::storage::RateClass,
) -> Option<Rate> {
    if given.is_some() {
        return given;
    }
    let loopback = settings.is_local()
        || settings
            .base_url()
            .ok()
            .and_then(|u| url::Url::parse(u).ok())
            .is_some_and(|u| crate::api::hosts::is_loopback(&u));
    (!loopback).then_some(Rate {
        requests: operation.limit(),
        per: crate::api::storage::RATE_WINDOW,
    })
}

/// An error of a whole batch, as each of its items' outcome.
pub(crate) fn fail_each(count: usize, error: &Error) -> Vec<Result<ItemOutcome>> {
    (0..count).map(|_| Err(error.clone())).collect()
}

/// Whether a batch refused this way is worth sending again item by item: Desk judged the
/// request (4xx), so one bad item, or a Desk that takes no arrays, refused it all.
pub(crate) fn retry_singly(error: &Error) -> bool {
    error.kind == Kind::Client
}
