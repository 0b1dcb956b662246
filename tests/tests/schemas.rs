//! Checks the XSDs in `schemas/`: each compiles on its own, the set covers the 23 wire namespaces, and
//! hand-written documents (our own, covering every namespace) validate or are rejected as the schemas
//! intend. (Captured server answers kept outside the repository are validated on request by
//! `extra_fixtures.rs`.)

use std::path::PathBuf;

use aggcat_tests::{SCHEMA_NAMES, namespace_uri, schemas_dir, validate_xml, xmllint};

fn schema_path(name: &str) -> PathBuf {
    schemas_dir().join(format!("{name}.xsd"))
}

fn read_schema(name: &str) -> String {
    let path = schema_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[track_caller]
fn assert_valid(what: &str, xml: &str) {
    if let Err(diagnostics) = validate_xml(xml.as_bytes()) {
        panic!("{what} should validate, xmllint says:\n{diagnostics}");
    }
}

/// Asserts the document is rejected and that the diagnostics mention `expected` (so that the document fails
/// for the intended reason, not for a typo elsewhere).
#[track_caller]
fn assert_invalid(what: &str, xml: &str, expected: &str) {
    match validate_xml(xml.as_bytes()) {
        Ok(()) => panic!("{what} should be rejected but validates"),
        Err(diagnostics) => {
            assert!(
                !diagnostics.contains("failed to compile"),
                "{what}: the schemas did not compile:\n{diagnostics}"
            );
            assert!(
                diagnostics.contains(expected),
                "{what}: expected a diagnostic mentioning {expected:?}, got:\n{diagnostics}"
            );
        }
    }
}

#[test]
fn schema_directory_holds_exactly_the_23_namespaces() {
    let dir = schemas_dir();
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "xsd"))
        .map(|path| {
            path.file_stem()
                .expect("file stem")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    found.sort();
    let mut expected: Vec<String> = SCHEMA_NAMES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn each_schema_compiles_on_its_own() {
    let scratch = tempfile::tempdir().expect("temporary directory");
    let dummy = scratch.path().join("dummy.xml");
    std::fs::write(&dummy, "<declaredNowhere/>").expect("write dummy instance");
    for name in SCHEMA_NAMES {
        let schema = schema_path(name);
        let output = xmllint(&[
            "--noout".as_ref(),
            "--nonet".as_ref(),
            "--schema".as_ref(),
            schema.as_os_str(),
            dummy.as_os_str(),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        // A schema that does not compile makes xmllint stop with exit code 5 and "failed to compile"; parser
        // errors and warnings are prefixed "Schemas parser". A compiled schema goes on to reject the dummy
        // instance (exit code 3) because no schema declares its root element.
        assert!(
            !stderr.contains("failed to compile") && !stderr.contains("Schemas parser"),
            "{name}.xsd does not compile cleanly:\n{stderr}"
        );
        assert_eq!(
            output.status.code(),
            Some(3),
            "{name}.xsd: unexpected xmllint result:\n{stderr}"
        );
        assert!(
            stderr.contains("No matching global declaration available for the validation root"),
            "{name}.xsd: the dummy instance was not validated:\n{stderr}"
        );
    }
}

#[test]
fn each_schema_targets_its_namespace_with_qualified_elements_and_relative_imports() {
    for name in SCHEMA_NAMES {
        let xsd = read_schema(name);
        let target = format!("targetNamespace=\"{}\"", namespace_uri(name));
        assert!(xsd.contains(&target), "{name}.xsd lacks {target}");
        assert!(
            xsd.contains("elementFormDefault=\"qualified\""),
            "{name}.xsd"
        );
        assert!(
            xsd.contains("attributeFormDefault=\"unqualified\""),
            "{name}.xsd"
        );
        assert!(
            xsd.contains("<xs:documentation>"),
            "{name}.xsd has no documentation"
        );
        assert!(
            !xsd.contains("<xs:any"),
            "{name}.xsd must stay closed (no wildcards)"
        );
        for location in xsd.split("schemaLocation=\"").skip(1) {
            let location = &location[..location.find('"').expect("closing quote")];
            let imported = location
                .strip_suffix(".xsd")
                .unwrap_or_else(|| panic!("{name}.xsd: {location}"));
            assert!(
                SCHEMA_NAMES.contains(&imported),
                "{name}.xsd imports {location}, which is not a sibling schema file"
            );
            let import = format!(
                "namespace=\"{}\" schemaLocation=\"{location}\"",
                namespace_uri(imported)
            );
            assert!(
                xsd.contains(&import),
                "{name}.xsd: import of {location} names the wrong namespace"
            );
        }
    }
}

#[test]
fn required_marker_is_only_on_account_id_and_institution_id() {
    const MARKER: &str = "<xs:appinfo>required</xs:appinfo>";
    for name in SCHEMA_NAMES {
        let count = read_schema(name).matches(MARKER).count();
        if name != "account" {
            assert_eq!(count, 0, "{name}.xsd carries the required marker");
        }
    }
    let account = read_schema("account");
    assert_eq!(account.matches(MARKER).count(), 2);
    for field in ["accountId", "institutionId"] {
        let start = account
            .find(&format!("<xs:element name=\"{field}\""))
            .unwrap_or_else(|| panic!("account.xsd declares {field}"));
        let declaration =
            &account[start..start + account[start..].find("</xs:element>").expect("end tag")];
        assert!(
            declaration.contains("minOccurs=\"0\""),
            "{field} must be optional in the schema"
        );
        assert!(
            declaration.contains(MARKER),
            "{field} must carry the required marker"
        );
    }
}

#[test]
fn currency_code_lists_the_189_codes_of_the_service() {
    let common = read_schema("common");
    let start = common
        .find("<xs:simpleType name=\"CurrencyCode\">")
        .expect("CurrencyCode declared");
    let body = &common[start..start + common[start..].find("</xs:simpleType>").expect("end tag")];
    let codes: Vec<&str> = body
        .split("<xs:enumeration value=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("closing quote")])
        .collect();
    assert_eq!(codes.len(), 189);
    assert_eq!(codes.first(), Some(&"AED"));
    assert_eq!(codes.last(), Some(&"ZWD"));
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 189, "duplicate currency codes");
    // The oddities of the service's list: two non-ISO entries, no yen.
    assert!(codes.contains(&"SM") && codes.contains(&"VAL"));
    assert!(!codes.contains(&"JPY"));

    let detail = |currency: &str| {
        format!(
            r#"<InstitutionDetail xmlns="{}" xmlns:c="{}"><institutionId>1</institutionId><institutionName>B</institutionName><address><c:country>USA</c:country></address><currencyCode>{currency}</currencyCode><keys/></InstitutionDetail>"#,
            namespace_uri("institution"),
            namespace_uri("common")
        )
    };
    for code in ["AED", "SM", "VAL", "ZWD", "USD"] {
        assert_valid(code, &detail(code));
    }
    assert_invalid("JPY", &detail("JPY"), "JPY");
    assert_invalid("lower-case usd", &detail("usd"), "usd");
}

#[test]
fn update_account_type_bodies_of_every_family_validate() {
    let cases = [
        (
            "bankingaccount",
            "BankingAccount",
            "bankingAccountType",
            "SAVINGS",
        ),
        (
            "creditaccount",
            "CreditAccount",
            "creditAccountType",
            "LINEOFCREDIT",
        ),
        ("loanaccount", "LoanAccount", "loanType", "MORTGAGE"),
        (
            "investmentaccount",
            "InvestmentAccount",
            "investmentAccountType",
            "401K",
        ),
        (
            "rewardsaccount",
            "RewardsAccount",
            "rewardsAccountType",
            "AIRLINE",
        ),
    ];
    for (ns, root, field, value) in cases {
        let body = format!(
            r#"<{root} xmlns="{}"><{field}>{value}</{field}></{root}>"#,
            namespace_uri(ns)
        );
        assert_valid(root, &body);
        assert_invalid(root, &body.replace(value, "NOT_A_TYPE"), "NOT_A_TYPE");
    }
}

fn account_list(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><l:AccountList xmlns="{}" xmlns:l="{}" xmlns:b="{}" xmlns:c="{}" xmlns:n="{}" xmlns:i="{}" xmlns:r="{}" xmlns:o="{}">{body}</l:AccountList>"#,
        namespace_uri("account"),
        namespace_uri("accountlist"),
        namespace_uri("bankingaccount"),
        namespace_uri("creditaccount"),
        namespace_uri("loanaccount"),
        namespace_uri("investmentaccount"),
        namespace_uri("rewardsaccount"),
        namespace_uri("otheraccount"),
    )
}

const BASE_FIELDS: &str = "<accountId>0000012</accountId><status>ACTIVE</status><accountNumber>xxxx-0042</accountNumber><displayPosition>1</displayPosition><institutionId>0</institutionId><balanceAmount>-90227.20</balanceAmount><balanceDate>2014-02-01T00:00:00-08:00</balanceDate><aggrStatusCode>185</aggrStatusCode><currencyCode>BND</currencyCode><institutionLoginId>77</institutionLoginId>";

#[test]
fn account_list_with_every_family_validates() {
    let xml = account_list(&format!(
        "<o:OtherAccount>{BASE_FIELDS}</o:OtherAccount>\
         <b:BankingAccount>{BASE_FIELDS}<b:bankingAccountType>MONEYMRKT</b:bankingAccountType><b:availableBalanceAmount>5</b:availableBalanceAmount><b:maturityDate>2015-01-31T00:00:00.125-08:00</b:maturityDate></b:BankingAccount>\
         <c:CreditAccount><accountId>1</accountId><institutionId>2</institutionId><c:creditAccountType>CREDITCARD</c:creditAccountType><c:paymentDueDate>2014-03-01T00:00:00-08:00</c:paymentDueDate></c:CreditAccount>\
         <n:LoanAccount>{BASE_FIELDS}<n:loanType>STUDENT</n:loanType><n:autopayEnrolled>false</n:autopayEnrolled><n:loanPaymentFreq>MONTHLY</n:loanPaymentFreq><n:loanTermType>FIXED</n:loanTermType><n:noOfPayments>120</n:noOfPayments><n:interestRateType>ARM</n:interestRateType><n:loanPaymentType>PRN_AND_INT</n:loanPaymentType><n:remainingPayments>3</n:remainingPayments></n:LoanAccount>\
         <i:InvestmentAccount>{BASE_FIELDS}<i:investmentAccountType>KEOGH</i:investmentAccountType><i:rolloverItd>2.5</i:rolloverItd><i:loanRate>0.0425</i:loanRate></i:InvestmentAccount>\
         <r:RewardsAccount>{BASE_FIELDS}<r:rewardsAccountType>HOTEL</r:rewardsAccountType><r:programType>points</r:programType><r:segmentYtd>12</r:segmentYtd></r:RewardsAccount>\
         <b:BankingAccount>{BASE_FIELDS}</b:BankingAccount>"
    ));
    assert_valid("account list", &xml);
    assert_valid("empty account list", &account_list(""));
}

#[test]
fn account_namespace_and_order_rules_are_enforced() {
    // Base fields belong to account/v1, not to the family namespace.
    assert_invalid(
        "base field in family namespace",
        &account_list("<b:BankingAccount><b:accountId>1</b:accountId></b:BankingAccount>"),
        "accountId",
    );
    // Family fields follow all base fields.
    assert_invalid(
        "family field before base field",
        &account_list(
            "<b:BankingAccount><b:bankingAccountType>CD</b:bankingAccountType><accountId>1</accountId></b:BankingAccount>",
        ),
        "accountId",
    );
    // Base fields keep their sequence order.
    assert_invalid(
        "base fields out of order",
        &account_list(
            "<o:OtherAccount><institutionId>1</institutionId><accountId>1</accountId></o:OtherAccount>",
        ),
        "accountId",
    );
    // A family element in the wrong namespace (a known hand-edited fixture mistake).
    assert_invalid(
        "BankingAccount in otheraccount namespace",
        &account_list(&format!(
            "<o:BankingAccount>{BASE_FIELDS}</o:BankingAccount>"
        )),
        "BankingAccount",
    );
    // OtherAccount has no own fields, and the schemas are closed.
    assert_invalid(
        "extra element",
        &account_list(&format!(
            "<o:OtherAccount>{BASE_FIELDS}<o:surprise>1</o:surprise></o:OtherAccount>"
        )),
        "surprise",
    );
    assert_invalid(
        "non-numeric id",
        &account_list("<o:OtherAccount><accountId>A1</accountId></o:OtherAccount>"),
        "A1",
    );
    assert_invalid(
        "date without time",
        &account_list("<o:OtherAccount><balanceDate>2014-02-01</balanceDate></o:OtherAccount>"),
        "2014-02-01",
    );
}

fn transaction_list(attributes: &str, body: &str) -> String {
    format!(
        r#"<ns9:TransactionList xmlns="{}" xmlns:ns9="{}" xmlns:bk="{}" xmlns:cc="{}" xmlns:ib="{}" xmlns:iv="{}" xmlns:ln="{}" xmlns:rw="{}" xmlns:si="{}"{attributes}>{body}</ns9:TransactionList>"#,
        namespace_uri("transaction"),
        namespace_uri("transactionlist"),
        namespace_uri("bnktransaction"),
        namespace_uri("cctransaction"),
        namespace_uri("ibnktransaction"),
        namespace_uri("invtransaction"),
        namespace_uri("loantransaction"),
        namespace_uri("rewardstransaction"),
        namespace_uri("securityinfo"),
    )
}

const TXN_BASE: &str = "<id>000000000001</id><currencyType>USD</currencyType><correctAction>REPLACE</correctAction><payeeName>Corner Bakery &amp; Cafe</payeeName><postedDate>2013-08-11T00:00:00-07:00</postedDate><amount>-4.50</amount><pending>false</pending>";

#[test]
fn transaction_list_with_every_family_validates() {
    let categorized = "<id>7</id><postedDate>2013-08-12T00:00:00-07:00</postedDate><pending>true</pending>\
        <categorization><common><normalizedPayeeName>Bakery</normalizedPayeeName><merchant></merchant><sic>5812</sic></common>\
        <context><source>CAT</source><categoryName>Food</categoryName><contextType></contextType></context>\
        <context><source>OFX</source><categoryName>Dining</categoryName><scheduleC>24b</scheduleC></context></categorization>";
    let body = format!(
        "<bk:BankingTransaction>{categorized}</bk:BankingTransaction>\
         <cc:CreditCardTransaction>{TXN_BASE}</cc:CreditCardTransaction>\
         <rw:RewardsTransaction>{TXN_BASE}</rw:RewardsTransaction>\
         <ln:LoanTransaction>{TXN_BASE}<ln:principalAmount>100</ln:principalAmount><ln:escrowOtherAmount>1.5</ln:escrowOtherAmount></ln:LoanTransaction>\
         <ib:InvestmentBankingTransaction>{TXN_BASE}<ib:bankingTransactionType>DEP</ib:bankingTransactionType><ib:subaccountFundType>MARGIN</ib:subaccountFundType><ib:banking401KSourceType>PROFITSHARING</ib:banking401KSourceType></ib:InvestmentBankingTransaction>\
         <iv:InvestmentTransaction>{TXN_BASE}<iv:buyType>BUYTOCOVER</iv:buyType><iv:inv401kSource>MATCH</iv:inv401kSource><iv:positionType>SHORT</iv:positionType><iv:subaccountToType>CASH</iv:subaccountToType><iv:transferAction>OUT</iv:transferAction><iv:tradeDate>2013-08-09T00:00:00-07:00</iv:tradeDate><iv:sharesPerContract>100</iv:sharesPerContract><iv:units>-3.25</iv:units><iv:optionsSharesPerContract>100</iv:optionsSharesPerContract><iv:invSecurityType>OPTINFO</iv:invSecurityType><iv:optionInfo><si:ticker>XYZ</si:ticker><si:currencyCode>EUR</si:currencyCode><si:expireDate>2013-12-20T00:00:00-08:00</si:expireDate><si:strikePrice>42</si:strikePrice><si:sharesPerContract>100</si:sharesPerContract></iv:optionInfo></iv:InvestmentTransaction>\
         <bk:BankingTransaction>{TXN_BASE}</bk:BankingTransaction>"
    );
    assert_valid(
        "transaction list",
        &transaction_list(" notRefreshedReason=\"CREDENTIALS_REQUIRED\"", &body),
    );
    assert_valid("empty transaction list", &transaction_list("", ""));
}

#[test]
fn transaction_rules_are_enforced() {
    let missing_pending = "<bk:BankingTransaction><id>1</id><postedDate>2013-08-11T00:00:00-07:00</postedDate></bk:BankingTransaction>";
    assert_invalid(
        "missing pending",
        &transaction_list("", missing_pending),
        "pending",
    );
    assert_invalid(
        "unknown notRefreshedReason",
        &transaction_list(" notRefreshedReason=\"LATER\"", ""),
        "LATER",
    );
    assert_invalid(
        "banking transaction with an own field",
        &transaction_list(
            "",
            &format!(
                "<bk:BankingTransaction>{TXN_BASE}<bk:memo>x</bk:memo></bk:BankingTransaction>"
            ),
        ),
        "memo",
    );
    assert_invalid(
        "sic is numeric",
        &transaction_list(
            "",
            "<bk:BankingTransaction><id>1</id><postedDate>2013-08-11T00:00:00-07:00</postedDate><pending>false</pending><categorization><common><sic>n/a</sic></common></categorization></bk:BankingTransaction>",
        ),
        "n/a",
    );
    assert_invalid(
        "security field outside securityinfo namespace",
        &transaction_list(
            "",
            &format!(
                "<iv:InvestmentTransaction>{TXN_BASE}<iv:stockInfo><iv:ticker>X</iv:ticker></iv:stockInfo></iv:InvestmentTransaction>"
            ),
        ),
        "ticker",
    );
}

#[test]
fn investment_positions_validate() {
    let xml = format!(
        r#"<InvestmentPositions xmlns="{}" xmlns:ns2="{}"><position><investmentPositionId>5</investmentPositionId><currencyCode>USD</currencyCode><currencyType>dollars</currencyType><holdType>BOND</holdType><marketValue>1000.00</marketValue><positionType>LONG</positionType><reinvestmentDividend>true</reinvestmentDividend><invSecurityType>DEBTINFO</invSecurityType><debtInfo><ns2:uniqueId>912828XX1</ns2:uniqueId><ns2:uniqueIdType>CUSIP</ns2:uniqueIdType><ns2:couponRate>2.5</ns2:couponRate><ns2:parValue>1000</ns2:parValue></debtInfo></position><position><investmentPositionId>6</investmentPositionId><invSecurityType>MFINFO</invSecurityType><otherInfo><ns2:ticker>DEF</ns2:ticker><ns2:unitPrice>8.29</ns2:unitPrice><ns2:typeDesc>fund</ns2:typeDesc></otherInfo><stockInfo><ns2:yield>1.1</ns2:yield></stockInfo><mfInfo><ns2:mfType>OPEN</ns2:mfType><ns2:secCurrencyCode>CAD</ns2:secCurrencyCode></mfInfo></position></InvestmentPositions>"#,
        namespace_uri("invposition"),
        namespace_uri("securityinfo"),
    );
    assert_valid("investment positions", &xml);
    assert_invalid(
        "position without id",
        &xml.replace("<investmentPositionId>6</investmentPositionId>", ""),
        "investmentPositionId",
    );
    // The five security descriptions are optional siblings in a fixed order, not a choice.
    let swapped = xml.replace(
        "<stockInfo><ns2:yield>1.1</ns2:yield></stockInfo><mfInfo><ns2:mfType>OPEN</ns2:mfType><ns2:secCurrencyCode>CAD</ns2:secCurrencyCode></mfInfo>",
        "<mfInfo><ns2:mfType>OPEN</ns2:mfType></mfInfo><stockInfo><ns2:yield>1.1</ns2:yield></stockInfo>",
    );
    assert_invalid("security descriptions out of order", &swapped, "stockInfo");
    let single = format!(
        r#"<InvestmentPosition xmlns="{}"><investmentPositionId>1</investmentPositionId></InvestmentPosition>"#,
        namespace_uri("invposition")
    );
    assert_valid("single position", &single);
}

#[test]
fn institutions_and_status_validate() {
    let institutions = format!(
        r#"<Institutions xmlns="{}"><institution><institutionId>100000</institutionId><institutionName>CCBank-Beavca</institutionName><homeUrl>http://example.invalid</homeUrl><virtual>true</virtual></institution><institution><institutionId>1</institutionId><institutionName>Other</institutionName></institution></Institutions>"#,
        namespace_uri("institution")
    );
    assert_valid("institutions", &institutions);
    assert_invalid(
        "institution without name",
        &institutions.replace("<institutionName>Other</institutionName>", ""),
        "institutionName",
    );

    let detail = |address: &str| {
        format!(
            r#"<InstitutionDetail xmlns="{}" xmlns:c="{}"><institutionId>7</institutionId><institutionName>Bank</institutionName><status>ACTIVE</status>{address}<keys><key><name>Banking Userid</name><val>x</val><status>Active</status><valueLengthMin>1</valueLengthMin><valueLengthMax>32</valueLengthMax><displayFlag>true</displayFlag><displayOrder>1</displayOrder><mask>false</mask><instructions>Your id</instructions></key></keys></InstitutionDetail>"#,
            namespace_uri("institution"),
            namespace_uri("common")
        )
    };
    assert_valid(
        "detail with full address",
        &detail(
            "<address><c:type>MAILING</c:type><c:address1>1 Main St</c:address1><c:city>Town</c:city><c:state>CA</c:state><c:postalCode>94000</c:postalCode><c:country>USA</c:country></address>",
        ),
    );
    assert_invalid(
        "address part in institution namespace",
        &detail("<address><city>Town</city></address>"),
        "city",
    );
    assert_invalid("detail without address", &detail(""), "keys");

    let status = format!(
        r#"<ns2:Status xmlns:ns2="{}"><ns2:errorInfo><ns2:errorType>APP_ERROR</ns2:errorType><ns2:errorCode>api.database.notfound</ns2:errorCode><ns2:errorMessage>internal api error while processing the request</ns2:errorMessage><ns2:correlationId>gw-3c1d1ab4-0000-4000-8000-000000000000</ns2:correlationId></ns2:errorInfo><ns2:errorInfo/></ns2:Status>"#,
        namespace_uri("common")
    );
    assert_valid("status", &status);
    assert_invalid(
        "unknown error type",
        &status.replace("APP_ERROR", "FATAL"),
        "FATAL",
    );
}

#[test]
fn login_and_challenge_documents_validate() {
    let login = |content: &str| {
        format!(
            r#"<InstitutionLogin xmlns="{}" xmlns:ch="{}">{content}</InstitutionLogin>"#,
            namespace_uri("institutionlogin"),
            namespace_uri("challenge")
        )
    };
    assert_valid(
        "credentials",
        &login(
            "<credentials><credential><name>Banking Userid</name><value>direct</value></credential><credential><name>Banking Password</name><value>anyvalue</value></credential></credentials>",
        ),
    );
    assert_valid(
        "challenge responses",
        &login(
            "<challengeResponses><ch:response>Rex</ch:response><ch:response>Lincoln High</ch:response></challengeResponses>",
        ),
    );
    assert_invalid(
        "response in the institutionlogin namespace",
        &login("<challengeResponses><response>Rex</response></challengeResponses>"),
        "response",
    );
    assert_invalid(
        "empty challenge responses",
        &login("<challengeResponses/>"),
        "challengeResponses",
    );
    assert_invalid(
        "credential without value",
        &login("<credentials><credential><name>n</name></credential></credentials>"),
        "credential",
    );

    let challenges = |content: &str| {
        format!(
            r#"<Challenges xmlns="{}">{content}</Challenges>"#,
            namespace_uri("challenge")
        )
    };
    assert_valid(
        "mixed challenge",
        &challenges(
            "<challenge><image>R0lGODlhAQABAAAAACw=</image><text>Pick one</text><choice><text>A</text><val>a</val></choice><text>then type it</text></challenge><challenge/>",
        ),
    );
    assert_invalid("no challenge", &challenges(""), "challenge");
    assert_invalid(
        "image is base64",
        &challenges("<challenge><image>not base64!</image></challenge>"),
        "image",
    );
    assert_invalid(
        "choice without val",
        &challenges("<challenge><choice><text>A</text></choice></challenge>"),
        "choice",
    );
}

#[test]
fn files_validate() {
    let files = format!(
        r#"<Files xmlns="{}"><file><name>export-2014-02-01.zip</name><size>1048576</size><modifiedTs>2014-02-01T10:00:00.5-08:00</modifiedTs></file></Files>"#,
        namespace_uri("files")
    );
    assert_valid("files", &files);
    assert_valid(
        "no files",
        &format!(r#"<Files xmlns="{}"/>"#, namespace_uri("files")),
    );
    assert_invalid(
        "file without size",
        &files.replace("<size>1048576</size>", ""),
        "size",
    );
    let file = format!(
        r#"<File xmlns="{}"><name>a</name><size>0</size><modifiedTs>2014-02-01T10:00:00-08:00</modifiedTs></File>"#,
        namespace_uri("files")
    );
    assert_valid("file", &file);
}
