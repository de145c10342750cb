/// Fixed reference data of the sample organization: regions, countries, names, partners.
/// Kept apart from the generator so the generator reads as the story of the organization.
enum SampleReferenceData {
    static let organization = (name: "Local Public Sector Alliance", shortName: "LPSA", foundedOn: "2022-01-01")

    /// Regions with the share of members from each.
    static let regions: [(name: String, share: Double)] = [
        ("Africa", 0.34),
        ("Asia-Pacific", 0.24),
        ("Europe & Central Asia", 0.14),
        ("Latin America & Caribbean", 0.13),
        ("Middle East & North Africa", 0.09),
        ("North America", 0.06),
    ]

    enum Script: CaseIterable { case latin, arabic, devanagari, thai, chinese }

    /// ISO 3166-1 code, English name, region index, and the script most names there are written in.
    /// Within a region earlier countries have more members.
    static let countries: [(code: String, name: String, region: Int, script: Script)] = [
        ("NG", "Nigeria", 0, .latin), ("KE", "Kenya", 0, .latin), ("GH", "Ghana", 0, .latin),
        ("ZA", "South Africa", 0, .latin), ("UG", "Uganda", 0, .latin), ("TZ", "Tanzania", 0, .latin),
        ("ET", "Ethiopia", 0, .latin), ("RW", "Rwanda", 0, .latin), ("SN", "Senegal", 0, .latin),
        ("CM", "Cameroon", 0, .latin), ("CI", "Côte d'Ivoire", 0, .latin), ("BJ", "Benin", 0, .latin),
        ("BF", "Burkina Faso", 0, .latin), ("ML", "Mali", 0, .latin), ("NE", "Niger", 0, .latin),
        ("MW", "Malawi", 0, .latin), ("ZM", "Zambia", 0, .latin), ("ZW", "Zimbabwe", 0, .latin),
        ("MZ", "Mozambique", 0, .latin), ("MG", "Madagascar", 0, .latin),
        ("CD", "Democratic Republic of the Congo", 0, .latin), ("SL", "Sierra Leone", 0, .latin),
        ("LR", "Liberia", 0, .latin), ("BW", "Botswana", 0, .latin), ("NA", "Namibia", 0, .latin),
        ("SO", "Somalia", 0, .latin), ("SS", "South Sudan", 0, .latin), ("GM", "Gambia", 0, .latin),

        ("IN", "India", 1, .devanagari), ("NP", "Nepal", 1, .devanagari), ("ID", "Indonesia", 1, .latin),
        ("PH", "Philippines", 1, .latin), ("BD", "Bangladesh", 1, .latin), ("PK", "Pakistan", 1, .latin),
        ("TH", "Thailand", 1, .thai), ("CN", "China", 1, .chinese), ("VN", "Viet Nam", 1, .latin),
        ("KH", "Cambodia", 1, .latin), ("LK", "Sri Lanka", 1, .latin), ("MM", "Myanmar", 1, .latin),
        ("MN", "Mongolia", 1, .latin), ("AU", "Australia", 1, .latin), ("NZ", "New Zealand", 1, .latin),
        ("JP", "Japan", 1, .latin), ("KR", "Republic of Korea", 1, .latin), ("FJ", "Fiji", 1, .latin),
        ("PG", "Papua New Guinea", 1, .latin), ("TL", "Timor-Leste", 1, .latin),

        ("GB", "United Kingdom", 2, .latin), ("DE", "Germany", 2, .latin), ("FR", "France", 2, .latin),
        ("NL", "Netherlands", 2, .latin), ("UA", "Ukraine", 2, .latin), ("GE", "Georgia", 2, .latin),
        ("ES", "Spain", 2, .latin), ("IT", "Italy", 2, .latin), ("CH", "Switzerland", 2, .latin),
        ("SE", "Sweden", 2, .latin), ("BE", "Belgium", 2, .latin), ("PL", "Poland", 2, .latin),
        ("AL", "Albania", 2, .latin), ("KG", "Kyrgyzstan", 2, .latin), ("KZ", "Kazakhstan", 2, .latin),
        ("TJ", "Tajikistan", 2, .latin), ("RS", "Serbia", 2, .latin), ("MD", "Moldova", 2, .latin),
        ("AM", "Armenia", 2, .latin), ("DK", "Denmark", 2, .latin), ("NO", "Norway", 2, .latin),

        ("BR", "Brazil", 3, .latin), ("MX", "Mexico", 3, .latin), ("CO", "Colombia", 3, .latin),
        ("PE", "Peru", 3, .latin), ("CL", "Chile", 3, .latin), ("AR", "Argentina", 3, .latin),
        ("BO", "Bolivia", 3, .latin), ("EC", "Ecuador", 3, .latin), ("GT", "Guatemala", 3, .latin),
        ("HN", "Honduras", 3, .latin), ("DO", "Dominican Republic", 3, .latin), ("JM", "Jamaica", 3, .latin),
        ("PY", "Paraguay", 3, .latin), ("SV", "El Salvador", 3, .latin),

        ("EG", "Egypt", 4, .arabic), ("MA", "Morocco", 4, .arabic), ("TN", "Tunisia", 4, .arabic),
        ("JO", "Jordan", 4, .arabic), ("LB", "Lebanon", 4, .arabic), ("IQ", "Iraq", 4, .arabic),
        ("PS", "State of Palestine", 4, .arabic), ("YE", "Yemen", 4, .arabic), ("DZ", "Algeria", 4, .arabic),
        ("LY", "Libya", 4, .arabic), ("SA", "Saudi Arabia", 4, .arabic),

        ("US", "United States", 5, .latin), ("CA", "Canada", 5, .latin),
    ]

    static let latinGiven = ["Amina", "Kwame", "Chinedu", "Fatou", "Jean", "María", "José", "Ana", "Luis", "Sofía",
                             "Peter", "Grace", "John", "Sarah", "David", "Aisha", "Ibrahim", "Thandiwe", "Tendai",
                             "Wanjiru", "Olga", "Ivan", "Nino", "Giorgi", "Elena", "Lucas", "Camila", "Mateo",
                             "Valentina", "Juan", "Emma", "Liam", "Noah", "Olivia", "Samuel", "Esther", "Moses",
                             "Nadia", "Tomás", "Inés", "Ayesha", "Rizal", "Siti", "Nguyen", "Marco", "Anna"]
    static let latinFamily = ["Okafor", "Mensah", "Diallo", "Kamau", "Nkosi", "Mwangi", "Traoré", "Banda", "Moyo",
                              "Haile", "Uwimana", "Ndiaye", "Silva", "Santos", "García", "Rodríguez", "López",
                              "Martínez", "Quispe", "Smith", "Johnson", "Brown", "Müller", "Schmidt", "Dubois",
                              "Rossi", "Kowalski", "Kovalenko", "Beridze", "Hoxha", "Nazarov", "Petrović",
                              "Andersen", "Reyes", "Cruz", "Santoso", "Rahman", "Khan", "Perera", "Tran",
                              "Wilson", "Tremblay", "Campbell", "Ortiz", "Mendoza", "Fernando"]
    static let arabicGiven = ["محمد", "أحمد", "فاطمة", "ليلى", "يوسف", "مريم", "عمر", "سارة", "خالد", "نور", "حسن", "رانيا"]
    static let arabicFamily = ["الحسن", "المصري", "بن علي", "حداد", "خوري", "العمري", "الزين", "ناصر", "سليمان", "التونسي"]
    static let devanagariGiven = ["अनीता", "राहुल", "प्रिया", "सुरेश", "दीपा", "अमित", "सीता", "राम", "गीता", "विकास"]
    static let devanagariFamily = ["शर्मा", "वर्मा", "गुप्ता", "सिंह", "पटेल", "थापा", "श्रेष्ठ", "अधिकारी", "जोशी", "यादव"]
    static let thaiGiven = ["สมชาย", "สุดา", "ประยุทธ", "วิไล", "อนันต์", "กมล", "นภา", "ธนา"]
    static let thaiFamily = ["ศรีสุข", "วงศ์ไทย", "ใจดี", "สุขสวัสดิ์", "บุญมา", "ทองดี"]
    static let chineseFamily = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
    static let chineseGiven = ["伟", "娜", "敏", "洋", "静", "磊", "丽", "勇", "杰", "芳", "秀英", "建华"]

    static let sectors: [(name: String, share: Double)] = [
        ("government", 0.28), ("academia", 0.22), ("civil society", 0.22),
        ("development partner", 0.12), ("private sector", 0.08), ("independent", 0.08),
    ]

    static let partners = ["World Bank", "UNDP", "UNCDF", "DeLoG", "UN-Habitat", "OECD", "GIZ",
                           "Cities Alliance", "United Cities and Local Governments"]

    /// The seven working groups, all established in 2023: four regional, three thematic.
    static let workingGroups: [(name: String, kind: String, established: String, region: Int?)] = [
        ("Africa Regional Working Group", "regional", "2023-02-15", 0),
        ("Asia-Pacific Regional Working Group", "regional", "2023-03-20", 1),
        ("Fiscal Decentralization", "thematic", "2023-04-18", nil),
        ("Latin America & Caribbean Regional Working Group", "regional", "2023-05-10", 3),
        ("Local Service Delivery", "thematic", "2023-06-06", nil),
        ("Middle East & North Africa Regional Working Group", "regional", "2023-09-12", 4),
        ("Digital Local Government", "thematic", "2023-10-03", nil),
    ]

    /// Relative number of people joining in each month from June 2021 to December 2023:
    /// a launch wave, steady growth in 2022, and a working-group bump in 2023.
    static let joinsByMonth: [(year: Int, month: Int, weight: Double)] = {
        let w2021: [Double] = [3.2, 2.1, 1.3, 1.2, 1.2, 1.1, 0.9]                         // Jun–Dec
        let w2022: [Double] = [1.8, 1.9, 2.0, 2.1, 2.2, 2.9, 2.4, 1.9, 2.3, 2.3, 2.2, 1.9]  // Jan–Dec
        let w2023: [Double] = [1.3, 1.7, 1.85, 1.85, 1.75, 1.85, 1.6, 1.4, 1.75, 1.85, 1.7, 1.3]
        return w2021.enumerated().map { (2021, 6 + $0.offset, $0.element) }
            + w2022.enumerated().map { (2022, 1 + $0.offset, $0.element) }
            + w2023.enumerated().map { (2023, 1 + $0.offset, $0.element) }
    }()
}
