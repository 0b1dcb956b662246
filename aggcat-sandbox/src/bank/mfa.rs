//! Multi-factor challenges of the test bank and how answers are judged.

use super::image::word_png;
use super::prng::{Prng, fnv1a};
use crate::store::MfaFlow;

/// The question of the `tfa_text` flow (and first question of `tfa_text2`).
pub const PET_QUESTION: &str = "Enter your first pet's name:";
/// The second question of `tfa_text2`.
pub const SCHOOL_QUESTION: &str = "Enter your high school's name:";
/// The question of `tfa_choice`.
pub const CHOICE_QUESTION: &str = "Which high school did you attend?";
/// The `(text, val)` choices of `tfa_choice`.
pub const CHOICES: [(&str, &str); 5] = [
    ("Washington", "Washington"),
    ("Jefferson", "Jefferson"),
    ("Wilson", "Wilson"),
    ("loop", "loop"),
    ("Fail", "fail"),
];
/// The question of `tfa_image`.
pub const IMAGE_QUESTION: &str = "Enter the word in the image below";
/// The question of `tfa_dynamic_image`.
pub const DYNAMIC_IMAGE_QUESTION: &str = "Enter the word in the dynamic image below";
/// The word drawn in the `tfa_image` picture.
pub const STATIC_IMAGE_WORD: &str = "SANDBOX";
/// Words drawn in `tfa_dynamic_image` pictures (one per session).
pub const DYNAMIC_WORDS: [&str; 10] = [
    "HARBOR", "MAPLE", "QUARTZ", "JUNIPER", "VELVET", "SUMMIT", "LANTERN", "WILLOW", "COBALT",
    "MEADOW",
];

/// One part of a challenge, in wire order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChallengePart {
    /// A question or instruction.
    Text(String),
    /// A picture (PNG bytes).
    Image(Vec<u8>),
    /// One option of a multiple-choice question.
    Choice {
        /// What the customer sees.
        text: String,
        /// What the client sends back.
        val: String,
    },
}

/// One challenge (one expected answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChallengeSpec {
    /// Text, image and choices, in order.
    pub parts: Vec<ChallengePart>,
}

/// What the answers to a round lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Logged in.
    Accepted,
    /// Another challenge round follows (`tfa_choice` answer `loop`).
    AnotherRound,
    /// Wrong answer: aggregation error 187 (`tfa_choice` answer `fail`).
    Incorrect,
}

/// How many answers a round of `flow` expects.
pub fn expected_answers(flow: MfaFlow) -> u32 {
    match flow {
        MfaFlow::Text2 => 2,
        _ => 1,
    }
}

/// A session id turned into a seed (for the per-session picture).
pub fn session_seed(session_id: &str) -> u64 {
    fnv1a(session_id)
}

/// The challenges of one round.
pub fn challenges(flow: MfaFlow, session_seed: u64) -> Vec<ChallengeSpec> {
    let text = |q: &str| ChallengeSpec {
        parts: vec![ChallengePart::Text(q.to_owned())],
    };
    match flow {
        MfaFlow::Text => vec![text(PET_QUESTION)],
        MfaFlow::Text2 => vec![text(PET_QUESTION), text(SCHOOL_QUESTION)],
        MfaFlow::Choice => {
            let mut parts = vec![ChallengePart::Text(CHOICE_QUESTION.to_owned())];
            parts.extend(CHOICES.iter().map(|(text, val)| ChallengePart::Choice {
                text: (*text).to_owned(),
                val: (*val).to_owned(),
            }));
            vec![ChallengeSpec { parts }]
        }
        MfaFlow::Image => vec![ChallengeSpec {
            parts: vec![
                ChallengePart::Text(IMAGE_QUESTION.to_owned()),
                ChallengePart::Image(word_png(STATIC_IMAGE_WORD, None)),
            ],
        }],
        MfaFlow::DynamicImage => {
            let word = dynamic_word(session_seed);
            vec![ChallengeSpec {
                parts: vec![
                    ChallengePart::Text(DYNAMIC_IMAGE_QUESTION.to_owned()),
                    ChallengePart::Image(word_png(word, Some(session_seed))),
                ],
            }]
        }
    }
}

/// The word drawn for a dynamic-image session.
pub fn dynamic_word(session_seed: u64) -> &'static str {
    let word: &&'static str = Prng::new(session_seed).pick(&DYNAMIC_WORDS);
    word
}

/// Judges a round's answers (their number has been checked already). Every flow accepts any
/// answer, except `tfa_choice`: `loop` asks again, `fail` is wrong (case-insensitive).
pub fn judge(flow: MfaFlow, answers: &[String]) -> Verdict {
    match flow {
        MfaFlow::Choice => {
            let answer = answers.first().map(|a| a.trim()).unwrap_or_default();
            if answer.eq_ignore_ascii_case("loop") {
                Verdict::AnotherRound
            } else if answer.eq_ignore_ascii_case("fail") {
                Verdict::Incorrect
            } else {
                Verdict::Accepted
            }
        }
        _ => Verdict::Accepted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_have_the_documented_questions() {
        let text2 = challenges(MfaFlow::Text2, 0);
        assert_eq!(text2.len(), 2);
        assert_eq!(expected_answers(MfaFlow::Text2), 2);
        assert_eq!(
            text2[1].parts,
            [ChallengePart::Text(SCHOOL_QUESTION.to_owned())]
        );
        let choice = &challenges(MfaFlow::Choice, 0)[0];
        assert_eq!(choice.parts.len(), 6);
        assert_eq!(
            choice.parts[5],
            ChallengePart::Choice {
                text: "Fail".into(),
                val: "fail".into()
            }
        );
    }

    #[test]
    fn dynamic_images_differ_between_sessions() {
        let image = |seed| match &challenges(MfaFlow::DynamicImage, seed)[0].parts[1] {
            ChallengePart::Image(bytes) => bytes.clone(),
            other => panic!("expected an image, got {other:?}"),
        };
        let a = session_seed("c31c8a55-754e-4252-8212-b8143270f84f");
        let b = session_seed("0b5f0e43-5f38-4a0e-9d0c-4c9d8f1f2a11");
        assert_ne!(image(a), image(b));
        assert_eq!(image(a), image(a));
        let fixed = |seed| match &challenges(MfaFlow::Image, seed)[0].parts[1] {
            ChallengePart::Image(bytes) => bytes.clone(),
            other => panic!("expected an image, got {other:?}"),
        };
        assert_eq!(fixed(a), fixed(b));
    }

    #[test]
    fn choice_answers() {
        let one = |a: &str| judge(MfaFlow::Choice, &[a.to_owned()]);
        assert_eq!(one("Wilson"), Verdict::Accepted);
        assert_eq!(one("LOOP"), Verdict::AnotherRound);
        assert_eq!(one("fail"), Verdict::Incorrect);
        assert_eq!(
            judge(MfaFlow::Text, &["anything".into()]),
            Verdict::Accepted
        );
    }
}
