//! `corpus fetch`: the catalog's sources downloaded, read with the cleaning stage, checked to
//! be the declaration, and stored through the same journaled write as `corpus add`, with
//! their provenance in the catalog.
//!
//! This is the only module that uses the network (`fetch/http.rs`); no other command calls
//! it (a test checks the source).

pub mod http;
pub mod verify;

use std::path::Path;

use crate::corpus::{AddRequest, Corpus, Entry, Fetched};
use crate::error::{Error, Result};
use crate::normalize::decode::encoding_for_label;
use crate::segment::{BlockKind, Document, ReadOptions};
use http::{Client, ClientOptions, Download};

/// What `corpus fetch` is asked to do.
#[derive(Debug, Clone)]
pub struct FetchRequest {
    /// The collection (created from the built-in one of that name if the corpus lacks it).
    pub collection: String,
    /// The entries to fetch; every entry of the collection when empty.
    pub ids: Vec<String>,
    /// A page to fetch instead of the catalog's sources (one id only).
    pub from: Option<String>,
    /// Replace texts already stored.
    pub force: bool,
    /// Timeouts and delays.
    pub client: ClientOptions,
}

/// What happened to one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Downloaded and stored; the entry had no text.
    Fetched,
    /// Downloaded and stored in place of the text before (`--force`).
    Replaced,
    /// Downloaded; the same text is stored already.
    Unchanged,
    /// Downloaded; a different text is stored and was kept (no `--force`).
    Differs,
    /// Not downloaded: a text is stored and `--force` was not given (`--all`).
    Present,
    /// Every source failed.
    Failed,
}

impl Status {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fetched => "fetched",
            Status::Replaced => "replaced",
            Status::Unchanged => "unchanged",
            Status::Differs => "differs",
            Status::Present => "present",
            Status::Failed => "failed",
        }
    }
}

/// The outcome for one entry.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The entry's id.
    pub id: String,
    /// What happened.
    pub status: Status,
    /// The address the text came from.
    pub url: Option<String>,
    /// That source's kind (`official`, `press`, `mirror`).
    pub kind: Option<String>,
    /// Paragraphs of the text downloaded.
    pub paragraphs: usize,
    /// Why it failed (every source's reason), or how the text differs from the stored one.
    pub detail: String,
}

/// Fetches the requested entries of one collection under `root`, one after another, and
/// calls `progress` with the count done, the count to do, and the last outcome.
///
/// # Errors
/// [`Error::UnknownCollection`] or [`Error::UnknownDocument`] for what the request names,
/// [`Error::Io`] creating the collection. A source that fails is not an error: it is an
/// [`Outcome`] with [`Status::Failed`] and its reason.
pub fn fetch(
    root: &Path,
    request: &FetchRequest,
    progress: &mut dyn FnMut(usize, usize, &Outcome),
) -> Result<Vec<Outcome>> {
    crate::corpus::validate_id(&request.collection)?;
    Corpus::seed(root, &request.collection)?;
    let corpus = Corpus::open(root)?;
    let collection = corpus.collection(&request.collection)?;
    let entries = selected(&corpus, collection.catalog.entries.as_slice(), request)?;
    let mut client = Client::new(request.client);
    let mut outcomes = Vec::new();
    let total = entries.len();
    for wanted in entries {
        let outcome = match &wanted {
            Wanted::Known(entry) if entry.present && !request.force && request.ids.is_empty() => Outcome {
                id: entry.id.clone(),
                status: Status::Present,
                url: None,
                kind: None,
                paragraphs: 0,
                detail: "a text is stored (--force fetches it again)".to_owned(),
            },
            _ => fetch_one(root, collection, &wanted, request, &mut client)?,
        };
        progress(outcomes.len() + 1, total, &outcome);
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// An entry asked for: in the catalog, or (with `--from`) a new id.
enum Wanted {
    Known(Box<Entry>),
    New(String),
}

impl Wanted {
    fn id(&self) -> &str {
        match self {
            Wanted::Known(entry) => &entry.id,
            Wanted::New(id) => id,
        }
    }
}

fn selected(corpus: &Corpus, entries: &[Entry], request: &FetchRequest) -> Result<Vec<Wanted>> {
    if request.ids.is_empty() {
        return Ok(entries.iter().map(|e| Wanted::Known(Box::new(e.clone()))).collect());
    }
    request
        .ids
        .iter()
        .map(|id| match entries.iter().find(|e| &e.id == id) {
            Some(entry) => Ok(Wanted::Known(Box::new(entry.clone()))),
            None if request.from.is_some() => crate::corpus::validate_id(id).map(|()| Wanted::New(id.clone())),
            None => Err(corpus.unknown_id(&format!("{}/{id}", request.collection))),
        })
        .collect()
}

/// The sources to try, most trusted first: `--from`, else the catalog's sources in the
/// entry's language, official before press before mirror (catalog order within a kind).
fn sources(wanted: &Wanted, request: &FetchRequest) -> Vec<(String, Option<String>)> {
    if let Some(url) = &request.from {
        return vec![(url.clone(), None)];
    }
    let Wanted::Known(entry) = wanted else { return Vec::new() };
    let rank = |kind: Option<&str>| match kind {
        Some("official") => 0,
        Some("press") => 1,
        Some("mirror") => 3,
        _ => 2,
    };
    let mut sources: Vec<_> = entry.sources.iter().filter(|s| s.language == entry.language).collect();
    sources.sort_by_key(|s| rank(s.kind.as_deref()));
    sources.into_iter().map(|s| (s.url.clone(), s.kind.clone())).collect()
}

fn fetch_one(
    root: &Path,
    collection: &crate::corpus::Collection,
    wanted: &Wanted,
    request: &FetchRequest,
    client: &mut Client,
) -> Result<Outcome> {
    let id = wanted.id().to_owned();
    let failed = |detail: String| Outcome {
        id: id.clone(),
        status: Status::Failed,
        url: None,
        kind: None,
        paragraphs: 0,
        detail,
    };
    let sources = sources(wanted, request);
    if sources.is_empty() {
        return Ok(failed(format!(
            "no source for the {} text in the catalog (name a page with --from URL)",
            match wanted {
                Wanted::Known(entry) => entry.language.as_str(),
                Wanted::New(_) => "zh",
            }
        )));
    }
    let mut reasons = Vec::new();
    for (url, kind) in sources {
        match download_checked(client, wanted, &url) {
            Ok((download, document)) => {
                let mut outcome = store(root, collection, wanted, request, &url, &download, &document)?;
                outcome.kind = kind;
                return Ok(outcome);
            }
            Err(reason) => reasons.push(format!("{url}: {reason}")),
        }
    }
    Ok(failed(reasons.join("; ")))
}

/// Downloads `url` and reads it; the reason, one line, when it fails or is not the entry.
fn download_checked(
    client: &mut Client,
    wanted: &Wanted,
    url: &str,
) -> std::result::Result<(Download, Document), String> {
    let download = client.get(url).map_err(|failure| failure.to_string())?;
    let document = read(url, &download).map_err(|e| format!("unreadable: {}", one_line(&e)))?;
    if let Wanted::Known(entry) = wanted
        && let Some(reason) = verify::mismatch(entry, &document)
    {
        return Err(reason);
    }
    if let Wanted::New(_) = wanted
        && paragraphs(&document) < verify::MIN_PARAGRAPHS
    {
        return Err(format!("not a declaration: {} paragraph(s)", paragraphs(&document)));
    }
    Ok((download, document))
}

/// Reads a download with the charset of its header when the bytes are valid in it (servers
/// do lie), else with the detection every other input gets.
fn read(url: &str, download: &Download) -> Result<Document> {
    let path = Path::new(url);
    let declared = download.charset.as_deref().and_then(|label| encoding_for_label(label).ok());
    if let Some(encoding) = declared {
        let options = ReadOptions { encoding: Some(encoding), html: None, raw: false };
        if let Ok(document) = Document::from_bytes(path, &download.bytes, options) {
            return Ok(document);
        }
    }
    Document::from_bytes(path, &download.bytes, ReadOptions::default())
}

fn store(
    root: &Path,
    collection: &crate::corpus::Collection,
    wanted: &Wanted,
    request: &FetchRequest,
    url: &str,
    download: &Download,
    document: &Document,
) -> Result<Outcome> {
    let id = wanted.id().to_owned();
    let stored = match wanted {
        Wanted::Known(entry) if entry.present => Some(collection.text_bytes(entry)?),
        _ => None,
    };
    let outcome = |status: Status, detail: String| Outcome {
        id: id.clone(),
        status,
        url: Some(url.to_owned()),
        kind: None,
        paragraphs: paragraphs(document),
        detail,
    };
    let before = match &stored {
        Some(bytes) => {
            Some(Document::from_bytes(Path::new(&id), bytes, ReadOptions { html: Some(false), ..Default::default() })?)
        }
        None => None,
    };
    let difference = before.as_ref().map(|before| difference(before, document));
    if let (Some(difference), false) = (&difference, request.force) {
        return Ok(match difference {
            None => outcome(Status::Unchanged, "the stored text is the same".to_owned()),
            Some(summary) => outcome(Status::Differs, format!("{summary}; kept the stored text (--force replaces it)")),
        });
    }
    let add = AddRequest {
        file: url_file_name(url).into(),
        collection: request.collection.clone(),
        id: id.clone(),
        date: None,
        title: None,
        sources: vec![url.to_owned()],
        status: None,
        force: request.force,
        read: ReadOptions::default(),
        fetched: Some(provenance(url, download)),
        fail_after: None,
    };
    Corpus::add_document(root, &add, document)?;
    Ok(match difference {
        None => outcome(Status::Fetched, String::new()),
        Some(None) => outcome(Status::Replaced, "the same text; its provenance updated".to_owned()),
        Some(Some(summary)) => outcome(Status::Replaced, summary),
    })
}

fn provenance(url: &str, download: &Download) -> Fetched {
    Fetched {
        url: url.to_owned(),
        final_url: (download.final_url != url).then(|| download.final_url.clone()),
        date: today_utc(),
        status: download.status,
        download_sha256: crate::sha256_hex(&download.bytes),
        text_sha256: String::new(),
        cleaning: crate::clean::CLEANING_REVISION,
        decldiff: env!("CARGO_PKG_VERSION").to_owned(),
    }
}

fn paragraphs(document: &Document) -> usize {
    document.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count()
}

/// A short summary of how `after` differs from `before`, paragraph by paragraph; `None` when
/// their blocks are the same.
pub fn difference(before: &Document, after: &Document) -> Option<String> {
    let keys = |d: &Document| d.blocks.iter().map(|b| b.key.clone()).collect::<Vec<_>>();
    let (old, new) = (keys(before), keys(after));
    if old == new {
        return None;
    }
    let paragraph_keys = |d: &Document| -> std::collections::BTreeSet<String> {
        d.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.key.clone()).collect()
    };
    let (old_set, new_set) = (paragraph_keys(before), paragraph_keys(after));
    let changed = new_set.difference(&old_set).count();
    let gone = old_set.difference(&new_set).count();
    Some(format!(
        "differs from the stored text: {changed} paragraph(s) new or reworded, {gone} not found again ({} → {} paragraphs)",
        paragraphs(before),
        paragraphs(after)
    ))
}

/// The last path segment of an address, without its query: what `import.file` records.
fn url_file_name(url: &str) -> String {
    let address = url.split(['?', '#']).next().unwrap_or(url);
    let without_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
    let name = without_scheme.split_once('/').map_or("", |(_, path)| path.rsplit('/').next().unwrap_or_default());
    if name.is_empty() { "index.html".to_owned() } else { name.to_owned() }
}

fn one_line(error: &Error) -> String {
    error.to_string().lines().next().unwrap_or_default().to_owned()
}

/// Today's date in UTC, `YYYY-MM-DD` (the civil-from-days algorithm of H. Hinnant).
fn today_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_of_addresses() {
        assert_eq!(url_file_name("http://h/n/2014/0913/c1002-25653448.html"), "c1002-25653448.html");
        assert_eq!(url_file_name("https://h/doc/1.html?coluid=7&x=1"), "1.html");
        assert_eq!(url_file_name("http://h/"), "index.html");
        assert_eq!(url_file_name("http://127.0.0.1:8080"), "index.html");
    }

    #[test]
    fn today_is_a_date() {
        assert!(crate::corpus::is_valid_date(&today_utc()));
    }
}
