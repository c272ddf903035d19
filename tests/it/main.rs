//! Integration tests: reading every supported variant of a declaration, the corpus manager,
//! and the `decldiff` binary end to end.

mod align;
mod bin;
mod browser;
mod cache;
mod charts;
mod cli;
mod compare;
mod copies;
mod corpus;
mod docx;
mod everyday;
mod fetch;
mod fetch_server;
mod fixtures;
mod layers;
mod layout;
mod limits;
mod markdown;
mod numbering;
mod properties;
mod read;
mod report;
mod schema;
mod series;
mod simulate_yearly;
mod themes_content;
mod tidy;
mod years;
