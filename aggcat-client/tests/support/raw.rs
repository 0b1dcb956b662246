//! A scripted HTTP/1.1 server on a raw TCP socket, for answers no well-behaved framework
//! sends: endless or over-announced bodies, bodies trickled a byte at a time, hang-ups. The
//! script decides per request (method, path, how many requests came for that path before);
//! the server records what it received and whether the client closed a connection while
//! the server was still writing.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// A token reply the client accepts.
pub const TOKEN_REPLY: &str = "oauth_token_secret=rawtestsecret0123456789abcdefghijklmnop&oauth_token=qyprdrawtesttoken0123456789abcdefghijklmnopqrstu";

/// One request as the server read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Earlier requests with the same path.
    pub index: usize,
}

/// What to do with one request.
#[derive(Debug, Clone)]
pub enum Action {
    /// A complete answer.
    Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// `200` with a chunked body that never ends (64 KiB chunks until the client hangs up).
    Endless,
    /// `200` announcing `Content-Length: n`, then writing up to `n` bytes as fast as the
    /// client takes them.
    Announce(u64),
    /// `200` announcing `length` bytes, then one byte per `interval`.
    Trickle { length: u64, interval: Duration },
    /// `200` announcing `length` bytes, sending `sent` of them, then closing.
    Truncate { length: u64, sent: u64 },
    /// Close the connection without answering.
    HangUp,
}

impl Action {
    pub fn status(status: u16, body: &str) -> Self {
        Self::Reply {
            status,
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    pub fn with_header(self, name: &str, value: &str) -> Self {
        match self {
            Self::Reply {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.to_owned(), value.to_owned()));
                Self::Reply {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }

    pub fn token() -> Self {
        Self::status(200, TOKEN_REPLY)
    }
}

type ScriptFn = dyn Fn(&Received) -> Action + Send + Sync;

#[derive(Default)]
pub struct Log {
    pub received: Mutex<Vec<Received>>,
    /// Connections on which a write failed because the client had closed it.
    pub closed_by_client: AtomicU64,
    /// Body bytes written in total.
    pub body_bytes_written: AtomicU64,
    pub connections: AtomicU64,
    closed: Notify,
    stop: AtomicBool,
}

pub struct RawServer {
    pub addr: SocketAddr,
    pub log: Arc<Log>,
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.log.stop.store(true, Ordering::SeqCst);
    }
}

impl RawServer {
    /// Serves `script` on 127.0.0.1 until dropped.
    pub async fn start(script: impl Fn(&Received) -> Action + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let log = Arc::new(Log::default());
        let script: Arc<ScriptFn> = Arc::new(script);
        let server_log = Arc::clone(&log);
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                if server_log.stop.load(Ordering::SeqCst) {
                    return;
                }
                server_log.connections.fetch_add(1, Ordering::SeqCst);
                let log = Arc::clone(&server_log);
                let script = Arc::clone(&script);
                tokio::spawn(async move {
                    serve(socket, &log, &*script).await;
                });
            }
        });
        Self { addr, log }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    pub fn token_url(&self) -> String {
        format!("http://{}/oauth/v1/get_access_token_by_saml", self.addr)
    }

    /// A client config pointing at this server (key and ids of the mock in `support`).
    pub fn config(&self) -> aggcat_client::ClientConfigBuilder {
        super::Mock::config_for(&self.base_url(), &self.token_url())
            .connect_timeout(Duration::from_secs(5))
    }

    pub fn received(&self) -> Vec<Received> {
        self.log.received.lock().unwrap().clone()
    }

    /// Requests received for paths starting with `prefix`.
    pub fn count(&self, prefix: &str) -> usize {
        self.received()
            .iter()
            .filter(|r| r.path.starts_with(prefix))
            .count()
    }

    /// Waits until the client has closed a connection in the middle of a body (safety net:
    /// panics after 30 s, which means the client kept reading).
    pub async fn wait_closed_by_client(&self) {
        let waiting = async {
            loop {
                let notified = self.log.closed.notified();
                if self.log.closed_by_client.load(Ordering::SeqCst) > 0 {
                    return;
                }
                notified.await;
            }
        };
        tokio::time::timeout(Duration::from_secs(30), waiting)
            .await
            .expect("the client never closed the connection while the body was being sent");
    }

    pub fn body_bytes_written(&self) -> u64 {
        self.log.body_bytes_written.load(Ordering::SeqCst)
    }
}

async fn serve(mut socket: TcpStream, log: &Log, script: &ScriptFn) {
    let mut buffer = Vec::new();
    loop {
        let Some((method, path, body_len, head_len)) = read_head(&mut socket, &mut buffer).await
        else {
            return;
        };
        // Read (and discard) the request body.
        while buffer.len() < head_len + body_len {
            let mut chunk = [0u8; 8192];
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        }
        buffer.drain(..head_len + body_len);
        let received = {
            let mut all = log.received.lock().unwrap();
            let index = all.iter().filter(|r| r.path == path).count();
            let received = Received {
                method,
                path,
                index,
            };
            all.push(received.clone());
            received
        };
        let action = script(&received);
        match answer(&mut socket, log, action).await {
            Ok(true) => continue,
            Ok(false) => return,
            Err(_) => {
                log.closed_by_client.fetch_add(1, Ordering::SeqCst);
                log.closed.notify_waiters();
                return;
            }
        }
    }
}

/// Reads up to the end of a request head; (method, path, Content-Length, head length).
async fn read_head(
    socket: &mut TcpStream,
    buffer: &mut Vec<u8>,
) -> Option<(String, String, usize, usize)> {
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).into_owned();
            let mut lines = head.split("\r\n");
            let mut first = lines.next()?.split(' ');
            let method = first.next()?.to_owned();
            let path = first.next()?.split('?').next()?.to_owned();
            let body_len = lines
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse().ok())
                .unwrap_or(0);
            return Some((method, path, body_len, end + 4));
        }
        let mut chunk = [0u8; 8192];
        match socket.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// Writes the answer; `Ok(true)` when the connection can serve another request.
async fn answer(socket: &mut TcpStream, log: &Log, action: Action) -> std::io::Result<bool> {
    let head = |length: Option<u64>, extra: &[(String, String)], status: u16| {
        let mut head = format!("HTTP/1.1 {status} X\r\n");
        match length {
            Some(n) => head.push_str(&format!("Content-Length: {n}\r\n")),
            None => head.push_str("Transfer-Encoding: chunked\r\n"),
        }
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        head.into_bytes()
    };
    let xml = [("Content-Type".to_owned(), "application/xml".to_owned())];
    match action {
        Action::Reply {
            status,
            headers,
            body,
        } => {
            socket
                .write_all(&head(Some(body.len() as u64), &headers, status))
                .await?;
            socket.write_all(&body).await?;
            log.body_bytes_written
                .fetch_add(body.len() as u64, Ordering::SeqCst);
            Ok(true)
        }
        Action::Endless => {
            socket.write_all(&head(None, &xml, 200)).await?;
            let chunk = vec![b' '; 64 * 1024];
            let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
            frame.extend_from_slice(&chunk);
            frame.extend_from_slice(b"\r\n");
            loop {
                socket.write_all(&frame).await?;
                log.body_bytes_written
                    .fetch_add(chunk.len() as u64, Ordering::SeqCst);
            }
        }
        Action::Announce(length) => {
            socket.write_all(&head(Some(length), &xml, 200)).await?;
            let chunk = vec![b' '; 64 * 1024];
            let mut left = length;
            while left > 0 {
                let n = left.min(chunk.len() as u64);
                socket.write_all(&chunk[..n as usize]).await?;
                log.body_bytes_written.fetch_add(n, Ordering::SeqCst);
                left -= n;
            }
            Ok(true)
        }
        Action::Trickle { length, interval } => {
            socket.write_all(&head(Some(length), &xml, 200)).await?;
            for _ in 0..length {
                tokio::time::sleep(interval).await;
                socket.write_all(b" ").await?;
                log.body_bytes_written.fetch_add(1, Ordering::SeqCst);
            }
            Ok(true)
        }
        Action::Truncate { length, sent } => {
            socket.write_all(&head(Some(length), &xml, 200)).await?;
            socket.write_all(&vec![b' '; sent as usize]).await?;
            log.body_bytes_written.fetch_add(sent, Ordering::SeqCst);
            Ok(false)
        }
        Action::HangUp => Ok(false),
    }
}
