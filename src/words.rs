//! Fixed sentences the program says in more than one place: the safety notice
//! and the warm-up reminder. Keeping them here keeps the sheet, the runner and
//! the README saying the same thing.

/// Shown at the end of `--help`, on printed sheets and before the first run.
pub const SAFETY_NOTICE: &str = "\
psoas is not medical advice. Move gently and never bounce. Stop at once on \
sharp, shooting or radiating pain, numbness or tingling. See a doctor or \
physiotherapist about pain that lasts, or before starting if you have a back \
or hip condition, are pregnant, or have had recent surgery.";

/// Why to warm up, in one line.
pub const WARM_UP_REASON: &str = "\
Warm muscles stretch further and more safely: march or jog gently on the spot for two or three minutes first.";
