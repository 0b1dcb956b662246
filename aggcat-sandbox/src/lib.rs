//! A local AggCat service that speaks Intuit's Customer Account Data protocol.
//!
//! - `POST /oauth/v1/get_access_token_by_saml` verifies a signed SAML 2.0 bearer assertion
//!   (real exclusive c14n + RSA-SHA1, see [`auth::saml_verify`]) and mints an OAuth 1.0a
//!   access token bound to (app, customer);
//! - the API under `/v1` and `/rest-war/v1` verifies OAuth 1.0a HMAC-SHA1 signatures
//!   ([`auth::oauth`]) and answers XML documents of `aggcat-types`.
//!
//! Failures are reported as `oauth_problem`s, see [`error::OAuthProblem`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let files = aggcat_sandbox::init("my-app")?;
//! let app = aggcat_sandbox::AppRegistration::from_config_file(&files.config)?;
//! let sandbox = aggcat_sandbox::Sandbox::builder().app(app).start().await?;
//! println!("{} {}", sandbox.token_url(), sandbox.base_url());
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```

pub mod auth;
pub mod bank;
pub mod catalog;
pub mod clock;
pub mod error;
pub mod faults;
pub mod init;
pub mod ops;
pub mod registry;
pub mod routes;
pub mod server;
pub mod state;
pub mod store;

pub use auth::oauth::AuthContext;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{OAuthProblem, OAuthRejection, SandboxError};
pub use faults::{Fault, FaultPlan, FaultRule, FaultStats};
pub use init::{AppFiles, InitError, InitOptions, init, init_with_options};
pub use registry::{AppRegistration, AppRegistry, RegistryError};
pub use server::{RunningSandbox, Sandbox, SandboxBuilder};
pub use state::SandboxStats;
pub use store::Database;
