//! The one place decldiff uses the network: an HTTP(S) client for `corpus fetch`.
//!
//! ureq with rustls: connect and total timeouts, a bounded number of redirects, gzip (ureq)
//! and deflate (here), a body limit equal to the input limit (checked on the decoded body, so a
//! compressed bomb is refused too), a user agent naming decldiff and its version, one retry
//! with backoff after a 5xx status or a timeout, and a polite delay between two requests to
//! the same host.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use ureq::ResponseExt;

use crate::normalize::decode::MAX_INPUT_BYTES;

/// The most redirects followed before a request fails.
pub const MAX_REDIRECTS: u32 = 5;

/// The user agent sent with every request.
pub const USER_AGENT: &str =
    concat!("decldiff/", env!("CARGO_PKG_VERSION"), " (+https://github.com/decldiff/decldiff)");

/// How the client behaves.
#[derive(Debug, Clone, Copy)]
pub struct ClientOptions {
    /// Total time for one request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Time to connect.
    pub connect_timeout: Duration,
    /// The least time between two requests to one host.
    pub delay: Duration,
    /// The wait before the one retry.
    pub backoff: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            delay: Duration::from_secs(1),
            backoff: Duration::from_secs(2),
        }
    }
}

/// A page downloaded.
#[derive(Debug, Clone)]
pub struct Download {
    /// The address after redirects.
    pub final_url: String,
    /// The HTTP status (2xx).
    pub status: u16,
    /// The charset the `Content-Type` header names, if any.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

/// Why a download failed, one line each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The server took too long (after the retry).
    Timeout,
    /// The server answered with an error status (after the retry, for 5xx).
    Status(u16),
    /// More than [`MAX_REDIRECTS`] redirects.
    TooManyRedirects,
    /// The body is over the input limit.
    TooLarge,
    /// The body ended before its announced length, or its compression is broken.
    Truncated(String),
    /// No connection: the host is unknown, refused or unreachable.
    Unreachable(String),
    /// Not an http or https address, or not one ureq can use.
    BadUrl(String),
    /// Anything else the transport reports (TLS, protocol).
    Transport(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Timeout => write!(f, "timed out"),
            Failure::Status(code) => write!(f, "HTTP status {code}"),
            Failure::TooManyRedirects => write!(f, "more than {MAX_REDIRECTS} redirects"),
            Failure::TooLarge => write!(f, "too large: the body is over {} MiB", MAX_INPUT_BYTES >> 20),
            Failure::Truncated(what) => write!(f, "truncated body ({what})"),
            Failure::Unreachable(what) => write!(f, "unreachable ({what})"),
            Failure::BadUrl(what) => write!(f, "bad address ({what})"),
            Failure::Transport(what) => write!(f, "transfer failed ({what})"),
        }
    }
}

impl Failure {
    fn is_transient(&self) -> bool {
        matches!(self, Failure::Timeout) || matches!(self, Failure::Status(code) if *code >= 500)
    }
}

/// An HTTP client that remembers when it last asked each host.
pub struct Client {
    agent: ureq::Agent,
    options: ClientOptions,
    last_request: HashMap<String, Instant>,
}

impl Client {
    /// A client with these options.
    pub fn new(options: ClientOptions) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .timeout_connect(Some(options.connect_timeout))
            .max_redirects(MAX_REDIRECTS)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build();
        Client { agent: config.into(), options, last_request: HashMap::new() }
    }

    /// Downloads `url`, retrying once after a 5xx status or a timeout.
    ///
    /// # Errors
    /// The [`Failure`] of the last attempt.
    pub fn get(&mut self, url: &str) -> Result<Download, Failure> {
        let host = host_of(url).ok_or_else(|| Failure::BadUrl(format!("`{url}` is not an http(s) address")))?;
        match self.attempt(&host, url) {
            Err(failure) if failure.is_transient() => {
                std::thread::sleep(self.options.backoff);
                self.attempt(&host, url)
            }
            result => result,
        }
    }

    fn attempt(&mut self, host: &str, url: &str) -> Result<Download, Failure> {
        if let Some(last) = self.last_request.get(host) {
            let since = last.elapsed();
            if since < self.options.delay {
                std::thread::sleep(self.options.delay - since);
            }
        }
        let result = self.request(url);
        self.last_request.insert(host.to_owned(), Instant::now());
        result
    }

    fn request(&self, url: &str) -> Result<Download, Failure> {
        let mut response = self.agent.get(url).call().map_err(failure)?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(Failure::Status(status));
        }
        let final_url = response.get_uri().to_string();
        let charset =
            response.headers().get("content-type").and_then(|v| v.to_str().ok()).and_then(charset_of_content_type);
        let deflated = response
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("deflate"));
        let bytes =
            response.body_mut().with_config().limit(MAX_INPUT_BYTES as u64).read_to_vec().map_err(body_failure)?;
        let bytes = if deflated { inflate(&bytes)? } else { bytes };
        Ok(Download { final_url, status, charset, bytes })
    }
}

/// A `Content-Encoding: deflate` body (ureq inflates gzip itself): zlib-wrapped as the
/// standard says, or raw deflate as some servers send it; at most the input limit.
fn inflate(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(bytes).take(limit).read_to_end(&mut out);
    if zlib.is_err() {
        out.clear();
        flate2::read::DeflateDecoder::new(bytes)
            .take(limit)
            .read_to_end(&mut out)
            .map_err(|e| Failure::Truncated(format!("broken deflate body: {e}")))?;
    }
    if out.len() > MAX_INPUT_BYTES {
        return Err(Failure::TooLarge);
    }
    Ok(out)
}

/// The lowercase host of an http(s) address.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.strip_prefix("http://").or_else(|| url.strip_prefix("https://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `text/html; charset=GBK` → `GBK`.
pub fn charset_of_content_type(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

fn failure(error: ureq::Error) -> Failure {
    match error {
        ureq::Error::Timeout(_) => Failure::Timeout,
        ureq::Error::StatusCode(code) => Failure::Status(code),
        ureq::Error::TooManyRedirects => Failure::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => Failure::TooLarge,
        ureq::Error::HostNotFound => Failure::Unreachable("host not found".to_owned()),
        ureq::Error::ConnectionFailed => Failure::Unreachable("connection failed".to_owned()),
        ureq::Error::BadUri(what) => Failure::BadUrl(what),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            Failure::Unreachable("connection refused".to_owned())
        }
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => Failure::Timeout,
        other => Failure::Transport(one_line(&other)),
    }
}

fn body_failure(error: ureq::Error) -> Failure {
    match error {
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Failure::Truncated("the connection closed early".to_owned())
        }
        ureq::Error::Decompress(_, e) => Failure::Truncated(format!("broken compression: {e}")),
        ureq::Error::Protocol(e) => Failure::Truncated(one_line(&e)),
        other => failure(other),
    }
}

fn one_line(error: &dyn std::fmt::Display) -> String {
    error.to_string().lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_charsets() {
        assert_eq!(host_of("https://www.Example.org/a/b.html?x=1").as_deref(), Some("www.example.org"));
        assert_eq!(host_of("http://127.0.0.1:8080").as_deref(), Some("127.0.0.1:8080"));
        assert_eq!(host_of("ftp://example.org/"), None);
        assert_eq!(charset_of_content_type("text/html; charset=\"GBK\"").as_deref(), Some("GBK"));
        assert_eq!(charset_of_content_type("text/html"), None);
    }
}
