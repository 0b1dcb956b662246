// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 6942dccffd91a27e1c9d0764b43d80efbbed3f1b12c137aac87af2ff568bef43
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:substitution-group`, written with the prefix `sg`.
    pub static SG: Ns = Ns {
        uri: "urn:aggcat:case:substitution-group",
        prefix: "sg",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::{BankingAccount, CreditAccount, Portfolio};
    use super::namespaces::SG;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `BankingAccount` document. A deposit account.
        #[serde(rename = "BankingAccount")]
        BankingAccount(BankingAccount),
        /// A `Card` document. A credit card account.
        #[serde(rename = "Card")]
        Card(CreditAccount),
        /// A `Portfolio` document. A list of accounts of any kind.
        #[serde(rename = "Portfolio")]
        Portfolio(Portfolio),
    }
    static ROOTS: [rt::Field; 3] = [
        rt::Field::new(&SG, "BankingAccount"),
        rt::Field::new(&SG, "Card"),
        rt::Field::new(&SG, "Portfolio"),
    ];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::BankingAccount(_) => ROOTS[0],
                Self::Card(_) => ROOTS[1],
                Self::Portfolio(_) => ROOTS[2],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::BankingAccount(r.read()?),
                    Some(1) => Self::Card(r.read()?),
                    Some(2) => Self::Portfolio(r.read()?),
                    _ => {
                        return Err(
                            r.error(rt::DecodeErrorKind::UnknownRoot(root.to_string())),
                        );
                    }
                },
            )
        }
    }
    impl rt::ToXml for Document {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            match self {
                Self::BankingAccount(x) => w.element(&ROOTS[0], x),
                Self::Card(x) => w.element(&ROOTS[1], x),
                Self::Portfolio(x) => w.element(&ROOTS[2], x),
            }
        }
    }
}
mod sg {
    //! Namespace `urn:aggcat:case:substitution-group`.
    //!
    //! Case substitution_group: the members of an abstract element's substitution group are the variants of a sum type.
    use super::namespaces::SG;
    use crate::runtime as rt;
    /// What every account has.
    ///
    /// On the wire each variant is its own global element; the fields of `Account` come first in each of them and can be read through the accessors below. [`Account::Unknown`] keeps an element of a kind this version does not know.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Account {
        /// A deposit account.
        #[serde(rename = "BankingAccount")]
        Banking(BankingAccount),
        /// A credit card account.
        #[serde(rename = "Card")]
        Credit(CreditAccount),
        /// An element of a kind this version does not know (a family added to the service after these schemas), kept as received: namespace, name and XML. Encoding writes it back as it is. A decode reports it ([`crate::DecodeReport`]); a strict decode refuses it ([`crate::DecodeOptions::strict`]). In JSON: `{"Unknown": {"namespace": …, "name": …, "xml": …}}`.
        Unknown(rt::UnknownElement),
    }
    static ACCOUNT_ELEMENTS: [rt::Field; 2] = [
        rt::Field::new(&SG, "BankingAccount"),
        rt::Field::new(&SG, "Card"),
    ];
    macro_rules! account_each {
        ($s:expr, $x:ident => $e:expr, $unknown:expr) => {
            match $s { Account::Banking($x) => $e, Account::Credit($x) => $e,
            Account::Unknown(_) => $unknown, }
        };
    }
    impl Account {
        /// Writes the item as its element.
        pub(crate) fn write_item(&self, w: &mut rt::XmlWriter) {
            let f = &ACCOUNT_ELEMENTS;
            match self {
                Self::Banking(x) => w.element(&f[0], x),
                Self::Credit(x) => w.element(&f[1], x),
                Self::Unknown(x) => w.unknown(x),
            }
        }
        /// Account id.
        ///
        /// Base field `accountId`, read from whichever variant this is; `0` for [`Account::Unknown`], whose content is not decoded.
        pub fn account_id(&self) -> i64 {
            account_each!(self, x => x.account_id, Default::default())
        }
        /// Name the customer gave the account.
        ///
        /// Base field `nickname`, read from whichever variant this is; `None` for [`Account::Unknown`], whose content is not decoded.
        pub fn nickname(&self) -> Option<&str> {
            account_each!(self, x => x.nickname.as_deref(), None)
        }
    }
    impl From<BankingAccount> for Account {
        fn from(x: BankingAccount) -> Self {
            Self::Banking(x)
        }
    }
    impl From<CreditAccount> for Account {
        fn from(x: CreditAccount) -> Self {
            Self::Credit(x)
        }
    }
    /// A deposit account.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct BankingAccount {
        /// Account id.
        pub account_id: i64,
        /// Name the customer gave the account.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub nickname: Option<rt::Text>,
        /// Current balance.
        pub balance: ::rust_decimal::Decimal,
    }
    static BANKING_ACCOUNT_FIELDS: [rt::Field; 3] = [
        rt::Field::new(&SG, "accountId"),
        rt::Field::new(&SG, "nickname"),
        rt::Field::new(&SG, "balance"),
    ];
    impl rt::ReadXml for BankingAccount {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&BANKING_ACCOUNT_FIELDS)? {
                match i {
                    0 => {
                        v.account_id = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.nickname = Some(r.read()?),
                    2 => {
                        v.balance = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "accountId"), (seen[1], "balance")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for BankingAccount {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &BANKING_ACCOUNT_FIELDS;
            w.element(&f[0], &self.account_id);
            w.opt(&f[1], &self.nickname);
            w.element(&f[2], &self.balance);
        }
    }
    impl BankingAccount {
        /// The global element `BankingAccount` (`urn:aggcat:case:substitution-group`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&SG, "BankingAccount");
    }
    impl rt::FromXml for BankingAccount {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for BankingAccount {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// A credit card account.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct CreditAccount {
        /// Account id.
        pub account_id: i64,
        /// Name the customer gave the account.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub nickname: Option<rt::Text>,
        /// Credit limit.
        pub credit_limit: ::rust_decimal::Decimal,
    }
    static CREDIT_ACCOUNT_FIELDS: [rt::Field; 3] = [
        rt::Field::new(&SG, "accountId"),
        rt::Field::new(&SG, "nickname"),
        rt::Field::new(&SG, "creditLimit"),
    ];
    impl rt::ReadXml for CreditAccount {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&CREDIT_ACCOUNT_FIELDS)? {
                match i {
                    0 => {
                        v.account_id = r.read()?;
                        seen[0] = true;
                    }
                    1 => v.nickname = Some(r.read()?),
                    2 => {
                        v.credit_limit = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "accountId"), (seen[1], "creditLimit")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for CreditAccount {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &CREDIT_ACCOUNT_FIELDS;
            w.element(&f[0], &self.account_id);
            w.opt(&f[1], &self.nickname);
            w.element(&f[2], &self.credit_limit);
        }
    }
    impl CreditAccount {
        /// The global element `Card` (`urn:aggcat:case:substitution-group`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&SG, "Card");
    }
    impl rt::FromXml for CreditAccount {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for CreditAccount {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// A list of accounts of any kind.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Portfolio {
        /// The items of the content, in document order.
        #[serde(default)]
        pub accounts: Vec<Account>,
    }
    static PORTFOLIO_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&SG, "BankingAccount"),
        rt::Field::new(&SG, "Card"),
    ];
    impl rt::ReadXml for Portfolio {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            while let Some(c) = r.next_item(&PORTFOLIO_FIELDS)? {
                match c {
                    rt::Child::Field(0) => v.accounts.push(Account::Banking(r.read()?)),
                    rt::Child::Field(1) => v.accounts.push(Account::Credit(r.read()?)),
                    rt::Child::Field(_) => r.skip()?,
                    rt::Child::Unknown(x) => v.accounts.push(Account::Unknown(x)),
                }
            }
            v.accounts.shrink_to_fit();
            Ok(v)
        }
    }
    impl rt::WriteXml for Portfolio {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            for x in &self.accounts {
                x.write_item(w);
            }
        }
    }
    impl Portfolio {
        /// The global element `Portfolio` (`urn:aggcat:case:substitution-group`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&SG, "Portfolio");
    }
    impl rt::FromXml for Portfolio {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Portfolio {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
}
pub use self::document::Document;
pub use self::sg::*;
