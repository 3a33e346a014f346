//! A user's picture (U-9, seed 003): PNG, JPEG or WebP, decided by the content, and kept only
//! as a small square JPEG. Re-encoding is the check that the file really is a picture, and it
//! drops whatever else the file carried (EXIF location, comments, colour profiles).

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

use crate::violations::FieldError;

/// An upload is at most this large: a phone's photo fits.
pub const MAX_PICTURE_BYTES: usize = 5 * 1024 * 1024;

/// The side of the stored square, in pixels: sharp at twice the size the portal shows it.
pub const PICTURE_SIDE: u32 = 256;

/// A picture wider or taller than this is refused before its pixels are allocated.
const MAX_SOURCE_SIDE: u32 = 10_000;

/// What the stored picture is.
pub const PICTURE_CONTENT_TYPE: &str = "image/jpeg";

/// The formats accepted from browsers and phones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    WebP,
}

impl ImageKind {
    /// What the bytes are, by their signature.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageKind::WebP)
        } else {
            None
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            ImageKind::Png => ImageFormat::Png,
            ImageKind::Jpeg => ImageFormat::Jpeg,
            ImageKind::WebP => ImageFormat::WebP,
        }
    }
}

/// A picture as stored: a JPEG square of at most [`PICTURE_SIDE`] pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture(Vec<u8>);

impl Picture {
    /// Checks an upload and re-encodes it: upright by its EXIF orientation, cut to the middle
    /// square, scaled down (never up), transparency laid on white.
    pub fn from_upload(field: &str, bytes: &[u8]) -> Result<Self, FieldError> {
        if bytes.is_empty() {
            return Err(FieldError::new(field, "required", "Choose a picture."));
        }
        if bytes.len() > MAX_PICTURE_BYTES {
            return Err(too_large(field));
        }
        let kind = ImageKind::sniff(bytes).ok_or_else(|| {
            FieldError::new(
                field,
                "unsupported-image",
                "A picture is a PNG, JPEG or WebP image.",
            )
        })?;
        let unreadable = |_| {
            FieldError::new(
                field,
                "unreadable-image",
                format!(
                    "The picture could not be read: the file is damaged, or larger than {MAX_SOURCE_SIDE} × {MAX_SOURCE_SIDE} pixels."
                ),
            )
        };
        let image = decode_upright(bytes, kind).map_err(unreadable)?;
        let side = PICTURE_SIDE.min(image.width()).min(image.height()).max(1);
        let square = image.resize_to_fill(side, side, FilterType::Lanczos3);
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
            .encode_image(&on_white(&square))
            .map_err(unreadable)?;
        Ok(Picture(jpeg))
    }

    /// A picture read back from storage, re-encoded when it was stored.
    pub fn from_stored(jpeg: Vec<u8>) -> Self {
        Picture(jpeg)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// The error of an upload over [`MAX_PICTURE_BYTES`], also for bodies cut off before reading.
pub fn too_large(field: &str) -> FieldError {
    FieldError::new(
        field,
        "too-large",
        format!(
            "A picture is at most {} MB.",
            MAX_PICTURE_BYTES / 1024 / 1024
        ),
    )
}

fn decode_upright(bytes: &[u8], kind: ImageKind) -> image::ImageResult<DynamicImage> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), kind.format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    // Phones store photos sideways with a tag saying how to turn them; the re-encoded picture
    // has no tag, so the turn is made here.
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// JPEG has no transparency: a logo with a transparent background gets a white one.
fn on_white(image: &DynamicImage) -> RgbImage {
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgba, RgbaImage};

    fn png(width: u32, height: u32, pixel: Rgba<u8>) -> Vec<u8> {
        let image = RgbaImage::from_pixel(width, height, pixel);
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(
                image.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgba8,
            )
            .unwrap();
        out
    }

    fn decoded(picture: &Picture) -> DynamicImage {
        image::load_from_memory_with_format(picture.as_bytes(), ImageFormat::Jpeg).unwrap()
    }

    #[test]
    fn u9_a_wide_png_becomes_a_square_jpeg_of_the_stored_side() {
        let picture =
            Picture::from_upload("picture", &png(600, 300, Rgba([0, 90, 200, 255]))).unwrap();
        let image = decoded(&picture);
        assert_eq!((image.width(), image.height()), (256, 256));
        assert_eq!(ImageKind::sniff(picture.as_bytes()), Some(ImageKind::Jpeg));
    }

    #[test]
    fn u9_a_small_picture_is_cut_square_but_not_scaled_up() {
        let picture =
            Picture::from_upload("picture", &png(40, 64, Rgba([10, 10, 10, 255]))).unwrap();
        let image = decoded(&picture);
        assert_eq!((image.width(), image.height()), (40, 40));
    }

    #[test]
    fn u9_transparency_is_laid_on_white() {
        let picture = Picture::from_upload("picture", &png(8, 8, Rgba([0, 0, 0, 0]))).unwrap();
        let pixel = decoded(&picture).to_rgb8().get_pixel(4, 4).0;
        assert!(pixel.iter().all(|&c| c > 245), "{pixel:?}");
    }

    #[test]
    fn u9_the_type_is_decided_by_the_content() {
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        let e = Picture::from_upload("picture", gif).unwrap_err();
        assert_eq!((e.field.as_str(), e.code), ("picture", "unsupported-image"));
        // A PNG signature with nothing behind it is not a picture either.
        let e = Picture::from_upload("picture", b"\x89PNG\r\n\x1a\n\0\0\0\0").unwrap_err();
        assert_eq!(e.code, "unreadable-image");
        assert_eq!(
            Picture::from_upload("picture", b"").unwrap_err().code,
            "required"
        );
    }

    #[test]
    fn u9_a_file_over_the_limit_is_refused_before_decoding() {
        let mut big = png(4, 4, Rgba([1, 2, 3, 255]));
        big.resize(MAX_PICTURE_BYTES + 1, 0);
        assert_eq!(
            Picture::from_upload("picture", &big).unwrap_err().code,
            "too-large"
        );
    }
}
