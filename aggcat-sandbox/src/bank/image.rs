//! Challenge images: a word drawn with a built-in 5×7 pixel font, encoded as a grayscale PNG.
//!
//! The PNG encoder is deliberately tiny: one IHDR, one IDAT holding a zlib stream made of
//! *stored* (uncompressed) deflate blocks, one IEND. Images are a few kilobytes, which is the
//! size class of the captcha-like pictures the real test bank sent.

use super::prng::Prng;

/// Glyph rows (5 bits each, most significant bit = leftmost pixel) for `A`–`Z`.
const GLYPHS: [[u8; 7]; 26] = [
    [
        0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001,
    ], // A
    [
        0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110,
    ], // B
    [
        0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110,
    ], // C
    [
        0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110,
    ], // D
    [
        0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111,
    ], // E
    [
        0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000,
    ], // F
    [
        0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111,
    ], // G
    [
        0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001,
    ], // H
    [
        0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110,
    ], // I
    [
        0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100,
    ], // J
    [
        0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001,
    ], // K
    [
        0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111,
    ], // L
    [
        0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001,
    ], // M
    [
        0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001,
    ], // N
    [
        0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110,
    ], // O
    [
        0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000,
    ], // P
    [
        0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101,
    ], // Q
    [
        0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001,
    ], // R
    [
        0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110,
    ], // S
    [
        0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100,
    ], // T
    [
        0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110,
    ], // U
    [
        0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100,
    ], // V
    [
        0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010,
    ], // W
    [
        0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001,
    ], // X
    [
        0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100, 0b00100,
    ], // Y
    [
        0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111,
    ], // Z
];

const SCALE: usize = 4;
const PAD: usize = 10;
const JITTER: usize = 3;
const BACKGROUND: u8 = 236;
const INK: u8 = 38;

/// A grayscale raster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Row-major 8-bit gray values.
    pub pixels: Vec<u8>,
}

/// Draws `word` (letters other than `A`–`Z` are left blank). With `noise_seed` the letters
/// jitter vertically and speckles and two strike-through lines are added, so the same word
/// looks different for every seed.
pub fn draw_word(word: &str, noise_seed: Option<u64>) -> Raster {
    let letters: Vec<char> = word.chars().map(|c| c.to_ascii_uppercase()).collect();
    let cell = 6 * SCALE;
    let width = 2 * PAD + letters.len().max(1) * cell - SCALE;
    let height = 2 * PAD + 7 * SCALE + 2 * JITTER;
    let mut pixels = vec![BACKGROUND; width * height];
    let mut prng = noise_seed.map(Prng::new);

    for (index, letter) in letters.iter().enumerate() {
        let Some(glyph) = letter
            .is_ascii_uppercase()
            .then(|| GLYPHS[(*letter as u8 - b'A') as usize])
        else {
            continue;
        };
        let dy = prng
            .as_mut()
            .map_or(JITTER, |p| p.below(2 * JITTER as u64 + 1) as usize);
        let left = PAD + index * cell;
        for (row, bits) in glyph.iter().enumerate() {
            for col in 0..5 {
                if bits & (0b10000 >> col) == 0 {
                    continue;
                }
                for y in 0..SCALE {
                    for x in 0..SCALE {
                        let px = left + col * SCALE + x;
                        let py = PAD + dy + row * SCALE + y;
                        pixels[py * width + px] = INK;
                    }
                }
            }
        }
    }

    if let Some(p) = prng.as_mut() {
        for _ in 0..(width * height / 25) {
            let i = p.below((width * height) as u64) as usize;
            pixels[i] = if pixels[i] == INK { 150 } else { 120 };
        }
        for _ in 0..2 {
            let y0 = p.between(PAD as i64, (height - PAD) as i64) as f64;
            let y1 = p.between(PAD as i64, (height - PAD) as i64) as f64;
            for x in 0..width {
                let y = y0 + (y1 - y0) * x as f64 / width as f64;
                let y = (y.round() as usize).min(height - 1);
                pixels[y * width + x] = 90;
            }
        }
    }

    Raster {
        width,
        height,
        pixels,
    }
}

/// Encodes a raster as an 8-bit grayscale PNG.
pub fn encode_png(raster: &Raster) -> Vec<u8> {
    let mut out = Vec::with_capacity(raster.pixels.len() + raster.height + 128);
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");

    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(raster.width as u32).to_be_bytes());
    ihdr.extend_from_slice(&(raster.height as u32).to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // depth 8, grayscale, deflate, filter 0, no interlace
    chunk(&mut out, b"IHDR", &ihdr);

    // Scanlines, each prefixed with filter type 0 (none).
    let mut raw = Vec::with_capacity(raster.pixels.len() + raster.height);
    for row in raster.pixels.chunks(raster.width.max(1)) {
        raw.push(0);
        raw.extend_from_slice(row);
    }
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Renders `word` to PNG bytes (see [`draw_word`]).
pub fn word_png(word: &str, noise_seed: Option<u64>) -> Vec<u8> {
    encode_png(&draw_word(word, noise_seed))
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let mut blocks = data.chunks(65_535).peekable();
    if blocks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// CRC-32 (IEEE 802.3, reflected, as used by PNG).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for byte in chunk {
            a += u32::from(*byte);
            b += a;
        }
        a %= 65_521;
        b %= 65_521;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads back a PNG written by [`encode_png`], checking every structural invariant.
    fn decode(png: &[u8]) -> Raster {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let mut pos = 8;
        let mut width = 0;
        let mut height = 0;
        let mut zlib = Vec::new();
        let mut kinds = Vec::new();
        while pos < png.len() {
            let len = u32::from_be_bytes(png[pos..pos + 4].try_into().unwrap()) as usize;
            let kind = &png[pos + 4..pos + 8];
            let data = &png[pos + 8..pos + 8 + len];
            let crc = u32::from_be_bytes(png[pos + 8 + len..pos + 12 + len].try_into().unwrap());
            assert_eq!(crc, crc32(&png[pos + 4..pos + 8 + len]), "chunk crc");
            match kind {
                b"IHDR" => {
                    width = u32::from_be_bytes(data[0..4].try_into().unwrap()) as usize;
                    height = u32::from_be_bytes(data[4..8].try_into().unwrap()) as usize;
                    assert_eq!(&data[8..], &[8, 0, 0, 0, 0]);
                }
                b"IDAT" => zlib.extend_from_slice(data),
                _ => {}
            }
            kinds.push(String::from_utf8(kind.to_vec()).unwrap());
            pos += 12 + len;
        }
        assert_eq!(kinds, ["IHDR", "IDAT", "IEND"]);
        assert_eq!(
            (u16::from(zlib[0]) << 8 | u16::from(zlib[1])) % 31,
            0,
            "zlib header check"
        );
        let mut raw = Vec::new();
        let mut p = 2;
        loop {
            let last = zlib[p] & 1 == 1;
            assert_eq!(zlib[p] >> 1, 0, "stored block");
            let len = u16::from_le_bytes([zlib[p + 1], zlib[p + 2]]);
            let nlen = u16::from_le_bytes([zlib[p + 3], zlib[p + 4]]);
            assert_eq!(len, !nlen);
            raw.extend_from_slice(&zlib[p + 5..p + 5 + len as usize]);
            p += 5 + len as usize;
            if last {
                break;
            }
        }
        assert_eq!(
            u32::from_be_bytes(zlib[p..p + 4].try_into().unwrap()),
            adler32(&raw)
        );
        assert_eq!(raw.len(), height * (width + 1));
        let mut pixels = Vec::new();
        for row in raw.chunks(width + 1) {
            assert_eq!(row[0], 0, "filter type");
            pixels.extend_from_slice(&row[1..]);
        }
        Raster {
            width,
            height,
            pixels,
        }
    }

    #[test]
    fn checksums_match_known_values() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn png_round_trips_and_draws_the_letters() {
        let raster = draw_word("CCBANK", None);
        let decoded = decode(&encode_png(&raster));
        assert_eq!(decoded, raster);
        let ink = raster.pixels.iter().filter(|p| **p == INK).count();
        let lit: u32 = "CCBANK"
            .bytes()
            .flat_map(|c| GLYPHS[(c - b'A') as usize])
            .map(u8::count_ones)
            .sum();
        assert_eq!(ink, lit as usize * SCALE * SCALE);
        assert_eq!(raster.width, 2 * PAD + 6 * 6 * SCALE - SCALE);
    }

    #[test]
    fn noisy_images_differ_per_seed_and_repeat_per_seed() {
        let a = word_png("HARBOR", Some(1));
        let b = word_png("HARBOR", Some(2));
        assert_ne!(a, b);
        assert_eq!(a, word_png("HARBOR", Some(1)));
        decode(&a);
        decode(&b);
    }

    #[test]
    fn large_images_span_several_deflate_blocks() {
        let raster = draw_word(&"W".repeat(400), None);
        assert!(raster.pixels.len() > 70_000);
        assert_eq!(decode(&encode_png(&raster)), raster);
    }
}
