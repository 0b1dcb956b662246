//! Manual §5 and §6.1.3 "Working with Institutions": list every institution, search the list
//! (python-aggcat needed lxml and XPath for this), show one institution's details.
//!
//! ```sh
//! cargo run -p aggcat-client --example institutions -- chase
//! ```

#[path = "support/mod.rs"]
mod support;

use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let search = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "chase".to_owned())
        .to_lowercase();
    let session = support::Session::start("institutions-example").await?;
    let client = &session.client;

    let institutions = client.get_institutions().await?;
    println!("{} institutions", institutions.len());

    let matches: Vec<_> = institutions
        .iter()
        .filter(|i| {
            i.institution_name.to_lowercase().contains(&search)
                || i.home_url
                    .as_deref()
                    .is_some_and(|u| u.to_lowercase().contains(&search))
        })
        .collect();
    println!("{} match {search:?}:", matches.len());
    for institution in &matches {
        println!(
            "  {} {}",
            institution.institution_id, institution.institution_name
        );
    }

    let id = matches.first().map_or(100_000, |i| i.institution_id);
    let detail = client.get_institution_details(id).await?;
    println!("\n{} ({})", detail.institution_name, detail.institution_id);
    println!("  home:     {}", detail.home_url.as_deref().unwrap_or("-"));
    println!(
        "  phone:    {}",
        detail.phone_number.as_deref().unwrap_or("-")
    );
    println!(
        "  address:  {}",
        detail.address.address_1.as_deref().unwrap_or("-")
    );
    println!(
        "  currency: {}",
        detail.currency_code.as_ref().map_or("-", |c| c.as_str())
    );
    for key in client.get_credential_fields(id).await? {
        println!(
            "  login field #{} {:?}{}",
            key.display_order,
            key.name,
            if key.mask { " (password)" } else { "" }
        );
    }

    match client.get_institution_details(999_999_999).await {
        Ok(_) => println!("institution 999999999 exists?"),
        Err(e) => println!(
            "\nunknown institution: {e}\n  meaning: {}",
            e.intuit_code().map_or("-", |c| c.meaning())
        ),
    }
    session.finish().await;
    Ok(())
}
