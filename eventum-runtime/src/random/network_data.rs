//! Eventum's fixed tables for `rand.network`: the weighted public IPv4
//! ranges and the vendor OUI prefixes used by `mac(vendor=...)`.

/// An IPv4 address as a `u32`, for building the tables at compile time.
const fn ip(a: u8, b: u8, c: u8, d: u8) -> u32 {
    u32::from_be_bytes([a, b, c, d])
}

/// An inclusive range of IPv4 addresses with its pick weight.
#[derive(Debug, Clone, Copy)]
pub(super) struct WeightedRange {
    pub(super) first: u32,
    pub(super) last: u32,
    pub(super) weight: u32,
}

const fn range(first: u32, last: u32, weight: u32) -> WeightedRange {
    WeightedRange {
        first,
        last,
        weight,
    }
}

/// `ip_v4_public()`: the 13 ranges between the reserved blocks, with
/// Eventum's weights [5, 8, 6, 7, 4, 9, 3, 4, 5, 6, 4, 6, 8].
pub(super) const PUBLIC_RANGES: [WeightedRange; 13] = [
    range(ip(1, 0, 0, 0), ip(9, 255, 255, 255), 5),
    range(ip(11, 0, 0, 0), ip(100, 63, 255, 255), 8),
    range(ip(100, 128, 0, 0), ip(126, 255, 255, 255), 6),
    range(ip(128, 0, 0, 0), ip(169, 253, 255, 255), 7),
    range(ip(169, 255, 0, 0), ip(172, 15, 255, 255), 4),
    range(ip(172, 32, 0, 0), ip(191, 255, 255, 255), 9),
    range(ip(192, 0, 1, 0), ip(192, 0, 1, 255), 3),
    range(ip(192, 0, 3, 0), ip(192, 88, 98, 255), 4),
    range(ip(192, 88, 100, 0), ip(192, 167, 255, 255), 5),
    range(ip(192, 169, 0, 0), ip(198, 17, 255, 255), 6),
    range(ip(198, 20, 0, 0), ip(198, 51, 99, 255), 4),
    range(ip(198, 51, 101, 0), ip(203, 0, 112, 255), 6),
    range(ip(203, 0, 114, 0), ip(223, 255, 255, 255), 8),
];

const fn total_weight(ranges: &[WeightedRange]) -> u32 {
    let mut total = 0;
    let mut i = 0;
    while i < ranges.len() {
        total += ranges[i].weight;
        i += 1;
    }
    total
}

/// Sum of the public weights (75).
pub(super) const PUBLIC_TOTAL_WEIGHT: u32 = total_weight(&PUBLIC_RANGES);

/// `ip_v4_private()`: 10/8, 172.16/12 and 192.168/16 with weights 5:2:5.
pub(super) const PRIVATE_RANGES: [WeightedRange; 3] = [PRIVATE_A, PRIVATE_B, PRIVATE_C];

/// Sum of the private weights (12).
pub(super) const PRIVATE_TOTAL_WEIGHT: u32 = total_weight(&PRIVATE_RANGES);

/// 10.0.0.0/8.
pub(super) const PRIVATE_A: WeightedRange = range(ip(10, 0, 0, 0), ip(10, 255, 255, 255), 5);
/// 172.16.0.0/12.
pub(super) const PRIVATE_B: WeightedRange = range(ip(172, 16, 0, 0), ip(172, 31, 255, 255), 2);
/// 192.168.0.0/16.
pub(super) const PRIVATE_C: WeightedRange = range(ip(192, 168, 0, 0), ip(192, 168, 255, 255), 5);

/// `mac(vendor=...)`: Eventum's OUI prefixes per vendor, keys in
/// alphabetical order (they are matched case-insensitively).
pub(super) const VENDOR_OUIS: [(&str, &[[u8; 3]]); 20] = [
    (
        "apple",
        &[
            [0x00, 0x03, 0x93],
            [0x00, 0x1f, 0xf3],
            [0x04, 0x0c, 0xce],
            [0x6c, 0x96, 0xcf],
            [0xf0, 0xb4, 0x79],
        ],
    ),
    (
        "aruba",
        &[
            [0x00, 0x0b, 0x86],
            [0x00, 0x1a, 0x1e],
            [0x20, 0x4c, 0x03],
            [0x94, 0xb4, 0x0f],
        ],
    ),
    (
        "broadcom",
        &[
            [0x00, 0x0a, 0xf7],
            [0x00, 0x10, 0x18],
            [0x00, 0x1b, 0xe9],
            [0xd4, 0x01, 0x29],
        ],
    ),
    (
        "cisco",
        &[
            [0x00, 0x00, 0x0c],
            [0x00, 0x01, 0x42],
            [0x00, 0x1b, 0x54],
            [0x00, 0x24, 0x97],
            [0xa4, 0x6c, 0x2a],
        ],
    ),
    (
        "dell",
        &[
            [0x00, 0x14, 0x22],
            [0x18, 0x03, 0x73],
            [0x34, 0x17, 0xeb],
            [0xb0, 0x83, 0xfe],
            [0xf8, 0xdb, 0x88],
        ],
    ),
    (
        "fortinet",
        &[
            [0x00, 0x09, 0x0f],
            [0x04, 0xd5, 0x90],
            [0x90, 0x6c, 0xac],
            [0xe0, 0x23, 0xff],
        ],
    ),
    (
        "hp",
        &[
            [0x00, 0x01, 0xe6],
            [0x00, 0x08, 0x83],
            [0x00, 0x0e, 0x7f],
            [0x3c, 0xd9, 0x2b],
            [0x94, 0x18, 0x82],
        ],
    ),
    (
        "huawei",
        &[
            [0x00, 0x18, 0x82],
            [0x00, 0x1e, 0x10],
            [0x04, 0x25, 0xc5],
            [0x20, 0xf3, 0xa3],
            [0x38, 0xbc, 0x01],
        ],
    ),
    (
        "ibm",
        &[
            [0x00, 0x01, 0xe1],
            [0x00, 0x09, 0x6b],
            [0x00, 0x14, 0x5e],
            [0x00, 0x17, 0xef],
            [0x00, 0x21, 0x5e],
        ],
    ),
    (
        "intel",
        &[
            [0x00, 0x03, 0x47],
            [0x00, 0x07, 0xe9],
            [0x00, 0x13, 0x02],
            [0xa0, 0x36, 0x9f],
            [0xe8, 0xb1, 0xfc],
        ],
    ),
    (
        "juniper",
        &[
            [0x00, 0x05, 0x85],
            [0x00, 0x12, 0x1e],
            [0x00, 0x14, 0xf6],
            [0x00, 0x17, 0xcb],
            [0x00, 0x1f, 0x12],
        ],
    ),
    (
        "lenovo",
        &[
            [0x00, 0x21, 0xcc],
            [0x54, 0xe1, 0xad],
            [0xa0, 0x51, 0x0b],
            [0xcc, 0x07, 0xe4],
            [0xe8, 0x6f, 0x38],
        ],
    ),
    (
        "microsoft",
        &[
            [0x00, 0x03, 0xff],
            [0x00, 0x15, 0x5d],
            [0x00, 0x50, 0xf2],
            [0x28, 0x18, 0x78],
            [0x60, 0x45, 0xbd],
        ],
    ),
    (
        "mikrotik",
        &[
            [0x00, 0x0c, 0x42],
            [0x4c, 0x5e, 0x0c],
            [0x6c, 0x3b, 0x6b],
            [0xb8, 0x69, 0xf4],
        ],
    ),
    (
        "netgear",
        &[
            [0x00, 0x09, 0x5b],
            [0x00, 0x14, 0x6c],
            [0x00, 0x1b, 0x2f],
            [0x20, 0xe5, 0x2a],
            [0x4c, 0x60, 0xde],
        ],
    ),
    ("paloalto", &[[0x00, 0x1b, 0x17], [0xb4, 0x0c, 0x25]]),
    (
        "samsung",
        &[
            [0x00, 0x07, 0xab],
            [0x00, 0x23, 0x39],
            [0x08, 0x08, 0xc2],
            [0x34, 0x23, 0xba],
            [0xf0, 0x08, 0xf1],
        ],
    ),
    (
        "tplink",
        &[
            [0x00, 0x1d, 0x0f],
            [0x14, 0xcc, 0x20],
            [0x50, 0xc7, 0xbf],
            [0x98, 0xda, 0xc4],
            [0xd8, 0x0d, 0x17],
        ],
    ),
    (
        "ubiquiti",
        &[
            [0x00, 0x15, 0x6d],
            [0x04, 0x18, 0xd6],
            [0x24, 0x5a, 0x4c],
            [0x74, 0xac, 0xb9],
            [0xfc, 0xec, 0xda],
        ],
    ),
    (
        "vmware",
        &[
            [0x00, 0x05, 0x69],
            [0x00, 0x0c, 0x29],
            [0x00, 0x1c, 0x14],
            [0x00, 0x50, 0x56],
        ],
    ),
];

/// The vendor keys joined for error messages.
pub(super) const VENDOR_LIST: &str = "apple, aruba, broadcom, cisco, dell, fortinet, hp, huawei, \
     ibm, intel, juniper, lenovo, microsoft, mikrotik, netgear, paloalto, samsung, tplink, \
     ubiquiti, vmware";
