//! The demo's whitespace: Northwind's offerings, and business units with a filled
//! matrix for Brightwater Foods, Helix Pharma and Meridian Automotive Parts. Sold
//! cells add up to the revenue the accounts show.

use keyplan_domain::AccountId;
use keyplan_domain::whitespace::{CellData, CellStatus};
use keyplan_store::Offering;

use super::Demo;

const OFFERINGS: &[(&str, &str)] = &[
    ("Dosing units", "Volumetric and gravimetric dosing for food, pharma and adhesive lines"),
    ("Sterile filling modules", "Aseptic filling heads and isolator integration"),
    ("Sensors & flow meters", "Pressure, temperature and flow sensors, including the high-temperature range"),
    ("Actuators & valves", "Electric and pneumatic actuators, hygienic valves"),
    ("Spare parts & consignment stock", "Critical spares, on site or within 24 hours"),
    ("Field service contracts", "Preventive maintenance and guaranteed response times"),
    ("Engineering & validation", "Line-integration studies, qualification, GAMP 5 documentation"),
    ("PLC retrofit kits", "Control upgrades for older lines (discontinued)"),
];

use CellStatus::{InProgress as Prog, NotRelevant as No, Opportunity as Opp, Sold};

/// (offering, unit, status, value in thousands, note)
type Fill = (usize, usize, CellStatus, f64, &'static str);

const BRIGHTWATER_UNITS: &[&str] = &["Bremen plant", "Hanover plant", "Munich plant", "Leipzig (new plant)"];
const BRIGHTWATER: &[Fill] = &[
    (0, 0, Sold, 420.0, ""),
    (0, 1, Sold, 310.0, ""),
    (0, 2, Prog, 180.0, "Trial on the yoghurt line running until the end of the quarter"),
    (0, 3, Opp, 650.0, "Dosing for lines 2 and 3; engineering workshop done, design review next"),
    (1, 0, No, 0.0, ""),
    (1, 1, No, 0.0, ""),
    (2, 0, Sold, 160.0, ""),
    (2, 1, Opp, 90.0, ""),
    (2, 2, Sold, 140.0, ""),
    (2, 3, Prog, 220.0, "Part of the line-integration study"),
    (3, 0, Sold, 120.0, ""),
    (3, 1, Sold, 120.0, ""),
    (3, 2, Opp, 110.0, ""),
    (4, 0, Sold, 180.0, "Consignment stock pilot declined by supply chain"),
    (4, 1, Sold, 95.0, ""),
    (4, 2, Sold, 85.0, ""),
    (4, 3, No, 0.0, "New plant: spares come with the line contract"),
    (5, 0, Prog, 140.0, "Needs a technician stationed in Bremen"),
    (5, 1, Sold, 70.0, ""),
    (5, 2, Sold, 60.0, ""),
    (5, 3, Opp, 120.0, ""),
    (6, 3, Prog, 85.0, "Line-integration study with 3D layouts"),
    (7, 0, Sold, 40.0, "Last retrofit kits for line 1"),
];

const HELIX_UNITS: &[&str] = &["Basel sterile filling", "Basel oral solids", "Visp chemical plant"];
const HELIX: &[Fill] = &[
    (0, 1, Sold, 380.0, ""),
    (0, 2, Opp, 150.0, ""),
    (1, 0, Prog, 600.0, "The Basel sterile-filling line: qualification running"),
    (1, 1, No, 0.0, ""),
    (1, 2, No, 0.0, ""),
    (2, 0, Opp, 90.0, ""),
    (2, 1, Sold, 120.0, ""),
    (2, 2, Sold, 210.0, ""),
    (3, 2, Sold, 140.0, ""),
    (4, 1, Sold, 50.0, ""),
    (5, 1, Opp, 60.0, ""),
    (6, 0, Prog, 80.0, "GAMP 5 risk assessment for the filling module"),
];

const MERIDIAN_UNITS: &[&str] = &["Powertrain", "E-axle (Zwickau)", "Chassis systems", "Aftermarket"];
const MERIDIAN: &[Fill] = &[
    (0, 1, Opp, 120.0, "Adhesive dosing for stator potting"),
    (1, 0, No, 0.0, ""),
    (1, 2, No, 0.0, ""),
    (2, 0, Sold, 950.0, "Standard sensors: a low-cost competitor quotes 12% below us"),
    (2, 1, Opp, 700.0, "High-temperature sensor; sourcing decision in Q3"),
    (2, 2, Sold, 620.0, ""),
    (2, 3, Sold, 180.0, ""),
    (3, 0, Sold, 380.0, ""),
    (3, 1, Opp, 300.0, ""),
    (3, 2, Prog, 150.0, ""),
    (3, 3, No, 0.0, ""),
    (4, 3, Sold, 170.0, ""),
    (5, 0, Sold, 100.0, ""),
    (5, 2, No, 0.0, ""),
    (6, 1, Prog, 90.0, "Co-development of the high-temperature sensor"),
];

impl Demo<'_> {
    /// The offerings, then each account's units and cells.
    pub(super) async fn whitespace(&self, brightwater: AccountId, helix: AccountId, meridian: AccountId) -> anyhow::Result<()> {
        let mut offerings = Vec::new();
        for (name, description) in OFFERINGS {
            offerings.push(self.store.create_offering(self.org, name, Some(description)).await?);
        }
        self.matrix(brightwater, &offerings, BRIGHTWATER_UNITS, BRIGHTWATER, "lena.hoffmann").await?;
        self.matrix(helix, &offerings, HELIX_UNITS, HELIX, "lena.hoffmann").await?;
        self.matrix(meridian, &offerings, MERIDIAN_UNITS, MERIDIAN, "priya.nair").await?;
        // Discontinued: no new cells, but Brightwater's existing one stays on its matrix.
        let kits = &offerings[7];
        self.store.set_offering_retired(self.org, kits.id, kits.version, true).await?;
        Ok(())
    }

    async fn matrix(&self, account: AccountId, offerings: &[Offering], units: &[&str], fills: &[Fill], author: &str) -> anyhow::Result<()> {
        let mut ids = Vec::new();
        for name in units {
            ids.push(self.store.create_business_unit(self.org, account, name).await?.id);
        }
        for &(o, u, status, thousands, note) in fills {
            let data = CellData {
                status,
                value: (thousands > 0.0).then_some(thousands * 1000.0),
                note: (!note.is_empty()).then(|| note.to_string()),
            };
            self.store.set_cell(self.org, account, offerings[o].id, ids[u], 0, Some(&data), self.user(author)).await?;
        }
        Ok(())
    }
}
