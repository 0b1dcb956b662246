//! The generated bindings document what every public item means.
//!
//! Each public item (type, field, variant, function, static) of the generated code must have doc
//! comments, and they must say more than the generator can say on its own: a doc line that only
//! repeats the wire name (`` `balanceAmount` (account/v1). ``, `` `CHECKING` ``), or a generic
//! fallback such as "The `X` type." / "Element `x`." / "A `X` document.", means the schema lacks
//! its `xs:documentation`. The fix is always in `schemas/`, followed by `cargo xtask codegen`.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen sits in the workspace")
        .to_path_buf()
}

/// The `#[doc]` lines of an item, trimmed.
fn doc_lines(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for a in attrs {
        if !a.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &a.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
        {
            out.extend(s.value().lines().map(|l| l.trim().to_string()));
        }
    }
    out
}

/// `` `name` `` alone, optionally followed by a parenthesized namespace and a full stop.
fn only_wire_name(line: &str) -> bool {
    let l = line.strip_suffix('.').unwrap_or(line);
    let Some(rest) = l.strip_prefix('`') else {
        return false;
    };
    let Some(end) = rest.find('`') else {
        return false;
    };
    let tail = rest[end + 1..].trim();
    tail.is_empty() || (tail.starts_with('(') && tail.ends_with(')') && !tail[1..].contains('('))
}

/// `prefix` + one backticked name + `suffix`, nothing else.
fn template(line: &str, prefix: &str, suffix: &str) -> bool {
    line.strip_prefix(prefix)
        .and_then(|l| l.strip_suffix(suffix))
        .and_then(|l| l.strip_prefix('`'))
        .and_then(|l| l.strip_suffix('`'))
        .is_some_and(|name| !name.is_empty() && !name.contains('`'))
}

/// Why a doc line is a placeholder, if it is one.
fn placeholder(line: &str) -> Option<&'static str> {
    if only_wire_name(line) {
        return Some("only repeats the wire name");
    }
    let fallbacks = [
        ("The ", " type."),
        ("The ", " enumeration."),
        ("Attribute ", "."),
        ("Element ", "."),
        ("A ", " document."),
        ("An ", " document."),
    ];
    if fallbacks.iter().any(|(p, s)| template(line, p, s)) {
        return Some("is the generator's fallback text");
    }
    let words = ["TODO", "FIXME", "TBD", "XXX", "placeholder"];
    if line
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
    {
        return Some("is a placeholder");
    }
    None
}

/// A line the generator adds beside the meaning (fine, but not a meaning on its own).
fn boilerplate(line: &str) -> bool {
    line.is_empty() || line.starts_with("Base field `") || placeholder(line).is_some()
}

struct Checker {
    file: String,
    problems: Vec<String>,
    items: usize,
}

impl Checker {
    fn check(&mut self, what: &str, attrs: &[syn::Attribute]) {
        self.items += 1;
        let lines = doc_lines(attrs);
        let at = format!("{}: {what}", self.file);
        if lines.is_empty() {
            self.problems.push(format!("{at}: no doc comment"));
            return;
        }
        if lines.iter().all(|l| l.is_empty()) {
            self.problems.push(format!("{at}: empty doc comment"));
            return;
        }
        let before = self.problems.len();
        for l in &lines {
            if let Some(why) = placeholder(l) {
                self.problems.push(format!("{at}: doc line {l:?} {why}"));
            }
        }
        if self.problems.len() == before && lines.iter().all(|l| boilerplate(l)) {
            self.problems.push(format!(
                "{at}: doc comment {lines:?} does not say what it means"
            ));
        }
    }

    fn fields(&mut self, owner: &str, fields: &syn::Fields) {
        for (i, f) in fields.iter().enumerate() {
            if matches!(f.vis, syn::Visibility::Public(_)) {
                let name = f.ident.as_ref().map_or(i.to_string(), |n| n.to_string());
                self.check(&format!("{owner}.{name}"), &f.attrs);
            }
        }
    }

    fn items(&mut self, items: &[syn::Item]) {
        for item in items {
            match item {
                syn::Item::Struct(s) if matches!(s.vis, syn::Visibility::Public(_)) => {
                    let name = s.ident.to_string();
                    self.check(&format!("struct {name}"), &s.attrs);
                    self.fields(&name, &s.fields);
                }
                syn::Item::Enum(e) if matches!(e.vis, syn::Visibility::Public(_)) => {
                    let name = e.ident.to_string();
                    self.check(&format!("enum {name}"), &e.attrs);
                    for v in &e.variants {
                        self.check(&format!("{name}::{}", v.ident), &v.attrs);
                    }
                }
                syn::Item::Fn(f) if matches!(f.vis, syn::Visibility::Public(_)) => {
                    self.check(&format!("fn {}", f.sig.ident), &f.attrs);
                }
                syn::Item::Static(s) if matches!(s.vis, syn::Visibility::Public(_)) => {
                    self.check(&format!("static {}", s.ident), &s.attrs);
                }
                syn::Item::Const(c) if matches!(c.vis, syn::Visibility::Public(_)) => {
                    self.check(&format!("const {}", c.ident), &c.attrs);
                }
                syn::Item::Type(t) if matches!(t.vis, syn::Visibility::Public(_)) => {
                    self.check(&format!("type {}", t.ident), &t.attrs);
                }
                syn::Item::Trait(t) if matches!(t.vis, syn::Visibility::Public(_)) => {
                    self.check(&format!("trait {}", t.ident), &t.attrs);
                }
                syn::Item::Mod(m) => {
                    // `mod x;` is documented in its own file (checked there)
                    if let Some((_, inner)) = &m.content {
                        if matches!(m.vis, syn::Visibility::Public(_)) {
                            self.check(&format!("mod {}", m.ident), &m.attrs);
                        }
                        self.items(inner);
                    }
                }
                syn::Item::Impl(i) if i.trait_.is_none() => {
                    let self_ty = quote::ToTokens::to_token_stream(&i.self_ty).to_string();
                    for ii in &i.items {
                        if let syn::ImplItem::Fn(f) = ii
                            && matches!(f.vis, syn::Visibility::Public(_))
                        {
                            self.check(&format!("{self_ty}::{}", f.sig.ident), &f.attrs);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// Problems of one generated file, and how many items were checked.
fn check_file(name: &str, text: &str) -> (Vec<String>, usize) {
    let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    let mut c = Checker {
        file: name.to_string(),
        problems: Vec::new(),
        items: 0,
    };
    c.check("module", &file.attrs);
    c.items(&file.items);
    (c.problems, c.items)
}

fn assert_documented<'a>(files: impl Iterator<Item = (String, &'a str)>, origin: &str) {
    let mut problems = Vec::new();
    let mut items = 0;
    let mut n = 0;
    for (name, text) in files {
        let (p, i) = check_file(&name, text);
        problems.extend(p);
        items += i;
        n += 1;
    }
    assert!(
        n > 20,
        "expected the generated files in {origin}, found {n}"
    );
    assert!(
        items > 1000,
        "only {items} public items checked in {origin}"
    );
    assert!(
        problems.is_empty(),
        "{} of {items} public items in {origin} lack a meaningful doc comment; write what the field, \
         type or value means into its xs:annotation/xs:documentation in schemas/ and run `cargo xtask codegen`:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_generated_item_says_what_it_means() {
    let files = codegen::generate(&root().join("schemas")).expect("the schemas generate");
    assert_documented(
        files
            .iter()
            .map(|(p, t)| (p.display().to_string(), t.as_str())),
        "the output generated from schemas/",
    );
}

#[test]
fn every_checked_in_item_says_what_it_means() {
    let dir = root().join("aggcat-types/src/generated");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("generated file is readable");
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    files.sort();
    assert_documented(
        files.iter().map(|(n, t)| (n.clone(), t.as_str())),
        "aggcat-types/src/generated",
    );
}

#[test]
fn placeholder_docs_are_caught() {
    let src = r#"
        //! Accounts.
        /// The `Thing` type.
        pub struct Thing {
            /// `balanceAmount` (account/v1).
            pub balance_amount: Option<i64>,
            pub undocumented: i32,
            ///
            pub empty: i32,
            /// Balance of the account, in the account's currency.
            pub fine: i32,
            private: i32,
        }
        /// Kind of an account.
        pub enum Kind {
            /// `CHECKING`
            Checking,
            /// `SAVINGS`: Savings account.
            Savings,
            /// TODO
            Other,
        }
        /// A `AccountList` document.
        pub static X: i32 = 0;
        impl Thing {
            /// Base field `accountId`, read from whichever variant this is.
            pub fn account_id(&self) -> i64 { 0 }
            /// Key of the account.
            ///
            /// Base field `accountId`, read from whichever variant this is.
            pub fn ok(&self) -> i64 { 0 }
            fn private(&self) {}
        }
    "#;
    let (problems, items) = check_file("sample.rs", src);
    let flagged = |what: &str| problems.iter().any(|p| p.contains(&format!(": {what}:")));
    for bad in [
        "struct Thing",
        "Thing.balance_amount",
        "Thing.undocumented",
        "Thing.empty",
        "Kind::Checking",
        "Kind::Other",
        "static X",
        "Thing::account_id",
    ] {
        assert!(flagged(bad), "{bad} not flagged: {problems:#?}");
    }
    for good in [
        "module",
        "Thing.fine",
        "enum Kind",
        "Kind::Savings",
        "Thing::ok",
    ] {
        assert!(!flagged(good), "{good} wrongly flagged: {problems:#?}");
    }
    assert!(!problems.iter().any(|p| p.contains("private")));
    assert_eq!(items, 13, "{problems:#?}");
}
