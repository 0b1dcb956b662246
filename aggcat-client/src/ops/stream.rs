//! The big lists item by item, as the answer arrives: [`ItemStream`],
//! [`Client::stream_institutions`], [`Client::stream_account_transactions`],
//! [`Client::stream_list`].
//!
//! The body is decoded by [`aggcat_types::ListDecoder`] while it is received: memory holds
//! one part of the body (about 64 KiB of whole items) and the items not yet taken, whatever
//! the list's length, instead of the whole body and the whole list.

use std::fmt;
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use aggcat_types::{Institutions, InvestmentPositions, ListDecoder, StreamList, TransactionList};
use bytes::Bytes;
use chrono::NaiveDate;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use tokio::time::{Instant, Sleep};
use url::Url;

use crate::client::{Client, Limits, extra_headers, is_token_rejected, oauth_problem_from_headers};
use crate::error::{Error, TimeLimit};
use crate::request::{ApiRequest, ApiResponse};
use crate::retry::AttemptError;

/// Reading the next chunk of the body: the future owns the response and gives it back.
type ChunkFuture =
    Pin<Box<dyn Future<Output = (reqwest::Response, reqwest::Result<Option<Bytes>>)> + Send>>;

/// A list answer (`200`) decoded item by item as its body arrives.
///
/// Take the items with [`ItemStream::next`] (or as a [`futures_core::Stream`], or with
/// [`ItemStream::for_each_item`]): each `Ok` item in document order, then — if the body
/// breaks off, grows past `max_body_bytes`, runs out of time or does not decode — one `Err`
/// after the items that precede the failure, then `None`. After the last item of a body that
/// decoded whole, [`ItemStream::rest`] gives the list without its items (a
/// [`TransactionList`]'s `not_refreshed_reason`).
///
/// Limits: the body counts against
/// [`max_body_bytes`](crate::ClientConfig::max_body_bytes) as a whole; the exchange (headers
/// and body) must end within the call's per-attempt timeout and deadline, counted from the
/// request, including the time the caller spends between two items. Items already handed
/// out cannot be taken back, so a call that fails once its body has started is not
/// repeated; before that (token, transport failures, retried statuses) it is, as for
/// [`Client::execute`]. Dropping the stream closes the connection.
pub struct ItemStream<L: StreamList> {
    decoder: ListDecoder<L>,
    /// The response, while no chunk is being read.
    body: Option<reqwest::Response>,
    /// The chunk being read.
    reading: Option<ChunkFuture>,
    /// Received bytes not yet taken by the decoder.
    pending: Bytes,
    /// The body ended.
    ended: bool,
    /// An error was handed out: nothing follows.
    failed: bool,
    status: StatusCode,
    method: Method,
    url: Url,
    received: u64,
    total: Option<u64>,
    max_body_bytes: u64,
    /// When the exchange must have ended, and which limit that is.
    timer: Pin<Box<Sleep>>,
    limit: TimeLimit,
    attempts: u32,
    started: Instant,
    /// Called with each chunk as it arrives ([`ItemStream::on_chunk`]).
    on_chunk: Option<ChunkFn>,
}

/// A callback seeing the body's chunks.
type ChunkFn = Box<dyn FnMut(&[u8]) + Send>;

impl<L: StreamList> fmt::Debug for ItemStream<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream")
            .field("status", &self.status)
            .field("url", &self.url.as_str())
            .field("received", &self.received)
            .field("content_length", &self.total)
            .field("items", &self.decoder.items_taken())
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl<L: StreamList> ItemStream<L> {
    /// The next item, the error that ends the stream, or `None` once it ended.
    #[allow(clippy::should_implement_trait)] // an async method; the `Stream` impl is below
    pub async fn next(&mut self) -> Option<Result<L::Item, Error>> {
        poll_fn(|cx| self.poll_item(cx)).await
    }

    /// Calls `f` with every item; returns the list without its items
    /// ([`ItemStream::rest`]) once the body decoded whole, or the first error (after the
    /// items that precede it were passed to `f`).
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let mut count = 0;
    /// client
    ///     .stream_institutions()
    ///     .await?
    ///     .for_each_item(|institution| {
    ///         count += 1;
    ///         println!("{} {}", institution.institution_id, institution.institution_name);
    ///     })
    ///     .await?;
    /// eprintln!("{count} institutions");
    /// # Ok(()) }
    /// ```
    pub async fn for_each_item(mut self, mut f: impl FnMut(L::Item)) -> Result<L, Error> {
        while let Some(item) = self.next().await {
            f(item?);
        }
        self.decoder.take_rest().ok_or_else(|| Error::Protocol {
            status: self.status,
            problem: "the streamed list ended without its end".to_owned(),
        })
    }

    /// Calls `f` with each chunk of the body as it is received, before it is decoded: to keep
    /// or store the raw bytes, or to report them (the institution cache writes the list as
    /// downloaded). Chunks come in order, each once; the bytes of a body that fails are
    /// passed up to the failure.
    #[must_use]
    pub fn on_chunk(mut self, f: impl FnMut(&[u8]) + Send + 'static) -> Self {
        self.on_chunk = Some(Box::new(f));
        self
    }

    /// The list without its items, once every item was taken from a body that decoded whole;
    /// `None` before.
    pub fn rest(&self) -> Option<&L> {
        self.decoder.rest()
    }

    /// Items handed out so far.
    pub fn items(&self) -> u64 {
        self.decoder.items_taken()
    }

    /// Body bytes received so far.
    pub fn received(&self) -> u64 {
        self.received
    }

    /// The answer's `Content-Length`, if it has one.
    pub fn content_length(&self) -> Option<u64> {
        self.total
    }

    /// The answer's status (`200`).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Ends the stream with `error`.
    fn fail(&mut self, error: Error) -> Poll<Option<Result<L::Item, Error>>> {
        self.failed = true;
        self.body = None;
        self.reading = None;
        self.pending = Bytes::new();
        tracing::info!(
            error = %error,
            items = self.decoder.items_taken(),
            received = self.received,
            "streamed answer failed"
        );
        Poll::Ready(Some(Err(error)))
    }

    fn timed_out(&self) -> Error {
        Error::TimedOut {
            limit: self.limit,
            method: self.method.clone(),
            url: Box::new(self.url.clone()),
            attempts: self.attempts,
        }
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<L::Item, Error>>> {
        loop {
            if let Some(item) = self.decoder.next() {
                return match item {
                    Ok(item) => Poll::Ready(Some(Ok(item))),
                    Err(source) => {
                        let error = Error::UndecodableStream {
                            status: self.status,
                            items: self.decoder.items_taken(),
                            source: Box::new(source),
                        };
                        self.fail(error)
                    }
                };
            }
            if self.failed || self.decoder.is_finished() {
                return Poll::Ready(None);
            }
            if !self.pending.is_empty() {
                let taken = self.decoder.feed(&self.pending);
                self.pending = self.pending.slice(taken..);
                continue;
            }
            if self.ended {
                self.decoder.finish_input();
                tracing::debug!(
                    items = self.decoder.items_taken(),
                    received = self.received,
                    elapsed_ms =
                        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
                    "streamed answer received"
                );
                continue;
            }
            if Instant::now() >= self.timer.deadline() {
                let error = self.timed_out();
                return self.fail(error);
            }
            let mut reading = match (self.reading.take(), self.body.take()) {
                (Some(reading), _) => reading,
                (None, Some(mut body)) => Box::pin(async move {
                    let chunk = body.chunk().await;
                    (body, chunk)
                }),
                (None, None) => {
                    self.ended = true;
                    continue;
                }
            };
            match reading.as_mut().poll(cx) {
                Poll::Ready((body, Ok(Some(chunk)))) => {
                    self.received = self.received.saturating_add(chunk.len() as u64);
                    if self.received > self.max_body_bytes {
                        tracing::warn!(
                            limit = self.max_body_bytes,
                            "streamed answer grew past the body size limit; closing it"
                        );
                        let error = Error::BodyTooLarge {
                            limit: self.max_body_bytes,
                            url: Box::new(self.url.clone()),
                            announced: None,
                        };
                        return self.fail(error);
                    }
                    if let Some(f) = &mut self.on_chunk {
                        f(&chunk);
                    }
                    self.body = Some(body);
                    self.pending = chunk;
                }
                Poll::Ready((_, Ok(None))) => self.ended = true,
                Poll::Ready((_, Err(error))) => return self.fail(Error::Transport(error)),
                Poll::Pending => {
                    self.reading = Some(reading);
                    if self.timer.as_mut().poll(cx).is_ready() {
                        let error = self.timed_out();
                        return self.fail(error);
                    }
                    return Poll::Pending;
                }
            }
        }
    }
}

impl<L> futures_core::Stream for ItemStream<L>
where
    L: StreamList + Unpin,
    L::Item: Unpin,
{
    type Item = Result<L::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}

/// What one attempt of opening a stream got: a `200` whose body is still to be read, or any
/// other answer, read whole.
struct Opened {
    response: reqwest::Response,
    /// When the attempt started (its per-attempt timeout runs from there).
    started: Instant,
}

impl Client {
    /// getInstitutions item by item: [`Client::get_institutions`] as an [`ItemStream`], for
    /// a catalog of ~19,000 institutions without holding the answer or the whole list.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), aggcat_client::Error> {
    /// let mut institutions = client.stream_institutions().await?;
    /// while let Some(institution) = institutions.next().await {
    ///     let institution = institution?;
    ///     if institution.institution_name.contains("Chase") {
    ///         println!("{} {}", institution.institution_id, institution.institution_name);
    ///     }
    /// }
    /// eprintln!("{} institutions", institutions.items());
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(name = "aggcat.stream_institutions", skip_all)]
    pub async fn stream_institutions(&self) -> Result<ItemStream<Institutions>, Error> {
        self.stream_list(ApiRequest::get("/institutions")).await
    }

    /// getAccountTransactions item by item: [`Client::get_account_transactions`] (same
    /// request, same checks) as an [`ItemStream`]. The list's `not_refreshed_reason` is in
    /// [`ItemStream::rest`] after the last transaction.
    ///
    /// ```no_run
    /// # async fn demo(client: aggcat_client::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use chrono::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2013, 1, 1).ok_or("bad date")?;
    /// let mut transactions = client.stream_account_transactions(400004540560, start, None).await?;
    /// while let Some(t) = transactions.next().await {
    ///     let t = t?;
    ///     println!("{} {:?} {:?}", t.id(), t.payee_name(), t.amount());
    /// }
    /// if let Some(reason) = transactions.rest().and_then(|l| l.not_refreshed_reason.as_ref()) {
    ///     eprintln!("not refreshed: {reason}");
    /// }
    /// # Ok(()) }
    /// ```
    #[tracing::instrument(
        name = "aggcat.stream_account_transactions",
        skip_all,
        fields(account_id = account_id, start = %start, end = ?end)
    )]
    pub async fn stream_account_transactions(
        &self,
        account_id: i64,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> Result<ItemStream<TransactionList>, Error> {
        if let Some(end) = end
            && end < start
        {
            return Err(Error::InvalidRequest(format!(
                "txnEndDate: {end} is before txnStartDate {start}"
            )));
        }
        let wire = |date: NaiveDate| date.format("%Y-%m-%d").to_string();
        let mut request = ApiRequest::get(format!("/accounts/{account_id}/transactions"))
            .query("txnStartDate", wire(start));
        if let Some(end) = end {
            request = request.query("txnEndDate", wire(end));
        }
        self.stream_list(request).await
    }

    /// getInvestmentPositions item by item (see [`Client::get_investment_positions`]).
    #[tracing::instrument(name = "aggcat.stream_investment_positions", skip_all, fields(account_id = account_id))]
    pub async fn stream_investment_positions(
        &self,
        account_id: i64,
    ) -> Result<ItemStream<InvestmentPositions>, Error> {
        self.stream_list(ApiRequest::get(format!("/accounts/{account_id}/positions")))
            .await
    }

    /// Sends `request` (a `GET` answered by one of the list documents) and returns its `200`
    /// answer as an [`ItemStream`] of `L`, decoded with the client's decode options. Any
    /// other answer is the error [`Client::execute`] + the typed methods give
    /// ([`Error::Api`], …).
    ///
    /// Token, signing, renewal after `token_rejected`, and the repetition of a call that
    /// failed before its answer's body started, within the call's limits, are those of
    /// [`Client::execute`]; see [`ItemStream`] for the body.
    pub async fn stream_list<L: StreamList>(
        &self,
        request: ApiRequest,
    ) -> Result<ItemStream<L>, Error> {
        let started = Instant::now();
        let url = self.request_url(&request)?;
        let headers = extra_headers(&request)?;
        let limits = self.limits(
            request.get_kind(),
            request.get_timeout(),
            request.get_deadline(),
        )?;
        let deadline_at = started
            .checked_add(limits.deadline)
            .unwrap_or_else(|| started + Duration::from_secs(30 * 365 * 86_400));
        let attempts = AtomicU32::new(0);
        // The `200` answer whose body is streamed (the retry loop sees a placeholder).
        let opened = Mutex::new(None);
        let outcome = tokio::time::timeout_at(
            deadline_at,
            crate::retry::with_retries(
                &self.config().retry,
                request.method(),
                deadline_at,
                &attempts,
                || self.open_attempt(&request, &url, &headers, limits, &opened),
            ),
        )
        .await;
        let attempts = attempts.load(Ordering::Relaxed).max(1);
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let answer = match outcome {
            Ok(answer) => answer,
            Err(_) => Err(Error::TimedOut {
                limit: TimeLimit::Deadline(limits.deadline),
                method: request.method().clone(),
                url: Box::new(url.clone()),
                attempts,
            }),
        };
        // One line per API call, as for `execute` (the body is still to come).
        tracing::info!(
            target: "aggcat_client::calls",
            method = %request.method(),
            path = %request.path(),
            customer = %self.customer_id(),
            status = match &answer {
                Ok(response) => Some(response.status().as_u16()),
                Err(error) => error.status().map(|s| s.as_u16()),
            },
            elapsed_ms,
            streamed = true,
            intuit_tid = answer.as_ref().ok().and_then(|r| r.header("intuit_tid")),
            error = answer.as_ref().err().map(tracing::field::display),
            "api call"
        );
        let answer = answer?;
        let opened = opened
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .filter(|_| answer.status() == StatusCode::OK);
        let Some(Opened {
            response,
            started: attempt_started,
        }) = opened
        else {
            // not a `200`: the usual error
            return Err(answer
                .expect_status(&[StatusCode::OK])
                .err()
                .unwrap_or_else(|| Error::Protocol {
                    status: StatusCode::OK,
                    problem: "a 200 answer without a body to stream".to_owned(),
                }));
        };
        let attempt_end = attempt_started
            .checked_add(limits.attempt)
            .unwrap_or(deadline_at);
        let (end, limit) = if attempt_end < deadline_at {
            (attempt_end, TimeLimit::Attempt(limits.attempt))
        } else {
            (deadline_at, TimeLimit::Deadline(limits.deadline))
        };
        let config = self.config();
        Ok(ItemStream {
            decoder: ListDecoder::new(&config.decode_options()),
            total: response.content_length(),
            body: Some(response),
            reading: None,
            pending: Bytes::new(),
            ended: false,
            failed: false,
            status: StatusCode::OK,
            method: request.method().clone(),
            url,
            received: 0,
            max_body_bytes: config.max_body_bytes(),
            timer: Box::pin(tokio::time::sleep_until(end)),
            limit,
            attempts,
            started,
            on_chunk: None,
        })
    }

    /// One attempt: the token (failures are [`AttemptError::before_send`]), then the signed
    /// request and its answer, once more after `token_rejected`.
    async fn open_attempt(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        limits: Limits,
        opened: &Mutex<Option<Opened>>,
    ) -> Result<ApiResponse, AttemptError> {
        let token = self
            .current_token(limits.token)
            .await
            .map_err(AttemptError::before_send)?;
        if let Some(answer) = self
            .open_once(request, url, headers, &token, limits, opened)
            .await
            .map_err(AttemptError::after_send)?
        {
            return Ok(answer);
        }
        self.count_rejection();
        tracing::info!("token rejected by the server; renewing it and retrying once");
        let token = self
            .renew_rejected(token.generation, limits.token)
            .await
            .map_err(AttemptError::after_send)?;
        match self
            .open_once(request, url, headers, &token, limits, opened)
            .await
            .map_err(AttemptError::after_send)?
        {
            Some(answer) => Ok(answer),
            None => Err(AttemptError::after_send(Error::Token {
                status: StatusCode::UNAUTHORIZED,
                oauth_problem: Some("token_rejected".to_owned()),
            })),
        }
    }

    /// One signed request up to its answer's headers (within the per-attempt timeout): a
    /// `200` is kept in `opened` (and a placeholder returned), any other answer is read whole;
    /// `None` for `token_rejected`.
    async fn open_once(
        &self,
        request: &ApiRequest,
        url: &Url,
        headers: &HeaderMap,
        token: &crate::token::AccessToken,
        limits: Limits,
        opened: &Mutex<Option<Opened>>,
    ) -> Result<Option<ApiResponse>, Error> {
        let limit = self.config().max_body_bytes();
        let exchange = async {
            let started = Instant::now();
            let response = self.send_signed(request, url, headers, token).await?;
            let status = response.status();
            if is_token_rejected(status, response.headers()) {
                crate::client::read_body(response, limit, url, &mut |_, _| {}).await?;
                return Ok(None);
            }
            if status == StatusCode::UNAUTHORIZED
                && let Some(problem) = oauth_problem_from_headers(response.headers())
            {
                return Err(Error::Token {
                    status,
                    oauth_problem: Some(problem),
                });
            }
            if status == StatusCode::OK {
                if let Some(announced) = response.content_length().filter(|&n| n > limit) {
                    return Err(Error::BodyTooLarge {
                        limit,
                        url: Box::new(url.clone()),
                        announced: Some(announced),
                    });
                }
                let placeholder =
                    ApiResponse::new(status, response.headers().clone(), Bytes::new());
                *opened.lock().unwrap_or_else(PoisonError::into_inner) =
                    Some(Opened { response, started });
                return Ok(Some(placeholder));
            }
            let answer = crate::client::read_body(response, limit, url, &mut |_, _| {}).await?;
            crate::wirelog::api_response(
                self.customer_id(),
                request.method(),
                url,
                &answer,
                started.elapsed(),
            );
            Ok(Some(
                answer.with_decode_options(self.config().decode_options()),
            ))
        };
        self.within_attempt(request.method(), url, limits.attempt, exchange)
            .await
    }
}
