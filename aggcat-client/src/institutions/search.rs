//! The search index: the "better search" the python client promised and never shipped.
//!
//! [`SearchIndex::build`] takes institutions (id, name, home URL) once; [`SearchIndex::search`]
//! then answers free-text queries in well under a millisecond on the 18,716-institution catalog
//! (`cargo bench -p aggcat-client --bench search`). [`InstitutionIndex`](super::InstitutionIndex)
//! builds one over a list of [`Institution`](aggcat_types::Institution)s.
//!
//! # Matching
//! Text is folded (lower case, accents stripped with a hand-written Latin table: `é` → `e`,
//! `ß` → `ss`, `Œ` → `oe`, combining marks dropped) and cut into words at spaces and
//! punctuation; apostrophes join (`Employees'` → `employees`), and a word written with inner
//! punctuation is also indexed whole (`e-Funds` → `e`, `funds`, `efunds`; `401(k)` → `401k`).
//! A query word matches an indexed word
//! * exactly,
//! * as a prefix (`chas` → `chase`), or
//! * with a typo: Damerau-Levenshtein (optimal string alignment) distance ≤ 1 for query words
//!   of 4–7 characters, ≤ 2 from 8 characters (`chse` → `chase`).
//!
//! Words come from the name and from the home URL's host (`www.foxchasebank.com` →
//! `foxchasebank`); URL matches weigh less than name matches.
//!
//! # Ranking (best first)
//! 1. more query words matched (all > some);
//! 2. a relevance score: exact > prefix > typo per word; a name that starts with the query, a
//!    match early in the name, query words adjacent in order, a short name, and a name whose
//!    every word was matched all add;
//!    matching the *brand* adds most — the matched name words spell the domain label of the
//!    institution's home URL (`Chase` at `chase.com`, but not `Chase` in `Fox Chase Bank` at
//!    `foxchasebank.com`), more so when several institutions share that domain (a big brand);
//!    when the query names a whole brand, the brand's product variants (names holding words that
//!    elsewhere extend a base name on its domain: `Card`, `Business Banking`, …) fall behind its
//!    main entries (`JP Morgan Chase Bank` before `Chase e-Funds Card`);
//! 3. the id, for determinism.
//!
//! # Cost
//! The vocabulary (every distinct word) is kept sorted, so the words with a given prefix are
//! one binary search away; typo candidates are scanned only among words of a compatible length,
//! after a letter-set filter (a 64-bit mask of the letters present; `k` edits change at most
//! `2k` bits), and the edit distance is computed with early exit once a row exceeds `k`.
//! Scoring touches only documents whose posting lists were hit.
//!
//! ```
//! use aggcat_client::institutions::{SearchIndex, SearchItem};
//!
//! let index = SearchIndex::build([
//!     SearchItem::new(13718, "Fox Chase Bank", Some("https://www.foxchasebank.com/")),
//!     SearchItem::new(13278, "JP Morgan Chase Bank", Some("https://www.chase.com/")),
//! ]);
//! let ids: Vec<i64> = index.search("chase", 10).iter().map(|h| h.id).collect();
//! assert_eq!(ids, [13278, 13718]);
//! assert_eq!(index.search("fox chse", 10)[0].id, 13718);
//! assert!(index.search("zzz", 10).is_empty());
//! ```

use std::collections::{HashMap, HashSet};

/// One institution to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchItem {
    /// Institution id, returned in [`Hit::id`].
    pub id: i64,
    /// Institution name.
    pub name: String,
    /// Home URL; its host contributes words (`https://www.chase.com/` → `chase`).
    pub url: Option<String>,
}

impl SearchItem {
    /// Convenience constructor.
    pub fn new(id: i64, name: impl Into<String>, url: Option<&str>) -> Self {
        SearchItem {
            id,
            name: name.into(),
            url: url.map(str::to_string),
        }
    }
}

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Institution id.
    pub id: i64,
    /// Rank score, higher is better. `score / Hit::TIER` is the number of query words matched,
    /// so a hit matching more words always ranks first; the remainder is the relevance.
    pub score: u32,
    /// Number of distinct query words this institution matched.
    pub matched_words: usize,
    /// Number of distinct query words (after folding; at most [`MAX_QUERY_WORDS`]).
    pub query_words: usize,
}

impl Hit {
    /// Score step per matched query word (see [`Hit::score`]).
    pub const TIER: u32 = 100_000;
}

/// Query words beyond this many are ignored.
pub const MAX_QUERY_WORDS: usize = 8;

/// Words longer than this (in characters) are matched exactly or by prefix only, never by typo.
const MAX_TYPO_LEN: usize = 48;

// Per-word scores.
const NAME_EXACT: u16 = 1000;
const NAME_PREFIX: u16 = 600; // + up to 300 for the share of the word typed
const NAME_TYPO: [u16; 3] = [0, 450, 300];
const URL_EXACT: u16 = 500;
const URL_PREFIX: u16 = 250; // + up to 150
const URL_TYPO: [u16; 3] = [0, 200, 120];

// Document bonuses.
const STARTS_BONUS: u32 = 300;
const WHOLE_NAME_BONUS: u32 = 500;
const PHRASE_START_BONUS: u32 = 200;
const EARLY_BONUS: u32 = 200; // - 50 per word before the first match
const ADJACENT_BONUS: u32 = 80;
const SHORT_BONUS: u32 = 300; // - 30 per name word
const BRAND_FULL_BONUS: u32 = 400;
const BRAND_PREFIX_BONUS: u32 = 150;
const BRAND_SHARE_BONUS: u32 = 25; // per other institution on the same domain, up to 4
/// Taken from a brand's product variant when the query names the brand: more than a variant
/// gains by starting with the brand (`Chase e-Funds Card` over `JP Morgan Chase Bank`).
const BRAND_PRODUCT_PENALTY: u32 = 700;

/// Trailing parts of a domain label that do not belong to the brand (`foxchasebank`).
const GENERIC_LABEL_SUFFIXES: &[&str] = &["bank", "fcu", "cu", "online", "card", "financial"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Url,
}

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    /// Word position in the name (0 for URL words).
    pos: u8,
    field: Field,
}

#[derive(Debug, Clone)]
struct Doc {
    id: i64,
    /// Number of words in the name (aliases not counted).
    name_words: u8,
    /// Number of distinct words in the name (aliases not counted).
    distinct_words: u8,
    /// Term id of the home URL's registered domain label, or `NO_TERM`.
    label: u32,
    /// How many indexed institutions share that label.
    label_share: u32,
    /// First byte of the label (0 without one): most brand checks stop here.
    label_first: u8,
    /// Whether this is a product variant of a brand shared with other institutions (see
    /// [`mark_products`]).
    product: bool,
}

const NO_TERM: u32 = u32::MAX;

/// An immutable search index over institutions. Cheap to share between threads.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Distinct folded words, sorted.
    terms: Vec<Box<str>>,
    /// Letter-set masks of `terms`.
    masks: Vec<u64>,
    /// First byte of each term (terms are never empty).
    first_bytes: Vec<u8>,
    /// `postings[offsets[t]..offsets[t + 1]]` are the occurrences of term `t`.
    offsets: Vec<u32>,
    postings: Vec<Posting>,
    /// Term ids by length in characters (index = length, up to `MAX_TYPO_LEN`).
    by_len: Vec<Vec<u32>>,
}

impl SearchIndex {
    /// Builds the index. Items keep their own ids; duplicates are indexed as given.
    pub fn build(items: impl IntoIterator<Item = SearchItem>) -> SearchIndex {
        let mut interner: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut raw: Vec<(u32, Posting)> = Vec::new();
        let mut docs: Vec<Doc> = Vec::new();
        // Each document's name words in order (aliases not included).
        let mut doc_words: Vec<Vec<u32>> = Vec::new();
        let mut intern = |text: String, names: &mut Vec<String>| -> u32 {
            if let Some(&id) = interner.get(&text) {
                return id;
            }
            let id = names.len() as u32;
            names.push(text.clone());
            interner.insert(text, id);
            id
        };
        for item in items {
            let doc = docs.len() as u32;
            let tokens = tokenize(&item.name, true);
            let mut words: Vec<&str> = tokens
                .iter()
                .filter(|t| !t.alias)
                .map(|t| t.text.as_str())
                .collect();
            let name_words = words.len().min(255) as u8;
            words.sort_unstable();
            words.dedup();
            let distinct_words = words.len().min(255) as u8;
            let mut in_order = Vec::with_capacity(tokens.len());
            for token in tokens {
                let alias = token.alias;
                let term = intern(token.text, &mut names);
                if !alias {
                    in_order.push(term);
                }
                let pos = token.pos.min(255) as u8;
                raw.push((
                    term,
                    Posting {
                        doc,
                        pos,
                        field: Field::Name,
                    },
                ));
            }
            let mut label = NO_TERM;
            if let Some(url) = item.url.as_deref() {
                let (words, brand) = url_words(url);
                for word in words {
                    let term = intern(word, &mut names);
                    raw.push((
                        term,
                        Posting {
                            doc,
                            pos: 0,
                            field: Field::Url,
                        },
                    ));
                }
                if let Some(brand) = brand {
                    label = intern(brand, &mut names);
                }
            }
            docs.push(Doc {
                id: item.id,
                name_words,
                distinct_words,
                label,
                label_share: 0,
                label_first: 0,
                product: false,
            });
            doc_words.push(in_order);
        }

        // Renumber terms in sorted order.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut rank = vec![0u32; names.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        let terms: Vec<Box<str>> = order
            .iter()
            .map(|&old| std::mem::take(&mut names[old as usize]).into_boxed_str())
            .collect();
        for doc in &mut docs {
            if doc.label != NO_TERM {
                doc.label = rank[doc.label as usize];
            }
        }
        for (term, _) in &mut raw {
            *term = rank[*term as usize];
        }

        // Postings grouped by term, one per (term, doc, field), earliest position kept.
        raw.sort_unstable_by_key(|(t, p)| (*t, p.doc, p.field == Field::Url, p.pos));
        raw.dedup_by(|b, a| a.0 == b.0 && a.1.doc == b.1.doc && a.1.field == b.1.field);
        let mut offsets = Vec::with_capacity(terms.len() + 1);
        let mut postings = Vec::with_capacity(raw.len());
        let mut next = 0usize;
        for term in 0..terms.len() as u32 {
            offsets.push(postings.len() as u32);
            while next < raw.len() && raw[next].0 == term {
                postings.push(raw[next].1);
                next += 1;
            }
        }
        offsets.push(postings.len() as u32);

        let mut label_count: HashMap<u32, u32> = HashMap::new();
        for doc in &docs {
            if doc.label != NO_TERM {
                *label_count.entry(doc.label).or_default() += 1;
            }
        }
        for doc in &mut docs {
            doc.label_share = label_count.get(&doc.label).copied().unwrap_or(0);
            if doc.label != NO_TERM {
                doc.label_first = terms[doc.label as usize].as_bytes()[0];
            }
        }
        mark_products(&mut docs, &doc_words);
        let first_bytes = terms.iter().map(|t| t.as_bytes()[0]).collect();

        let masks = terms.iter().map(|t| letter_mask(t)).collect();
        let mut by_len = vec![Vec::new(); MAX_TYPO_LEN + 3];
        for (id, term) in terms.iter().enumerate() {
            let len = term.chars().count();
            if len < by_len.len() {
                by_len[len].push(id as u32);
            }
        }
        SearchIndex {
            docs,
            terms,
            masks,
            first_bytes,
            offsets,
            postings,
            by_len,
        }
    }

    /// Number of indexed institutions.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Number of distinct indexed words (name and URL words).
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The best `limit` institutions for `query`, best first. An empty query (or one without
    /// any letter or digit) and a query matching nothing give an empty result.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words = query_words(query);
        if words.is_empty() || limit == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        let mut scratch = Scratch {
            slot: vec![u32::MAX; self.docs.len()],
            candidates: Vec::new(),
            hits: Vec::new(),
            width: words.len(),
        };
        for (w, word) in words.iter().enumerate() {
            self.match_word(word, w, &mut scratch);
        }
        let mut ranked: Vec<Hit> = scratch
            .candidates
            .iter()
            .enumerate()
            .map(|(c, &doc)| {
                let hits = &scratch.hits[c * scratch.width..(c + 1) * scratch.width];
                self.rank(doc, hits)
            })
            .collect();
        let better = |a: &Hit, b: &Hit| b.score.cmp(&a.score).then(a.id.cmp(&b.id));
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, better);
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(better);
        ranked
    }

    /// Records, for every document containing a word that matches `word`, the best match of
    /// query word number `w`.
    fn match_word(&self, word: &str, w: usize, scratch: &mut Scratch) {
        let qlen = word.chars().count();
        // Prefix (and exact) matches: a contiguous range of the sorted vocabulary.
        let lo = self.terms.partition_point(|t| &**t < word);
        let hi = lo + self.terms[lo..].partition_point(|t| t.starts_with(word));
        for term in lo..hi {
            let tlen = self.terms[term].chars().count();
            let (name, url) = if tlen == qlen {
                (NAME_EXACT, URL_EXACT)
            } else {
                let share = (qlen * 300 / tlen) as u16;
                (NAME_PREFIX + share, URL_PREFIX + share / 2)
            };
            self.record(term as u32, w, name, url, scratch);
        }
        // Typo matches.
        if !(4..=MAX_TYPO_LEN).contains(&qlen) {
            return;
        }
        let k = if qlen >= 8 { 2 } else { 1 };
        let qmask = letter_mask(word);
        let qchars: Vec<char> = word.chars().collect();
        let mut tchars: Vec<char> = Vec::new();
        for len in qlen - k..=qlen + k {
            for &term in &self.by_len[len] {
                let t = term as usize;
                if (lo..hi).contains(&t) || (self.masks[t] ^ qmask).count_ones() > 2 * k as u32 {
                    continue;
                }
                let text = &*self.terms[t];
                let distance = if word.is_ascii() && text.is_ascii() {
                    osa_within(word.as_bytes(), text.as_bytes(), k)
                } else {
                    tchars.clear();
                    tchars.extend(text.chars());
                    osa_within(&qchars, &tchars, k)
                };
                if let Some(d) = distance {
                    self.record(term, w, NAME_TYPO[d], URL_TYPO[d], scratch);
                }
            }
        }
    }

    fn record(&self, term: u32, w: usize, name: u16, url: u16, scratch: &mut Scratch) {
        let range = self.offsets[term as usize] as usize..self.offsets[term as usize + 1] as usize;
        for posting in &self.postings[range] {
            let score = match posting.field {
                Field::Name => name,
                Field::Url => url,
            };
            let hit = scratch.hit(posting.doc, w);
            if score > hit.score || (score == hit.score && posting.pos < hit.pos) {
                *hit = WordHit {
                    score,
                    pos: posting.pos,
                    field: posting.field,
                    term,
                };
            }
        }
    }

    /// Final score of a document from its per-query-word best matches.
    fn rank(&self, doc: u32, hits: &[WordHit]) -> Hit {
        let d = &self.docs[doc as usize];
        let matched = hits.iter().filter(|h| h.score > 0).count();
        let mut relevance: u32 = hits.iter().map(|h| u32::from(h.score)).sum();
        let in_name = |h: &WordHit| h.score > 0 && h.field == Field::Name;

        if in_name(&hits[0]) && hits[0].pos == 0 {
            relevance += STARTS_BONUS;
            if hits
                .iter()
                .enumerate()
                .all(|(i, h)| in_name(h) && usize::from(h.pos) == i)
            {
                relevance += PHRASE_START_BONUS;
            }
        }
        if let Some(first) = hits.iter().filter(|h| in_name(h)).map(|h| h.pos).min() {
            relevance += EARLY_BONUS.saturating_sub(50 * u32::from(first));
        }
        for pair in hits.windows(2) {
            if in_name(&pair[0]) && in_name(&pair[1]) && pair[1].pos == pair[0].pos.wrapping_add(1)
            {
                relevance += ADJACENT_BONUS;
            }
        }
        relevance += SHORT_BONUS.saturating_sub(30 * u32::from(d.name_words));
        if hits.iter().all(in_name) {
            let mut positions: [u8; MAX_QUERY_WORDS] = [u8::MAX; MAX_QUERY_WORDS];
            for (slot, h) in positions.iter_mut().zip(hits) {
                *slot = h.pos;
            }
            let positions = &mut positions[..hits.len()];
            positions.sort_unstable();
            let mut distinct = 1;
            for pair in positions.windows(2) {
                distinct += usize::from(pair[0] != pair[1]);
            }
            // Each query word on its own name word, and every name word matched.
            if distinct == hits.len() && distinct == usize::from(d.distinct_words) {
                relevance += WHOLE_NAME_BONUS;
            }
        }
        let brand = self.brand_bonus(d, hits);
        if brand > 0 {
            relevance += brand + BRAND_SHARE_BONUS * d.label_share.saturating_sub(1).min(4);
            // The query names the whole brand: its main entries before its products.
            if d.product && brand == BRAND_FULL_BONUS {
                relevance = relevance.saturating_sub(BRAND_PRODUCT_PENALTY);
            }
        }
        Hit {
            id: d.id,
            score: matched as u32 * Hit::TIER + relevance.min(Hit::TIER - 1),
            matched_words: matched,
            query_words: hits.len(),
        }
    }

    /// Whether the matched name words spell the brand (the home URL's domain label): fully
    /// (`chase` at `chase.com`, `fox chase` at `foxchasebank.com`) or its beginning (`wells` at
    /// `wellsfargo.com`).
    fn brand_bonus(&self, doc: &Doc, hits: &[WordHit]) -> u32 {
        if doc.label == NO_TERM {
            return 0;
        }
        let mut words: [(u8, u32); MAX_QUERY_WORDS] = [(0, 0); MAX_QUERY_WORDS];
        let mut n = 0;
        for h in hits
            .iter()
            .filter(|h| h.score > 0 && h.field == Field::Name)
        {
            words[n] = (h.pos, h.term);
            n += 1;
        }
        if n == 0 {
            return 0;
        }
        let words = &mut words[..n];
        words.sort_unstable();
        if doc.label_first != self.first_bytes[words[0].1 as usize] {
            return 0;
        }
        let label = &*self.terms[doc.label as usize];
        let mut rest = label;
        let mut last_pos = None;
        for &(pos, term) in words.iter() {
            if last_pos == Some(pos) {
                continue;
            }
            last_pos = Some(pos);
            let word = &*self.terms[term as usize];
            // Most labels fail on the first byte; avoid the comparison call for them.
            if rest.as_bytes().first() != word.as_bytes().first() {
                return 0;
            }
            match rest.strip_prefix(word) {
                Some(r) => rest = r,
                None => return 0,
            }
        }
        if rest.is_empty() || GENERIC_LABEL_SUFFIXES.contains(&rest) {
            BRAND_FULL_BONUS
        } else if label.len() - rest.len() >= 3 {
            BRAND_PREFIX_BONUS
        } else {
            0
        }
    }
}

/// Marks the product variants of each brand shared by several institutions (the same home-URL
/// label), learning from the data which words make a product variant of a base entry.
///
/// Wherever one name of a shared domain extends another (`Tyler National Bank` → `Tyler
/// National Bank Credit Card`, `… - Business Banking`, `… - Investments`), the added words are
/// *variant words*. A name is then a product when it holds a variant word that not every name
/// of its domain holds (`credit` in every `… Credit Union …` is no sign): at `chase.com`,
/// `Chase e-Funds Card` and `Chase Bank Credit Card (Amazon.com)` but not `JP Morgan Chase Bank`.
fn mark_products(docs: &mut [Doc], doc_words: &[Vec<u32>]) {
    let mut groups: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        if doc.label != NO_TERM && doc.label_share > 1 {
            groups.entry(doc.label).or_default().push(i);
        }
    }
    let mut variant_words: HashSet<u32> = HashSet::new();
    for group in groups.values() {
        for &a in group {
            for &b in group {
                let (base, longer) = (&doc_words[a], &doc_words[b]);
                if base.len() < longer.len() && longer.starts_with(base) {
                    variant_words.extend(&longer[base.len()..]);
                }
            }
        }
    }
    for group in groups.values() {
        let in_all = |w: &u32| group.iter().all(|&i| doc_words[i].contains(w));
        for &i in group {
            docs[i].product = doc_words[i]
                .iter()
                .any(|w| variant_words.contains(w) && !in_all(w));
        }
    }
}

/// Best match of one query word in one document.
#[derive(Debug, Clone, Copy)]
struct WordHit {
    score: u16,
    pos: u8,
    field: Field,
    term: u32,
}

const NO_HIT: WordHit = WordHit {
    score: 0,
    pos: u8::MAX,
    field: Field::Url,
    term: NO_TERM,
};

/// Per-query working memory: candidate documents and their per-word best matches.
struct Scratch {
    /// Candidate index of each document, `u32::MAX` if not a candidate.
    slot: Vec<u32>,
    candidates: Vec<u32>,
    /// `width` entries per candidate.
    hits: Vec<WordHit>,
    width: usize,
}

impl Scratch {
    fn hit(&mut self, doc: u32, w: usize) -> &mut WordHit {
        let mut slot = self.slot[doc as usize];
        if slot == u32::MAX {
            slot = self.candidates.len() as u32;
            self.slot[doc as usize] = slot;
            self.candidates.push(doc);
            self.hits.extend(std::iter::repeat_n(NO_HIT, self.width));
        }
        &mut self.hits[slot as usize * self.width + w]
    }
}

// ---------------------------------------------------------------------------------------------
// Text folding and tokenisation

/// A folded word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    /// Index of the word in the text (an alias shares its first part's position).
    pos: usize,
    /// A whole chunk written with inner punctuation (`efunds` of `e-Funds`).
    alias: bool,
}

/// Folds a text and splits it into words: the words a query or a name is made of.
///
/// ```
/// use aggcat_client::institutions::normalize;
///
/// assert_eq!(normalize("Crédit Agricole"), ["credit", "agricole"]);
/// assert_eq!(normalize("Chase e-Funds Card"), ["chase", "e", "funds", "card"]);
/// assert_eq!(normalize("STRASSE Straße"), ["strasse", "strasse"]);
/// ```
pub fn normalize(text: &str) -> Vec<String> {
    tokenize(text, false).into_iter().map(|t| t.text).collect()
}

/// The distinct words of a query, in order, at most [`MAX_QUERY_WORDS`].
fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for token in tokenize(query, false) {
        if !words.contains(&token.text) {
            words.push(token.text);
            if words.len() == MAX_QUERY_WORDS {
                break;
            }
        }
    }
    words
}

enum CharClass {
    /// Part of a word (already appended, folded).
    Word,
    /// Ignored inside a word: apostrophes, combining accents.
    Join,
    /// Punctuation: ends a word, not the chunk.
    Break,
    /// White space: ends the word and the chunk.
    Space,
}

fn tokenize(text: &str, with_aliases: bool) -> Vec<Token> {
    let mut t = Tokenizer {
        tokens: Vec::new(),
        part: String::new(),
        joined: String::new(),
        parts_in_chunk: 0,
        chunk_pos: 0,
        pos: 0,
        with_aliases,
    };
    for c in text.chars() {
        match fold_char(c, &mut t.part) {
            CharClass::Word | CharClass::Join => {}
            CharClass::Break => t.end_part(),
            CharClass::Space => {
                t.end_part();
                t.end_chunk();
            }
        }
    }
    t.end_part();
    t.end_chunk();
    t.tokens
}

/// State of [`tokenize`]: a chunk is a run of non-space characters, made of parts (words)
/// separated by punctuation.
struct Tokenizer {
    tokens: Vec<Token>,
    /// The word being read.
    part: String,
    /// The parts of the current chunk, concatenated (only with aliases).
    joined: String,
    parts_in_chunk: usize,
    chunk_pos: usize,
    pos: usize,
    with_aliases: bool,
}

impl Tokenizer {
    fn end_part(&mut self) {
        if self.part.is_empty() {
            return;
        }
        if self.parts_in_chunk == 0 {
            self.chunk_pos = self.pos;
        }
        self.parts_in_chunk += 1;
        if self.with_aliases {
            self.joined.push_str(&self.part);
        }
        let text = std::mem::take(&mut self.part);
        self.tokens.push(Token {
            text,
            pos: self.pos,
            alias: false,
        });
        self.pos += 1;
    }

    fn end_chunk(&mut self) {
        if self.with_aliases && self.parts_in_chunk > 1 {
            let text = std::mem::take(&mut self.joined);
            self.tokens.push(Token {
                text,
                pos: self.chunk_pos,
                alias: true,
            });
        }
        self.joined.clear();
        self.parts_in_chunk = 0;
    }
}

/// Classifies `c`; word characters are appended to `out` lower-cased and without accents.
fn fold_char(c: char, out: &mut String) -> CharClass {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            CharClass::Word
        } else if c == '\'' || c == '`' {
            CharClass::Join
        } else if c.is_ascii_whitespace() {
            CharClass::Space
        } else {
            CharClass::Break
        };
    }
    if let Some(folded) = fold_latin(c) {
        out.push_str(folded);
        return CharClass::Word;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{0300}'..='\u{036F}' => CharClass::Join,
        c if c.is_whitespace() => CharClass::Space,
        c if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            CharClass::Word
        }
        _ => CharClass::Break,
    }
}

/// ASCII spelling of the Latin-1 and Latin Extended-A letters (and a few Latin Extended-B).
fn fold_latin(c: char) -> Option<&'static str> {
    let folded = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'Ð' | 'ð' | 'Ď'..='đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ĝ'..='ģ' => "g",
        'Ĥ'..='ħ' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ĳ' | 'ĳ' => "ij",
        'Ĵ' | 'ĵ' => "j",
        'Ķ'..='ĸ' => "k",
        'Ĺ'..='ł' => "l",
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' | 'ſ' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ'..='ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => "y",
        'Ź'..='ž' => "z",
        _ => return None,
    };
    Some(folded)
}

/// Words of a URL's host (without `www` and the top-level domain) and the folded registered
/// domain label, the brand: `https://online.citibank.com/x` → (`online`, `citibank`), `citibank`.
fn url_words(url: &str) -> (Vec<String>, Option<String>) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let (brand_at, keep) = match labels.len() {
        0 => return (Vec::new(), None),
        1 => (0, 1),
        n => (n - 2, n - 1),
    };
    let mut words = Vec::new();
    let mut brand = None;
    for (i, label) in labels[..keep].iter().enumerate() {
        if label.eq_ignore_ascii_case("www") {
            continue;
        }
        let tokens = tokenize(label, true);
        if i == brand_at {
            // The whole label, punctuation dropped: the alias if there is one, else the word.
            brand = tokens
                .iter()
                .find(|t| t.alias)
                .or(tokens.first())
                .map(|t| t.text.clone());
        }
        words.extend(tokens.into_iter().map(|t| t.text));
    }
    (words, brand)
}

/// 64-bit set of the characters of a word: a–z and 0–9 have their own bit, others share bits
/// by code point.
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0u64, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + (c as u32 % 28),
        };
        mask | 1 << bit
    })
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) if it is at
/// most `k` (≤ 2), computed with early exit. Words are at most `MAX_TYPO_LEN + k` long.
fn osa_within<T: PartialEq>(a: &[T], b: &[T], k: usize) -> Option<usize> {
    const W: usize = MAX_TYPO_LEN + 4;
    let (m, n) = (a.len(), b.len());
    if m.abs_diff(n) > k || m >= W || n >= W {
        return None;
    }
    let mut before = [0u8; W]; // row i - 2
    let mut prev = [0u8; W]; // row i - 1
    let mut row = [0u8; W]; // row i
    for (j, cell) in prev.iter_mut().enumerate().take(n + 1) {
        *cell = j as u8;
    }
    for i in 1..=m {
        row[0] = i as u8;
        let mut row_min = row[0];
        for j in 1..=n {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            row[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > k {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = usize::from(prev[n]);
    (d <= k).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, name: &str, url: &str) -> SearchItem {
        SearchItem::new(id, name, Some(url))
    }

    /// The institutions of the python-aggcat manual's "chase" example plus neighbours.
    fn sample() -> SearchIndex {
        SearchIndex::build([
            item(13_278, "JP Morgan Chase Bank", "https://www.chase.com/"),
            item(13_640, "Quicken Visa", "https://www.chase.com/"),
            item(
                14_554,
                "Chase Bank Credit Card (Amazon.com)",
                "https://www.chase.com/",
            ),
            item(14_910, "Chase e-Funds Card", "https://www.chase.com/"),
            item(
                14_777,
                "Fox Chase Bank - Business Banking",
                "https://www.foxchasebank.com/",
            ),
            item(13_718, "Fox Chase Bank", "https://www.foxchasebank.com/"),
            item(
                14_484,
                "Chevy Chase Bank - Web Cash Manager",
                "https://www.chevychasebank.com/",
            ),
            item(14_512, "Wells Fargo", "https://www.wellsfargo.com/"),
            item(
                14_513,
                "Wells Fargo Advisors",
                "https://www.wellsfargoadvisors.com/",
            ),
            item(20_001, "Wellesley Bank", "https://www.wellesleybank.com/"),
            item(
                20_002,
                "Orange County Wells Federal Credit Union",
                "https://www.ocwfcu.org/",
            ),
            item(20_003, "Bank of America", "https://www.bankofamerica.com/"),
            item(
                20_004,
                "First National Bank of Omaha",
                "https://www.fnbo.com/",
            ),
            item(
                20_005,
                "Omaha First Bank - National Division",
                "https://www.ofb.com/",
            ),
            item(
                20_006,
                "Caisse Desjardins de Lévis",
                "https://www.desjardins.com/",
            ),
            item(
                20_007,
                "Texas Dow Employees Credit Union",
                "https://www.tdecu.org/",
            ),
            item(
                20_008,
                "State Employees' Credit Union",
                "https://www.ncsecu.org/",
            ),
        ])
    }

    fn ids(hits: &[Hit]) -> Vec<i64> {
        hits.iter().map(|h| h.id).collect()
    }

    fn rank_of(hits: &[Hit], id: i64) -> usize {
        hits.iter()
            .position(|h| h.id == id)
            .unwrap_or_else(|| panic!("{id} not found"))
    }

    #[test]
    fn folding_and_tokenising() {
        assert_eq!(normalize("  JP  Morgan\tChase "), ["jp", "morgan", "chase"]);
        assert_eq!(
            normalize("Crédit Union ÉCOLE Œuvre"),
            ["credit", "union", "ecole", "oeuvre"]
        );
        assert_eq!(normalize("Employees' Credit"), ["employees", "credit"]);
        assert_eq!(normalize("Employees\u{2019}"), ["employees"]);
        // Decomposed accents (e + combining acute).
        assert_eq!(normalize("Cre\u{301}dit"), ["credit"]);
        assert_eq!(normalize("Łódź Ångström"), ["lodz", "angstrom"]);
        assert_eq!(
            normalize("Wells-Fargo/401(k)"),
            ["wells", "fargo", "401", "k"]
        );
        assert!(normalize(" - & () ").is_empty());
        let with_aliases: Vec<(String, usize, bool)> = tokenize("Chase e-Funds Card", true)
            .into_iter()
            .map(|t| (t.text, t.pos, t.alias))
            .collect();
        assert_eq!(
            with_aliases,
            [
                ("chase".to_string(), 0, false),
                ("e".to_string(), 1, false),
                ("funds".to_string(), 2, false),
                ("efunds".to_string(), 1, true),
                ("card".to_string(), 3, false),
            ]
        );
    }

    #[test]
    fn url_host_words_and_brand() {
        assert_eq!(
            url_words("https://www.chase.com/"),
            (vec!["chase".to_string()], Some("chase".to_string()))
        );
        assert_eq!(
            url_words("https://online.citibank.com/US/login"),
            (
                vec!["online".into(), "citibank".into()],
                Some("citibank".to_string())
            )
        );
        assert_eq!(
            url_words("http://user@www.fox-chase.com:8080?x"),
            (
                vec!["fox".into(), "chase".into(), "foxchase".into()],
                Some("foxchase".to_string())
            )
        );
        assert_eq!(
            url_words("localhost"),
            (vec!["localhost".into()], Some("localhost".into()))
        );
        assert_eq!(url_words(""), (vec![], None));
    }

    #[test]
    fn edit_distance() {
        let d = |a: &str, b: &str, k| osa_within(a.as_bytes(), b.as_bytes(), k);
        assert_eq!(d("chse", "chase", 1), Some(1));
        assert_eq!(d("chase", "chase", 1), Some(0));
        assert_eq!(d("cahse", "chase", 1), Some(1)); // transposition
        assert_eq!(d("chsae", "chase", 1), Some(1));
        assert_eq!(d("wells", "walls", 1), Some(1));
        assert_eq!(d("wells", "wall", 1), None);
        assert_eq!(d("wells", "wall", 2), Some(2));
        assert_eq!(d("national", "nationel", 2), Some(1));
        assert_eq!(d("national", "natoinla", 2), Some(2));
        assert_eq!(d("national", "rational", 2), Some(1));
        assert_eq!(d("abcdefgh", "hgfedcba", 2), None);
        assert_eq!(d("", "ab", 2), Some(2));
    }

    #[test]
    fn chase_brand_ranks_before_places_named_chase() {
        let index = sample();
        let hits = index.search("chase", 20);
        let jpm = rank_of(&hits, 13_278);
        assert!(jpm < rank_of(&hits, 14_484), "{:?}", ids(&hits));
        assert!(jpm < rank_of(&hits, 13_718), "{:?}", ids(&hits));
        assert!(jpm < rank_of(&hits, 14_777), "{:?}", ids(&hits));
        // Names starting with the brand come first; the URL-only match comes last.
        assert_eq!(&ids(&hits)[..3], [14_910, 14_554, 13_278]);
        assert_eq!(*ids(&hits).last().unwrap(), 13_640);
        assert_eq!(hits.len(), 7);
        assert!(
            hits.iter()
                .all(|h| h.matched_words == 1 && h.query_words == 1)
        );
        // Case does not matter.
        assert_eq!(index.search("CHASE", 20), hits);
    }

    #[test]
    fn a_brand_names_its_main_entry_before_its_products() {
        // `Credit Card` and `Business Banking` extend names elsewhere on a shared domain, so
        // they mark the products; `credit` in every name of a credit union's domain does not.
        let index = SearchIndex::build([
            item(1, "Acme Bank Credit Card", "https://www.acme.com/"),
            item(2, "Acme Bank - Business Banking", "https://www.acme.com/"),
            item(3, "Big River Acme Bank", "https://www.acme.com/"),
            item(4, "Tyler Bank", "https://www.tyler.com/"),
            item(5, "Tyler Bank Credit Card", "https://www.tyler.com/"),
            item(6, "Ozark Credit Union", "https://www.ozark.org/"),
            item(
                7,
                "Ozark Credit Union - Business Banking",
                "https://www.ozark.org/",
            ),
        ]);
        let products: Vec<i64> = index
            .docs
            .iter()
            .filter(|d| d.product)
            .map(|d| d.id)
            .collect();
        assert_eq!(products, [1, 2, 5, 7]);
        assert_eq!(ids(&index.search("acme", 10))[0], 3);
        assert_eq!(ids(&index.search("acme bank credit card", 10))[0], 1);
        assert_eq!(ids(&index.search("ozark", 10))[0], 6);
    }

    #[test]
    fn typos_and_prefixes_still_find_chase() {
        let index = sample();
        for query in ["chse", "chsae", "cahse", "chas", "cha", "chasee"] {
            let hits = index.search(query, 20);
            let jpm = rank_of(&hits, 13_278);
            assert!(jpm < rank_of(&hits, 14_484), "{query}: {:?}", ids(&hits));
            assert!(jpm < rank_of(&hits, 13_718), "{query}: {:?}", ids(&hits));
        }
        // A typo scores below the exact word.
        let exact = index.search("chase", 1)[0].score;
        let typo = index.search("chse", 1)[0].score;
        let prefix = index.search("chas", 1)[0].score;
        assert!(exact > prefix && prefix > typo, "{exact} {prefix} {typo}");
        // Short words get no typo tolerance: "chs" is no word's prefix.
        assert!(index.search("chs", 10).is_empty());
    }

    #[test]
    fn wells_finds_wells_fargo_first() {
        let index = sample();
        let hits = index.search("wells", 10);
        assert_eq!(hits[0].id, 14_512, "{:?}", ids(&hits));
        assert_eq!(hits[1].id, 14_513);
        assert!(ids(&hits).contains(&20_002));
        let hits = index.search("wells fargo", 10);
        assert_eq!(&ids(&hits)[..2], [14_512, 14_513]);
        assert_eq!(hits[0].matched_words, 2);
        // "wels fargo": typo in one word.
        assert_eq!(index.search("wels fargo", 10)[0].id, 14_512);
        // The URL label alone.
        assert_eq!(index.search("wellsfargo", 10)[0].id, 14_512);
    }

    #[test]
    fn all_words_matched_beats_some() {
        let index = sample();
        let hits = index.search("national bank", 20);
        let mut top = ids(&hits[..2]);
        top.sort_unstable();
        assert_eq!(top, [20_004, 20_005], "{:?}", ids(&hits));
        assert!(hits.len() > 5);
        assert!(hits[..2].iter().all(|h| h.matched_words == 2));
        assert!(hits[2..].iter().all(|h| h.matched_words == 1));
        assert!(hits[1].score / Hit::TIER > hits[2].score / Hit::TIER);
        // In-order adjacency ranks "First National" over "First Bank - National".
        let hits = index.search("first national", 10);
        assert_eq!(&ids(&hits)[..2], [20_004, 20_005]);
        let hits = index.search("credit union texas", 10);
        assert_eq!(hits[0].id, 20_007);
        assert_eq!(hits[0].matched_words, 3);
    }

    #[test]
    fn whole_name_beats_longer_brand_prefix() {
        let index = SearchIndex::build([
            item(1, "Texas FCU Visa", "https://www.texasfcuvisa.com/"),
            item(2, "Texas FCU", "https://www.tfcuonline.com/"),
            item(3, "Texas FCU Credit Card", "https://www.tfcuonline.com/"),
        ]);
        assert_eq!(ids(&index.search("texas fcu", 10)), [2, 1, 3]);
        assert_eq!(ids(&index.search("Texas FCU Visa", 10))[0], 1);
        // "card" is a typo of "care": that must not make the shorter name a whole-name match.
        let index = SearchIndex::build([
            item(1, "Health Care Credit Union", "https://www.hccu.com/"),
            item(
                2,
                "Health Care Credit Union Credit Card",
                "https://www.hccu.com/",
            ),
        ]);
        let query = "Health Care Credit Union Credit Card";
        assert_eq!(ids(&index.search(query, 10)), [2, 1]);
        assert_eq!(ids(&index.search("health care credit union", 10)), [1, 2]);
    }

    #[test]
    fn accents_are_folded_both_ways() {
        let index = sample();
        assert_eq!(index.search("crédit", 10), index.search("credit", 10));
        assert!(!index.search("crédit", 10).is_empty());
        assert_eq!(index.search("levis", 10)[0].id, 20_006);
        assert_eq!(index.search("LÉVIS", 10)[0].id, 20_006);
        assert_eq!(
            index.search("employees'", 10),
            index.search("employees", 10)
        );
    }

    #[test]
    fn empty_and_unmatched_queries() {
        let index = sample();
        assert!(index.search("", 10).is_empty());
        assert!(index.search("   ", 10).is_empty());
        assert!(index.search("-- & --", 10).is_empty());
        assert!(index.search("zzzzqqq", 10).is_empty());
        assert!(index.search("xylophone", 10).is_empty());
        assert!(index.search("chase", 0).is_empty());
        assert!(SearchIndex::build([]).search("chase", 10).is_empty());
    }

    #[test]
    fn limit_ties_and_determinism() {
        let index = SearchIndex::build(
            (0..50)
                .rev()
                .map(|i| item(1_000 + i, "Twin Bank", "https://www.twinbank.com/")),
        );
        let hits = index.search("twin", 5);
        assert_eq!(ids(&hits), [1_000, 1_001, 1_002, 1_003, 1_004]);
        let all = index.search("twin", 100);
        assert_eq!(all.len(), 50);
        assert!(
            all.windows(2)
                .all(|w| w[0].id < w[1].id && w[0].score == w[1].score)
        );
        let index = sample();
        for query in ["bank", "b", "chase bank", "card"] {
            let full = index.search(query, 1_000);
            for limit in [1, 2, 3, 5] {
                let top = index.search(query, limit);
                assert_eq!(top, full[..limit.min(full.len())], "{query} {limit}");
            }
            assert!(full.windows(2).all(
                |w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].id < w[1].id)
            ));
        }
    }

    #[test]
    fn long_queries_are_capped() {
        let index = sample();
        let query = "a b c d e f g h i j k l chase";
        let hits = index.search(query, 10);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| h.query_words == MAX_QUERY_WORDS));
        assert_eq!(query_words("bank Bank BANK").len(), 1);
    }
}
