/**
 * Norwegian counties (fylker) and municipalities (kommuner), valid from 1 January 2024.
 *
 * Structure after the 2024 regional reform: 15 counties and 357 municipalities
 * (Viken, Vestfold og Telemark and Troms og Finnmark were split; Haram was re-established
 * as a separate municipality from Ålesund).
 *
 * Source: Statistics Norway (SSB) KLASS classification 131 "Standard for kommuneinndeling"
 * (version "Kommuneinndeling 2024", valid from 2024-01-01; https://www.ssb.no/klass/klassifikasjoner/131)
 * and classification 104 "Standard for fylkesinndeling". Transcribed from a public export of
 * KLASS 131 (codesAt, date=2026-01-01 — same 357 codes, as there were no boundary changes in
 * 2025/2026) and cross-checked against NAV's published county/municipality list; all 357 codes
 * agree. Names were set back to their 2024-01-01 state using the dates below.
 *
 * Names:
 * - Municipality names are SSB's names as they stood on 2024-01-01, including the official
 *   bilingual/trilingual Sámi/Kven forms in SSB's order (e.g. "Guovdageaidnu - Kautokeino").
 *   Porsanger is spelled with ŋ ("Porsáŋgu") as in the legal name; SSB's API prints "Porsángu".
 * - Sámi names adopted after 2024-01-01 are NOT included (codes are unchanged):
 *   16 Feb 2024: Gratangen - Rivtták, Levanger - Levangke, Rana - Raane, Sørfold - Fuolldá;
 *   29 Aug 2025: Oslo - Oslove, Steinkjer - Stïentje, Lyngen - Ivgu - Yykeä.
 * - County names are the plain Norwegian names. SSB also lists multilingual forms for
 *   Nordland (- Nordlánnda), Trøndelag (- Trööndelage), Troms (- Romsa - Tromssa) and
 *   Finnmark (- Finnmárku - Finmarkku).
 * - SSB's technical code 9999 "Uoppgitt" (unknown) is deliberately omitted.
 */

export interface County {
  /** Two-digit county number (fylkesnummer), e.g. "50". */
  code: string;
  name: string;
}

export interface Municipality {
  /** Four-digit municipality number (kommunenummer), e.g. "5001". */
  code: string;
  name: string;
  /** Two-digit county number; always the first two digits of `code`. */
  countyCode: string;
}

/** All 15 counties, sorted by code. */
export const COUNTIES: readonly County[] = [
  { code: "03", name: "Oslo" },
  { code: "11", name: "Rogaland" },
  { code: "15", name: "Møre og Romsdal" },
  { code: "18", name: "Nordland" },
  { code: "31", name: "Østfold" },
  { code: "32", name: "Akershus" },
  { code: "33", name: "Buskerud" },
  { code: "34", name: "Innlandet" },
  { code: "39", name: "Vestfold" },
  { code: "40", name: "Telemark" },
  { code: "42", name: "Agder" },
  { code: "46", name: "Vestland" },
  { code: "50", name: "Trøndelag" },
  { code: "55", name: "Troms" },
  { code: "56", name: "Finnmark" },
];

/** All 357 municipalities, sorted by code. */
export const MUNICIPALITIES: readonly Municipality[] = [
  // 03 Oslo
  { code: "0301", name: "Oslo", countyCode: "03" },
  // 11 Rogaland
  { code: "1101", name: "Eigersund", countyCode: "11" },
  { code: "1103", name: "Stavanger", countyCode: "11" },
  { code: "1106", name: "Haugesund", countyCode: "11" },
  { code: "1108", name: "Sandnes", countyCode: "11" },
  { code: "1111", name: "Sokndal", countyCode: "11" },
  { code: "1112", name: "Lund", countyCode: "11" },
  { code: "1114", name: "Bjerkreim", countyCode: "11" },
  { code: "1119", name: "Hå", countyCode: "11" },
  { code: "1120", name: "Klepp", countyCode: "11" },
  { code: "1121", name: "Time", countyCode: "11" },
  { code: "1122", name: "Gjesdal", countyCode: "11" },
  { code: "1124", name: "Sola", countyCode: "11" },
  { code: "1127", name: "Randaberg", countyCode: "11" },
  { code: "1130", name: "Strand", countyCode: "11" },
  { code: "1133", name: "Hjelmeland", countyCode: "11" },
  { code: "1134", name: "Suldal", countyCode: "11" },
  { code: "1135", name: "Sauda", countyCode: "11" },
  { code: "1144", name: "Kvitsøy", countyCode: "11" },
  { code: "1145", name: "Bokn", countyCode: "11" },
  { code: "1146", name: "Tysvær", countyCode: "11" },
  { code: "1149", name: "Karmøy", countyCode: "11" },
  { code: "1151", name: "Utsira", countyCode: "11" },
  { code: "1160", name: "Vindafjord", countyCode: "11" },
  // 15 Møre og Romsdal
  { code: "1505", name: "Kristiansund", countyCode: "15" },
  { code: "1506", name: "Molde", countyCode: "15" },
  { code: "1508", name: "Ålesund", countyCode: "15" },
  { code: "1511", name: "Vanylven", countyCode: "15" },
  { code: "1514", name: "Sande", countyCode: "15" },
  { code: "1515", name: "Herøy (Møre og Romsdal)", countyCode: "15" },
  { code: "1516", name: "Ulstein", countyCode: "15" },
  { code: "1517", name: "Hareid", countyCode: "15" },
  { code: "1520", name: "Ørsta", countyCode: "15" },
  { code: "1525", name: "Stranda", countyCode: "15" },
  { code: "1528", name: "Sykkylven", countyCode: "15" },
  { code: "1531", name: "Sula", countyCode: "15" },
  { code: "1532", name: "Giske", countyCode: "15" },
  { code: "1535", name: "Vestnes", countyCode: "15" },
  { code: "1539", name: "Rauma", countyCode: "15" },
  { code: "1547", name: "Aukra", countyCode: "15" },
  { code: "1554", name: "Averøy", countyCode: "15" },
  { code: "1557", name: "Gjemnes", countyCode: "15" },
  { code: "1560", name: "Tingvoll", countyCode: "15" },
  { code: "1563", name: "Sunndal", countyCode: "15" },
  { code: "1566", name: "Surnadal", countyCode: "15" },
  { code: "1573", name: "Smøla", countyCode: "15" },
  { code: "1576", name: "Aure", countyCode: "15" },
  { code: "1577", name: "Volda", countyCode: "15" },
  { code: "1578", name: "Fjord", countyCode: "15" },
  { code: "1579", name: "Hustadvika", countyCode: "15" },
  { code: "1580", name: "Haram", countyCode: "15" },
  // 18 Nordland
  { code: "1804", name: "Bodø", countyCode: "18" },
  { code: "1806", name: "Narvik", countyCode: "18" },
  { code: "1811", name: "Bindal", countyCode: "18" },
  { code: "1812", name: "Sømna", countyCode: "18" },
  { code: "1813", name: "Brønnøy", countyCode: "18" },
  { code: "1815", name: "Vega", countyCode: "18" },
  { code: "1816", name: "Vevelstad", countyCode: "18" },
  { code: "1818", name: "Herøy (Nordland)", countyCode: "18" },
  { code: "1820", name: "Alstahaug", countyCode: "18" },
  { code: "1822", name: "Leirfjord", countyCode: "18" },
  { code: "1824", name: "Vefsn", countyCode: "18" },
  { code: "1825", name: "Grane", countyCode: "18" },
  { code: "1826", name: "Aarborte - Hattfjelldal", countyCode: "18" },
  { code: "1827", name: "Dønna", countyCode: "18" },
  { code: "1828", name: "Nesna", countyCode: "18" },
  { code: "1832", name: "Hemnes", countyCode: "18" },
  { code: "1833", name: "Rana", countyCode: "18" },
  { code: "1834", name: "Lurøy", countyCode: "18" },
  { code: "1835", name: "Træna", countyCode: "18" },
  { code: "1836", name: "Rødøy", countyCode: "18" },
  { code: "1837", name: "Meløy", countyCode: "18" },
  { code: "1838", name: "Gildeskål", countyCode: "18" },
  { code: "1839", name: "Beiarn", countyCode: "18" },
  { code: "1840", name: "Saltdal", countyCode: "18" },
  { code: "1841", name: "Fauske - Fuossko", countyCode: "18" },
  { code: "1845", name: "Sørfold", countyCode: "18" },
  { code: "1848", name: "Steigen", countyCode: "18" },
  { code: "1851", name: "Lødingen", countyCode: "18" },
  { code: "1853", name: "Evenes - Evenášši", countyCode: "18" },
  { code: "1856", name: "Røst", countyCode: "18" },
  { code: "1857", name: "Værøy", countyCode: "18" },
  { code: "1859", name: "Flakstad", countyCode: "18" },
  { code: "1860", name: "Vestvågøy", countyCode: "18" },
  { code: "1865", name: "Vågan", countyCode: "18" },
  { code: "1866", name: "Hadsel", countyCode: "18" },
  { code: "1867", name: "Bø", countyCode: "18" },
  { code: "1868", name: "Øksnes", countyCode: "18" },
  { code: "1870", name: "Sortland - Suortá", countyCode: "18" },
  { code: "1871", name: "Andøy", countyCode: "18" },
  { code: "1874", name: "Moskenes", countyCode: "18" },
  { code: "1875", name: "Hábmer - Hamarøy", countyCode: "18" },
  // 31 Østfold
  { code: "3101", name: "Halden", countyCode: "31" },
  { code: "3103", name: "Moss", countyCode: "31" },
  { code: "3105", name: "Sarpsborg", countyCode: "31" },
  { code: "3107", name: "Fredrikstad", countyCode: "31" },
  { code: "3110", name: "Hvaler", countyCode: "31" },
  { code: "3112", name: "Råde", countyCode: "31" },
  { code: "3114", name: "Våler (Østfold)", countyCode: "31" },
  { code: "3116", name: "Skiptvet", countyCode: "31" },
  { code: "3118", name: "Indre Østfold", countyCode: "31" },
  { code: "3120", name: "Rakkestad", countyCode: "31" },
  { code: "3122", name: "Marker", countyCode: "31" },
  { code: "3124", name: "Aremark", countyCode: "31" },
  // 32 Akershus
  { code: "3201", name: "Bærum", countyCode: "32" },
  { code: "3203", name: "Asker", countyCode: "32" },
  { code: "3205", name: "Lillestrøm", countyCode: "32" },
  { code: "3207", name: "Nordre Follo", countyCode: "32" },
  { code: "3209", name: "Ullensaker", countyCode: "32" },
  { code: "3212", name: "Nesodden", countyCode: "32" },
  { code: "3214", name: "Frogn", countyCode: "32" },
  { code: "3216", name: "Vestby", countyCode: "32" },
  { code: "3218", name: "Ås", countyCode: "32" },
  { code: "3220", name: "Enebakk", countyCode: "32" },
  { code: "3222", name: "Lørenskog", countyCode: "32" },
  { code: "3224", name: "Rælingen", countyCode: "32" },
  { code: "3226", name: "Aurskog-Høland", countyCode: "32" },
  { code: "3228", name: "Nes", countyCode: "32" },
  { code: "3230", name: "Gjerdrum", countyCode: "32" },
  { code: "3232", name: "Nittedal", countyCode: "32" },
  { code: "3234", name: "Lunner", countyCode: "32" },
  { code: "3236", name: "Jevnaker", countyCode: "32" },
  { code: "3238", name: "Nannestad", countyCode: "32" },
  { code: "3240", name: "Eidsvoll", countyCode: "32" },
  { code: "3242", name: "Hurdal", countyCode: "32" },
  // 33 Buskerud
  { code: "3301", name: "Drammen", countyCode: "33" },
  { code: "3303", name: "Kongsberg", countyCode: "33" },
  { code: "3305", name: "Ringerike", countyCode: "33" },
  { code: "3310", name: "Hole", countyCode: "33" },
  { code: "3312", name: "Lier", countyCode: "33" },
  { code: "3314", name: "Øvre Eiker", countyCode: "33" },
  { code: "3316", name: "Modum", countyCode: "33" },
  { code: "3318", name: "Krødsherad", countyCode: "33" },
  { code: "3320", name: "Flå", countyCode: "33" },
  { code: "3322", name: "Nesbyen", countyCode: "33" },
  { code: "3324", name: "Gol", countyCode: "33" },
  { code: "3326", name: "Hemsedal", countyCode: "33" },
  { code: "3328", name: "Ål", countyCode: "33" },
  { code: "3330", name: "Hol", countyCode: "33" },
  { code: "3332", name: "Sigdal", countyCode: "33" },
  { code: "3334", name: "Flesberg", countyCode: "33" },
  { code: "3336", name: "Rollag", countyCode: "33" },
  { code: "3338", name: "Nore og Uvdal", countyCode: "33" },
  // 34 Innlandet
  { code: "3401", name: "Kongsvinger", countyCode: "34" },
  { code: "3403", name: "Hamar", countyCode: "34" },
  { code: "3405", name: "Lillehammer", countyCode: "34" },
  { code: "3407", name: "Gjøvik", countyCode: "34" },
  { code: "3411", name: "Ringsaker", countyCode: "34" },
  { code: "3412", name: "Løten", countyCode: "34" },
  { code: "3413", name: "Stange", countyCode: "34" },
  { code: "3414", name: "Nord-Odal", countyCode: "34" },
  { code: "3415", name: "Sør-Odal", countyCode: "34" },
  { code: "3416", name: "Eidskog", countyCode: "34" },
  { code: "3417", name: "Grue", countyCode: "34" },
  { code: "3418", name: "Åsnes", countyCode: "34" },
  { code: "3419", name: "Våler (Innlandet)", countyCode: "34" },
  { code: "3420", name: "Elverum", countyCode: "34" },
  { code: "3421", name: "Trysil", countyCode: "34" },
  { code: "3422", name: "Åmot", countyCode: "34" },
  { code: "3423", name: "Stor-Elvdal", countyCode: "34" },
  { code: "3424", name: "Rendalen", countyCode: "34" },
  { code: "3425", name: "Engerdal", countyCode: "34" },
  { code: "3426", name: "Tolga", countyCode: "34" },
  { code: "3427", name: "Tynset", countyCode: "34" },
  { code: "3428", name: "Alvdal", countyCode: "34" },
  { code: "3429", name: "Folldal", countyCode: "34" },
  { code: "3430", name: "Os", countyCode: "34" },
  { code: "3431", name: "Dovre", countyCode: "34" },
  { code: "3432", name: "Lesja", countyCode: "34" },
  { code: "3433", name: "Skjåk", countyCode: "34" },
  { code: "3434", name: "Lom", countyCode: "34" },
  { code: "3435", name: "Vågå", countyCode: "34" },
  { code: "3436", name: "Nord-Fron", countyCode: "34" },
  { code: "3437", name: "Sel", countyCode: "34" },
  { code: "3438", name: "Sør-Fron", countyCode: "34" },
  { code: "3439", name: "Ringebu", countyCode: "34" },
  { code: "3440", name: "Øyer", countyCode: "34" },
  { code: "3441", name: "Gausdal", countyCode: "34" },
  { code: "3442", name: "Østre Toten", countyCode: "34" },
  { code: "3443", name: "Vestre Toten", countyCode: "34" },
  { code: "3446", name: "Gran", countyCode: "34" },
  { code: "3447", name: "Søndre Land", countyCode: "34" },
  { code: "3448", name: "Nordre Land", countyCode: "34" },
  { code: "3449", name: "Sør-Aurdal", countyCode: "34" },
  { code: "3450", name: "Etnedal", countyCode: "34" },
  { code: "3451", name: "Nord-Aurdal", countyCode: "34" },
  { code: "3452", name: "Vestre Slidre", countyCode: "34" },
  { code: "3453", name: "Øystre Slidre", countyCode: "34" },
  { code: "3454", name: "Vang", countyCode: "34" },
  // 39 Vestfold
  { code: "3901", name: "Horten", countyCode: "39" },
  { code: "3903", name: "Holmestrand", countyCode: "39" },
  { code: "3905", name: "Tønsberg", countyCode: "39" },
  { code: "3907", name: "Sandefjord", countyCode: "39" },
  { code: "3909", name: "Larvik", countyCode: "39" },
  { code: "3911", name: "Færder", countyCode: "39" },
  // 40 Telemark
  { code: "4001", name: "Porsgrunn", countyCode: "40" },
  { code: "4003", name: "Skien", countyCode: "40" },
  { code: "4005", name: "Notodden", countyCode: "40" },
  { code: "4010", name: "Siljan", countyCode: "40" },
  { code: "4012", name: "Bamble", countyCode: "40" },
  { code: "4014", name: "Kragerø", countyCode: "40" },
  { code: "4016", name: "Drangedal", countyCode: "40" },
  { code: "4018", name: "Nome", countyCode: "40" },
  { code: "4020", name: "Midt-Telemark", countyCode: "40" },
  { code: "4022", name: "Seljord", countyCode: "40" },
  { code: "4024", name: "Hjartdal", countyCode: "40" },
  { code: "4026", name: "Tinn", countyCode: "40" },
  { code: "4028", name: "Kviteseid", countyCode: "40" },
  { code: "4030", name: "Nissedal", countyCode: "40" },
  { code: "4032", name: "Fyresdal", countyCode: "40" },
  { code: "4034", name: "Tokke", countyCode: "40" },
  { code: "4036", name: "Vinje", countyCode: "40" },
  // 42 Agder
  { code: "4201", name: "Risør", countyCode: "42" },
  { code: "4202", name: "Grimstad", countyCode: "42" },
  { code: "4203", name: "Arendal", countyCode: "42" },
  { code: "4204", name: "Kristiansand", countyCode: "42" },
  { code: "4205", name: "Lindesnes", countyCode: "42" },
  { code: "4206", name: "Farsund", countyCode: "42" },
  { code: "4207", name: "Flekkefjord", countyCode: "42" },
  { code: "4211", name: "Gjerstad", countyCode: "42" },
  { code: "4212", name: "Vegårshei", countyCode: "42" },
  { code: "4213", name: "Tvedestrand", countyCode: "42" },
  { code: "4214", name: "Froland", countyCode: "42" },
  { code: "4215", name: "Lillesand", countyCode: "42" },
  { code: "4216", name: "Birkenes", countyCode: "42" },
  { code: "4217", name: "Åmli", countyCode: "42" },
  { code: "4218", name: "Iveland", countyCode: "42" },
  { code: "4219", name: "Evje og Hornnes", countyCode: "42" },
  { code: "4220", name: "Bygland", countyCode: "42" },
  { code: "4221", name: "Valle", countyCode: "42" },
  { code: "4222", name: "Bykle", countyCode: "42" },
  { code: "4223", name: "Vennesla", countyCode: "42" },
  { code: "4224", name: "Åseral", countyCode: "42" },
  { code: "4225", name: "Lyngdal", countyCode: "42" },
  { code: "4226", name: "Hægebostad", countyCode: "42" },
  { code: "4227", name: "Kvinesdal", countyCode: "42" },
  { code: "4228", name: "Sirdal", countyCode: "42" },
  // 46 Vestland
  { code: "4601", name: "Bergen", countyCode: "46" },
  { code: "4602", name: "Kinn", countyCode: "46" },
  { code: "4611", name: "Etne", countyCode: "46" },
  { code: "4612", name: "Sveio", countyCode: "46" },
  { code: "4613", name: "Bømlo", countyCode: "46" },
  { code: "4614", name: "Stord", countyCode: "46" },
  { code: "4615", name: "Fitjar", countyCode: "46" },
  { code: "4616", name: "Tysnes", countyCode: "46" },
  { code: "4617", name: "Kvinnherad", countyCode: "46" },
  { code: "4618", name: "Ullensvang", countyCode: "46" },
  { code: "4619", name: "Eidfjord", countyCode: "46" },
  { code: "4620", name: "Ulvik", countyCode: "46" },
  { code: "4621", name: "Voss", countyCode: "46" },
  { code: "4622", name: "Kvam", countyCode: "46" },
  { code: "4623", name: "Samnanger", countyCode: "46" },
  { code: "4624", name: "Bjørnafjorden", countyCode: "46" },
  { code: "4625", name: "Austevoll", countyCode: "46" },
  { code: "4626", name: "Øygarden", countyCode: "46" },
  { code: "4627", name: "Askøy", countyCode: "46" },
  { code: "4628", name: "Vaksdal", countyCode: "46" },
  { code: "4629", name: "Modalen", countyCode: "46" },
  { code: "4630", name: "Osterøy", countyCode: "46" },
  { code: "4631", name: "Alver", countyCode: "46" },
  { code: "4632", name: "Austrheim", countyCode: "46" },
  { code: "4633", name: "Fedje", countyCode: "46" },
  { code: "4634", name: "Masfjorden", countyCode: "46" },
  { code: "4635", name: "Gulen", countyCode: "46" },
  { code: "4636", name: "Solund", countyCode: "46" },
  { code: "4637", name: "Hyllestad", countyCode: "46" },
  { code: "4638", name: "Høyanger", countyCode: "46" },
  { code: "4639", name: "Vik", countyCode: "46" },
  { code: "4640", name: "Sogndal", countyCode: "46" },
  { code: "4641", name: "Aurland", countyCode: "46" },
  { code: "4642", name: "Lærdal", countyCode: "46" },
  { code: "4643", name: "Årdal", countyCode: "46" },
  { code: "4644", name: "Luster", countyCode: "46" },
  { code: "4645", name: "Askvoll", countyCode: "46" },
  { code: "4646", name: "Fjaler", countyCode: "46" },
  { code: "4647", name: "Sunnfjord", countyCode: "46" },
  { code: "4648", name: "Bremanger", countyCode: "46" },
  { code: "4649", name: "Stad", countyCode: "46" },
  { code: "4650", name: "Gloppen", countyCode: "46" },
  { code: "4651", name: "Stryn", countyCode: "46" },
  // 50 Trøndelag
  { code: "5001", name: "Trondheim - Tråante", countyCode: "50" },
  { code: "5006", name: "Steinkjer", countyCode: "50" },
  { code: "5007", name: "Namsos - Nåavmesjenjaelmie", countyCode: "50" },
  { code: "5014", name: "Frøya", countyCode: "50" },
  { code: "5020", name: "Osen", countyCode: "50" },
  { code: "5021", name: "Oppdal", countyCode: "50" },
  { code: "5022", name: "Rennebu", countyCode: "50" },
  { code: "5025", name: "Røros - Rosse", countyCode: "50" },
  { code: "5026", name: "Holtålen", countyCode: "50" },
  { code: "5027", name: "Midtre Gauldal", countyCode: "50" },
  { code: "5028", name: "Melhus", countyCode: "50" },
  { code: "5029", name: "Skaun", countyCode: "50" },
  { code: "5031", name: "Malvik", countyCode: "50" },
  { code: "5032", name: "Selbu", countyCode: "50" },
  { code: "5033", name: "Tydal", countyCode: "50" },
  { code: "5034", name: "Meråker", countyCode: "50" },
  { code: "5035", name: "Stjørdal", countyCode: "50" },
  { code: "5036", name: "Frosta", countyCode: "50" },
  { code: "5037", name: "Levanger", countyCode: "50" },
  { code: "5038", name: "Verdal", countyCode: "50" },
  { code: "5041", name: "Snåase - Snåsa", countyCode: "50" },
  { code: "5042", name: "Lierne", countyCode: "50" },
  { code: "5043", name: "Raarvihke - Røyrvik", countyCode: "50" },
  { code: "5044", name: "Namsskogan", countyCode: "50" },
  { code: "5045", name: "Grong", countyCode: "50" },
  { code: "5046", name: "Høylandet", countyCode: "50" },
  { code: "5047", name: "Overhalla", countyCode: "50" },
  { code: "5049", name: "Flatanger", countyCode: "50" },
  { code: "5052", name: "Leka", countyCode: "50" },
  { code: "5053", name: "Inderøy", countyCode: "50" },
  { code: "5054", name: "Indre Fosen", countyCode: "50" },
  { code: "5055", name: "Heim", countyCode: "50" },
  { code: "5056", name: "Hitra", countyCode: "50" },
  { code: "5057", name: "Ørland", countyCode: "50" },
  { code: "5058", name: "Åfjord", countyCode: "50" },
  { code: "5059", name: "Orkland", countyCode: "50" },
  { code: "5060", name: "Nærøysund", countyCode: "50" },
  { code: "5061", name: "Rindal", countyCode: "50" },
  // 55 Troms
  { code: "5501", name: "Tromsø", countyCode: "55" },
  { code: "5503", name: "Harstad - Hárstták", countyCode: "55" },
  { code: "5510", name: "Kvæfjord", countyCode: "55" },
  { code: "5512", name: "Dielddanuorri - Tjeldsund", countyCode: "55" },
  { code: "5514", name: "Ibestad", countyCode: "55" },
  { code: "5516", name: "Gratangen", countyCode: "55" },
  { code: "5518", name: "Loabák - Lavangen", countyCode: "55" },
  { code: "5520", name: "Bardu", countyCode: "55" },
  { code: "5522", name: "Salangen", countyCode: "55" },
  { code: "5524", name: "Målselv", countyCode: "55" },
  { code: "5526", name: "Sørreisa", countyCode: "55" },
  { code: "5528", name: "Dyrøy", countyCode: "55" },
  { code: "5530", name: "Senja", countyCode: "55" },
  { code: "5532", name: "Balsfjord", countyCode: "55" },
  { code: "5534", name: "Karlsøy", countyCode: "55" },
  { code: "5536", name: "Lyngen", countyCode: "55" },
  { code: "5538", name: "Storfjord - Omasvuotna - Omasvuono", countyCode: "55" },
  { code: "5540", name: "Gáivuotna - Kåfjord - Kaivuono", countyCode: "55" },
  { code: "5542", name: "Skjervøy", countyCode: "55" },
  { code: "5544", name: "Nordreisa - Ráisa - Raisi", countyCode: "55" },
  { code: "5546", name: "Kvænangen", countyCode: "55" },
  // 56 Finnmark
  { code: "5601", name: "Alta", countyCode: "56" },
  { code: "5603", name: "Hammerfest - Hámmerfeasta", countyCode: "56" },
  { code: "5605", name: "Sør-Varanger", countyCode: "56" },
  { code: "5607", name: "Vadsø", countyCode: "56" },
  { code: "5610", name: "Kárášjohka - Karasjok", countyCode: "56" },
  { code: "5612", name: "Guovdageaidnu - Kautokeino", countyCode: "56" },
  { code: "5614", name: "Loppa", countyCode: "56" },
  { code: "5616", name: "Hasvik", countyCode: "56" },
  { code: "5618", name: "Måsøy", countyCode: "56" },
  { code: "5620", name: "Nordkapp", countyCode: "56" },
  { code: "5622", name: "Porsanger - Porsáŋgu - Porsanki", countyCode: "56" },
  { code: "5624", name: "Lebesby", countyCode: "56" },
  { code: "5626", name: "Gamvik", countyCode: "56" },
  { code: "5628", name: "Deatnu - Tana", countyCode: "56" },
  { code: "5630", name: "Berlevåg", countyCode: "56" },
  { code: "5632", name: "Båtsfjord", countyCode: "56" },
  { code: "5634", name: "Vardø", countyCode: "56" },
  { code: "5636", name: "Unjárga - Nesseby", countyCode: "56" },
];

const countyIndex: ReadonlyMap<string, County> = new Map(COUNTIES.map((c) => [c.code, c]));
const municipalityIndex: ReadonlyMap<string, Municipality> = new Map(
  MUNICIPALITIES.map((m) => [m.code, m]),
);

export function countyByCode(code: string): County | undefined {
  return countyIndex.get(code);
}

export function municipalityByCode(code: string): Municipality | undefined {
  return municipalityIndex.get(code);
}

/**
 * Municipalities in the given county, sorted by SSB's official name using Norwegian (bokmål)
 * collation. The demo data picks from this order; forms list `municipalityChoices` instead.
 */
export function municipalitiesInCounty(countyCode: string): Municipality[] {
  return MUNICIPALITIES.filter((m) => m.countyCode === countyCode).sort((a, b) =>
    a.name.localeCompare(b.name, "nb"),
  );
}

/**
 * Where SSB's official name puts the Sámi or Kven form first, the Norwegian form: the name most
 * applicants look for ("Aarborte - Hattfjelldal" sorted last in Nordland, "Deatnu - Tana" under D).
 */
const NORWEGIAN_FORM: Readonly<Record<string, string>> = {
  "1826": "Hattfjelldal",
  "1875": "Hamarøy",
  "5041": "Snåsa",
  "5043": "Røyrvik",
  "5512": "Tjeldsund",
  "5518": "Lavangen",
  "5540": "Kåfjord",
  "5610": "Karasjok",
  "5612": "Kautokeino",
  "5628": "Tana",
  "5636": "Nesseby",
};

export interface MunicipalityChoice {
  code: string;
  /** The Norwegian form first, then the other official forms: "Tana - Deatnu". */
  label: string;
}

/** A municipality's name as a list of choices shows it: the Norwegian form first. */
export function municipalityChoiceLabel(municipality: Municipality): string {
  const norwegian = NORWEGIAN_FORM[municipality.code];
  if (!norwegian) return municipality.name;
  const others = municipality.name.split(" - ").filter((form) => form !== norwegian);
  return [norwegian, ...others].join(" - ");
}

/**
 * The municipalities of a county for a form's list, by their Norwegian names in Norwegian
 * collation, so a sighted user finds Hattfjelldal among the H's and typing "Tana" in a native
 * list selects Tana. The official bilingual name is still shown, after the Norwegian form.
 */
export function municipalityChoices(countyCode: string): MunicipalityChoice[] {
  return MUNICIPALITIES.filter((m) => m.countyCode === countyCode)
    .map((m) => ({ code: m.code, label: municipalityChoiceLabel(m) }))
    .sort((a, b) => a.label.localeCompare(b.label, "nb"));
}

/**
 * A place as pages show it: "Trondheim - Tråante, Trøndelag" (the municipality's name as the
 * forms list it, Norwegian form first, never its number),
 * either part alone when only one is known, null when neither is. An unknown code is shown as it
 * is rather than dropped, so a stale code stays visible to whoever checks it.
 */
export function placeName(countyCode: string | null, municipalityCode: string | null): string | null {
  const parts = [
    municipalityCode ? (placeMunicipalityLabel(municipalityCode) ?? municipalityCode) : null,
    countyCode ? (countyByCode(countyCode)?.name ?? countyCode) : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(", ") : null;
}

function placeMunicipalityLabel(code: string): string | null {
  const municipality = municipalityByCode(code);
  return municipality ? municipalityChoiceLabel(municipality) : null;
}
