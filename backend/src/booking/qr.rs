//! The QR code on a booking confirmation: the booking code itself, which a hall scanner types
//! into the check-in field like a keyboard. Drawn on the server as SVG, so no script is needed.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG of `text`, or None if it cannot be encoded (it always can for a booking code).
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let drawn = code
        .render::<svg::Color<'_>>()
        .min_dimensions(180, 180)
        .quiet_zone(true)
        .build();
    // Inline in the page: the XML declaration goes.
    drawn.find("<svg").map(|start| drawn[start..].to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_booking_code_draws() {
        let svg = super::qr_svg("K7M2Q9XA").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(
            !svg.contains("style"),
            "the page CSP allows no inline styles"
        );
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
