//! Greetings (S-1 voicemail, G-6 auto attendants): audio files an administrator or user
//! uploads. The type is decided by the content, never by the file name or the header a
//! browser sends.

use crate::violations::FieldError;

/// A greeting is at most this large (about five minutes of telephone-quality WAV).
pub const MAX_GREETING_BYTES: usize = 5 * 1024 * 1024;

/// The audio formats phones and media servers play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudioKind {
    Wav,
    Mp3,
}

impl AudioKind {
    pub fn content_type(self) -> &'static str {
        match self {
            AudioKind::Wav => "audio/wav",
            AudioKind::Mp3 => "audio/mpeg",
        }
    }

    /// The file name extension a greeting of this kind is stored under.
    pub fn extension(self) -> &'static str {
        match self {
            AudioKind::Wav => "wav",
            AudioKind::Mp3 => "mp3",
        }
    }

    pub fn from_content_type(value: &str) -> Option<Self> {
        match value {
            "audio/wav" => Some(AudioKind::Wav),
            "audio/mpeg" => Some(AudioKind::Mp3),
            _ => None,
        }
    }

    /// What the bytes are: a RIFF/WAVE file, or MP3 (an ID3 tag, or an MPEG audio frame of
    /// layer III).
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WAVE" {
            return Some(AudioKind::Wav);
        }
        if bytes.len() >= 10 && &bytes[0..3] == b"ID3" {
            return Some(AudioKind::Mp3);
        }
        if bytes.len() >= 4
            && bytes[0] == 0xFF
            && bytes[1] & 0xE0 == 0xE0
            && bytes[1] & 0x06 == 0x02
        {
            return Some(AudioKind::Mp3);
        }
        None
    }
}

/// A greeting as uploaded: not empty, not too large, WAV or MP3 by its content.
pub fn greeting(field: &str, bytes: &[u8]) -> Result<AudioKind, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::new(field, "required", "Choose an audio file."));
    }
    if bytes.len() > MAX_GREETING_BYTES {
        return Err(FieldError::new(
            field,
            "too-large",
            format!(
                "A greeting is at most {} MB; this file has {:.1} MB.",
                MAX_GREETING_BYTES / 1024 / 1024,
                bytes.len() as f64 / 1024.0 / 1024.0
            ),
        ));
    }
    AudioKind::sniff(bytes).ok_or_else(|| {
        FieldError::new(field, "unsupported-audio", "This is not a WAV or MP3 file.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s1_g6_greetings_are_wav_or_mp3_by_their_content() {
        let mut wav = b"RIFF\x24\x00\x00\x00WAVEfmt ".to_vec();
        wav.extend_from_slice(&[0; 24]);
        assert_eq!(greeting("greeting", &wav), Ok(AudioKind::Wav));
        assert_eq!(
            greeting("greeting", b"ID3\x04\x00\x00\x00\x00\x00\x00"),
            Ok(AudioKind::Mp3)
        );
        assert_eq!(
            greeting("greeting", &[0xFF, 0xFB, 0x90, 0x64]),
            Ok(AudioKind::Mp3)
        );
        assert_eq!(
            greeting("greeting", b"<html>not audio</html>")
                .unwrap_err()
                .code,
            "unsupported-audio"
        );
        // A PNG renamed to .wav is still a PNG.
        assert!(greeting("greeting", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR").is_err());
        assert_eq!(greeting("greeting", b"").unwrap_err().code, "required");
        let huge = vec![0u8; MAX_GREETING_BYTES + 1];
        assert_eq!(greeting("greeting", &huge).unwrap_err().code, "too-large");
        assert_eq!(
            AudioKind::from_content_type("audio/mpeg"),
            Some(AudioKind::Mp3)
        );
    }
}
