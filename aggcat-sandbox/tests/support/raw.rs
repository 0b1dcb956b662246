//! A raw HTTP/1.1 exchange on a plain TCP socket: sends the request bytes exactly as given
//! (reqwest would normalize the path first) and reads the answer until the server closes.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::time::Duration;

/// Safety net for every network wait (never an assertion about speed).
pub const SAFETY: Duration = Duration::from_secs(30);

/// The status line and headers, and the body bytes read until the server closed.
#[derive(Debug)]
pub struct RawReply {
    /// Status line and header lines (CRLF-terminated), without the blank line.
    pub head: String,
    /// Everything after the blank line, up to EOF or a reset.
    pub body: Vec<u8>,
}

impl RawReply {
    /// The numeric status.
    pub fn status(&self) -> u16 {
        self.head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {:?}", self.head))
    }

    /// The first header of that name (case-insensitive), trimmed.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }
}

/// Sends `request` (complete bytes; use `Connection: close`) and reads to EOF. Blocking: run
/// it in `spawn_blocking`. `Err` (UnexpectedEof, "connection closed after …") when the server
/// closed before the end of the head.
pub fn exchange(addr: SocketAddr, request: Vec<u8>) -> std::io::Result<RawReply> {
    let mut stream = std::net::TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(SAFETY))?;
    stream.write_all(&request)?;
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("connection closed after {head:?}"),
            ));
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let mut body = Vec::new();
    // A truncated answer ends with the server closing (EOF or reset): keep what came.
    let _ = reader.read_to_end(&mut body);
    Ok(RawReply { head, body })
}

/// [`exchange`] on the blocking pool.
pub async fn send(addr: SocketAddr, request: impl Into<Vec<u8>>) -> std::io::Result<RawReply> {
    let request = request.into();
    tokio::task::spawn_blocking(move || exchange(addr, request))
        .await
        .expect("raw exchange task")
}
