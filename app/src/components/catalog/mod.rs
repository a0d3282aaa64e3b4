mod bundle_tiles;
mod guide_facts;
mod guide_sections;
mod material_list;
mod search_box;
mod search_results;
mod service_grid;
mod weekend_notice;

pub use bundle_tiles::BundleTiles;
pub use guide_facts::{GuideDetails, GuideFacts};
pub use guide_sections::GuideSections;
pub use material_list::MaterialList;
pub use search_box::SearchBox;
pub use search_results::SearchResults;
pub use service_grid::ServiceGrid;
pub use weekend_notice::WeekendNotice;
