// Countries and regions too small for the 1:110m map (Hong Kong, Macao, Singapore, island states): drawn as a
// dot at the centroid of their 1:50m outline in world-atlas (tests/unit/world-map.test.ts recomputes them).
export const smallRegions: readonly (readonly [code: string, longitude: number, latitude: number])[] = [
  ["AD", 1.56, 42.54], // Andorra
  ["AG", -61.79, 17.28], // Antigua and Barb.
  ["AI", -63.07, 18.22], // Anguilla
  ["AS", -170.72, -14.3], // American Samoa
  ["AW", -69.98, 12.52], // Aruba
  ["AX", 19.95, 60.22], // Åland
  ["BB", -59.56, 13.18], // Barbados
  ["BH", 50.54, 26.04], // Bahrain
  ["BL", -62.84, 17.9], // St-Barthélemy
  ["BM", -64.76, 32.31], // Bermuda
  ["CK", -159.79, -21.22], // Cook Is.
  ["CV", -23.96, 15.96], // Cabo Verde
  ["CW", -68.97, 12.2], // Curaçao
  ["DM", -61.36, 15.44], // Dominica
  ["FM", 153.3, 7.54], // Micronesia
  ["FO", -6.88, 62.05], // Faeroe Is.
  ["GD", -61.68, 12.12], // Grenada
  ["GG", -2.57, 49.47], // Guernsey
  ["GS", -36.49, -54.46], // S. Geo. and the Is.
  ["GU", 144.77, 13.44], // Guam
  ["HK", 114.11, 22.4], // Hong Kong
  ["HM", 73.52, -53.09], // Heard I. and McDonald Is.
  ["IM", -4.54, 54.22], // Isle of Man
  ["IO", 72.45, -7.33], // Br. Indian Ocean Ter.
  ["JE", -2.13, 49.22], // Jersey
  ["KI", -167.92, 0.89], // Kiribati
  ["KM", 43.68, -11.88], // Comoros
  ["KN", -62.69, 17.26], // St. Kitts and Nevis
  ["KY", -80.91, 19.43], // Cayman Is.
  ["LC", -60.97, 13.89], // Saint Lucia
  ["LI", 9.54, 47.14], // Liechtenstein
  ["MC", 7.41, 43.75], // Monaco
  ["MF", -63.06, 18.09], // St-Martin
  ["MH", 170.33, 7.02], // Marshall Is.
  ["MO", 113.51, 22.22], // Macao
  ["MP", 145.62, 15.83], // N. Mariana Is.
  ["MS", -62.19, 16.74], // Montserrat
  ["MT", 14.41, 35.92], // Malta
  ["MU", 57.57, -20.28], // Mauritius
  ["MV", 73.46, 3.73], // Maldives
  ["NF", 167.95, -29.05], // Norfolk Island
  ["NR", 166.93, -0.52], // Nauru
  ["NU", -169.87, -19.05], // Niue
  ["PF", -144.8, -14.73], // Fr. Polynesia
  ["PM", -56.3, 46.92], // St. Pierre and Miquelon
  ["PN", -128.32, -24.36], // Pitcairn Is.
  ["PW", 134.41, 7.29], // Palau
  ["SC", 55.48, -4.66], // Seychelles
  ["SG", 103.82, 1.36], // Singapore
  ["SH", -9.7, -12.35], // Saint Helena
  ["SM", 12.46, 43.94], // San Marino
  ["ST", 6.72, 0.44], // São Tomé and Principe
  ["SX", -63.06, 18.05], // Sint Maarten
  ["TC", -71.97, 21.83], // Turks and Caicos Is.
  ["TO", -174.8, -20.42], // Tonga
  ["VA", 12.43, 41.9], // Vatican
  ["VC", -61.2, 13.23], // St. Vin. and Gren.
  ["VG", -64.47, 18.53], // British Virgin Is.
  ["VI", -64.8, 17.96], // U.S. Virgin Is.
  ["WF", -177.35, -13.89], // Wallis and Futuna Is.
  ["WS", -172.16, -13.75], // Samoa
];
