//! Series: a collection of declarations over the years. Timelines of consecutive pairs, terms
//! followed year by year, and the lineage of a declaration's paragraphs (docs/series.md).
//!
//! Every document is profiled once (a [`Profile`]) and every consecutive pair aligned once,
//! in parallel; the commands share that work through a [`Series`].

pub mod lineage;
pub mod terms;
pub mod timeline;

use rayon::prelude::*;

use crate::align::{AlignOptions, Alignment};
use crate::profile::{Profile, StoredProfile};
use crate::segment::Document;
use crate::tokenize::Tokenizer;

/// One declaration of a series.
#[derive(Debug, Clone)]
pub struct Member {
    /// Its id (or name).
    pub id: String,
    /// Its year.
    pub year: i32,
    /// The document, tokenized.
    pub document: Document,
    /// Its profile as the token cache kept it, if it did.
    pub profile: Option<StoredProfile>,
}

/// The declarations of a series, in year order, profiled.
pub struct Series<'a> {
    /// The members.
    pub members: &'a [Member],
    /// Each member's profile.
    pub profiles: Vec<Profile<'a>>,
}

impl<'a> Series<'a> {
    /// Profiles every member (in parallel). `members` must be in year order.
    pub fn new(members: &'a [Member], tokenizer: &Tokenizer) -> Series<'a> {
        let profiles =
            members.par_iter().map(|m| Profile::stored_or_new(&m.document, m.profile.as_ref(), tokenizer)).collect();
        Series { members, profiles }
    }

    /// The alignment of every consecutive pair, in parallel: element `k` aligns member `k`
    /// with member `k + 1`.
    pub fn consecutive_alignments(&self, options: &AlignOptions) -> Vec<Alignment> {
        (1..self.members.len())
            .into_par_iter()
            .map(|k| crate::align::align_profiles(&self.profiles[k - 1], &self.profiles[k], options))
            .collect()
    }
}

/// The year of a catalog date (`2020-11-10` → 2020).
pub fn year_of(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}
