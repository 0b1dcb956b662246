//! Asking the user: credential fields (masked where the institution says so), challenge
//! questions (text, numbered choice menus, images saved to a file) and confirmations.
//!
//! Values given on the command line come first (`--credential NAME=VALUE`, `--answer VALUE`
//! consumed in order across challenge rounds); what is still missing is asked for when
//! standard input is a terminal, and is an error otherwise. Prompts go to standard error so
//! that standard output only carries results.

use std::collections::VecDeque;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use aggcat_auth::KeyError;
use aggcat_auth::secrecy::SecretString;
use aggcat_client::ChallengeQuestion;
use aggcat_types::Key;

use crate::error::{CliError, CliResult};

/// Whether we may ask questions: standard input is a terminal.
pub fn interactive() -> bool {
    io::stdin().is_terminal()
}

fn eprint_flush(text: &str) {
    let mut err = io::stderr().lock();
    // Failing to show a prompt is not worth failing the command for.
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// Reads one line from standard input (without the line break); end of input is an error.
fn read_line(what: &str) -> CliResult<String> {
    let mut line = String::new();
    let n = io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::general(format!("cannot read {what}: {e}")))?;
    if n == 0 {
        return Err(CliError::usage(format!(
            "no {what} given (standard input ended)"
        )));
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

/// Collects a value for each of `keys` (already filtered and ordered, see
/// [`aggcat_client::credential_fields`]): from `given`
/// (`NAME=VALUE` pairs, names matched ignoring case), else asked for.
///
/// Names in `given` that are not among `keys` are an error listing the valid names.
pub fn credentials(keys: &[Key], given: &[(String, String)]) -> CliResult<Vec<(String, String)>> {
    for (name, _) in given {
        if !keys.iter().any(|k| k.name.eq_ignore_ascii_case(name)) {
            let valid: Vec<String> = keys.iter().map(|k| format!("\"{}\"", k.name)).collect();
            return Err(CliError::usage(format!(
                "the institution has no credential field \"{name}\"; its fields are {}",
                valid.join(", ")
            )));
        }
    }
    let can_ask = interactive();
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        let value = match given
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&key.name))
        {
            Some((_, v)) => v.clone(),
            None if can_ask => ask_credential(key)?,
            None => {
                return Err(CliError::usage(format!(
                    "the institution asks for \"{}\" and standard input is not a terminal; give \
                     it as --credential \"{}=VALUE\"",
                    key.name, key.name
                )));
            }
        };
        values.push((key.name.to_string(), value));
    }
    Ok(values)
}

/// Prompts for one credential field, masked when `key.mask`.
fn ask_credential(key: &Key) -> CliResult<String> {
    let hint = key
        .instructions
        .as_deref()
        .map(str::trim)
        .filter(|i| !i.is_empty() && !i.eq_ignore_ascii_case(&key.name))
        .map(|i| format!(" ({i})"))
        .unwrap_or_default();
    let prompt = format!("{}{hint}: ", key.name);
    if key.mask {
        rpassword::prompt_password(prompt).map_err(|e| {
            CliError::general(format!(
                "cannot read \"{}\" from the terminal: {e}",
                key.name
            ))
        })
    } else {
        eprint_flush(&prompt);
        read_line(&format!("value for \"{}\"", key.name))
    }
}

/// The value to send for `answer` to `question`: for a choice question the value of the
/// choice whose value or text equals `answer` (ignoring case) or whose number (1-based) it is;
/// otherwise the answer itself.
pub fn resolve_answer(question: &ChallengeQuestion, answer: &str) -> String {
    let answer = answer.trim();
    let choices = question.choices();
    if choices.is_empty() {
        return answer.to_owned();
    }
    if let Some(c) = choices
        .iter()
        .find(|c| c.value().eq_ignore_ascii_case(answer) || c.text().eq_ignore_ascii_case(answer))
    {
        return c.value().to_owned();
    }
    match answer.parse::<usize>() {
        Ok(n) if (1..=choices.len()).contains(&n) => choices[n - 1].value().to_owned(),
        _ => answer.to_owned(),
    }
}

/// The question's text on one line (or a placeholder when it has none).
fn question_text(question: &ChallengeQuestion) -> String {
    let text = question
        .text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        "(a challenge without text)".to_owned()
    } else {
        text
    }
}

/// Shows a question and the given answer about to be sent (see [`Answerer::narrated`]).
type Narrator = Box<dyn FnMut(&ChallengeQuestion, &str) -> CliResult<()> + Send>;

/// Answers challenge questions: `--answer` values first, in order, then the terminal.
pub struct Answerer {
    given: VecDeque<String>,
    can_ask: bool,
    images: usize,
    /// Replaces the prompt lines on standard error when set.
    narrator: Option<Narrator>,
}

impl std::fmt::Debug for Answerer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answerer")
            .field("given", &self.given)
            .field("can_ask", &self.can_ask)
            .field("images", &self.images)
            .field("narrated", &self.narrator.is_some())
            .finish()
    }
}

impl Answerer {
    /// Uses `given` answers first; asks only when standard input is a terminal.
    pub fn new(given: Vec<String>) -> Self {
        Self::with_terminal(given, interactive())
    }

    /// Like [`Answerer::new`] with the terminal check decided by the caller.
    pub fn with_terminal(given: Vec<String>, can_ask: bool) -> Self {
        Self {
            given: given.into(),
            can_ask,
            images: 0,
            narrator: None,
        }
    }

    /// Answers only with `given`, in order, never asking; each question is shown by
    /// `narrate` (with the given answer about to be used) instead of the prompt lines on
    /// standard error (image questions are not saved to files). Running out of answers is
    /// an error.
    ///
    /// ```
    /// use aggcat_cli::output::write_stdout;
    /// use aggcat_cli::prompt::Answerer;
    ///
    /// let answerer = Answerer::narrated(vec!["Jefferson".into()], |question, answer| {
    ///     write_stdout(&format!("Q: {}\nA: {answer}\n", question.text()))
    /// });
    /// # drop(answerer);
    /// ```
    pub fn narrated(
        given: Vec<String>,
        narrate: impl FnMut(&ChallengeQuestion, &str) -> CliResult<()> + Send + 'static,
    ) -> Self {
        Self {
            narrator: Some(Box::new(narrate)),
            ..Self::with_terminal(given, false)
        }
    }

    /// Answers one round of questions, in order.
    pub fn answer_round(&mut self, questions: &[ChallengeQuestion]) -> CliResult<Vec<String>> {
        let total = questions.len();
        let mut answers = Vec::with_capacity(total);
        for (i, question) in questions.iter().enumerate() {
            let text = question_text(question);
            let numbering = if total > 1 {
                format!("[{}/{}] ", i + 1, total)
            } else {
                String::new()
            };
            if let Some(narrate) = self.narrator.as_mut() {
                let Some(given) = self.given.pop_front() else {
                    return Err(CliError::general(format!(
                        "no answer left for the challenge \"{text}\""
                    )));
                };
                narrate(question, &given)?;
                answers.push(resolve_answer(question, &given));
                continue;
            }
            eprint_flush(&format!("Challenge {numbering}{text}\n"));
            for image in question.images() {
                let path = self.save_image(image)?;
                eprint_flush(&format!("  image saved to {}\n", path.display()));
            }
            let answer = match self.given.pop_front() {
                Some(given) => {
                    let value = resolve_answer(question, &given);
                    // Free-text answers may be secrets: only a choice (already shown) is named.
                    let shown = question
                        .choices()
                        .iter()
                        .position(|c| c.value() == value)
                        .map(|i| format!(": choice {} ({})", i + 1, question.choices()[i].text()))
                        .unwrap_or_default();
                    eprint_flush(&format!("  answered from --answer{shown}\n"));
                    value
                }
                None if self.can_ask => ask(question)?,
                None => {
                    return Err(CliError::usage(format!(
                        "the challenge \"{}\" needs an answer and standard input is not a \
                         terminal; give one more --answer VALUE",
                        text
                    )));
                }
            };
            answers.push(answer);
        }
        Ok(answers)
    }

    /// Writes an image challenge to a temporary file and returns its path.
    fn save_image(&mut self, bytes: &[u8]) -> CliResult<PathBuf> {
        self.images += 1;
        let extension = image_extension(bytes);
        let path = std::env::temp_dir().join(format!(
            "aggcat-challenge-{}-{}.{extension}",
            std::process::id(),
            self.images
        ));
        std::fs::write(&path, bytes).map_err(|e| {
            CliError::general(format!(
                "cannot save the challenge image to {}: {e}",
                path.display()
            ))
        })?;
        Ok(path)
    }
}

/// Asks one question on the terminal: a numbered menu for choices, else free text.
fn ask(question: &ChallengeQuestion) -> CliResult<String> {
    let choices = question.choices();
    if choices.is_empty() {
        eprint_flush("Answer: ");
        return read_line("challenge answer");
    }
    for (i, choice) in choices.iter().enumerate() {
        eprint_flush(&format!("  {}) {}\n", i + 1, choice.text()));
    }
    loop {
        eprint_flush(&format!("Choose 1-{}: ", choices.len()));
        let line = read_line("choice")?;
        let line = line.trim();
        let by_number = line
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=choices.len()).contains(n))
            .map(|n| &choices[n - 1]);
        let by_name = || {
            choices.iter().find(|c| {
                c.text().eq_ignore_ascii_case(line) || c.value().eq_ignore_ascii_case(line)
            })
        };
        if let Some(choice) = by_number.or_else(by_name) {
            return Ok(choice.value().to_owned());
        }
        eprint_flush(&format!(
            "  please type a number from 1 to {}\n",
            choices.len()
        ));
    }
}

/// `jpg`, `png`, `gif` or `bin` from the file's magic bytes.
fn image_extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpg"
    } else if bytes.starts_with(b"\x89PNG") {
        "png"
    } else if bytes.starts_with(b"GIF8") {
        "gif"
    } else {
        "bin"
    }
}

/// How many times a key's passphrase is asked for before giving up.
pub const PASSPHRASE_TRIES: usize = 3;

/// Asks for the passphrase of the key `file` on the terminal, masked.
pub fn ask_passphrase(file: &Path) -> CliResult<SecretString> {
    rpassword::prompt_password(format!("Passphrase for {}: ", file.display()))
        .map(SecretString::from)
        .map_err(|e| {
            CliError::general(format!(
                "cannot read the passphrase of {} from the terminal: {e}",
                file.display()
            ))
        })
}

/// Unlocks an encrypted key by asking for its passphrase when none was given.
///
/// `first` is the outcome of loading without a passphrase from the prompt (with one from
/// the environment or the config, if any). When it failed with
/// [`KeyError::PassphraseRequired`] (as `key_error` finds it in the error) and standard
/// input is a terminal, the passphrase is asked for (masked) and `retry` called with it, up
/// to [`PASSPHRASE_TRIES`] times while it is wrong. Any other outcome — success, another
/// error, a wrong passphrase that was given (not typed), no terminal — is returned as is.
pub fn unlock<T, E>(
    file: &Path,
    first: Result<T, E>,
    key_error: impl Fn(&E) -> Option<&KeyError>,
    retry: impl FnMut(SecretString) -> Result<T, E>,
) -> CliResult<Result<T, E>> {
    unlock_with(file, first, key_error, retry, interactive(), ask_passphrase)
}

fn unlock_with<T, E>(
    file: &Path,
    first: Result<T, E>,
    key_error: impl Fn(&E) -> Option<&KeyError>,
    mut retry: impl FnMut(SecretString) -> Result<T, E>,
    can_ask: bool,
    mut ask: impl FnMut(&Path) -> CliResult<SecretString>,
) -> CliResult<Result<T, E>> {
    let needs_one = |result: &Result<T, E>| {
        matches!(
            result.as_ref().err().and_then(&key_error),
            Some(KeyError::PassphraseRequired { .. })
        )
    };
    if !can_ask || !needs_one(&first) {
        return Ok(first);
    }
    let mut result = first;
    for attempt in 1..=PASSPHRASE_TRIES {
        result = retry(ask(file)?);
        let wrong = matches!(
            result.as_ref().err().and_then(&key_error),
            Some(KeyError::WrongPassphrase { .. })
        );
        if !wrong {
            break;
        }
        if attempt < PASSPHRASE_TRIES {
            eprint_flush("That passphrase does not decrypt the key; try again.\n");
        }
    }
    Ok(result)
}

/// Asks a yes/no question on the terminal; `false` unless the answer starts with `y`.
pub fn confirm(question: &str) -> CliResult<bool> {
    eprint_flush(&format!("{question} [y/N] "));
    let line = read_line("confirmation")?;
    Ok(line.trim().to_ascii_lowercase().starts_with('y'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aggcat_client::{ChallengeTarget, PendingChallenge};
    use aggcat_types::{Challenge, ChallengeItem, Challenges, Choice, InstitutionDetail, Keys};

    fn choice(text: &str, val: &str) -> ChallengeItem {
        ChallengeItem::Choice(Choice {
            text: text.into(),
            val: val.into(),
        })
    }

    /// The questions of a challenge body, as the client presents them.
    fn questions(challenges: Vec<Challenge>) -> Vec<ChallengeQuestion> {
        let target = ChallengeTarget::Discover {
            institution_id: 100000,
        };
        PendingChallenge::new(
            target,
            "s",
            None,
            Challenges {
                challenge: challenges,
            },
        )
        .questions()
        .to_vec()
    }

    fn school() -> Challenge {
        Challenge {
            items: vec![
                ChallengeItem::Text("Which high school did you attend?".into()),
                choice("Washington", "Washington"),
                choice("Jefferson", "Jefferson"),
                choice("Fail", "fail"),
            ],
        }
    }

    #[test]
    fn choice_answers_resolve_by_value_text_or_number() {
        let q = &questions(vec![school()])[0];
        assert_eq!(question_text(q), "Which high school did you attend?");
        assert_eq!(resolve_answer(q, "jefferson"), "Jefferson");
        assert_eq!(resolve_answer(q, "FAIL"), "fail");
        assert_eq!(resolve_answer(q, "2"), "Jefferson");
        assert_eq!(resolve_answer(q, "9"), "9");
        assert_eq!(resolve_answer(q, "something else"), "something else");
    }

    #[test]
    fn given_answers_are_used_in_order_and_running_out_is_an_error() {
        let pet = Challenge {
            items: vec![ChallengeItem::Text("Enter your first pet's name:".into())],
        };
        let mut a = Answerer::with_terminal(vec!["rex".into(), "2".into()], false);
        assert_eq!(
            a.answer_round(&questions(vec![pet.clone()])).unwrap(),
            ["rex"]
        );
        assert_eq!(
            a.answer_round(&questions(vec![school()])).unwrap(),
            ["Jefferson"]
        );
        let err = a.answer_round(&questions(vec![pet])).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Usage);
        assert!(err.message().contains("first pet"), "{err}");
        assert!(err.message().contains("--answer"), "{err}");
    }

    #[test]
    fn image_challenges_are_saved_with_their_type() {
        let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        let c = Challenge {
            items: vec![
                ChallengeItem::Text("Enter the word in the image below".into()),
                ChallengeItem::Image(jpeg.clone()),
            ],
        };
        let mut a = Answerer::with_terminal(vec!["word".into()], false);
        assert_eq!(a.answer_round(&questions(vec![c])).unwrap(), ["word"]);
        let path =
            std::env::temp_dir().join(format!("aggcat-challenge-{}-1.jpg", std::process::id()));
        assert_eq!(std::fs::read(&path).unwrap(), jpeg);
        std::fs::remove_file(path).unwrap();
        assert_eq!(image_extension(b"\x89PNG\r\n"), "png");
        assert_eq!(image_extension(b"xyz"), "bin");
    }

    #[test]
    fn credentials_come_from_flags_and_unknown_names_are_refused() {
        let key = |name: &str, order, shown| Key {
            name: name.into(),
            display_order: order,
            display_flag: shown,
            mask: name.contains("Password"),
            ..Key::default()
        };
        let detail = InstitutionDetail {
            keys: Keys {
                key: vec![
                    key("Banking Password", 2, true),
                    key("Hidden", 3, false),
                    key("Banking Userid", 1, true),
                ],
            },
            ..InstitutionDetail::default()
        };
        let shown = aggcat_client::credential_fields(&detail);
        let names: Vec<&str> = shown.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["Banking Userid", "Banking Password"]);
        let given = vec![
            ("banking password".to_owned(), "go".to_owned()),
            ("Banking Userid".to_owned(), "direct".to_owned()),
        ];
        assert_eq!(
            credentials(&shown, &given).unwrap(),
            [
                ("Banking Userid".to_owned(), "direct".to_owned()),
                ("Banking Password".to_owned(), "go".to_owned())
            ]
        );
        let err = credentials(&shown, &[("Pin".to_owned(), "1".to_owned())]).unwrap_err();
        assert!(
            err.message()
                .contains("\"Banking Userid\", \"Banking Password\""),
            "{err}"
        );
    }

    #[test]
    fn unlock_asks_only_for_a_missing_passphrase_and_at_most_three_times() {
        use aggcat_auth::secrecy::ExposeSecret as _;
        let file = Path::new("enc.key");
        let required = || Err::<u8, KeyError>(KeyError::PassphraseRequired { path: None });
        let wrong = || Err::<u8, KeyError>(KeyError::WrongPassphrase { path: None });
        fn key_error(e: &KeyError) -> Option<&KeyError> {
            Some(e)
        }
        // Typed passphrases: the third one is right.
        let mut typed = vec!["a", "b", "right"].into_iter();
        let mut asked = 0;
        let outcome = unlock_with(
            file,
            required(),
            key_error,
            |p| {
                if p.expose_secret() == "right" {
                    Ok(7)
                } else {
                    wrong()
                }
            },
            true,
            |_| {
                asked += 1;
                Ok(SecretString::from(typed.next().unwrap()))
            },
        )
        .unwrap();
        assert_eq!(outcome.unwrap(), 7);
        assert_eq!(asked, 3);
        // Never right: three tries, then the wrong-passphrase error.
        let mut asked = 0;
        let outcome = unlock_with(
            file,
            required(),
            key_error,
            |_| wrong(),
            true,
            |_| {
                asked += 1;
                Ok(SecretString::from("nope"))
            },
        )
        .unwrap();
        assert!(matches!(outcome, Err(KeyError::WrongPassphrase { .. })));
        assert_eq!(asked, PASSPHRASE_TRIES);
        // No terminal, or a wrong passphrase that was given: nothing is asked.
        for (first, can_ask) in [(required(), false), (wrong(), true), (Ok(1), true)] {
            let outcome = unlock_with(
                file,
                first,
                key_error,
                |_| Ok(9),
                can_ask,
                |_| panic!("asked"),
            )
            .unwrap();
            assert_ne!(outcome.ok(), Some(9));
        }
    }
}
