#!/usr/bin/env python3
"""Generate generator/gazetteer/data/countries.yaml from the npm package
i18n-iso-countries (MIT, https://github.com/michaelwittig/node-i18n-iso-countries).

Usage:
    cd /tmp && npm pack i18n-iso-countries && tar xzf i18n-iso-countries-*.tgz
    python3 scripts/gazetteer-countries.py /tmp/package > generator/gazetteer/data/countries.yaml

The package gives one English and one Arabic name per ISO 3166-1 code. News
English and news Arabic differ from the ISO names in places, so the tables
below override the English name (the short form news uses), add Arabic
spelling variants, replace Arabic names that are also common words (مالي
"financial", بنين "sons", بوتان "butane") by a qualified form, and add
Wikidata IDs for the countries whose ID we know for certain.
"""
import json
import sys

EN = {
    "US": "United States", "GB": "United Kingdom", "RU": "Russia", "IR": "Iran",
    "SY": "Syria", "KR": "South Korea", "KP": "North Korea", "PS": "Palestine",
    "CN": "China", "TW": "Taiwan", "TR": "Turkey", "CZ": "Czech Republic",
    "CG": "Republic of the Congo", "CD": "Democratic Republic of the Congo",
    "CI": "Ivory Coast", "GM": "Gambia", "MK": "North Macedonia",
    "NL": "Netherlands", "TZ": "Tanzania", "AE": "United Arab Emirates",
    "VA": "Vatican City", "LA": "Laos", "MD": "Moldova", "BN": "Brunei",
    "FM": "Micronesia", "VG": "British Virgin Islands", "VI": "US Virgin Islands",
    "FK": "Falkland Islands", "MM": "Myanmar", "SZ": "Eswatini", "PN": "Pitcairn Islands",
    "AX": "Aland Islands", "MF": "Saint Martin", "SX": "Sint Maarten",
    "BQ": "Caribbean Netherlands", "CC": "Cocos Islands", "SH": "Saint Helena",
}

# Arabic name replacements (when the ISO Arabic name is also a common word
# or not the news form) and extra Arabic spellings.
AR = {
    "ML": "جمهورية مالي", "BJ": "جمهورية بنين", "BT": "مملكة بوتان",
    "BY": "بيلاروسيا", "MF": "سانت مارتن", "SX": "سينت مارتن",
}
ALIASES = {
    "US": ["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"],
    "GB": ["بريطانيا", "بريطانيا العظمى"],
    "SA": ["المملكة العربية السعودية"],
    "AE": ["الإمارات", "دولة الإمارات"],
    "SY": ["سورية"],
    "BY": ["روسيا البيضاء"],
    "ZA": ["جنوب إفريقيا"],
    "OM": ["سلطنة عمان"],
    "ML": ["دولة مالي"],
    "PS": ["دولة فلسطين"],
    "KW": ["دولة الكويت"],
    "QA": ["دولة قطر"],
    "BH": ["مملكة البحرين"],
    "JO": ["المملكة الأردنية الهاشمية"],
    "MA": ["المملكة المغربية"],
    "DZ": ["جمهورية الجزائر"],
    "EG": ["جمهورية مصر العربية"],
    "MR": ["موريتانيا الإسلامية"],
    "SO": ["جمهورية الصومال"],
    "CD": ["الكونغو الديمقراطية"],
    "MM": ["ميانمار"],
    "IT": ["إيطاليا"],
    "ES": ["أسبانيا"],
    "AU": ["استراليا"],
    "NZ": ["نيوزلندا"],
    "GR": ["اليونان"],
    "NL": ["هولاندا"],
    "CH": ["سويسرا"],
    "TW": ["تايوان"],
    "CZ": ["التشيك"],
    "SZ": ["إسواتيني"],
    "TR": ["تركيّا"],
    "IL": ["دولة إسرائيل"],
    "LY": ["ليبيا"],
    "TN": ["الجمهورية التونسية"],
    "UA": ["اوكرانيا"],
}

# Wikidata items of sovereign states, stated only where certain.
WIKIDATA = {
    "AF": "Q889", "AL": "Q222", "DZ": "Q262", "AD": "Q228", "AO": "Q916",
    "AR": "Q414", "AM": "Q399", "AU": "Q408", "AT": "Q40", "AZ": "Q227",
    "BH": "Q398", "BD": "Q902", "BY": "Q184", "BE": "Q31", "BO": "Q750",
    "BA": "Q225", "BR": "Q155", "BG": "Q219", "CA": "Q16", "TD": "Q657",
    "CL": "Q298", "CN": "Q148", "CO": "Q739", "KM": "Q970", "HR": "Q224",
    "CU": "Q241", "CY": "Q229", "CZ": "Q213", "DK": "Q35", "DJ": "Q977",
    "EG": "Q79", "ER": "Q986", "EE": "Q191", "ET": "Q115", "FI": "Q33",
    "FR": "Q142", "GE": "Q230", "DE": "Q183", "GR": "Q41", "HU": "Q28",
    "IS": "Q189", "IN": "Q668", "ID": "Q252", "IR": "Q794", "IQ": "Q796",
    "IE": "Q27", "IL": "Q801", "IT": "Q38", "JP": "Q17", "JO": "Q810",
    "KZ": "Q232", "KE": "Q114", "KW": "Q817", "LV": "Q211", "LB": "Q822",
    "LY": "Q1016", "LT": "Q37", "LU": "Q32", "MY": "Q833", "ML": "Q912",
    "MT": "Q233", "MR": "Q1025", "MX": "Q96", "MA": "Q1028", "NL": "Q55",
    "NZ": "Q664", "NE": "Q1032", "NG": "Q1033", "KP": "Q423", "NO": "Q20",
    "OM": "Q842", "PK": "Q843", "PS": "Q219060", "PH": "Q928", "PL": "Q36",
    "PT": "Q45", "QA": "Q846", "RO": "Q218", "RU": "Q159", "SA": "Q851",
    "RS": "Q403", "SO": "Q1045", "ZA": "Q258", "KR": "Q884", "SS": "Q958",
    "ES": "Q29", "SD": "Q1049", "SE": "Q34", "CH": "Q39", "SY": "Q858",
    "TN": "Q948", "TR": "Q43", "UA": "Q212", "AE": "Q878", "GB": "Q145",
    "US": "Q30", "UZ": "Q265", "VE": "Q717", "VN": "Q881", "YE": "Q805",
    "TH": "Q869", "SG": "Q334", "SN": "Q1041", "UG": "Q1036", "ZW": "Q954",
    "AW": "Q21203", "AM": "Q399", "TM": "Q874", "TJ": "Q863", "KG": "Q813",
    "MN": "Q711", "NP": "Q837", "LK": "Q854", "MV": "Q826", "BN": "Q921",
    "MM": "Q836", "KH": "Q424", "LA": "Q819", "SK": "Q214", "SI": "Q215",
    "MK": "Q221", "ME": "Q236", "MD": "Q217", "VA": "Q237", "MC": "Q235",
    "SM": "Q238", "LI": "Q347", "GH": "Q117", "CM": "Q1009", "CI": "Q1008",
    "TZ": "Q924", "RW": "Q1037", "BI": "Q967", "CD": "Q974", "CG": "Q971",
    "GA": "Q1000", "GN": "Q1006", "BF": "Q965", "BJ": "Q962", "TG": "Q945",
    "SL": "Q1044", "LR": "Q1014", "GM": "Q1005", "MZ": "Q1029", "MG": "Q1019",
    "ZM": "Q953", "MW": "Q1020", "NA": "Q1030", "BW": "Q963", "EH": "Q6250",
    "PE": "Q419", "EC": "Q736", "PY": "Q733", "UY": "Q77", "PA": "Q804",
    "CR": "Q800", "NI": "Q811", "HN": "Q783", "GT": "Q774", "SV": "Q792",
    "JM": "Q766", "HT": "Q790", "DO": "Q786", "TW": "Q865", "HK": "Q8646",
    "FJ": "Q712", "PG": "Q691",
}


def main():
    root = sys.argv[1]
    ar = json.load(open(f"{root}/langs/ar.json", encoding="utf-8"))["countries"]
    en = json.load(open(f"{root}/langs/en.json", encoding="utf-8"))["countries"]
    print("# Generated by scripts/gazetteer-countries.py from the npm package")
    print("# i18n-iso-countries (MIT). Do not edit by hand; edit the script.")
    for code in sorted(ar):
        e = EN.get(code) or (en[code] if isinstance(en[code], str) else en[code][0])
        a = AR.get(code) or (ar[code] if isinstance(ar[code], str) else ar[code][0])
        aliases = [x for x in ALIASES.get(code, []) if x != a]
        if code in AR:
            orig = ar[code] if isinstance(ar[code], str) else ar[code][0]
            if code in ("BY", "MF", "SX"):
                aliases.append(orig) if orig not in aliases and orig != a else None
        fields = [f"type: PLACE", f"en: {json.dumps(e, ensure_ascii=False)}",
                  f"ar: {json.dumps(a, ensure_ascii=False)}"]
        if aliases:
            fields.append("aliases: [" + ", ".join(json.dumps(x, ensure_ascii=False) for x in aliases) + "]")
        if code in WIKIDATA:
            fields.append(f"wikidata: {WIKIDATA[code]}")
        fields.append(f"iso: {code}")
        print("- {" + ", ".join(fields) + "}")


main()
