//! Fixed sentences the program says in more than one place: the safety notice
//! and the warm-up reminder. Keeping them here keeps the sheet, the runner and
//! the README saying the same thing.

/// Shown at the end of `--help`, on printed sheets and before the first run.
/// The red flags are the signs that back pain needs a doctor the same day.
pub const SAFETY_NOTICE: &str = "\
psoas is not medical advice. Move gently and never bounce. Stop at once on \
sharp, shooting or radiating pain, numbness or tingling. See a doctor or \
physiotherapist before starting if you have a back or hip condition, are \
pregnant, or have had recent surgery, and if your pain is not getting better \
within a few weeks. Get urgent medical help if back pain comes with new \
trouble passing urine or holding in urine or stools, numbness around the \
genitals, buttocks or inner thighs, weakness in a leg that is getting worse, \
a fever or weight loss you cannot explain, or if it started with a fall.";

/// Why to warm up, in one line. Walking and marching suit every condition the
/// library knows; jogging is only for those who ask for a brisk warm-up.
pub const WARM_UP_REASON: &str = "\
Warm muscles stretch further and more safely: walk about or march gently on the spot for two or three minutes first.";
