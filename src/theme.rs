//! Themes: every paragraph of a declaration gets one theme of a taxonomy (`data/taxonomy.toml`,
//! or the user's `--themes FILE`): what it is about, in one vocabulary for every year, titled
//! or not (docs/themes.md).
//!
//! - A paragraph under a titled section whose title the taxonomy maps takes that section's
//!   theme (`theme_source: "heading"`), unless its own words say another theme with near
//!   certainty;
//! - every other paragraph (the preamble, untitled or numbered years, sections the taxonomy
//!   does not know) is classified by its own text ([`content::ContentClassifier`]), with its
//!   neighbours in the same document consulted only where its own evidence is weak;
//! - below [`content::UNSURE_BELOW`] the theme is [`UNSURE`], with the confidence kept.
//!
//! A theme depends only on the paragraph and its own document, never on the document it is
//! compared with.

pub mod content;
pub mod taxonomy;

use crate::segment::{BlockKind, Document, ThemeSource};
use content::{ContentClassifier, Evidence};

/// The theme of a paragraph whose content gives no theme with enough confidence.
pub const UNSURE: &str = "unsure";

/// The revision of how themes are assigned: raise it when the classifier's code changes, so
/// that no document themed the old way is read from the token cache.
pub const THEMES_REVISION: u32 = 1;

/// What the built-in themes depend on (the revision, the taxonomy, the training set), hashed:
/// part of the token cache's key, since cached documents carry their themes.
pub fn builtin_fingerprint() -> &'static str {
    static FINGERPRINT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FINGERPRINT.get_or_init(|| {
        let described = format!("{THEMES_REVISION}\n{}\n{}", taxonomy::DEFAULT_TAXONOMY, content::TRAINING_SET);
        crate::sha256_hex(described.as_bytes())[..16].to_owned()
    })
}

/// Gives every paragraph of `doc` its theme in the classifier's taxonomy, by display name.
pub fn assign(doc: &mut Document, classifier: &ContentClassifier) {
    let taxonomy = classifier.taxonomy();
    for block in doc.blocks.iter_mut().filter(|b| b.kind == BlockKind::Heading) {
        if let Some(name) = taxonomy.theme_of_section(&block.key).and_then(|id| taxonomy.name(id)) {
            block.theme = name.to_owned();
        }
    }
    for (i, assignment) in classifier.classify_document(doc) {
        let block = &mut doc.blocks[i];
        debug_assert_eq!(block.kind, BlockKind::Paragraph);
        let name = taxonomy.name(&assignment.theme).unwrap_or(&assignment.theme);
        match assignment.evidence {
            Evidence::Heading => {
                block.theme = name.to_owned();
                block.theme_source = ThemeSource::Heading;
                block.theme_confidence = None;
            }
            Evidence::Content | Evidence::Neighbours => {
                block.theme = if assignment.unsure { UNSURE.to_owned() } else { name.to_owned() };
                block.theme_source = ThemeSource::Content;
                block.theme_confidence = Some(assignment.confidence);
            }
        }
    }
}
