//! The aligner's thresholds on the command line: every one the library has, each validated
//! to its range (docs/alignment.md says what each does and why its default).

use clap::Args;

/// The aligner's thresholds (defaults in docs/alignment.md).
#[derive(Debug, Args)]
#[command(next_help_heading = "Alignment thresholds (0..1; defaults in docs/alignment.md)")]
pub struct AlignArgs {
    /// Least similarity for two paragraphs to be linked on their own evidence [0.45].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub link_threshold: Option<f32>,
    /// Least similarity for a pair whose neighbours on both sides are strongly linked [0.38].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub context_threshold: Option<f32>,
    /// Similarity from which a neighbouring pair counts as strong evidence [0.8].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub strong_neighbour: Option<f32>,
    /// Least share of distinctive content two paragraphs must share below the formula guard [0.2].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub distinctive_share: Option<f32>,
    /// Similarity from which the distinctive-content guard no longer applies [0.7].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub formula_guard_below: Option<f32>,
    /// Similarity from which a formula naming other states or initiatives is still linked [0.9].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub content_guard_below: Option<f32>,
    /// Least similarity of a rewrite that keeps the pair's distinctive words [0.22].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub rewrite_floor: Option<f32>,
    /// Least share of the smaller side's distinctive content a rewrite keeps [0.2].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub rewrite_distinctive: Option<f32>,
    /// Least similarity of a pair carried by a subject only it names (a title, a state's status) [0.15].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub named_floor: Option<f32>,
    /// Least share of a piece contained in the whole for a split or merge [0.65].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub piece_containment: Option<f32>,
    /// Least share of an edited piece contained in the whole [0.25].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub piece_floor: Option<f32>,
    /// Least share of the whole an edited piece adds to the other pieces [0.12].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub piece_gain: Option<f32>,
    /// Least similarity for signature lines [0.3].
    #[arg(long, value_name = "0..1", value_parser = unit_interval)]
    pub closing_threshold: Option<f32>,
}

impl AlignArgs {
    /// The library's options, defaults overridden by the flags given.
    pub fn to_options(&self) -> decldiff::align::AlignOptions {
        let mut o = decldiff::align::AlignOptions::default();
        let pairs: [(Option<f32>, &mut f32); 13] = [
            (self.link_threshold, &mut o.link_threshold),
            (self.context_threshold, &mut o.context_threshold),
            (self.strong_neighbour, &mut o.strong_neighbour),
            (self.distinctive_share, &mut o.distinctive_share),
            (self.formula_guard_below, &mut o.formula_guard_below),
            (self.content_guard_below, &mut o.content_guard_below),
            (self.rewrite_floor, &mut o.rewrite_floor),
            (self.rewrite_distinctive, &mut o.rewrite_distinctive),
            (self.named_floor, &mut o.named_floor),
            (self.piece_containment, &mut o.piece_containment),
            (self.piece_floor, &mut o.piece_floor),
            (self.piece_gain, &mut o.piece_gain),
            (self.closing_threshold, &mut o.closing_threshold),
        ];
        for (given, option) in pairs {
            if let Some(x) = given {
                *option = x;
            }
        }
        o
    }
}

/// A number from 0 to 1 (NaN and infinities refused).
pub fn unit_interval(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{text}` is not a number from 0 to 1")),
    }
}
