//! The health conditions a person may declare and an exercise may be unsafe
//! with, and how each is described. A file of its own, below the exercise
//! (`avoid_if`) and its cautions (`condition`), which both name one. Its
//! names are given with the library's other names in `exercise.rs`.

use serde::{Deserialize, Serialize};
use strum::{IntoStaticStr, VariantArray};

/// Health conditions an exercise may be unsuitable for (`avoid_if`).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    VariantArray,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Condition {
    HerniatedDisc,
    Pregnancy,
    RecentSurgery,
    HipReplacement,
    Osteoporosis,
    KneePain,
    /// Spinal stenosis or spondylolisthesis: back bends tend to make it worse.
    SpinalStenosis,
    /// A reason not to press on the belly: a hernia, an aneurysm, blood
    /// thinners, bowel inflammation, a stoma, a Caesarean or other belly
    /// surgery; or simply a wish to leave belly work out.
    Abdominal,
}

impl Condition {
    /// What each tag stands for, for help texts and the README.
    pub fn describe(self) -> &'static str {
        match self {
            Condition::HerniatedDisc => "a herniated or bulging disc in the lower back",
            Condition::Pregnancy => "pregnancy",
            Condition::RecentSurgery => "recent abdominal, hip or back surgery",
            Condition::HipReplacement => "a hip replacement",
            Condition::Osteoporosis => "osteoporosis or fragile bones",
            Condition::KneePain => "knee pain or a knee injury (kneeling positions)",
            Condition::SpinalStenosis => {
                "spinal stenosis or spondylolisthesis (back pain worse when bending backwards)"
            }
            Condition::Abdominal => "a reason not to press on the belly, or no wish to",
        }
    }
}
