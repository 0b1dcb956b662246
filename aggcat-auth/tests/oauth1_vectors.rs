//! Published OAuth 1.0 test vectors, checked byte for byte.

use aggcat_auth::oauth1::{self, Credentials};
use url::Url;

/// RFC 5849 §3.4.1.1: the example request, its Authorization header and form body, and the
/// published signature base string.
#[test]
fn rfc5849_section_3_4_1_1_base_string() {
    let url = Url::parse("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b").unwrap();
    let header = "OAuth realm=\"Example\",\n oauth_consumer_key=\"9djdj82h48djs9d2\",\n oauth_token=\"kkk9d7dh3k39sjv7\",\n oauth_signature_method=\"HMAC-SHA1\",\n oauth_timestamp=\"137131201\",\n oauth_nonce=\"7d8f3e4a\",\n oauth_signature=\"bYT5CMsGcbgUdFHObYMEfcx6bsw%3D\"";
    let body = "c2&a3=2+q";

    let mut params = oauth1::parse_authorization_header(header).unwrap();
    assert!(params.iter().all(|(k, _)| k != "realm"));
    let signature_index = params
        .iter()
        .position(|(k, _)| k == "oauth_signature")
        .unwrap();
    assert_eq!(
        params.remove(signature_index).1,
        "bYT5CMsGcbgUdFHObYMEfcx6bsw="
    );
    params.extend(url::form_urlencoded::parse(body.as_bytes()).into_owned());

    let expected = "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7";
    assert_eq!(
        oauth1::signature_base_string("POST", &url, &params),
        expected
    );
    // The method is upper-cased.
    assert_eq!(
        oauth1::signature_base_string("post", &url, &params),
        expected
    );
}

/// RFC 5849 §3.4.1.2 base string URI examples.
#[test]
fn rfc5849_base_string_uri_examples() {
    let url = Url::parse("HTTP://EXAMPLE.COM:80/r%20v/X?id=123").unwrap();
    assert_eq!(oauth1::base_string_uri(&url), "http://example.com/r%20v/X");
    let url = Url::parse("https://www.example.net:8080/?q=1").unwrap();
    assert_eq!(
        oauth1::base_string_uri(&url),
        "https://www.example.net:8080/"
    );
    let url = Url::parse("https://example.net:443/a").unwrap();
    assert_eq!(oauth1::base_string_uri(&url), "https://example.net/a");
}

/// OAuth Core 1.0 appendix A.5.1–A.5.2 (photos.example.net): full header built by our code.
#[test]
fn oauth_core_appendix_photos_example() {
    let url =
        Url::parse("http://photos.example.net/photos?file=vacation.jpg&size=original").unwrap();
    let creds = Credentials::new("dpf43f3p2l4k3l03", "kd94hf93k423kf44")
        .with_token("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00");
    let header = oauth1::authorization_header_with(
        "GET",
        &url,
        &[],
        &creds,
        1_191_242_096,
        "kllo9940pd9333jh",
    );
    assert_eq!(
        header,
        "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_token=\"nnch734d00sl2jdk\", \
         oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1191242096\", \
         oauth_nonce=\"kllo9940pd9333jh\", oauth_version=\"1.0\", \
         oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\""
    );

    let mut params = oauth1::parse_authorization_header(&header).unwrap();
    params.retain(|(k, _)| k != "oauth_signature");
    let base = oauth1::signature_base_string("GET", &url, &params);
    assert_eq!(
        base,
        "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal"
    );
    assert!(oauth1::verify_hmac_sha1(
        &base,
        "kd94hf93k423kf44",
        "pfkkdhi9sl3r4s00",
        "tR3+Ty81lMeYAr/Fid0kMTYa/WM="
    ));
}

/// Twitter's "Creating a signature" documentation example (POST with a query parameter and a
/// form-encoded body parameter).
#[test]
fn twitter_documentation_example() {
    let url = Url::parse("https://api.twitter.com/1.1/statuses/update.json?include_entities=true")
        .unwrap();
    let form = vec![(
        "status".to_owned(),
        "Hello Ladies + Gentlemen, a signed OAuth request!".to_owned(),
    )];
    let creds = Credentials::new(
        "xvz1evFS4wEEPTGEFPHBog",
        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    )
    .with_token(
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    );
    let header = oauth1::authorization_header_with(
        "POST",
        &url,
        &form,
        &creds,
        1_318_622_958,
        "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
    );
    assert!(
        header.ends_with("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\""),
        "{header}"
    );

    let mut params = oauth1::parse_authorization_header(&header).unwrap();
    params.retain(|(k, _)| k != "oauth_signature");
    params.extend(form);
    let base = oauth1::signature_base_string("POST", &url, &params);
    assert_eq!(
        base,
        "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
    );
    assert_eq!(
        oauth1::hmac_sha1_sign(
            &base,
            "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
            "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"
        ),
        "hCtSmYh+iHYCEqBWrE7C7hYmtUk="
    );
}
