//! The sandbox's institution catalog: a deterministic, realistic list of financial institutions.
//!
//! Intuit's `GET /institutions` returned about 18,716 institutions (2013). The sandbox cannot ship
//! that list, so it generates one of the same size and shape: banks, credit unions ("… Federal
//! Credit Union", "… FCU"), card programmes ("… Credit Card"), brokerages, mortgage lenders,
//! "- Business Banking" variants of banks, a few internet-only ("virtual") institutions and a
//! handful of Canadian caisses with accented names. Names are built from US place names,
//! surnames and common words; home URLs, e-mail addresses and phone numbers are derived from them.
//!
//! Some entries are fixed, at fixed ids, because documentation and tests refer to them:
//! * [`TEST_BANK_ID`] (100000) `CCBank`, Intuit's test bank, with its two login keys;
//! * the institutions of the python-aggcat manual's "chase" search example (13278 JP Morgan Chase
//!   Bank, 13640 Quicken Visa, 14554 Chase Bank Credit Card (Amazon.com), 14910 Chase e-Funds
//!   Card, 14777 Fox Chase Bank - Business Banking, 13718 Fox Chase Bank, 14484 Chevy Chase Bank
//!   - Web Cash Manager), which appear in the catalog in the manual's order;
//! * well-known US institutions (Bank of America, Wells Fargo, Citibank, …) at fixed ids;
//! * `Carolina Foothills FCU Credit Card`, the first entry of the real list, which is first here too.
//!
//! Generation uses a self-contained seeded PRNG (SplitMix64), so the same `count` always yields
//! the same catalog, on every platform.
//!
//! ```
//! use aggcat_sandbox::catalog::{Catalog, DEFAULT_SIZE, TEST_BANK_ID};
//!
//! let catalog = Catalog::generate(DEFAULT_SIZE);
//! assert_eq!(catalog.len(), 18_716);
//! assert_eq!(catalog.get(TEST_BANK_ID).unwrap().name, "CCBank");
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

/// Number of institutions Intuit's `GET /institutions` returned in 2013; the sandbox default.
pub const DEFAULT_SIZE: usize = 18_716;

/// Institution id of Intuit's test bank `CCBank` (protocol notes §5).
pub const TEST_BANK_ID: i64 = 100_000;

/// Id of `JP Morgan Chase Bank` in the catalog (as in the python-aggcat manual).
pub const JP_MORGAN_CHASE_ID: i64 = 13_278;

/// Id of `Carolina Foothills FCU Credit Card`, the first entry of the catalog.
pub const FIRST_ENTRY_ID: i64 = 15_302;

/// Ids of the institutions the python-aggcat manual's search for "chase" printed, in its order.
pub const CHASE_EXAMPLE_IDS: [i64; 7] = [13_278, 13_640, 14_554, 14_910, 14_777, 13_718, 14_484];

/// Postal address of an institution (`InstitutionDetail/address`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogAddress {
    /// Street line (`address1`), e.g. `P O Box 36520`.
    pub address1: String,
    /// City.
    pub city: String,
    /// Two-letter state (or Canadian province) code.
    pub state: String,
    /// ZIP code (or Canadian postal code).
    pub postal_code: String,
    /// Country, three letters as on the wire: `USA` (or `CAN` for the few Canadian entries).
    pub country: String,
}

/// One login field of an institution (`InstitutionDetail/keys/key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogKey {
    /// Key name; a client must echo it verbatim as `credential/name`.
    pub name: String,
    /// Position of the field in a login form (1-based).
    pub display_order: i32,
    /// Whether the value is secret (a password field).
    pub mask: bool,
    /// Whether the field is shown to the user; hidden keys must not be sent.
    pub display_flag: bool,
    /// Help text for the user, if any.
    pub instructions: Option<String>,
    /// Label of the field, if any.
    pub description: Option<String>,
    /// Minimum value length, if the institution states one.
    pub value_length_min: Option<i32>,
    /// Maximum value length, if the institution states one.
    pub value_length_max: Option<i32>,
}

/// One institution of the catalog, with everything `InstitutionDetail` reports about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    /// `institutionId`; unique within a catalog.
    pub id: i64,
    /// `institutionName`; unique within a catalog.
    pub name: String,
    /// `homeUrl`, e.g. `https://www.chase.com/`.
    pub home_url: String,
    /// `phoneNumber`, formatted `1-8xx-xxx-xxxx`.
    pub phone: String,
    /// `virtual`: an internet-only institution.
    pub is_virtual: bool,
    /// `emailAddress`, if published (real data sometimes holds a URL here).
    pub email: Option<String>,
    /// `address`.
    pub address: CatalogAddress,
    /// `specialText`: a login hint, if any.
    pub special_text: Option<String>,
    /// `currencyCode`: `USD`, or `CAD` for the Canadian entries.
    pub currency: &'static str,
    /// `keys`, in the order the API lists them (not necessarily by display order).
    pub keys: Vec<CatalogKey>,
}

impl CatalogEntry {
    /// The keys a user must fill in (`display_flag` set), sorted by display order.
    pub fn displayed_keys(&self) -> Vec<&CatalogKey> {
        let mut keys: Vec<&CatalogKey> = self.keys.iter().filter(|k| k.display_flag).collect();
        keys.sort_by_key(|k| k.display_order);
        keys
    }
}

/// A generated institution catalog with a lookup index by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    by_id: HashMap<i64, usize>,
}

impl Default for Catalog {
    /// The catalog of [`DEFAULT_SIZE`] institutions.
    fn default() -> Self {
        Catalog::generate(DEFAULT_SIZE)
    }
}

impl Catalog {
    /// Number of institutions of the default catalog (18,716).
    pub const DEFAULT_SIZE: usize = DEFAULT_SIZE;

    /// Generates a catalog of exactly `count` institutions.
    ///
    /// The fixed entries count toward `count` and are kept in priority order when `count` is
    /// small: the test bank first, then the "chase" example institutions, the first entry
    /// `Carolina Foothills FCU Credit Card`, then the well-known names. The same `count` always
    /// gives the same catalog.
    pub fn generate(count: usize) -> Catalog {
        let fixed = fixed_entries();
        let mut generator = Generator::new(&fixed);
        let mut pool: Vec<CatalogEntry> = fixed.into_iter().take(count).collect();
        while pool.len() < count {
            let budget = count - pool.len();
            pool.extend(generator.family(budget));
        }
        let entries = arrange(pool);
        let by_id = entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        Catalog { entries, by_id }
    }

    /// All institutions, in the order `GET /institutions` lists them.
    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    /// The institution with this id, if any (hash lookup).
    pub fn get(&self, id: i64) -> Option<&CatalogEntry> {
        self.by_id.get(&id).map(|&i| &self.entries[i])
    }

    /// Number of institutions.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalog has no institutions (only when generated with `count == 0`).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Iterates over the institutions in catalog order.
    pub fn iter(&self) -> std::slice::Iter<'_, CatalogEntry> {
        self.entries.iter()
    }
}

impl<'a> IntoIterator for &'a Catalog {
    type Item = &'a CatalogEntry;
    type IntoIter = std::slice::Iter<'a, CatalogEntry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

/// Orders the catalog: the first entry first, the rest shuffled deterministically, with the
/// "chase" example institutions occupying their positions in the manual's order.
fn arrange(pool: Vec<CatalogEntry>) -> Vec<CatalogEntry> {
    let mut rng = SplitMix64::new(0x0A66_CA7C_A7A1_0600);
    let mut order: Vec<usize> = (0..pool.len()).collect();
    let first = pool.iter().position(|e| e.id == FIRST_ENTRY_ID);
    if let Some(f) = first {
        order.swap(0, f);
    }
    let start = usize::from(first.is_some());
    // Fisher-Yates over the tail.
    for i in (start + 1..order.len()).rev() {
        let j = start + rng.below(i - start + 1);
        order.swap(i, j);
    }
    let chase_slots: Vec<usize> = (0..order.len())
        .filter(|&p| CHASE_EXAMPLE_IDS.contains(&pool[order[p]].id))
        .collect();
    let chase_entries: Vec<usize> = CHASE_EXAMPLE_IDS
        .iter()
        .filter_map(|id| pool.iter().position(|e| e.id == *id))
        .collect();
    for (slot, entry) in chase_slots.into_iter().zip(chase_entries) {
        order[slot] = entry;
    }
    let mut pool: Vec<Option<CatalogEntry>> = pool.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| pool[i].take().expect("each catalog index is used once"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// PRNG

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough to pick vocabulary.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Picks an index by integer weights.
    fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut r = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed entries

fn key(name: &str, order: i32, mask: bool, description: Option<&str>) -> CatalogKey {
    CatalogKey {
        name: name.to_string(),
        display_order: order,
        mask,
        display_flag: true,
        instructions: None,
        description: description.map(str::to_string),
        value_length_min: None,
        value_length_max: None,
    }
}

fn address(address1: &str, city: &str, state: &str, postal_code: &str) -> CatalogAddress {
    CatalogAddress {
        address1: address1.to_string(),
        city: city.to_string(),
        state: state.to_string(),
        postal_code: postal_code.to_string(),
        country: "USA".to_string(),
    }
}

fn login_hint(name: &str) -> Option<String> {
    Some(format!(
        "Please enter your {name} User ID and Password required for login."
    ))
}

/// `usr_name` / `usr_password`, listed password first as in the real Chase detail.
fn usr_keys() -> Vec<CatalogKey> {
    vec![
        key("usr_password", 2, true, Some("Password")),
        key("usr_name", 1, false, Some("User ID")),
    ]
}

struct Famous {
    id: i64,
    name: &'static str,
    url: &'static str,
    phone: &'static str,
    street: &'static str,
    city: &'static str,
    state: &'static str,
    zip: &'static str,
    is_virtual: bool,
    keys: KeyStyle,
}

#[derive(Clone, Copy)]
enum KeyStyle {
    /// `usr_name` / `usr_password`, password listed first.
    Usr,
    /// `UserName` / `Password`.
    UserName,
    /// `Online ID` / `Passcode` plus a hidden key.
    OnlineIdHidden,
    /// `Login ID` / `Password` / displayed `Account pin`.
    WithPin,
}

fn famous_keys(style: KeyStyle) -> Vec<CatalogKey> {
    match style {
        KeyStyle::Usr => usr_keys(),
        KeyStyle::UserName => vec![
            key("UserName", 1, false, Some("User Name")),
            key("Password", 2, true, Some("Password")),
        ],
        KeyStyle::OnlineIdHidden => vec![
            key("Online ID", 1, false, Some("Online ID")),
            key("Passcode", 2, true, Some("Passcode")),
            CatalogKey {
                display_flag: false,
                ..key("usr_site_type", 3, false, None)
            },
        ],
        KeyStyle::WithPin => vec![
            key("Login ID", 1, false, Some("Login ID")),
            key("Account pin", 3, true, Some("PIN")),
            key("Password", 2, true, Some("Password")),
        ],
    }
}

#[rustfmt::skip]
const FAMOUS: &[Famous] = &[
    Famous { id: 14_007, name: "Bank of America", url: "https://www.bankofamerica.com/", phone: "1-800-432-1000", street: "100 North Tryon Street", city: "Charlotte", state: "NC", zip: "28255", is_virtual: false, keys: KeyStyle::OnlineIdHidden },
    Famous { id: 14_008, name: "Bank of America - Business Banking", url: "https://www.bankofamerica.com/", phone: "1-888-287-4637", street: "100 North Tryon Street", city: "Charlotte", state: "NC", zip: "28255", is_virtual: false, keys: KeyStyle::OnlineIdHidden },
    Famous { id: 14_512, name: "Wells Fargo", url: "https://www.wellsfargo.com/", phone: "1-800-869-3557", street: "420 Montgomery Street", city: "San Francisco", state: "CA", zip: "94104", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_513, name: "Wells Fargo Advisors", url: "https://www.wellsfargoadvisors.com/", phone: "1-866-224-5708", street: "One North Jefferson Avenue", city: "St. Louis", state: "MO", zip: "63103", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 13_963, name: "Citibank", url: "https://online.citibank.com/", phone: "1-800-374-9700", street: "399 Park Avenue", city: "New York", state: "NY", zip: "10022", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 13_964, name: "Citi Cards", url: "https://www.citicards.com/", phone: "1-800-950-5114", street: "P O Box 6500", city: "Sioux Falls", state: "SD", zip: "57117", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_280, name: "American Express", url: "https://www.americanexpress.com/", phone: "1-800-528-4800", street: "200 Vesey Street", city: "New York", state: "NY", zip: "10285", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 13_845, name: "Fidelity Investments", url: "https://www.fidelity.com/", phone: "1-800-343-3548", street: "82 Devonshire Street", city: "Boston", state: "MA", zip: "02109", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 13_803, name: "Charles Schwab", url: "https://www.schwab.com/", phone: "1-800-435-4000", street: "211 Main Street", city: "San Francisco", state: "CA", zip: "94105", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_398, name: "Vanguard", url: "https://investor.vanguard.com/", phone: "1-877-662-7447", street: "100 Vanguard Boulevard", city: "Malvern", state: "PA", zip: "19355", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 13_750, name: "Capital One", url: "https://www.capitalone.com/", phone: "1-800-227-4825", street: "1680 Capital One Drive", city: "McLean", state: "VA", zip: "22102", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 13_751, name: "Capital One 360", url: "https://home.capitalone360.com/", phone: "1-888-464-0727", street: "P O Box 60", city: "St. Cloud", state: "MN", zip: "56302", is_virtual: true, keys: KeyStyle::WithPin },
    Famous { id: 14_128, name: "US Bank", url: "https://www.usbank.com/", phone: "1-800-872-2657", street: "800 Nicollet Mall", city: "Minneapolis", state: "MN", zip: "55402", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_156, name: "PNC Bank", url: "https://www.pnc.com/", phone: "1-888-762-2265", street: "249 Fifth Avenue", city: "Pittsburgh", state: "PA", zip: "15222", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 13_599, name: "Navy Federal Credit Union", url: "https://www.navyfederal.org/", phone: "1-888-842-6328", street: "820 Follin Lane", city: "Vienna", state: "VA", zip: "22180", is_virtual: false, keys: KeyStyle::WithPin },
    Famous { id: 14_105, name: "USAA", url: "https://www.usaa.com/", phone: "1-800-531-8722", street: "9800 Fredericksburg Road", city: "San Antonio", state: "TX", zip: "78288", is_virtual: false, keys: KeyStyle::WithPin },
    Famous { id: 13_920, name: "Discover Card", url: "https://www.discovercard.com/", phone: "1-800-347-2683", street: "2500 Lake Cook Road", city: "Riverwoods", state: "IL", zip: "60015", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_633, name: "Ally Bank", url: "https://www.ally.com/", phone: "1-877-247-2559", street: "P O Box 951", city: "Horsham", state: "PA", zip: "19044", is_virtual: true, keys: KeyStyle::UserName },
    Famous { id: 13_817, name: "E*TRADE Financial", url: "https://us.etrade.com/", phone: "1-800-387-2331", street: "1271 Avenue of the Americas", city: "New York", state: "NY", zip: "10020", is_virtual: true, keys: KeyStyle::UserName },
    Famous { id: 13_871, name: "TD Ameritrade", url: "https://www.tdameritrade.com/", phone: "1-800-669-3900", street: "200 South 108th Avenue", city: "Omaha", state: "NE", zip: "68154", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 13_904, name: "Merrill Lynch", url: "https://www.ml.com/", phone: "1-800-637-7455", street: "4 World Financial Center", city: "New York", state: "NY", zip: "10080", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_202, name: "Morgan Stanley", url: "https://www.morganstanley.com/", phone: "1-888-454-3965", street: "1585 Broadway", city: "New York", state: "NY", zip: "10036", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 13_925, name: "T. Rowe Price", url: "https://www.troweprice.com/", phone: "1-800-638-5660", street: "100 East Pratt Street", city: "Baltimore", state: "MD", zip: "21202", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_311, name: "SunTrust Bank", url: "https://www.suntrust.com/", phone: "1-800-786-8787", street: "303 Peachtree Street", city: "Atlanta", state: "GA", zip: "30308", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_166, name: "BB&T", url: "https://www.bbt.com/", phone: "1-800-226-5228", street: "200 West Second Street", city: "Winston-Salem", state: "NC", zip: "27101", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_244, name: "Regions Bank", url: "https://www.regions.com/", phone: "1-800-734-4667", street: "1900 Fifth Avenue North", city: "Birmingham", state: "AL", zip: "35203", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_016, name: "Fifth Third Bank", url: "https://www.53.com/", phone: "1-800-972-3030", street: "38 Fountain Square Plaza", city: "Cincinnati", state: "OH", zip: "45263", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_087, name: "KeyBank", url: "https://www.key.com/", phone: "1-800-539-2968", street: "127 Public Square", city: "Cleveland", state: "OH", zip: "44114", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_040, name: "Citizens Bank", url: "https://www.citizensbank.com/", phone: "1-800-922-9999", street: "One Citizens Plaza", city: "Providence", state: "RI", zip: "02903", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_095, name: "HSBC Bank USA", url: "https://www.us.hsbc.com/", phone: "1-800-975-4722", street: "452 Fifth Avenue", city: "New York", state: "NY", zip: "10018", is_virtual: false, keys: KeyStyle::WithPin },
    Famous { id: 14_368, name: "TD Bank", url: "https://www.tdbank.com/", phone: "1-888-751-9000", street: "1701 Route 70 East", city: "Cherry Hill", state: "NJ", zip: "08034", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_170, name: "Pentagon Federal Credit Union", url: "https://www.penfed.org/", phone: "1-800-247-5626", street: "2930 Eisenhower Avenue", city: "Alexandria", state: "VA", zip: "22314", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_330, name: "State Employees' Credit Union", url: "https://www.ncsecu.org/", phone: "1-888-732-8562", street: "119 North Salisbury Street", city: "Raleigh", state: "NC", zip: "27603", is_virtual: false, keys: KeyStyle::WithPin },
    Famous { id: 13_782, name: "BECU", url: "https://www.becu.org/", phone: "1-800-233-2328", street: "12770 Gateway Drive", city: "Tukwila", state: "WA", zip: "98168", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 13_707, name: "Alliant Credit Union", url: "https://www.alliantcreditunion.org/", phone: "1-800-328-1935", street: "11545 West Touhy Avenue", city: "Chicago", state: "IL", zip: "60666", is_virtual: true, keys: KeyStyle::UserName },
    Famous { id: 14_299, name: "SchoolsFirst Federal Credit Union", url: "https://www.schoolsfirstfcu.org/", phone: "1-800-462-8328", street: "2115 North Broadway", city: "Santa Ana", state: "CA", zip: "92706", is_virtual: false, keys: KeyStyle::Usr },
    Famous { id: 14_071, name: "Golden 1 Credit Union", url: "https://www.golden1.com/", phone: "1-877-465-3361", street: "8945 Cal Center Drive", city: "Sacramento", state: "CA", zip: "95826", is_virtual: false, keys: KeyStyle::UserName },
    Famous { id: 14_051, name: "First Tech Federal Credit Union", url: "https://www.firsttechfed.com/", phone: "1-855-855-8805", street: "3408 Hillview Avenue", city: "Palo Alto", state: "CA", zip: "94304", is_virtual: false, keys: KeyStyle::Usr },
];

/// The fixed entries, in priority order (kept first when the requested count is small).
fn fixed_entries() -> Vec<CatalogEntry> {
    let mut fixed = Vec::with_capacity(9 + FAMOUS.len());
    let ccbank_key = |name: &str, order: i32, mask: bool, what: &str| CatalogKey {
        name: name.to_string(),
        display_order: order,
        mask,
        display_flag: true,
        instructions: Some(format!("Enter {}", what)),
        description: Some(name.to_string()),
        value_length_min: Some(1),
        value_length_max: Some(20),
    };
    fixed.push(CatalogEntry {
        id: TEST_BANK_ID,
        name: "CCBank".to_string(),
        home_url: "http://www.intuit.com".to_string(),
        phone: "1-800-446-8848".to_string(),
        is_virtual: false,
        email: Some("CustomerCentralBank@intuit.com".to_string()),
        address: address("2700 Coast Avenue", "Mountain View", "CA", "94043"),
        special_text: Some(
            "Intuit test bank: user id 'direct' logs in without challenges, 'tfa_text' asks one \
             question; the password 'go' is accepted."
                .to_string(),
        ),
        currency: "USD",
        keys: vec![
            ccbank_key("Banking Userid", 1, false, "banking userid (demo)"),
            ccbank_key("Banking Password", 2, true, "banking password (go)"),
        ],
    });
    fixed.push(CatalogEntry {
        id: JP_MORGAN_CHASE_ID,
        name: "JP Morgan Chase Bank".to_string(),
        home_url: "https://www.chase.com/".to_string(),
        phone: "1-877-242-7372".to_string(),
        is_virtual: false,
        email: Some(
            "http://www.chase.com/cm/cs?pagename=Chase/Href&urlname=chase/cc/contactus/email"
                .to_string(),
        ),
        address: address("P O Box 36520", "Louisville", "KY", "40233"),
        special_text: login_hint("JP Morgan Chase Bank"),
        currency: "USD",
        keys: usr_keys(),
    });
    let chase_card = |id: i64, name: &str, phone: &str| CatalogEntry {
        id,
        name: name.to_string(),
        home_url: "https://www.chase.com/".to_string(),
        phone: phone.to_string(),
        is_virtual: false,
        email: None,
        address: address("P O Box 15298", "Wilmington", "DE", "19850"),
        special_text: login_hint(name),
        currency: "USD",
        keys: usr_keys(),
    };
    fixed.push(chase_card(13_640, "Quicken Visa", "1-800-945-2000"));
    fixed.push(chase_card(
        14_554,
        "Chase Bank Credit Card (Amazon.com)",
        "1-800-432-3117",
    ));
    fixed.push(chase_card(14_910, "Chase e-Funds Card", "1-888-245-0625"));
    let fox_chase = |id: i64, name: &str| CatalogEntry {
        id,
        name: name.to_string(),
        home_url: "https://www.foxchasebank.com/".to_string(),
        phone: "1-877-369-2427".to_string(),
        is_virtual: false,
        email: Some("info@foxchasebank.com".to_string()),
        address: address("4390 Davisville Road", "Hatboro", "PA", "19040"),
        special_text: login_hint(name),
        currency: "USD",
        keys: vec![
            key("UserName", 1, false, Some("Access ID")),
            key("Password", 2, true, Some("Passcode")),
        ],
    };
    fixed.push(fox_chase(14_777, "Fox Chase Bank - Business Banking"));
    fixed.push(fox_chase(13_718, "Fox Chase Bank"));
    fixed.push(CatalogEntry {
        id: 14_484,
        name: "Chevy Chase Bank - Web Cash Manager".to_string(),
        home_url: "https://www.chevychasebank.com/".to_string(),
        phone: "1-800-987-2265".to_string(),
        is_virtual: false,
        email: None,
        address: address("7501 Wisconsin Avenue", "Bethesda", "MD", "20814"),
        special_text: None,
        currency: "USD",
        keys: vec![
            key("Company ID", 1, false, Some("Company ID")),
            key("User ID", 2, false, Some("User ID")),
            key("Password", 3, true, Some("Password")),
        ],
    });
    fixed.push(CatalogEntry {
        id: FIRST_ENTRY_ID,
        name: "Carolina Foothills FCU Credit Card".to_string(),
        home_url: "https://www.carolinafoothillsfcu.org/".to_string(),
        phone: "1-800-543-7285".to_string(),
        is_virtual: false,
        email: Some("memberservices@carolinafoothillsfcu.org".to_string()),
        address: address("P O Box 5609", "Spartanburg", "SC", "29304"),
        special_text: login_hint("Carolina Foothills FCU Credit Card"),
        currency: "USD",
        keys: vec![
            key("Member Number", 1, false, Some("Member Number")),
            key("Password", 2, true, Some("Password")),
        ],
    });
    for f in FAMOUS {
        let host = host_of(f.url);
        fixed.push(CatalogEntry {
            id: f.id,
            name: f.name.to_string(),
            home_url: f.url.to_string(),
            phone: f.phone.to_string(),
            is_virtual: f.is_virtual,
            email: Some(format!("customerservice@{}", registered_domain(host))),
            address: address(f.street, f.city, f.state, f.zip),
            special_text: login_hint(f.name),
            currency: "USD",
            keys: famous_keys(f.keys),
        });
    }
    fixed
}

/// Host part of an `http(s)://host/...` URL.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// The last two labels of a host (`online.citibank.com` → `citibank.com`).
fn registered_domain(host: &str) -> &str {
    let mut dots = host.rmatch_indices('.');
    dots.next();
    match dots.next() {
        Some((i, _)) => &host[i + 1..],
        None => host,
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (US places, surnames, words). Hand-picked; "Chase" deliberately absent so that the
// manual's search example stays reproducible.

/// (city, state, first three digits of its ZIP codes)
#[rustfmt::skip]
const CITIES: &[(&str, &str, u32)] = &[
    ("Birmingham", "AL", 352), ("Mobile", "AL", 366), ("Huntsville", "AL", 358),
    ("Montgomery", "AL", 361), ("Anchorage", "AK", 995), ("Fairbanks", "AK", 997),
    ("Phoenix", "AZ", 850), ("Tucson", "AZ", 857), ("Mesa", "AZ", 852), ("Flagstaff", "AZ", 860),
    ("Little Rock", "AR", 722), ("Fayetteville", "AR", 727), ("Jonesboro", "AR", 724),
    ("Los Angeles", "CA", 900), ("San Diego", "CA", 921), ("San Jose", "CA", 951),
    ("Sacramento", "CA", 958), ("Fresno", "CA", 937), ("Bakersfield", "CA", 933),
    ("Santa Barbara", "CA", 931), ("Redding", "CA", 960), ("Stockton", "CA", 952),
    ("Monterey", "CA", 939), ("Denver", "CO", 802), ("Colorado Springs", "CO", 809),
    ("Pueblo", "CO", 810), ("Fort Collins", "CO", 805), ("Grand Junction", "CO", 815),
    ("Hartford", "CT", 61), ("New Haven", "CT", 65), ("Stamford", "CT", 69),
    ("Wilmington", "DE", 198), ("Dover", "DE", 199), ("Washington", "DC", 200),
    ("Miami", "FL", 331), ("Tampa", "FL", 336), ("Orlando", "FL", 328), ("Jacksonville", "FL", 322),
    ("Tallahassee", "FL", 323), ("Pensacola", "FL", 325), ("Gainesville", "FL", 326),
    ("Sarasota", "FL", 342), ("Atlanta", "GA", 303), ("Savannah", "GA", 314), ("Macon", "GA", 312),
    ("Augusta", "GA", 309), ("Athens", "GA", 306), ("Valdosta", "GA", 316), ("Honolulu", "HI", 968),
    ("Hilo", "HI", 967), ("Boise", "ID", 837), ("Pocatello", "ID", 832), ("Idaho Falls", "ID", 834),
    ("Chicago", "IL", 606), ("Springfield", "IL", 627), ("Peoria", "IL", 616),
    ("Rockford", "IL", 611), ("Champaign", "IL", 618), ("Indianapolis", "IN", 462),
    ("Fort Wayne", "IN", 468), ("Evansville", "IN", 477), ("South Bend", "IN", 466),
    ("Terre Haute", "IN", 478), ("Des Moines", "IA", 503), ("Cedar Rapids", "IA", 524),
    ("Dubuque", "IA", 520), ("Sioux City", "IA", 511), ("Davenport", "IA", 528),
    ("Wichita", "KS", 672), ("Topeka", "KS", 666), ("Salina", "KS", 674), ("Dodge City", "KS", 678),
    ("Louisville", "KY", 402), ("Lexington", "KY", 405), ("Bowling Green", "KY", 421),
    ("Paducah", "KY", 420), ("New Orleans", "LA", 701), ("Baton Rouge", "LA", 708),
    ("Shreveport", "LA", 711), ("Lafayette", "LA", 705), ("Monroe", "LA", 712),
    ("Portland", "ME", 41), ("Bangor", "ME", 44), ("Augusta", "ME", 43), ("Baltimore", "MD", 212),
    ("Annapolis", "MD", 214), ("Frederick", "MD", 217), ("Hagerstown", "MD", 217),
    ("Boston", "MA", 21), ("Worcester", "MA", 16), ("Springfield", "MA", 11), ("Lowell", "MA", 18),
    ("Detroit", "MI", 482), ("Grand Rapids", "MI", 495), ("Lansing", "MI", 489),
    ("Kalamazoo", "MI", 490), ("Traverse City", "MI", 496), ("Saginaw", "MI", 486),
    ("Marquette", "MI", 498), ("Minneapolis", "MN", 554), ("Saint Paul", "MN", 551),
    ("Duluth", "MN", 558), ("Rochester", "MN", 559), ("Mankato", "MN", 560), ("Jackson", "MS", 392),
    ("Biloxi", "MS", 395), ("Tupelo", "MS", 388), ("Hattiesburg", "MS", 394),
    ("Kansas City", "MO", 641), ("St. Louis", "MO", 631), ("Springfield", "MO", 658),
    ("Columbia", "MO", 652), ("Joplin", "MO", 648), ("Billings", "MT", 591),
    ("Missoula", "MT", 598), ("Great Falls", "MT", 594), ("Bozeman", "MT", 597),
    ("Omaha", "NE", 681), ("Lincoln", "NE", 685), ("Grand Island", "NE", 688),
    ("Las Vegas", "NV", 891), ("Reno", "NV", 895), ("Carson City", "NV", 897),
    ("Manchester", "NH", 31), ("Concord", "NH", 33), ("Nashua", "NH", 30), ("Newark", "NJ", 71),
    ("Trenton", "NJ", 86), ("Princeton", "NJ", 85), ("Camden", "NJ", 81),
    ("Albuquerque", "NM", 871), ("Santa Fe", "NM", 875), ("Las Cruces", "NM", 880),
    ("Roswell", "NM", 882), ("New York", "NY", 100), ("Buffalo", "NY", 142),
    ("Rochester", "NY", 146), ("Syracuse", "NY", 132), ("Albany", "NY", 122), ("Ithaca", "NY", 148),
    ("Binghamton", "NY", 139), ("Utica", "NY", 135), ("Charlotte", "NC", 282),
    ("Raleigh", "NC", 276), ("Greensboro", "NC", 274), ("Asheville", "NC", 288),
    ("Wilmington", "NC", 284), ("Durham", "NC", 277), ("Fargo", "ND", 581), ("Bismarck", "ND", 585),
    ("Grand Forks", "ND", 582), ("Minot", "ND", 587), ("Columbus", "OH", 432),
    ("Cleveland", "OH", 441), ("Cincinnati", "OH", 452), ("Toledo", "OH", 436),
    ("Dayton", "OH", 454), ("Akron", "OH", 443), ("Youngstown", "OH", 445),
    ("Oklahoma City", "OK", 731), ("Tulsa", "OK", 741), ("Norman", "OK", 730),
    ("Lawton", "OK", 735), ("Portland", "OR", 972), ("Eugene", "OR", 974), ("Salem", "OR", 973),
    ("Bend", "OR", 977), ("Medford", "OR", 975), ("Philadelphia", "PA", 191),
    ("Pittsburgh", "PA", 152), ("Harrisburg", "PA", 171), ("Allentown", "PA", 181),
    ("Erie", "PA", 165), ("Scranton", "PA", 185), ("Lancaster", "PA", 176), ("Altoona", "PA", 166),
    ("Providence", "RI", 29), ("Newport", "RI", 28), ("Columbia", "SC", 292),
    ("Charleston", "SC", 294), ("Greenville", "SC", 296), ("Spartanburg", "SC", 293),
    ("Sioux Falls", "SD", 571), ("Rapid City", "SD", 577), ("Aberdeen", "SD", 574),
    ("Nashville", "TN", 372), ("Memphis", "TN", 381), ("Knoxville", "TN", 379),
    ("Chattanooga", "TN", 374), ("Jackson", "TN", 383), ("Houston", "TX", 770),
    ("Dallas", "TX", 752), ("San Antonio", "TX", 782), ("Austin", "TX", 787),
    ("Fort Worth", "TX", 761), ("El Paso", "TX", 799), ("Lubbock", "TX", 794),
    ("Amarillo", "TX", 791), ("Corpus Christi", "TX", 784), ("Waco", "TX", 767),
    ("Tyler", "TX", 757), ("Abilene", "TX", 796), ("Beaumont", "TX", 777), ("Laredo", "TX", 780),
    ("Salt Lake City", "UT", 841), ("Provo", "UT", 846), ("Ogden", "UT", 844),
    ("St. George", "UT", 847), ("Burlington", "VT", 54), ("Montpelier", "VT", 56),
    ("Rutland", "VT", 57), ("Richmond", "VA", 232), ("Norfolk", "VA", 235), ("Roanoke", "VA", 240),
    ("Arlington", "VA", 222), ("Charlottesville", "VA", 229), ("Lynchburg", "VA", 245),
    ("Seattle", "WA", 981), ("Spokane", "WA", 992), ("Tacoma", "WA", 984), ("Yakima", "WA", 989),
    ("Bellingham", "WA", 982), ("Olympia", "WA", 985), ("Charleston", "WV", 253),
    ("Morgantown", "WV", 265), ("Wheeling", "WV", 260), ("Huntington", "WV", 257),
    ("Milwaukee", "WI", 532), ("Madison", "WI", 537), ("Green Bay", "WI", 543),
    ("Eau Claire", "WI", 547), ("La Crosse", "WI", 546), ("Cheyenne", "WY", 820),
    ("Casper", "WY", 826), ("Laramie", "WY", 820), ("Sheridan", "WY", 828),
];

#[rustfmt::skip]
const STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"),
    ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"),
    ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"),
    ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"),
    ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"),
    ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"), ("NC", "North Carolina"),
    ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
    ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
    ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "Blue Ridge", "Cumberland Valley", "Ozark Mountain", "Gulf Coast", "Lake Country", "Piedmont",
    "Tidewater", "Chesapeake", "Delta", "Prairie", "Heartland", "Sierra", "Cascade", "Big Sky",
    "Red River", "Mississippi Valley", "Ohio Valley", "Hudson Valley", "Mohawk Valley",
    "Shenandoah", "Allegheny", "Appalachian", "Great Lakes", "North Shore", "South Shore",
    "Lakeside", "Riverside", "Bayou", "Pine Belt", "Sandhills", "Palmetto", "Bluegrass",
    "Sunflower", "Golden Valley", "Redwood", "Desert", "Rio Grande", "Pecos Valley", "High Plains",
    "Panhandle", "Coastal", "Tri-County", "Twin Rivers", "Three Rivers", "Mountain West",
    "Inland Empire", "Central Coast", "Northwest", "Southwest", "Midwest", "Southeast",
    "New England", "Upper Peninsula", "Black Hills", "Flint Hills", "Wabash Valley", "Miami Valley",
    "Brazos Valley", "Permian Basin", "Hill Country", "Coastal Bend", "Treasure Valley",
    "Willamette Valley", "Puget Sound", "Snake River", "Yellowstone", "Green Mountain",
    "White Mountains", "Cape Cod", "Long Island", "Jersey Shore", "Lehigh Valley", "Susquehanna",
    "Potomac", "Tennessee Valley", "Coosa Valley", "Chattahoochee", "Savannah River", "Low Country",
    "Upstate", "Big Bend", "Emerald Coast", "Space Coast", "Treasure Coast", "Pocono Mountains",
    "Finger Lakes", "Adirondack", "Catskill", "Berkshire", "Merrimack Valley",
];

#[rustfmt::skip]
const COUNTIES: &[&str] = &[
    "Orange County", "Cook County", "Marion County", "Jefferson County", "Washington County",
    "Franklin County", "Lincoln County", "Madison County", "Clay County", "Monroe County",
    "Jackson County", "Montgomery County", "Greene County", "Union County", "Warren County",
    "Wayne County", "Hamilton County", "Carroll County", "Lake County", "Polk County",
    "Shelby County", "Marshall County", "Fayette County", "Adams County", "Benton County",
    "Calhoun County", "Harrison County", "Douglas County", "Butler County", "Grant County",
];

#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis",
    "Robinson", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Hill", "Scott", "Green",
    "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell",
    "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Bell",
    "Murphy", "Bailey", "Cooper", "Richardson", "Cox", "Howard", "Ward", "Peterson", "Gray",
    "Watson", "Brooks", "Kelly", "Sanders", "Price", "Bennett", "Wood", "Barnes", "Ross",
    "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long", "Patterson", "Hughes", "Butler",
    "Simmons", "Foster", "Bryant", "Alexander", "Russell", "Griffin", "Hayes", "Myers", "Ford",
    "Hamilton", "Graham", "Sullivan", "Wallace", "Cole", "West", "Jordan", "Owens", "Reynolds",
    "Fisher", "Ellis", "Harrison", "Gibson", "McDonald", "Marshall", "Stone", "Crawford", "Boyd",
    "Mason", "Morrison", "Kennedy", "Warren", "Dixon", "Burns", "Gordon", "Shaw", "Holmes", "Rice",
    "Hunt", "Black", "Daniels", "Palmer", "Mills", "Grant", "Knight", "Ferguson", "Hawkins", "Dunn",
    "Perkins", "Spencer", "Stephens", "Pierce", "Hansen", "Larson", "Carlson", "Olson", "Lindquist",
    "Schmidt", "Weber", "Schneider", "Fischer", "Becker", "Hoffman", "Keller", "Wagner", "Meyer",
    "Bauer", "Koch", "Richter", "Nielsen", "Jensen", "Peterman", "Dawson", "Whitaker", "Pritchard",
    "Goodwin", "Sinclair", "Thornton", "Prescott", "Whitman", "Lowell", "Bradford", "Winslow",
];

#[rustfmt::skip]
const WORDS: &[&str] = &[
    "Heritage", "Pinnacle", "Summit", "Liberty", "Patriot", "Pioneer", "Frontier", "Guardian",
    "Sentinel", "Keystone", "Cornerstone", "Landmark", "Crossroads", "Gateway", "Horizon", "Legacy",
    "Premier", "Security", "Citizens", "Peoples", "Commerce", "Community", "Alliance", "Unity",
    "United", "American", "Republic", "Independence", "Freedom", "Eagle", "Falcon", "Anchor",
    "Compass", "Harbor", "Beacon", "Lighthouse", "Bridge", "Meridian", "Apex", "Vista", "Sterling",
    "Golden", "Silver", "Granite", "Ironwood", "Oak", "Cedar", "Maple", "Willow", "Aspen",
    "Sequoia", "Magnolia", "Dogwood", "Bluebonnet", "Sunrise", "Sunset", "Northstar", "Polaris",
    "Trinity", "Providence", "Mutual", "Cardinal", "Pilgrim", "Colonial", "Minuteman", "Charter",
    "Founders", "Guaranty", "Integrity", "Evergreen", "Greenway", "Valley", "Mountain", "River",
    "Lake", "Prairie", "Canyon", "Mesa", "Redstone", "Bedrock", "Flagship", "Cornerbrook",
    "Hometown", "Main Street", "First Choice", "Allegiance", "Benchmark", "Centennial", "Century",
    "Millennium", "Crown", "Royal", "Regal", "Monarch", "Sovereign", "Capitol", "Federal",
    "Continental", "Atlantic", "Pacific", "Northern", "Southern", "Western", "Eastern", "Central",
    "Metro", "Urban", "Rural", "Countryside", "Farmstead", "Harvest", "Orchard", "Meadow",
];

/// Membership groups of credit unions.
#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "Teachers", "Educators", "Schools", "Police", "Firefighters", "Postal", "Telephone", "Power",
    "Municipal Employees", "County Employees", "State Employees", "Federal Employees",
    "Health Care", "Hospital", "Medical", "University", "Farm Bureau", "Railroad", "Steelworkers",
    "Aerospace", "Navy", "Air Force", "Army", "Veterans", "Public Service", "Electric", "Utilities",
    "Refinery", "Paper Mill", "Auto Workers", "Communications", "Transit", "Law Enforcement",
    "Church",
];

/// (town, province, first three characters of its postal codes) for the Canadian entries.
#[rustfmt::skip]
const CANADIAN_TOWNS: &[(&str, &str, &str)] = &[
    ("Lévis", "QC", "G6V"), ("Québec", "QC", "G1R"), ("Montréal", "QC", "H2X"),
    ("Trois-Rivières", "QC", "G9A"), ("Sherbrooke", "QC", "J1H"), ("Saint-Jérôme", "QC", "J7Z"),
    ("Rivière-du-Loup", "QC", "G5R"), ("Chicoutimi", "QC", "G7H"), ("Rimouski", "QC", "G5L"),
    ("Gatineau", "QC", "J8T"), ("Val-d'Or", "QC", "J9P"), ("Beauport", "QC", "G1E"),
    ("Mont-Laurier", "QC", "J9L"), ("Sainte-Foy", "QC", "G1V"), ("Lévis-Lauzon", "QC", "G6V"),
    ("Vancouver", "BC", "V6B"), ("Calgary", "AB", "T2P"), ("Edmonton", "AB", "T5J"),
    ("Winnipeg", "MB", "R3C"), ("Regina", "SK", "S4P"), ("Saskatoon", "SK", "S7K"),
    ("Toronto", "ON", "M5H"), ("Ottawa", "ON", "K1P"), ("Halifax", "NS", "B3J"),
    ("Moncton", "NB", "E1C"),
];

/// Words for the names of Quebec banks.
#[rustfmt::skip]
const FRENCH_WORDS: &[&str] = &[
    "Laurentienne", "Boréale", "Nordique", "Populaire", "Solidaire", "Royale", "Frontenac",
    "Champlain", "Maisonneuve", "Fédérée", "Côtière", "Mutuelle",
];

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "Main Street", "Market Street", "Broadway", "Washington Avenue", "Commerce Street",
    "Oak Street", "Elm Street", "Church Street", "State Street", "Center Street", "First Avenue",
    "Park Avenue", "Lake Street", "High Street", "Grand Avenue", "Jefferson Boulevard",
    "Lincoln Highway", "Bank Street", "Court Street", "Front Street", "Mill Street", "River Road",
    "Central Avenue", "Maple Avenue", "College Avenue", "Industrial Parkway", "Corporate Drive",
    "Financial Plaza",
];

const AREA_CODES: &[u32] = &[800, 800, 800, 888, 888, 877, 877, 866, 855];

// ---------------------------------------------------------------------------------------------
// Generator

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Bank,
    CreditUnion,
    Card,
    Brokerage,
    Mortgage,
    Other,
    Virtual,
    Canadian,
}

/// Where an institution is based.
#[derive(Clone, Copy)]
struct Home {
    city: &'static str,
    state: &'static str,
    postal: Postal,
}

/// The part of a postal code shared by a town.
#[derive(Clone, Copy)]
enum Postal {
    /// First three digits of a US ZIP code.
    Zip3(u32),
    /// Forward sortation area (first half) of a Canadian postal code.
    Fsa(&'static str),
}

struct Generator {
    rng: SplitMix64,
    /// Ids of the fixed entries, skipped by [`Generator::next_id`].
    reserved_ids: HashSet<i64>,
    /// Names in use (generated or fixed).
    names: HashSet<String>,
    /// Registered domains in use: every institution family has its own.
    domains: HashSet<String>,
    last_id: i64,
}

impl Generator {
    /// A generator that avoids the ids, names and domains of the fixed entries.
    fn new(fixed: &[CatalogEntry]) -> Self {
        Generator {
            rng: SplitMix64::new(0x1D_2013_0811),
            reserved_ids: fixed.iter().map(|e| e.id).collect(),
            names: fixed.iter().map(|e| e.name.clone()).collect(),
            domains: fixed
                .iter()
                .map(|e| registered_domain(host_of(&e.home_url)).to_string())
                .collect(),
            last_id: 1_000,
        }
    }

    /// A registered domain (`slug.tld`) no other family uses: the slug itself, or the forms
    /// real institutions fall back to when theirs is taken.
    fn unique_domain(&mut self, slug: &str, tld: &str, home: &Home) -> String {
        let state = home.state.to_ascii_lowercase();
        let city = ascii_fold(home.city);
        let candidates = [
            format!("{slug}.{tld}"),
            format!("{slug}online.{tld}"),
            format!("my{slug}.{tld}"),
            format!("{slug}{state}.{tld}"),
            format!("{slug}{city}.{tld}"),
            format!("{slug}.org"),
            format!("go{slug}.{tld}"),
        ];
        for candidate in candidates {
            if self.domains.insert(candidate.clone()) {
                return candidate;
            }
        }
        let mut n = 2;
        loop {
            let candidate = format!("{slug}{city}{n}.{tld}");
            if self.domains.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }

    /// Next unused id: ascending with small random gaps, skipping the fixed ids.
    fn next_id(&mut self) -> i64 {
        loop {
            self.last_id += 1 + self.rng.below(6) as i64;
            if !self.reserved_ids.contains(&self.last_id) {
                return self.last_id;
            }
        }
    }

    /// One institution plus, sometimes, its variants (business banking, card, …), at most
    /// `budget` entries.
    fn family(&mut self, budget: usize) -> Vec<CatalogEntry> {
        let kind = match self.rng.weighted(&[430, 310, 70, 80, 50, 20, 30, 10]) {
            0 => Kind::Bank,
            1 => Kind::CreditUnion,
            2 => Kind::Card,
            3 => Kind::Brokerage,
            4 => Kind::Mortgage,
            5 => Kind::Other,
            6 => Kind::Virtual,
            _ => Kind::Canadian,
        };
        let (home, name) = self.unique_name(kind);
        let slug = self.slug(&name, kind);
        let tld = if kind == Kind::CreditUnion && self.rng.chance(300) {
            "org"
        } else if kind == Kind::Canadian {
            if self.rng.chance(500) { "ca" } else { "com" }
        } else {
            "com"
        };
        let scheme = if self.rng.chance(150) {
            "http"
        } else {
            "https"
        };
        let domain = self.unique_domain(&slug, tld, &home);
        let host = format!("www.{domain}");
        let home_url = format!("{scheme}://{host}/");
        let phone = self.phone();
        let is_virtual = kind == Kind::Virtual || self.rng.chance(12);
        let base = self.entry(name, kind, &home, &home_url, &phone, is_virtual);
        let mut family = vec![base];

        if matches!(kind, Kind::Bank | Kind::CreditUnion | Kind::Canadian) {
            let base_name = family[0].name.clone();
            let variants: [(usize, &str, bool); 5] = [
                (110, " - Business Banking", false),
                (45, " Credit Card", true),
                (20, " - Commercial Online", false),
                (15, " - Investments", false),
                (10, " - Cash Management", false),
            ];
            for (per_mille, suffix, new_phone) in variants {
                if family.len() >= budget || !self.rng.chance(per_mille) {
                    continue;
                }
                let name = format!("{base_name}{suffix}");
                if !self.names.insert(name.clone()) {
                    continue;
                }
                let phone = if new_phone {
                    self.phone()
                } else {
                    phone.clone()
                };
                let variant = self.entry(name, kind, &home, &home_url, &phone, is_virtual);
                family.push(variant);
            }
        }
        family.truncate(budget);
        family
    }

    fn entry(
        &mut self,
        name: String,
        kind: Kind,
        home: &Home,
        home_url: &str,
        phone: &str,
        is_virtual: bool,
    ) -> CatalogEntry {
        let domain = registered_domain(host_of(home_url)).to_string();
        let email = match self.rng.below(10) {
            0..=2 => None,
            3..=5 => Some(format!("customerservice@{domain}")),
            6 => Some(format!("info@{domain}")),
            7 if kind == Kind::CreditUnion => Some(format!("memberservices@{domain}")),
            7 => Some(format!("support@{domain}")),
            _ => Some(format!("onlinebanking@{domain}")),
        };
        let keys = self.keys(kind);
        let special_text = match self.rng.below(10) {
            0..=5 => login_hint(&name),
            6 => {
                let shown: Vec<&str> = keys
                    .iter()
                    .filter(|k| k.display_flag)
                    .filter_map(|k| k.description.as_deref())
                    .collect();
                Some(format!(
                    "Please enter your {} {}.",
                    name,
                    shown.join(" and ")
                ))
            }
            _ => None,
        };
        let address = self.address(home);
        CatalogEntry {
            id: self.next_id(),
            name,
            home_url: home_url.to_string(),
            phone: phone.to_string(),
            is_virtual,
            email,
            address,
            special_text,
            currency: if kind == Kind::Canadian { "CAD" } else { "USD" },
            keys,
        }
    }

    fn home(&mut self, kind: Kind) -> Home {
        if kind == Kind::Canadian {
            let &(city, state, fsa) = self.rng.pick(CANADIAN_TOWNS);
            Home {
                city,
                state,
                postal: Postal::Fsa(fsa),
            }
        } else {
            let &(city, state, zip3) = self.rng.pick(CITIES);
            Home {
                city,
                state,
                postal: Postal::Zip3(zip3),
            }
        }
    }

    fn address(&mut self, home: &Home) -> CatalogAddress {
        let address1 = if self.rng.chance(250) {
            format!("P O Box {}", self.rng.range(100, 99_999))
        } else {
            let number = self.rng.range(1, 9_999);
            format!("{number} {}", self.rng.pick(STREETS))
        };
        let (postal_code, country) = match home.postal {
            Postal::Fsa(fsa) => {
                let letter = (b'A' + self.rng.below(26) as u8) as char;
                let (d1, d2) = (self.rng.below(10), self.rng.below(10));
                (format!("{fsa} {d1}{letter}{d2}"), "CAN")
            }
            Postal::Zip3(zip3) => (format!("{zip3:03}{:02}", self.rng.below(100)), "USA"),
        };
        CatalogAddress {
            address1,
            city: home.city.to_string(),
            state: home.state.to_string(),
            postal_code,
            country: country.to_string(),
        }
    }

    fn phone(&mut self) -> String {
        let area = *self.rng.pick(AREA_CODES);
        let exchange = self.rng.range(200, 999);
        let line = self.rng.range(0, 9_999);
        format!("1-{area}-{exchange}-{line:04}")
    }

    /// A place to name an institution after: its city, its region, its state or a county.
    fn place(&mut self, home: &Home) -> &'static str {
        match self.rng.weighted(&[50, 25, 10, 15]) {
            0 => home.city,
            1 => REGIONS[self.rng.below(REGIONS.len())],
            2 => STATES
                .iter()
                .find(|(code, _)| *code == home.state)
                .map_or(home.city, |(_, name)| name),
            _ => COUNTIES[self.rng.below(COUNTIES.len())],
        }
    }

    /// A home and a name not used yet; the home is drawn again on each attempt because the
    /// name usually mentions it.
    fn unique_name(&mut self, kind: Kind) -> (Home, String) {
        for _ in 0..60 {
            let home = self.home(kind);
            let name = self.name(kind, &home);
            if !repeats_a_word(&name) && !self.names.contains(&name) {
                self.names.insert(name.clone());
                return (home, name);
            }
        }
        // The vocabulary is nearly exhausted for this kind: qualify by location, then number.
        let home = self.home(kind);
        let base = self.name(kind, &home);
        let mut name = format!("{base} ({}, {})", home.city, home.state);
        let mut n = 2;
        while self.names.contains(&name) {
            name = format!("{base} ({}, {}) {n}", home.city, home.state);
            n += 1;
        }
        self.names.insert(name.clone());
        (home, name)
    }

    fn name(&mut self, kind: Kind, home: &Home) -> String {
        let p = self.place(home);
        let city = home.city;
        let s = *self.rng.pick(SURNAMES);
        let s2 = *self.rng.pick(SURNAMES);
        let w = *self.rng.pick(WORDS);
        let g = *self.rng.pick(GROUPS);
        match kind {
            Kind::Bank => match self.rng.below(24) {
                0 | 1 => format!("{p} Bank"),
                2 => format!("{p} State Bank"),
                3 | 4 => format!("First National Bank of {p}"),
                5 => format!("{s} Bank & Trust"),
                6 => format!("Bank of {p}"),
                7 => format!("{p} Savings Bank"),
                8 => format!("{p} National Bank"),
                9 => format!("Citizens Bank of {p}"),
                10 => format!("{p} Community Bank"),
                11 => format!("Farmers & Merchants Bank of {city}"),
                12 | 13 => format!("{w} Bank"),
                14 => format!("{w} Bank of {p}"),
                15 => format!("First {w} Bank"),
                16 => format!("{p} Trust Company"),
                17 => format!("{p} Savings & Loan"),
                18 => format!("{w} Bank, N.A."),
                19 => format!("The {p} Bank"),
                20 => format!("Peoples Bank of {p}"),
                21 => format!("First {p} Bank"),
                22 => format!("{s} State Bank"),
                _ => format!("{w} Federal Savings Bank"),
            },
            Kind::CreditUnion => match self.rng.below(12) {
                0 | 1 => format!("{p} Federal Credit Union"),
                2 | 3 => format!("{p} FCU"),
                4 => format!("{p} Credit Union"),
                5 => format!("{g} Federal Credit Union"),
                6 => format!("{p} {g} Federal Credit Union"),
                7 => format!("{p} {g} FCU"),
                8 => format!("{p} {g} Credit Union"),
                9 => format!("{w} Credit Union"),
                10 => format!("{w} Federal Credit Union"),
                _ => format!("{p} Community Credit Union"),
            },
            Kind::Card => match self.rng.below(8) {
                0 | 1 => format!("{p} FCU Credit Card"),
                2 => format!("{p} Bank Credit Card"),
                3 => format!("{w} Bank Credit Card"),
                4 => format!("{w} Visa"),
                5 => format!("{w} Platinum Mastercard"),
                6 => format!("{w} Rewards Card"),
                _ => format!("{p} FCU Visa"),
            },
            Kind::Brokerage => match self.rng.below(10) {
                0 => format!("{s} Investments"),
                1 => format!("{s} & {s2} Securities"),
                2 => format!("{s} Financial Advisors"),
                3 => format!("{p} Investment Services"),
                4 => format!("{w} Capital Management"),
                5 => format!("{s} Wealth Management"),
                6 => format!("{w} Securities"),
                7 => format!("{s} Brokerage Services"),
                8 => format!("{w} Asset Management"),
                _ => format!("{s}, {s2} & Co."),
            },
            Kind::Mortgage => match self.rng.below(6) {
                0 => format!("{p} Mortgage"),
                1 => format!("{w} Home Loans"),
                2 => format!("{s} Mortgage Company"),
                3 => format!("{w} Home Mortgage"),
                4 => format!("{p} Home Lending"),
                _ => format!("{w} Mortgage Corporation"),
            },
            Kind::Other => match self.rng.below(5) {
                0 => format!("{w} Life Insurance"),
                1 => format!("{w} Retirement Plan Services"),
                2 => format!("{p} Student Loans"),
                3 => format!("{w} 401(k)"),
                _ => format!("{s} Insurance Group"),
            },
            Kind::Virtual => match self.rng.below(5) {
                0 => format!("{w} Direct"),
                1 => format!("{w} Online Bank"),
                2 => format!("{w} Internet Bank"),
                3 => format!("{w}Direct Bank"),
                _ => format!("{w} eBank"),
            },
            Kind::Canadian if home.state == "QC" => {
                let de = if city.starts_with(['A', 'E', 'I', 'O', 'U', 'Â', 'É', 'Î']) {
                    "d'"
                } else {
                    "de "
                };
                match self.rng.below(4) {
                    0 | 1 => format!("Caisse Desjardins {de}{city}"),
                    2 => format!("Caisse populaire {de}{city}"),
                    _ => format!("Banque {} {de}{city}", self.rng.pick(FRENCH_WORDS)),
                }
            }
            Kind::Canadian => match self.rng.below(3) {
                0 => format!("{city} Credit Union"),
                1 => format!("{city} {g} Credit Union"),
                _ => format!("{w} Savings of {city}"),
            },
        }
    }

    /// The domain label for a name: the name squashed, its initials, or initials plus the
    /// place, as real institutions do (`foxchasebank`, `fnbo`, `cffcu`).
    fn slug(&mut self, name: &str, kind: Kind) -> String {
        const SKIP: &[&str] = &["of", "the", "and", "de", "na"];
        let words: Vec<String> = name
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(ascii_fold)
            .filter(|w| !w.is_empty() && !SKIP.contains(&w.as_str()))
            .collect();
        let squashed: String = words.concat();
        let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
        let choice = self.rng.below(10);
        let slug = if squashed.len() <= 18 && choice < 7 {
            squashed
        } else if choice < 9 || words.len() < 3 {
            let mut s = initials.clone();
            if kind == Kind::CreditUnion && !s.ends_with("cu") && !s.ends_with('u') {
                s.push_str("cu");
            }
            if s.len() < 3 { squashed } else { s }
        } else {
            // Initials of all but the trailing place-like word, then that word in full.
            let (last, head) = words.split_last().expect("at least three words");
            let mut s: String = head.iter().filter_map(|w| w.chars().next()).collect();
            s.push_str(last);
            s
        };
        if slug.len() < 3 {
            format!("{slug}online")
        } else {
            slug
        }
    }

    fn keys(&mut self, kind: Kind) -> Vec<CatalogKey> {
        const PAIRS: &[(&str, &str, &str, &str)] = &[
            (
                "Banking Userid",
                "Banking Password",
                "Banking Userid",
                "Banking Password",
            ),
            ("usr_name", "usr_password", "User ID", "Password"),
            ("usr_name", "usr_password", "User ID", "Password"),
            ("UserName", "Password", "User Name", "Password"),
            ("UserName", "Password", "User Name", "Password"),
            ("Login ID", "Password", "Login ID", "Password"),
            ("Access ID", "Passcode", "Access ID", "Passcode"),
            ("Customer ID", "Password", "Customer ID", "Password"),
            ("Online ID", "Passcode", "Online ID", "Passcode"),
        ];
        let &(user, pass, user_desc, pass_desc) =
            if kind == Kind::CreditUnion && self.rng.chance(400) {
                &("Member Number", "Password", "Member Number", "Password")
            } else {
                self.rng.pick(PAIRS)
            };
        let lengths = self.rng.chance(600);
        let key = |name: &str, order: i32, mask: bool, desc: &str, rng: &mut SplitMix64| {
            let (min, max) = if lengths {
                (
                    Some(rng.range(1, 6) as i32),
                    Some(*rng.pick(&[12, 16, 20, 24, 32, 64])),
                )
            } else {
                (None, None)
            };
            let instructions = if rng.chance(350) {
                Some(format!("Enter your {}", desc))
            } else {
                None
            };
            CatalogKey {
                name: name.to_string(),
                display_order: order,
                mask,
                display_flag: true,
                instructions,
                description: Some(desc.to_string()),
                value_length_min: min,
                value_length_max: max,
            }
        };
        let rng = &mut self.rng;
        let mut keys = vec![
            key(user, 1, false, user_desc, rng),
            key(pass, 2, true, pass_desc, rng),
        ];
        match rng.below(100) {
            0..=7 => keys.push(key("Account pin", 3, true, "PIN", rng)),
            8..=13 => {
                let hidden = *rng.pick(&["usr_site_type", "AuthType", "SiteCode", "LoginMode"]);
                let mut k = key(hidden, 3, false, "Hidden", rng);
                k.display_flag = false;
                k.description = None;
                k.instructions = None;
                keys.push(k);
            }
            _ => {}
        }
        // The API does not sort keys: about a third list the password (or more) first.
        if rng.chance(330) {
            keys.reverse();
        } else if keys.len() == 3 && rng.chance(200) {
            keys.swap(0, 2);
        }
        keys
    }
}

/// Whether a word occurs twice in a name ("First First Choice Bank"), which real names avoid.
fn repeats_a_word(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .any(|(i, w)| words[..i].iter().any(|v| v.eq_ignore_ascii_case(w)))
}

/// Lower-cases and strips the accents of the few non-ASCII letters the vocabulary uses, drops
/// everything that is not an ASCII letter or digit.
fn ascii_fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        }
    }
    out
}

/// A catalog generated on first use.
///
/// Most sandbox requests (accounts, transactions, positions, deletes) never read the catalog, so
/// a sandbox starts without paying for the 18,716 entries; the first request that needs it
/// (institution list or details, a login) generates it once, and every later one shares it.
///
/// ```
/// use aggcat_sandbox::catalog::{LazyCatalog, TEST_BANK_ID};
///
/// let lazy = LazyCatalog::new(50);
/// assert!(!lazy.is_generated());
/// assert!(lazy.get().get(TEST_BANK_ID).is_some());
/// assert!(lazy.is_generated());
/// ```
pub struct LazyCatalog {
    size: usize,
    cell: OnceLock<Catalog>,
}

impl LazyCatalog {
    /// A catalog of `size` institutions, generated by the first [`LazyCatalog::get`].
    pub fn new(size: usize) -> Self {
        Self {
            size,
            cell: OnceLock::new(),
        }
    }

    /// The catalog, generated now if this is the first call.
    pub fn get(&self) -> &Catalog {
        self.cell.get_or_init(|| Catalog::generate(self.size))
    }

    /// Number of institutions the catalog has (or will have once generated).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the catalog has been generated yet.
    pub fn is_generated(&self) -> bool {
        self.cell.get().is_some()
    }
}

impl fmt::Debug for LazyCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LazyCatalog")
            .field("size", &self.size)
            .field("generated", &self.is_generated())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_phone(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 14
            && s.starts_with("1-8")
            && b[5] == b'-'
            && b[9] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| matches!(i, 1 | 5 | 9) || c.is_ascii_digit())
    }

    #[test]
    fn same_count_gives_identical_catalog() {
        let a = Catalog::generate(3_000);
        let b = Catalog::generate(3_000);
        assert_eq!(a, b);
        assert_eq!(a.entries(), b.entries());
    }

    #[test]
    fn default_catalog_has_exact_size_unique_ids_and_names() {
        let catalog = Catalog::default();
        assert_eq!(catalog.len(), 18_716);
        assert_eq!(catalog.entries().len(), DEFAULT_SIZE);
        let ids: HashSet<i64> = catalog.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), DEFAULT_SIZE);
        let names: HashSet<&str> = catalog.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names.len(), DEFAULT_SIZE);
        for entry in &catalog {
            assert_eq!(catalog.get(entry.id), Some(entry));
        }
        assert_eq!(catalog.get(1), None);
        assert_eq!(catalog.get(-5), None);
    }

    #[test]
    fn exact_count_for_many_sizes() {
        for count in [0, 1, 2, 5, 8, 9, 10, 50, 51, 137, 1_000] {
            let catalog = Catalog::generate(count);
            assert_eq!(catalog.len(), count, "count {count}");
            assert_eq!(catalog.is_empty(), count == 0);
            let ids: HashSet<i64> = catalog.iter().map(|e| e.id).collect();
            assert_eq!(ids.len(), count);
        }
    }

    #[test]
    fn test_bank_matches_protocol_notes() {
        let catalog = Catalog::generate(DEFAULT_SIZE);
        let bank = catalog.get(TEST_BANK_ID).expect("CCBank present");
        assert_eq!(bank.name, "CCBank");
        assert_eq!(bank.home_url, "http://www.intuit.com");
        assert_eq!(
            bank.email.as_deref(),
            Some("CustomerCentralBank@intuit.com")
        );
        assert_eq!(bank.currency, "USD");
        assert_eq!(
            bank.keys,
            vec![
                CatalogKey {
                    name: "Banking Userid".into(),
                    display_order: 1,
                    mask: false,
                    display_flag: true,
                    instructions: Some("Enter banking userid (demo)".into()),
                    description: Some("Banking Userid".into()),
                    value_length_min: Some(1),
                    value_length_max: Some(20),
                },
                CatalogKey {
                    name: "Banking Password".into(),
                    display_order: 2,
                    mask: true,
                    display_flag: true,
                    instructions: Some("Enter banking password (go)".into()),
                    description: Some("Banking Password".into()),
                    value_length_min: Some(1),
                    value_length_max: Some(20),
                },
            ]
        );
    }

    #[test]
    fn chase_examples_match_the_manual() {
        let catalog = Catalog::generate(DEFAULT_SIZE);
        let jpm = catalog.get(JP_MORGAN_CHASE_ID).unwrap();
        assert_eq!(jpm.name, "JP Morgan Chase Bank");
        assert_eq!(jpm.home_url, "https://www.chase.com/");
        assert_eq!(jpm.phone, "1-877-242-7372");
        assert_eq!(jpm.currency, "USD");
        // Listed password first, as the real response did.
        let names: Vec<&str> = jpm.keys.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["usr_password", "usr_name"]);
        assert_eq!(jpm.keys[0].display_order, 2);
        assert!(jpm.keys[0].mask);
        assert_eq!(jpm.keys[1].display_order, 1);
        assert!(!jpm.keys[1].mask);
        let shown: Vec<&str> = jpm
            .displayed_keys()
            .iter()
            .map(|k| k.name.as_str())
            .collect();
        assert_eq!(shown, ["usr_name", "usr_password"]);

        let expected = [
            (13_278, "JP Morgan Chase Bank"),
            (13_640, "Quicken Visa"),
            (14_554, "Chase Bank Credit Card (Amazon.com)"),
            (14_910, "Chase e-Funds Card"),
            (14_777, "Fox Chase Bank - Business Banking"),
            (13_718, "Fox Chase Bank"),
            (14_484, "Chevy Chase Bank - Web Cash Manager"),
        ];
        for (id, name) in expected {
            assert_eq!(catalog.get(id).map(|e| e.name.as_str()), Some(name));
        }
        // The manual's XPath `contains(., "chase")` is case-sensitive: it matched the lower-case
        // "chase" of URLs and e-mail addresses. Reproduce it: same institutions, same order.
        let found: Vec<(i64, &str)> = catalog
            .iter()
            .filter(|e| {
                e.home_url.contains("chase")
                    || e.email.as_deref().is_some_and(|m| m.contains("chase"))
                    || e.name.contains("chase")
                    || e.special_text
                        .as_deref()
                        .is_some_and(|t| t.contains("chase"))
            })
            .map(|e| (e.id, e.name.as_str()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn well_known_names_at_fixed_ids() {
        let catalog = Catalog::generate(DEFAULT_SIZE);
        for f in FAMOUS {
            let e = catalog.get(f.id).unwrap();
            assert_eq!(e.name, f.name);
            assert_eq!(e.home_url, f.url);
        }
        for name in [
            "Bank of America",
            "Wells Fargo",
            "Citibank",
            "American Express",
            "Fidelity Investments",
            "Charles Schwab",
            "Vanguard",
            "Capital One",
            "US Bank",
            "PNC Bank",
            "Navy Federal Credit Union",
            "USAA",
        ] {
            assert!(catalog.iter().any(|e| e.name == name), "{name} missing");
        }
    }

    #[test]
    fn first_entry_is_carolina_foothills() {
        assert_eq!(
            Catalog::generate(DEFAULT_SIZE).entries()[0].name,
            "Carolina Foothills FCU Credit Card"
        );
        assert_eq!(
            Catalog::generate(50).entries()[0].name,
            "Carolina Foothills FCU Credit Card"
        );
    }

    #[test]
    fn small_catalogs_keep_the_test_bank_and_chase() {
        let small = Catalog::generate(50);
        assert_eq!(small.len(), 50);
        assert!(small.get(TEST_BANK_ID).is_some());
        for id in CHASE_EXAMPLE_IDS {
            assert!(small.get(id).is_some(), "{id} missing");
        }
        let one = Catalog::generate(1);
        assert_eq!(one.entries()[0].id, TEST_BANK_ID);
        // Fixed entries beyond the first ones plus generated ones: still exact.
        let larger = Catalog::generate(60);
        assert_eq!(larger.len(), 60);
        assert!(larger.iter().any(|e| e.id < 13_000));
    }

    #[test]
    fn entries_look_real() {
        let catalog = Catalog::generate(DEFAULT_SIZE);
        let mut virtual_count = 0;
        let mut unordered_keys = 0;
        let mut hidden_keys = 0;
        let mut cad = 0;
        for e in &catalog {
            assert!(is_phone(&e.phone), "{}: bad phone {}", e.name, e.phone);
            assert!(
                e.home_url.starts_with("http://www.") || e.home_url.starts_with("https://"),
                "{}",
                e.home_url
            );
            if e.id != TEST_BANK_ID {
                assert!(e.home_url.ends_with('/'), "{}", e.home_url);
            }
            assert!(!e.name.trim().is_empty());
            assert!(e.address.country == "USA" || e.address.country == "CAN");
            assert!(!e.address.city.is_empty() && !e.address.postal_code.is_empty());
            // Exactly one user field and at least one masked field are displayed.
            let shown = e.displayed_keys();
            assert!(shown.len() >= 2, "{}", e.name);
            assert!(shown.iter().any(|k| k.mask));
            let mut orders: Vec<i32> = e.keys.iter().map(|k| k.display_order).collect();
            let listed = orders.clone();
            orders.sort_unstable();
            orders.dedup();
            assert_eq!(
                orders.len(),
                e.keys.len(),
                "{}: duplicate display order",
                e.name
            );
            if listed != orders {
                unordered_keys += 1;
            }
            if e.keys.iter().any(|k| !k.display_flag) {
                hidden_keys += 1;
            }
            if e.is_virtual {
                virtual_count += 1;
            }
            if e.currency == "CAD" {
                cad += 1;
                assert_eq!(e.address.country, "CAN");
            } else {
                assert_eq!(e.currency, "USD");
            }
        }
        let n = catalog.len();
        assert!(
            virtual_count * 100 > n && virtual_count * 100 < 6 * n,
            "{virtual_count}"
        );
        assert!(unordered_keys * 10 > n, "{unordered_keys}");
        assert!(hidden_keys * 50 > n, "{hidden_keys}");
        assert!(cad > 20 && cad * 50 < n, "{cad}");
        let count = |pat: &str| catalog.iter().filter(|e| e.name.contains(pat)).count();
        assert!(count(" Federal Credit Union") > 500);
        assert!(count(" FCU") > 500);
        assert!(count(" Credit Card") > 300);
        assert!(count(" - Business Banking") > 500);
        assert!(count("First National Bank of ") > 200);
        assert!(count("Mortgage") > 100);
        assert!(count("Securities") > 50);
        assert!(catalog.iter().any(|e| e.name.contains('é')));
        // Chase stays a rare word: only the fixed entries carry it.
        assert_eq!(count("Chase"), 6);
    }

    #[test]
    fn url_helpers() {
        assert_eq!(
            host_of("https://online.citibank.com/x"),
            "online.citibank.com"
        );
        assert_eq!(registered_domain("online.citibank.com"), "citibank.com");
        assert_eq!(registered_domain("chase.com"), "chase.com");
        assert_eq!(ascii_fold("Lévis-Lauzon"), "levislauzon");
        assert!(repeats_a_word("First First Choice Bank"));
        assert!(repeats_a_word(
            "Lincoln Federal Employees federal Credit Union"
        ));
        assert!(!repeats_a_word("Farmers & Merchants Bank of Lincoln"));
    }
}
