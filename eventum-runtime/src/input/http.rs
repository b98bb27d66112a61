//! The `http` input (spec §5.8), the only interactive one: a small HTTP
//! server (`tiny_http`, on its own thread) that turns requests into
//! timestamps.
//!
//! * `POST /generate` with the body exactly `{"count": N}` (N ≥ 1, no other
//!   keys) queues a request and answers 201; the N timestamps are "now" at
//!   the moment the input stage takes the request from the queue. A bad
//!   body gets 422, a full queue (`max_pending_requests` requests waiting)
//!   429, and a request while stopping 409.
//! * `POST /stop` answers 200 and ends the input once the queued requests
//!   are consumed.
//! * Other paths get 404 (405 for a wrong method on a known path).
//!
//! Bodies follow `FastAPI`: `null` on success, `{"detail": "..."}` on error.
//! `count` accepts what pydantic's lax mode does for an int: an integer, an
//! integral float (`5.0`) or a numeric string (`"5"`).

use super::config::HttpConfig;
use super::{InputError, StopHandle, TimestampSource, Wakeup, push_repeated};
use crate::time::Timestamp;
use serde_json::Value;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// Largest request body read (a `{"count": N}` body is tiny).
const MAX_BODY: u64 = 64 * 1024;

struct Shared {
    server: tiny_http::Server,
    stopping: AtomicBool,
    wakeup: Mutex<Option<Wakeup>>,
}

impl Shared {
    fn notify(&self) {
        if let Some(w) = &*self.wakeup.lock().unwrap_or_else(PoisonError::into_inner) {
            w.notify();
        }
    }

    fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.server.unblock();
    }
}

/// The `http` input: a running server and the queue of its requests.
pub struct HttpInput {
    requests: Receiver<u64>,
    /// A request taken by [`TimestampSource::poll_ready`].
    ready: Option<u64>,
    /// Timestamps still owed for the current request, and their value.
    owed: u64,
    current: i64,
    done: bool,
    addr: Option<SocketAddr>,
    shared: Arc<Shared>,
    /// The server thread; it exits by itself once stopped.
    _thread: JoinHandle<()>,
}

impl std::fmt::Debug for HttpInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpInput")
            .field("addr", &self.addr)
            .field("owed", &self.owed)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl HttpInput {
    /// Starts the server of a validated `config`.
    pub fn bind(config: &HttpConfig) -> Result<Self, InputError> {
        let port = u16::try_from(config.port).map_err(|_| {
            InputError::field(
                "http",
                "port",
                format!("must be between 1 and 65535 (got {})", config.port),
            )
        })?;
        let pending = usize::try_from(config.max_pending_requests)
            .unwrap_or(1)
            .max(1);
        Self::listen(&config.host, port, pending)
    }

    /// Starts a server on `host:port` (port 0 picks a free port, see
    /// [`HttpInput::local_addr`]) queueing at most `max_pending` requests.
    pub fn listen(host: &str, port: u16, max_pending: usize) -> Result<Self, InputError> {
        let server = tiny_http::Server::http((host, port))
            .map_err(|e| InputError::new(format!("http: cannot listen on {host}:{port}: {e}")))?;
        let addr = server.server_addr().to_ip();
        let shared = Arc::new(Shared {
            server,
            stopping: AtomicBool::new(false),
            wakeup: Mutex::new(None),
        });
        let (tx, rx) = mpsc::sync_channel(max_pending.max(1));
        let thread = std::thread::Builder::new()
            .name(format!("http-input-{port}"))
            .spawn({
                let shared = Arc::clone(&shared);
                move || serve(&shared, tx)
            })
            .map_err(|e| InputError::new(format!("http: cannot start the server thread: {e}")))?;
        Ok(Self {
            requests: rx,
            ready: None,
            owed: 0,
            current: 0,
            done: false,
            addr,
            shared,
            _thread: thread,
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.addr
    }

    /// Stops the server: new requests are refused and the source ends once
    /// the queued requests are consumed.
    pub fn stop(&self) {
        self.shared.stop();
    }
}

impl Drop for HttpInput {
    /// Stops the server. The thread is not joined: a client stalling in the
    /// middle of a request must not hold up shutdown.
    fn drop(&mut self) {
        self.shared.stop();
    }
}

fn serve(shared: &Shared, requests: SyncSender<u64>) {
    loop {
        let mut request = match shared.server.recv() {
            Ok(r) => r,
            Err(_) if shared.stopping.load(Ordering::SeqCst) => break,
            Err(_) => continue,
        };
        let mut body = String::new();
        let read = request
            .as_reader()
            .take(MAX_BODY)
            .read_to_string(&mut body)
            .is_ok();
        let path = request.url().split('?').next().unwrap_or("").to_owned();
        let method = request.method().as_str().to_owned();
        let reply = if read {
            route(&method, &path, &body, &shared.stopping, &requests)
        } else {
            Reply::error(422, "the body is not valid UTF-8")
        };
        if reply.queued {
            shared.notify();
        }
        let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..])
            .expect("static header is valid");
        let response = tiny_http::Response::from_string(reply.body)
            .with_status_code(reply.status)
            .with_header(header);
        // A client that went away is not our problem.
        let _ = request.respond(response);
        if reply.stop {
            break;
        }
    }
    drop(requests);
    shared.notify();
}

/// What to answer and what the request did.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reply {
    status: u16,
    body: String,
    queued: bool,
    stop: bool,
}

impl Reply {
    fn ok(status: u16) -> Self {
        Self {
            status,
            body: "null".to_owned(),
            queued: false,
            stop: false,
        }
    }

    fn error(status: u16, detail: &str) -> Self {
        Self {
            status,
            body: serde_json::json!({ "detail": detail }).to_string(),
            queued: false,
            stop: false,
        }
    }
}

fn route(
    method: &str,
    path: &str,
    body: &str,
    stopping: &AtomicBool,
    requests: &SyncSender<u64>,
) -> Reply {
    match (method, path) {
        ("POST", "/generate") => {
            let count = match parse_count(body) {
                Ok(c) => c,
                Err(e) => return Reply::error(422, &e),
            };
            if stopping.load(Ordering::SeqCst) {
                return Reply::error(409, "Server is stopping");
            }
            match requests.try_send(count) {
                Ok(()) => Reply {
                    queued: true,
                    ..Reply::ok(201)
                },
                Err(TrySendError::Full(_)) => Reply::error(429, "Too Many Requests"),
                Err(TrySendError::Disconnected(_)) => Reply::error(409, "Server is stopping"),
            }
        }
        ("POST", "/stop") => {
            stopping.store(true, Ordering::SeqCst);
            Reply {
                stop: true,
                ..Reply::ok(200)
            }
        }
        (_, "/generate" | "/stop") => Reply::error(405, "Method Not Allowed"),
        _ => Reply::error(404, "Not Found"),
    }
}

/// The body must be exactly `{"count": N}` with N ≥ 1.
fn parse_count(body: &str) -> Result<u64, String> {
    let value: Value =
        serde_json::from_str(body).map_err(|e| format!("the body is not valid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err(r#"the body must be a JSON object: {"count": N}"#.to_owned());
    };
    if let Some(key) = map.keys().find(|k| *k != "count") {
        return Err(format!(
            r#"unknown field `{key}`; the body must be exactly {{"count": N}}"#
        ));
    }
    let count = map.get("count").ok_or("field `count` is required")?;
    let n: Option<i128> = match count {
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e18)
                    .map(|f| f as i128)
            }),
        Value::String(s) => s.trim().parse::<i128>().ok(),
        _ => None,
    };
    let n = n.ok_or_else(|| format!("`count` must be an integer (got {count})"))?;
    if n < 1 {
        return Err(format!("`count` must be at least 1 (got {n})"));
    }
    u64::try_from(n).map_err(|_| format!("`count` is too large (got {n})"))
}

impl TimestampSource for HttpInput {
    fn fill(&mut self, max: usize, out: &mut Vec<i64>) -> bool {
        if self.owed == 0 {
            let next = match self.ready.take() {
                Some(c) => Some(c),
                None if self.done => None,
                None => self.requests.recv().ok(),
            };
            let Some(count) = next else {
                self.done = true;
                return false;
            };
            self.owed = count;
            self.current = Timestamp::now().utc_micros();
        }
        let n = self.owed.min(max as u64);
        push_repeated(out, self.current, n as usize);
        self.owed -= n;
        true
    }

    fn is_unbounded(&self) -> bool {
        true
    }

    fn is_interactive(&self) -> bool {
        true
    }

    fn poll_ready(&mut self) -> bool {
        if self.owed > 0 || self.ready.is_some() || self.done {
            return true;
        }
        match self.requests.try_recv() {
            Ok(count) => {
                self.ready = Some(count);
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.done = true;
                true
            }
        }
    }

    fn set_wakeup(&mut self, wakeup: Wakeup) {
        *self
            .shared
            .wakeup
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(wakeup);
    }

    fn stop_handle(&self) -> Option<StopHandle> {
        let shared = Arc::clone(&self.shared);
        Some(StopHandle::new(move || shared.stop()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpStream;
    use std::time::Duration;

    fn call(addr: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        s.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    #[test]
    fn serves_generate_and_stop_over_loopback() {
        let mut input = HttpInput::listen("127.0.0.1", 0, 2).unwrap();
        let addr = input.local_addr().unwrap();
        assert_ne!(addr.port(), 0);
        assert!(input.is_interactive() && input.is_unbounded());
        assert!(!input.poll_ready());

        assert_eq!(
            call(addr, "POST", "/generate", r#"{"count": 3}"#),
            (201, "null".to_owned())
        );
        assert_eq!(call(addr, "POST", "/generate", r#"{"count": "2"}"#).0, 201);
        // Two requests are pending: the queue is full.
        assert_eq!(
            call(addr, "POST", "/generate", r#"{"count": 1}"#),
            (429, r#"{"detail":"Too Many Requests"}"#.to_owned())
        );
        for bad in [
            r#"{"count": 0}"#,
            r#"{"count": 1, "x": 2}"#,
            "{}",
            "[1]",
            "nope",
            r#"{"count": 1.5}"#,
        ] {
            assert_eq!(call(addr, "POST", "/generate", bad).0, 422, "{bad}");
        }
        assert_eq!(call(addr, "GET", "/generate", "").0, 405);
        assert_eq!(call(addr, "POST", "/other", "").0, 404);

        let before = Timestamp::now().utc_micros();
        assert!(input.poll_ready());
        let mut out = Vec::new();
        assert!(input.fill(2, &mut out));
        assert!(input.fill(10, &mut out));
        assert!(input.fill(10, &mut out));
        let after = Timestamp::now().utc_micros();
        assert_eq!(out.len(), 5);
        assert!(out.iter().all(|&t| (before..=after).contains(&t)));
        assert_eq!(out[0], out[2], "one request, one timestamp");
        assert!(!input.poll_ready());

        assert_eq!(call(addr, "POST", "/stop", ""), (200, "null".to_owned()));
        let mut rest = Vec::new();
        assert!(!input.fill(10, &mut rest));
        assert!(rest.is_empty());
        assert!(input.poll_ready());
    }

    #[test]
    fn stop_handle_drains_queued_requests() {
        let mut input = HttpInput::listen("127.0.0.1", 0, 10).unwrap();
        let addr = input.local_addr().unwrap();
        assert_eq!(call(addr, "POST", "/generate", r#"{"count": 4}"#).0, 201);
        input.stop_handle().unwrap().stop();
        let mut out = Vec::new();
        assert!(input.fill(100, &mut out));
        assert_eq!(out.len(), 4);
        assert!(!input.fill(100, &mut out));
    }

    #[test]
    fn routes_and_bodies() {
        let stopping = AtomicBool::new(false);
        let (tx, rx) = mpsc::sync_channel(1);
        let r = route("POST", "/generate", r#"{"count": 5.0}"#, &stopping, &tx);
        assert_eq!((r.status, r.queued), (201, true));
        assert_eq!(rx.try_recv(), Ok(5));
        stopping.store(true, Ordering::SeqCst);
        let r = route("POST", "/generate", r#"{"count": 5}"#, &stopping, &tx);
        assert_eq!(r, Reply::error(409, "Server is stopping"));
        // Validation comes first, as in FastAPI.
        assert_eq!(route("POST", "/generate", "{}", &stopping, &tx).status, 422);
        assert_eq!(
            parse_count(r#"{"count": -3}"#).unwrap_err(),
            "`count` must be at least 1 (got -3)"
        );
        assert_eq!(
            parse_count(r#"{"count": 1, "other": 1}"#).unwrap_err(),
            r#"unknown field `other`; the body must be exactly {"count": N}"#
        );
        assert_eq!(
            parse_count(r#"{"count": true}"#).unwrap_err(),
            "`count` must be an integer (got true)"
        );
        let r = route("POST", "/stop", "", &stopping, &tx);
        assert_eq!((r.status, r.stop), (200, true));
    }
}
