// Word lists for seeded data. A few names carry accents, apostrophes and ampersands on purpose:
// the console has to show and search them correctly.

// prettier-ignore
export const namePrefixes = [
  "Acme", "Blue Harbor", "Northwind", "Pioneer", "Silverline", "Redwood", "Summit", "Brightpath", "Cedar Point",
  "Ironbridge", "Lakeside", "Maple Leaf", "Granite", "Evergreen", "Harborview", "Keystone", "Lighthouse",
  "Meridian", "Oakridge", "Pinnacle", "Riverstone", "Sterling", "Trailhead", "Westgate", "Bluebird", "Copperfield",
  "Driftwood", "Foxglove", "Goldcrest", "Highland", "Juniper", "Kingsway", "Larry's", "Moonrise", "Nimbus",
  "Orchard", "Polaris", "Quarry", "Sunset", "Tidewater", "Café Müller", "Société Lumière", "Łódź", "São Paulo",
  "O'Brien & Sons", "Smith & Jones", "Zenith", "Atlas", "Beacon", "Cobalt",
] as const;

// prettier-ignore
export const nameNouns = [
  "Logistics", "Dental", "Telecom", "Realty", "Bakery", "Clinic", "Consulting", "Freight", "Hospitality",
  "Insurance", "Legal", "Marketing", "Networks", "Plumbing", "Pharmacy", "Retail", "Solutions", "Staffing",
  "Travel", "Veterinary", "Voice", "Wireless", "Auto Repair", "Cat Food", "Fitness", "Energy", "Labs", "Media",
  "Outfitters", "Properties",
] as const;

export const nameSuffixes = ["LLC", "Inc", "Ltd", "Group", "Co", "GmbH", "S.A.", "", "", ""] as const;

export const accountLocalParts = [
  "admin",
  "ops",
  "billing",
  "it",
  "noc",
  "accounts",
  "telecom",
  "voice",
  "support",
];

// prettier-ignore
export const firstNames = [
  "ada", "ben", "carla", "dmitri", "elena", "farid", "grace", "hiro", "ines", "jamal", "kate", "liam", "maria",
  "noah", "olga", "pablo", "quinn", "rosa", "sami", "tara", "uma", "victor", "wen", "ximena", "yusuf", "zoe",
] as const;

// prettier-ignore
export const lastNames = [
  "anders", "baker", "chen", "diaz", "evans", "fischer", "garcia", "hughes", "ibrahim", "jones", "kowalski",
  "lopez", "muller", "nakamura", "obrien", "patel", "quintero", "rossi", "schmidt", "tanaka", "usman", "vargas",
  "walsh", "xu", "young", "zhang",
] as const;

export const groupNames = ["Billing", "Engineering", "Support", "NOC", "Finance", "Sales"] as const;
