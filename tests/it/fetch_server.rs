//! A loopback HTTP server for the fetch tests: each path answers in one of the ways real
//! hosts do (a page, a redirect, an error status, an error then a page, a stall, a body cut
//! short, a gzip body, a body over the limit). It listens on 127.0.0.1 only and lives as long
//! as the test process.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How a path answers.
pub enum Route {
    /// 200 with this body and `Content-Type`.
    Page { content_type: String, body: Vec<u8> },
    /// 200 with the body gzip-compressed (`Content-Encoding: gzip`).
    Gzip { content_type: String, body: Vec<u8> },
    /// 200 with the body zlib-compressed (`Content-Encoding: deflate`).
    Deflate { content_type: String, body: Vec<u8> },
    /// 302 to this path.
    Redirect(String),
    /// This status, with a short HTML body.
    Status(u16),
    /// This status the first `n` times, then the route.
    FailFirst { status: u16, times: usize, then: Box<Route>, seen: AtomicUsize },
    /// Waits this long before answering.
    Stall(Duration),
    /// Announces `claimed` bytes, sends `body`, closes.
    Truncated { body: Vec<u8>, claimed: usize },
    /// A body of `bytes` bytes of HTML.
    Huge(usize),
}

/// A running server.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    hits: Arc<Mutex<Vec<(String, String)>>>,
}

impl Server {
    /// Starts serving `routes` on a free loopback port.
    pub fn start(routes: HashMap<String, Route>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let routes = Arc::new(routes);
        let hits = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&hits);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                let log = Arc::clone(&log);
                std::thread::spawn(move || serve(stream, &routes, &log));
            }
        });
        Server { base, hits }
    }

    /// The address of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The requests so far: (path, user agent).
    pub fn hits(&self) -> Vec<(String, String)> {
        self.hits.lock().expect("hits").clone()
    }
}

fn serve(mut stream: TcpStream, routes: &HashMap<String, Route>, log: &Mutex<Vec<(String, String)>>) {
    let Some((path, agent, gzip_ok)) = read_request(&mut stream) else { return };
    log.lock().expect("hits").push((path.clone(), agent));
    let route = routes.get(&path);
    let _ = answer(&mut stream, route, gzip_ok);
}

fn read_request(stream: &mut TcpStream) -> Option<(String, String, bool)> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.lines().next()?.split(' ').nth(1)?.to_owned();
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_owned())
            })
            .unwrap_or_default()
    };
    let gzip_ok = header("accept-encoding").contains("gzip");
    Some((path, header("user-agent"), gzip_ok))
}

fn answer(stream: &mut TcpStream, route: Option<&Route>, gzip_ok: bool) -> std::io::Result<()> {
    match route {
        None => respond(stream, 404, "text/html", &[], b"<html><body>not found</body></html>"),
        Some(Route::Page { content_type, body }) => respond(stream, 200, content_type, &[], body),
        Some(Route::Gzip { content_type, body }) => {
            assert!(gzip_ok, "the client must accept gzip");
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(body)?;
            respond(stream, 200, content_type, &[("Content-Encoding", "gzip")], &encoder.finish()?)
        }
        Some(Route::Deflate { content_type, body }) => {
            let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(body)?;
            respond(stream, 200, content_type, &[("Content-Encoding", "deflate")], &encoder.finish()?)
        }
        Some(Route::Redirect(to)) => respond(stream, 302, "text/html", &[("Location", to)], b""),
        Some(Route::Status(code)) => respond(stream, *code, "text/html", &[], b"<html><body>error</body></html>"),
        Some(Route::FailFirst { status, times, then, seen }) => {
            if seen.fetch_add(1, Ordering::SeqCst) < *times {
                respond(stream, *status, "text/html", &[], b"<html><body>busy</body></html>")
            } else {
                answer(stream, Some(then), gzip_ok)
            }
        }
        Some(Route::Stall(wait)) => {
            std::thread::sleep(*wait);
            respond(stream, 200, "text/html", &[], b"<html><body>late</body></html>")
        }
        Some(Route::Truncated { body, claimed }) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {claimed}\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(body)?;
            stream.flush()
        }
        Some(Route::Huge(bytes)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes())?;
            let chunk = "<p>上海合作组织。</p>\n".repeat(2000);
            let mut sent = 0;
            while sent < *bytes {
                let part = &chunk.as_bytes()[..chunk.len().min(bytes - sent)];
                stream.write_all(part)?;
                sent += part.len();
            }
            stream.flush()
        }
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
