// generated from schemas/ by `cargo xtask codegen` — do not edit
// codegen 0.1.0 · schemas: 1 .xsd file, sha256 31a9f2efd13392c265a9b884b6217bb91346b38a07c6038f2c5b438d04867a16
//! Bindings generated from the XSDs in `schemas/`: one module per namespace.
//!
//! Regenerate with `cargo xtask codegen`; never edit by hand.
pub mod namespaces {
    //! The XML namespaces of the schemas, with the prefixes used when writing documents.
    use crate::runtime::Ns;
    /// `urn:aggcat:case:xsi-type`, written with the prefix `xt`.
    pub static XT: Ns = Ns {
        uri: "urn:aggcat:case:xsi-type",
        prefix: "xt",
    };
}
mod document {
    //! [`Document`]: any document, dispatched on its root element.
    use super::Ledger;
    use super::namespaces::XT;
    use crate::runtime as rt;
    /// A decoded document of any kind: one variant per global element of the schemas.
    ///
    /// [`Document::from_xml`] dispatches on the root element's namespace and local name.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Document {
        /// A `Ledger` document. Payments of any kind.
        #[serde(rename = "Ledger")]
        Ledger(Ledger),
    }
    static ROOTS: [rt::Field; 1] = [rt::Field::new(&XT, "Ledger")];
    impl Document {
        /// Decodes any AggCat document; an unknown root element is an error naming it.
        pub fn from_xml(input: &[u8]) -> Result<Self, rt::DecodeError> {
            rt::from_xml(input)
        }
        /// The global element of this document.
        pub fn element(&self) -> rt::ElementName {
            match self {
                Self::Ledger(_) => ROOTS[0],
            }
        }
    }
    impl rt::FromXml for Document {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let root = r.root()?;
            Ok(
                match ROOTS.iter().position(|e| root.is(e)) {
                    Some(0) => Self::Ledger(r.read()?),
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
                Self::Ledger(x) => w.element(&ROOTS[0], x),
            }
        }
    }
}
mod xt {
    //! Namespace `urn:aggcat:case:xsi-type`.
    //!
    //! Case xsi_type: an element whose type is abstract names its concrete type with xsi:type; the derived types are the variants of a sum type.
    use super::namespaces::XT;
    use crate::runtime as rt;
    /// A payment by card.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct CardPayment {
        /// Amount paid.
        pub amount: ::rust_decimal::Decimal,
        /// Last four digits of the card.
        pub last_4: rt::Text,
    }
    static CARD_PAYMENT_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&XT, "amount"),
        rt::Field::new(&XT, "last4"),
    ];
    impl rt::ReadXml for CardPayment {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&CARD_PAYMENT_FIELDS)? {
                match i {
                    0 => {
                        v.amount = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.last_4 = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "amount"), (seen[1], "last4")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for CardPayment {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &CARD_PAYMENT_FIELDS;
            w.element(&f[0], &self.amount);
            w.element(&f[1], &self.last_4);
        }
    }
    /// Payments of any kind.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Ledger {
        /// A payment; its xsi:type says which kind.
        #[serde(default)]
        pub payment: Vec<Payment>,
    }
    static LEDGER_FIELDS: [rt::Field; 1] = [rt::Field::new(&XT, "payment")];
    impl rt::ReadXml for Ledger {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            while let Some(i) = r.next_field(&LEDGER_FIELDS)? {
                match i {
                    0 => v.payment.push(r.read()?),
                    _ => r.skip()?,
                }
            }
            v.payment.shrink_to_fit();
            Ok(v)
        }
    }
    impl rt::WriteXml for Ledger {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &LEDGER_FIELDS;
            w.many(&f[0], &self.payment);
        }
    }
    impl Ledger {
        /// The global element `Ledger` (`urn:aggcat:case:xsi-type`).
        pub const ELEMENT: rt::ElementName = rt::Field::new(&XT, "Ledger");
    }
    impl rt::FromXml for Ledger {
        fn from_reader(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            rt::read_root(r, &Self::ELEMENT)
        }
    }
    impl rt::ToXml for Ledger {
        fn write_root(&self, w: &mut rt::XmlWriter) {
            w.element(&Self::ELEMENT, self);
        }
    }
    /// What every payment has.
    ///
    /// `Payment` is abstract: on the wire each element of this type names its concrete type with `xsi:type`, and each variant is one of those types. Decoding refuses an element without `xsi:type` or naming a type this version does not know; encoding writes `xsi:type`.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    #[allow(clippy::large_enum_variant)]
    pub enum Payment {
        /// A payment by card.
        #[serde(rename = "CardPayment")]
        CardPayment(CardPayment),
        /// A payment by bank transfer.
        #[serde(rename = "TransferPayment")]
        TransferPayment(TransferPayment),
    }
    static PAYMENT_TYPES: [rt::Field; 2] = [
        rt::Field::new(&XT, "CardPayment"),
        rt::Field::new(&XT, "TransferPayment"),
    ];
    static PAYMENT_ATTRIBUTES: [rt::Field; 0] = [];
    impl Default for Payment {
        /// The first derived type's default.
        fn default() -> Self {
            Self::CardPayment(Default::default())
        }
    }
    impl rt::ReadXml for Payment {
        const ATTRIBUTES: &'static [rt::Field] = &PAYMENT_ATTRIBUTES;
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let ty = r.xsi_type()?;
            match ty.as_ref().and_then(|t| PAYMENT_TYPES.iter().position(|f| t.is(f))) {
                Some(0) => {
                    Ok(Self::CardPayment(<CardPayment as rt::ReadXml>::read_xml(r)?))
                }
                Some(1) => {
                    Ok(
                        Self::TransferPayment(
                            <TransferPayment as rt::ReadXml>::read_xml(r)?,
                        ),
                    )
                }
                _ => {
                    Err(
                        r
                            .error(rt::DecodeErrorKind::InvalidValue {
                                kind: "xsi:type",
                                value: ty.map(|t| t.to_string()).unwrap_or_default(),
                                reason: format!(
                                    "expected one of the types derived from the abstract type: {}",
                                    "CardPayment, TransferPayment"
                                ),
                            }),
                    )
                }
            }
        }
    }
    impl rt::WriteXml for Payment {
        fn write_attrs(&self, w: &mut rt::XmlWriter) {
            match self {
                Self::CardPayment(x) => {
                    w.xsi_type(&PAYMENT_TYPES[0]);
                    x.write_attrs(w);
                }
                Self::TransferPayment(x) => {
                    w.xsi_type(&PAYMENT_TYPES[1]);
                    x.write_attrs(w);
                }
            }
        }
        fn write_content(&self, w: &mut rt::XmlWriter) {
            match self {
                Self::CardPayment(x) => x.write_content(w),
                Self::TransferPayment(x) => x.write_content(w),
            }
        }
    }
    /// A payment by bank transfer.
    #[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct TransferPayment {
        /// Amount paid.
        pub amount: ::rust_decimal::Decimal,
        /// Account the money came from.
        pub iban: rt::Text,
    }
    static TRANSFER_PAYMENT_FIELDS: [rt::Field; 2] = [
        rt::Field::new(&XT, "amount"),
        rt::Field::new(&XT, "iban"),
    ];
    impl rt::ReadXml for TransferPayment {
        fn read_xml(r: &mut rt::XmlReader<'_>) -> Result<Self, rt::DecodeError> {
            let mut v = Self::default();
            let mut seen = [false; 2];
            while let Some(i) = r.next_field(&TRANSFER_PAYMENT_FIELDS)? {
                match i {
                    0 => {
                        v.amount = r.read()?;
                        seen[0] = true;
                    }
                    1 => {
                        v.iban = r.read()?;
                        seen[1] = true;
                    }
                    _ => r.skip()?,
                }
            }
            r.check_required(&[(seen[0], "amount"), (seen[1], "iban")])?;
            Ok(v)
        }
    }
    impl rt::WriteXml for TransferPayment {
        fn write_content(&self, w: &mut rt::XmlWriter) {
            let f = &TRANSFER_PAYMENT_FIELDS;
            w.element(&f[0], &self.amount);
            w.element(&f[1], &self.iban);
        }
    }
}
pub use self::document::Document;
pub use self::xt::*;
