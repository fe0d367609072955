// Our own table of ways news prose names a state: demonyms, capitals standing for governments,
// and common short names. It only adds names; which states exist (and their codes) comes from
// the model, so an entry whose code the dataset lacks is ignored.
//
// Capitals whose name is mostly something else are left out on purpose (Victoria, Kingston,
// Georgetown, Male, Jerusalem and The Hague are used for other things or are contested).

// code | demonyms | capitals | other names
const TABLE = `
AF|Afghan|Kabul|
AL|Albanian|Tirana|
DZ|Algerian|Algiers|
AD|Andorran|Andorra la Vella|
AO|Angolan|Luanda|
AR|Argentine,Argentinian|Buenos Aires|
AM|Armenian|Yerevan|
AU|Australian|Canberra|
AT|Austrian|Vienna|
AZ|Azerbaijani,Azeri|Baku|
BS|Bahamian|Nassau|
BH|Bahraini|Manama|
BD|Bangladeshi|Dhaka|
BB|Barbadian|Bridgetown|
BY|Belarusian|Minsk|
BE|Belgian||
BZ|Belizean|Belmopan|
BJ|Beninese|Porto-Novo|
BT|Bhutanese|Thimphu|
BO|Bolivian|La Paz,Sucre|
BA|Bosnian|Sarajevo|Bosnia
BW|Botswanan|Gaborone|
BR|Brazilian|Brasília,Brasilia|
BN|Bruneian|Bandar Seri Begawan|
BG|Bulgarian|Sofia|
BF|Burkinabe|Ouagadougou|
BI|Burundian|Gitega|
CV|Cape Verdean|Praia|Cape Verde
KH|Cambodian|Phnom Penh|
CM|Cameroonian|Yaoundé|
CA|Canadian|Ottawa|
TD|Chadian|N'Djamena|
CL|Chilean|Santiago|
CN|Chinese|Beijing|
CO|Colombian|Bogotá,Bogota|
KM|Comorian|Moroni|
CG||Brazzaville|
CD||Kinshasa|DR Congo,DRC
CR|Costa Rican|San José|
CI|Ivorian|Yamoussoukro|Ivory Coast
HR|Croatian|Zagreb|
CU|Cuban|Havana|
CY|Cypriot|Nicosia|
CZ|Czech|Prague|Czechia,Czech Republic
DK|Danish|Copenhagen|
DJ|Djiboutian||
DO||Santo Domingo|
EC|Ecuadorian|Quito|
EG|Egyptian|Cairo|
SV|Salvadoran|San Salvador|
GQ|Equatorial Guinean|Malabo|
ER|Eritrean|Asmara|
EE|Estonian|Tallinn|
SZ|Swazi|Mbabane|Swaziland
ET|Ethiopian|Addis Ababa|
FJ|Fijian|Suva|
FI|Finnish|Helsinki|
FR|French|Paris|
GA|Gabonese|Libreville|
GM|Gambian|Banjul|
GE|Georgian|Tbilisi|
DE|German|Berlin|
GH|Ghanaian|Accra|
GR|Greek|Athens|
GT|Guatemalan||
GN|Guinean|Conakry|
GW|Bissau-Guinean|Bissau|
GY|Guyanese||
HT|Haitian|Port-au-Prince|
HN|Honduran|Tegucigalpa|
HU|Hungarian|Budapest|
IS|Icelandic|Reykjavík,Reykjavik|
IN|Indian|New Delhi|
ID|Indonesian|Jakarta|
IR|Iranian|Tehran|
IQ|Iraqi|Baghdad|
IE|Irish|Dublin|
IL|Israeli||
IT|Italian|Rome|
JM|Jamaican||
JP|Japanese|Tokyo|
JO|Jordanian|Amman|
KZ|Kazakh,Kazakhstani|Astana|
KE|Kenyan|Nairobi|
KP|North Korean|Pyongyang|North Korea
KR|South Korean|Seoul|South Korea
KW|Kuwaiti||
KG|Kyrgyz|Bishkek|
LA|Laotian|Vientiane|Laos
LV|Latvian|Riga|
LB|Lebanese|Beirut|
LR|Liberian|Monrovia|
LY|Libyan|Tripoli|
LI|Liechtensteiner|Vaduz|
LT|Lithuanian|Vilnius|
LU|Luxembourgish||
MG|Malagasy|Antananarivo|
MW|Malawian|Lilongwe|
MY|Malaysian|Kuala Lumpur|
MV|Maldivian||
ML|Malian|Bamako|
MT|Maltese|Valletta|
MH|Marshallese|Majuro|
MR|Mauritanian|Nouakchott|
MU|Mauritian|Port Louis|
MX|Mexican|Mexico City|
FM|Micronesian|Palikir|
MD|Moldovan|Chișinău,Chisinau|
MC|Monegasque||
MN|Mongolian|Ulaanbaatar|
ME|Montenegrin|Podgorica|
MA|Moroccan|Rabat|
MZ|Mozambican|Maputo|
MM|Burmese|Naypyidaw|Burma
NA|Namibian|Windhoek|
NP|Nepali,Nepalese|Kathmandu|
NL|Dutch||Holland
NZ|New Zealander|Wellington|
NI|Nicaraguan|Managua|
NE|Nigerien|Niamey|
NG|Nigerian|Abuja|
MK|North Macedonian,Macedonian|Skopje|Macedonia
NO|Norwegian|Oslo|
OM|Omani|Muscat|
PK|Pakistani|Islamabad|
PW|Palauan||
PA|Panamanian|Panama City|
PG|Papua New Guinean|Port Moresby|
PY|Paraguayan|Asunción,Asuncion|
PE|Peruvian|Lima|
PH|Filipino,Philippine|Manila|
PL|Polish|Warsaw|
PT|Portuguese|Lisbon|
QA|Qatari|Doha|
RO|Romanian|Bucharest|
RU|Russian|Moscow,Kremlin|Russia
RW|Rwandan|Kigali|
LC|Saint Lucian|Castries|
WS|Samoan|Apia|
SM|Sammarinese||
SA|Saudi|Riyadh|Saudi Arabia
SN|Senegalese|Dakar|
RS|Serbian,Serb|Belgrade|
SC|Seychellois||
SL|Sierra Leonean|Freetown|
SG|Singaporean||
SK|Slovak|Bratislava|Slovakia
SI|Slovenian,Slovene|Ljubljana|
SO|Somali|Mogadishu|
ZA|South African|Pretoria|
SS|South Sudanese|Juba|
ES|Spanish,Spaniard|Madrid|
LK|Sri Lankan|Colombo|
SD|Sudanese|Khartoum|
SR|Surinamese|Paramaribo|
SE|Swedish,Swede|Stockholm|
CH|Swiss|Bern,Berne|
SY|Syrian|Damascus|Syria
TJ|Tajik|Dushanbe|
TZ|Tanzanian|Dodoma|Tanzania
TH|Thai|Bangkok|
TL|Timorese|Dili|East Timor
TG|Togolese|Lomé,Lome|
TO|Tongan||
TT|Trinidadian|Port of Spain|
TN|Tunisian|Tunis|
TR|Turkish,Turk|Ankara|Turkey,Türkiye
TM|Turkmen|Ashgabat|
UG|Ugandan|Kampala|
UA|Ukrainian|Kyiv,Kiev|
AE|Emirati|Abu Dhabi|UAE,United Arab Emirates
GB|British,Briton|London|UK,U.K.,Britain,Great Britain,United Kingdom
US|American|Washington|US,U.S.,USA,U.S.A.,America,United States,United States of America
UY|Uruguayan|Montevideo|
UZ|Uzbek|Tashkent|
VA|Vatican||Holy See,Vatican City
VE|Venezuelan|Caracas|Venezuela
VN|Vietnamese|Hanoi|Vietnam,Viet Nam
YE|Yemeni|Sanaa,Sana'a|
ZM|Zambian|Lusaka|
ZW|Zimbabwean|Harare|
XK|Kosovar,Kosovan|Pristina,Prishtina,Priština|Kosovo
PS|Palestinian|Ramallah|Palestine
TW|Taiwanese|Taipei|Taiwan
`;

export interface PlaceNames {
  demonyms: string[];
  capitals: string[];
  names: string[];
}

export const PLACES: ReadonlyMap<string, PlaceNames> = new Map(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const [code, dem, cap, other] = line.split('|');
      const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
      const demonyms = list(dem);
      // plurals of people-demonyms: Serbs, Americans, Spaniards (not "Swisses" or "Frenches")
      for (const d of [...demonyms]) if (/(an|i|b|k|e|d)$/.test(d) && !/(ese|ss)$/.test(d)) demonyms.push(d + 's');
      return [code, { demonyms, capitals: list(cap), names: list(other) }] as const;
    }),
);

/**
 * Organizations and missions by the names news uses for them. `match` finds the model's
 * organization (by name, short name or alias); `aliases` are added to it.
 */
export const ORG_ALIASES: ReadonlyArray<{ match: string[]; aliases: string[] }> = [
  { match: ['NATO', 'North Atlantic Treaty Organization'], aliases: ['NATO', 'North Atlantic Treaty Organization', 'the Alliance', 'the North Atlantic Alliance', 'the Atlantic Alliance'] },
  { match: ['EU', 'European Union'], aliases: ['EU', 'E.U.', 'European Union', 'Brussels'] },
  { match: ['CoE', 'Council of Europe'], aliases: ['Council of Europe', 'CoE'] },
  { match: ['UN', 'United Nations'], aliases: ['UN', 'U.N.', 'United Nations'] },
  { match: ['UNESCO'], aliases: ['UNESCO', 'Unesco'] },
  { match: ['OSCE'], aliases: ['OSCE', 'Organization for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe'] },
  { match: ['Interpol', 'INTERPOL'], aliases: ['Interpol', 'INTERPOL'] },
];

/** Entities that are not members of anything but matter for ties: missions and forces. */
export const EXTRA_ENTITIES: ReadonlyArray<{ code: string; name: string; aliases: string[] }> = [
  { code: 'kfor', name: 'Kosovo Force (KFOR)', aliases: ['KFOR', 'Kosovo Force'] },
  { code: 'eulex', name: 'EU Rule of Law Mission in Kosovo (EULEX)', aliases: ['EULEX'] },
  { code: 'unmik', name: 'UN Interim Administration Mission in Kosovo (UNMIK)', aliases: ['UNMIK'] },
];
