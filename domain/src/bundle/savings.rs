//! What a bundle spares against applying item by item, computed from the definitions:
//! fields not asked again, materials not handed in again, trips not made.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Savings {
    /// Answers asked over the items' own forms, and in the joint form.
    pub fields_alone: u32,
    pub fields_joint: u32,
    /// Uploads over the items' own forms, and in the joint form.
    pub materials_alone: u32,
    pub materials_joint: u32,
    /// Hall visits over the items' guides, and for the bundle.
    pub trips_alone: u32,
    pub trips_joint: u32,
}

impl Savings {
    pub fn fields(&self) -> u32 {
        self.fields_alone.saturating_sub(self.fields_joint)
    }

    pub fn materials(&self) -> u32 {
        self.materials_alone.saturating_sub(self.materials_joint)
    }

    pub fn trips(&self) -> u32 {
        self.trips_alone.saturating_sub(self.trips_joint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_saved_is_zero_never_negative() {
        let s = Savings {
            fields_alone: 20,
            fields_joint: 9,
            materials_alone: 3,
            materials_joint: 5,
            trips_alone: 4,
            trips_joint: 0,
        };
        assert_eq!((s.fields(), s.materials(), s.trips()), (11, 0, 4));
    }
}
