//! The lab: what measures decldiff rather than what it does for a user. Simulated revisions
//! and series with their truth, gold files and their scores, the leave-one-out test of themes
//! by content. Production modules never import it; it imports them (and the file layer, to
//! read gold and truth files and to write what it simulates).

pub mod commitments;
pub mod copies;
pub mod eval;
pub mod series;
pub mod series_eval;
pub mod simulate;
pub mod themes;
